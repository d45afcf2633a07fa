export { financeKpis } from './finance.js';
export { staffKpis, policyKpis, complianceKpiDefinitions } from './others.js';
/** The shared, memoised detail the built-in KPIs are read from (for reports that show it). */
export * as KpiDetail from './shared.js';
