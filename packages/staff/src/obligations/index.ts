/** The `staff-obligations` read model: dated staff duties as core `Obligation` documents. */
export { staffObligations, staffObligationsName, conflictResolutionDays } from './projection.js';
export { listStaffObligations } from './queries.js';
