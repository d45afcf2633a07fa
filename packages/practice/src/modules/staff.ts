import { Conflict, Roster, StaffMember, StaffObligations } from '@praxis/staff';
import type { CommandMethods } from '../area.js';
import { bind, type AggregateBinding, type PracticeModule } from '../module.js';

/** Staff members: `practice.staff.hireStaffMember({ staffId, … })`. */
export const staffMember: AggregateBinding<
  StaffMember.StaffMemberCommand,
  StaffMember.StaffMemberEvent,
  StaffMember.State,
  'staffId'
> = bind(StaffMember.decider, 'staffId', {
  ReceiveApplication: true,
  RecordInterview: true,
  CompleteCredentialing: true,
  MakeOffer: true,
  HireStaffMember: true,
  CloseApplication: true,
  VerifyCredential: true,
  RenewCredential: true,
  RecordExclusionScreening: true,
  Recredential: true,
  AssignOnboardingTask: true,
  CompleteOnboardingTask: true,
  SeparateStaffMember: true,
  ChangeStaffRole: true,
  AssignTraining: true,
  CompleteTraining: true,
  WithdrawTraining: true,
  RecordContinuingEducation: true,
  SetSmartGoal: true,
  CloseSmartGoal: true,
  RecordQuarterlyReview: true,
});

/** Conflicts between staff: `practice.staff.openConflict({ conflictId, … })`. */
export const conflict: AggregateBinding<
  Conflict.ConflictCommand,
  Conflict.ConflictEvent,
  Conflict.State,
  'conflictId'
> = bind(Conflict.decider, 'conflictId', {
  OpenConflict: true,
  MediateConflict: true,
  ResolveConflict: true,
  EscalateConflict: true,
});

/** Staff supervision: recruitment, credentials, training, goals, reviews, conflicts. */
export const staffModule: PracticeModule = {
  area: 'staff',
  aggregates: [staffMember, conflict],
  projections: [Roster.staffRoster, StaffObligations.staffObligations],
};

/** The staff commands of the facade. */
export type StaffCommands = CommandMethods<typeof staffMember> & CommandMethods<typeof conflict>;
