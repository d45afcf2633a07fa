/**
 * The StaffMember aggregate: recruitment (applied → interviewed → credentialed → offered →
 * hired), credentials and OIG exclusion screening, onboarding, training and continuing
 * education, SMART goals and quarterly reviews, separation.
 */
export { decider, decide, type StaffMemberCommand } from './decide.js';
export { commands } from './commands.js';
export {
  events,
  CredentialKind,
  ScreeningResult,
  GoalOutcome,
  type StaffMemberEvent,
  type StaffMemberEventData,
} from './events.js';
export {
  evolve,
  initialState,
  isOnStaff,
  mayHandleControlledSubstances,
  type StaffMember as State,
  type StaffStatus,
  type Credential,
  type Training,
  type Goal,
} from './state.js';
export type {
  ReceiveApplication,
  RecordInterview,
  CompleteCredentialing,
  MakeOffer,
  HireStaffMember,
  CloseApplication,
} from './recruitment.js';
export {
  deaRenewalWindowDays,
  recredentialingMonths,
  type VerifyCredential,
  type RenewCredential,
  type RecordExclusionScreening,
  type Recredential,
} from './credentials.js';
export type {
  AssignOnboardingTask,
  CompleteOnboardingTask,
  SeparateStaffMember,
  ChangeStaffRole,
} from './employment.js';
export {
  assignRequirement,
  oshaBloodbornePathogens,
  hipaaPrivacyAndSecurity,
  type TrainingRequirement,
  type AssignTraining,
  type CompleteTraining,
  type WithdrawTraining,
  type RecordContinuingEducation,
  type RecordPolicyTraining,
} from './training.js';
export type { SetSmartGoal, CloseSmartGoal, RecordQuarterlyReview } from './performance.js';
export { recordExistingStaffMember, type RecordExistingStaffMember } from './opening.js';
export { refusals, type StaffMemberRefusal } from './refusals.js';
