import type { Decider } from '@praxis/core';
import { events, type StaffMemberEvent } from './events.js';
import { evolve, initialState, type StaffMember } from './state.js';
import type { StaffDecision } from './rules.js';
import * as recruitment from './recruitment.js';
import * as credentials from './credentials.js';
import * as employment from './employment.js';
import * as training from './training.js';
import * as performance from './performance.js';
import * as opening from './opening.js';

import { commands, type StaffMemberCommand } from './commands.js';
import { refusals, type StaffMemberRefusal } from './refusals.js';
export { refusals, type StaffMemberRefusal } from './refusals.js';
export type { StaffMemberCommand } from './commands.js';

/** Decides one command against a staff member's state (pure; business dates come on the command). */
export const decide = (c: StaffMemberCommand, s: StaffMember): StaffDecision => {
  switch (c.type) {
    case 'ReceiveApplication':
      return recruitment.receiveApplication(c, s);
    case 'RecordExistingStaffMember':
      return opening.recordExistingStaffMember(c, s);
    case 'RecordInterview':
      return recruitment.recordInterview(c, s);
    case 'CompleteCredentialing':
      return recruitment.completeCredentialing(c, s);
    case 'MakeOffer':
      return recruitment.makeOffer(c, s);
    case 'HireStaffMember':
      return recruitment.hireStaffMember(c, s);
    case 'CloseApplication':
      return recruitment.closeApplication(c, s);
    case 'VerifyCredential':
      return credentials.verifyCredential(c, s);
    case 'RenewCredential':
      return credentials.renewCredential(c, s);
    case 'RecordExclusionScreening':
      return credentials.recordExclusionScreening(c, s);
    case 'Recredential':
      return credentials.recredential(c, s);
    case 'AssignOnboardingTask':
      return employment.assignOnboardingTask(c, s);
    case 'CompleteOnboardingTask':
      return employment.completeOnboardingTask(c, s);
    case 'SeparateStaffMember':
      return employment.separateStaffMember(c, s);
    case 'ChangeStaffRole':
      return employment.changeStaffRole(c, s);
    case 'AssignTraining':
      return training.assignTraining(c, s);
    case 'CompleteTraining':
      return training.completeTraining(c, s);
    case 'WithdrawTraining':
      return training.withdrawTraining(c, s);
    case 'RecordPolicyTraining':
      return training.recordPolicyTraining(c, s);
    case 'RecordContinuingEducation':
      return training.recordContinuingEducation(c, s);
    case 'SetSmartGoal':
      return performance.setSmartGoal(c, s);
    case 'CloseSmartGoal':
      return performance.closeSmartGoal(c, s);
    case 'RecordQuarterlyReview':
      return performance.recordQuarterlyReview(c, s);
  }
};

/**
 * The StaffMember aggregate: one stream per person (`StaffMember-<staffId>`) from
 * application to separation, including credentials, training and performance.
 */
export const decider: Decider<StaffMemberCommand, StaffMemberEvent, StaffMember, StaffMemberRefusal> = {
  name: 'StaffMember',
  stateVersion: 2, // 2: roleHistory (the role held on a date)
  initialState,
  evolve,
  decide,
  events,
  commands,
  refusals,
};
