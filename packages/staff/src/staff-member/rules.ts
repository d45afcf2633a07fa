import { reject, type Decision } from '@praxis/core';
import type { StaffMemberEvent } from './events.js';
import type { StaffMember } from './state.js';

/*
 * Rules shared by the StaffMember deciders. Field shapes (non-empty text, real dates, whole
 * months, the acting reviewer) are guaranteed by the command codecs (./commands.ts), decoded by
 * the handler before `decide`, so nothing here re-checks them.
 */

/** What a StaffMember decision returns. */
export type StaffDecision = Decision<StaffMemberEvent>;

/** Rejects unless the person is on staff (hired and not separated). */
export const notOnStaff = (s: StaffMember): StaffDecision | undefined =>
  s.status === 'separated'
    ? reject('StaffMemberSeparated', `${s.name} has separated from the practice`)
    : s.status !== 'hired'
      ? reject('NotOnStaff', s.status === 'none' ? 'no such staff member' : `${s.name} has not been hired`)
      : undefined;
