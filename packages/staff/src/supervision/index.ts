/**
 * The `staff-supervision` read model (onboarding tasks, quarterly reviews, conflicts), its
 * queries and the supervision KPIs.
 */
export {
  staffSupervision,
  staffSupervisionName,
  type OnboardingDoc,
  type ReviewsDoc,
  type ConflictDoc,
} from './projection.js';
export {
  listOnboardingTasks,
  reviewsDueIn,
  listConflicts,
  isConflictOpenOn,
  type ReviewOwed,
  type DateRange,
} from './queries.js';
export { supervisionKpis } from './kpis.js';
