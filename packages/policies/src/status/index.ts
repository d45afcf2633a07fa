/** The `policy-status` read model and its queries. */
export { policyStatus, policyStatusName, type PolicyStatusDoc, type PolicySession } from './projection.js';
export { getPolicyStatus, listPolicyStatuses, type PolicyStatusView } from './queries.js';
