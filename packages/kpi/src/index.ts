/**
 * @praxis/kpi — read models (pure projections) and KPI queries over the practice's events.
 */
export * from './period.js';
export * from './staff/index.js';
export * as Finance from './finance/index.js';
