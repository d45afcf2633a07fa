/**
 * @praxis/operations — operational efficiency (MODULES.md §3.2): process maps measuring any
 * step between two event types (lead time median and p90, WIP, throughput, the bottleneck),
 * the revenue cycle's charge lag and hold lag shipped, and obligation throughput (O5).
 *
 * @example
 * const timing = await stepTiming(practice.readModels, periodOf('2026-Q1', zone));
 * timing?.bottleneck; // { stepId: 'hold-lag', sharePct: 61.2 }
 */
export * as ProcessMap from './process-map/index.js';
export * from './timing.js';
export * from './default-maps.js';
export * from './read-models.js';
export * from './step-totals.js';
export * from './kpis.js';
export { isKnownEventType, builtinEventRegistries } from './known-events.js';
export { operationsModule, processMap } from './module.js';
export * from './what-if.js';
export * from './explain.js';
