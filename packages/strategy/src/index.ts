/**
 * @praxis/strategy — strategic planning (MODULES.md §3.4): goals judged by the log (S2) and the
 * prioritised, delegated work queue (S5), initiatives (S3) and market analyses (S4).
 *
 * @example
 * import { strategyModule } from '@praxis/strategy';
 * const practice = await createPractice({ store, modules: [...builtinModules, strategyModule] });
 */
export * as Goal from './goal/index.js';
export * as WorkItem from './work-item/index.js';
export * as Initiative from './initiative/index.js';
export * as MarketAnalysis from './market-analysis/index.js';
export * from './periods.js';
export * from './obligations.js';
export { strategyModule, goal, workItem, initiative, marketAnalysis } from './module.js';
