/** Staff KPIs over the `staff-roster` read model of `@praxis/staff`. */
export { staffTurnover, type StaffTurnover } from './staff-turnover.js';
export {
  trainingCompliance,
  trainingComplianceForPeriod,
  type TrainingCompliance,
  type NonCompliantStaff,
} from './training-compliance.js';
