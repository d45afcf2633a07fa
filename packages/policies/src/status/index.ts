/** The `policy-status` read model and its queries. */
export {
  policyStatus,
  policyStatusName,
  type PolicyStatusDoc,
  type PolicySession,
  type ChartAuditDoc,
} from './projection.js';
export {
  getPolicyStatus,
  listPolicyStatuses,
  policiesGoverning,
  listChartAudits,
  documentationComplianceParts,
  documentationComplianceByProvider,
  type PolicyStatusView,
} from './queries.js';
export { documentationKpis } from './kpis.js';
