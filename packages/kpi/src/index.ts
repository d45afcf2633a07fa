/**
 * @praxis/kpi — read models (pure projections) and KPI queries over the practice's events.
 */
export * from './period.js';
export * from './staff/index.js';
export * as Finance from './finance/index.js';
export * from './calendar/index.js';
export * from './policies/index.js';
export * from './compliance/index.js';
export * from './definitions/index.js';
