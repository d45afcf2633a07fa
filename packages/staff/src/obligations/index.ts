/** The `staff-obligations` read model: dated staff duties as core `Obligation` documents. */
export { staffObligations, staffObligationsName } from './projection.js';
export { listStaffObligations } from './queries.js';
