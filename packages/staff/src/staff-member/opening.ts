import { accept, reject } from '@praxis/core';
import { events } from './events.js';
import type { StaffMember } from './state.js';
import type { StaffMemberEvent } from './events.js';
import type { StaffDecision } from './rules.js';
import type { RecordExistingStaffMember } from './commands.js';
export type { RecordExistingStaffMember } from './commands.js';

/**
 * Go-live: a person already employed when the practice starts recording in Praxis (an opening
 * balance), without the six recruitment steps. Recorded as the ordinary events of a hire — the
 * application (dated the hire date), the last clear OIG exclusion check the practice holds, and
 * the hire in `role` from `hiredOn` — so the roster, the monthly OIG screening obligation, the
 * policy acknowledgment population and the staff KPIs treat the person as any other hire. One
 * command (one commandId in the trail) records them. Credentials and training history follow
 * with VerifyCredential, AssignTraining and CompleteTraining, dated in the past.
 *
 * `exclusionCheckedOn` is the date of the last clear check (an excluded person cannot be on
 * staff): a check more than a month old shows at once as an overdue screening. Refused:
 * `StaffMemberAlreadyExists` (the staff id is taken).
 */
export const recordExistingStaffMember = (c: RecordExistingStaffMember, s: StaffMember): StaffDecision => {
  if (s.status !== 'none')
    return reject('StaffMemberAlreadyExists', `staff record ${c.staffId} already exists`, 'staffId');
  const { staffId, name, position, role, hiredOn, exclusionCheckedOn } = c;
  return accept<StaffMemberEvent>(
    events.make('StaffApplicationReceived', { staffId, name, position, appliedOn: hiredOn }),
    events.make('OigExclusionScreened', {
      staffId,
      screenedOn: exclusionCheckedOn,
      result: 'clear',
      source: c.exclusionSource ?? 'OIG LEIE',
    }),
    events.make('StaffMemberHired', { staffId, hiredOn, role, startDate: hiredOn, exclusionCheckedOn }),
  );
};
