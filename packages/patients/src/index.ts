/**
 * @praxis/patients — patient coordination (MODULES.md §3.1): the scheduling policy, providers'
 * schedules, one booking ledger per practice day (no double-booking of a patient or beyond a
 * provider's capacity), the patient flow, with every personal field sealed by the vault.
 */
export * as SchedulingPolicy from './scheduling-policy/index.js';
export * as OutreachPolicy from './outreach-policy/index.js';
export * as ProviderSchedule from './provider-schedule/index.js';
export * as Patient from './patient/index.js';
export * as DayBook from './day-book/index.js';
export * as Authorization from './authorization/index.js';
export * as RecordsRequest from './records-request/index.js';
export * as Outreach from './outreach/index.js';
export * as Referral from './referral/index.js';
export * as GoodFaithEstimate from './good-faith-estimate/index.js';
export * as Waitlist from './waitlist/index.js';
export * as Survey from './survey/index.js';
export * as Complaint from './complaint/index.js';
export {
  patientsModule,
  schedulingPolicy,
  patient,
  providerSchedule,
  dayBook,
  authorization,
  waitlist,
  surveyCampaign,
  surveyResponse,
  complaint,
} from './module.js';
export * from './read-models/index.js';
export {
  patientsKpis,
  attendanceOf,
  utilisationOf,
  thirdNextAvailableOf,
  thirdNextAvailableSamples,
  referralLoopClosureOf,
  referralLeakageOf,
  quantile,
  waitTimesOf,
  confirmationOf,
  refillRateOf,
  selfSchedulingShareOf,
  postVisitSummaryTimelinessOf,
  accessTimelinessOf,
  complaintFiguresOf,
  compositeTopBoxOf,
} from './kpis.js';
