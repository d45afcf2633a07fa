import { ISODate, reject, type Decision } from '@praxis/core';
import type { StaffMemberEvent } from './events.js';
import type { StaffMember } from './state.js';

/** What a StaffMember decision returns. */
export type StaffDecision = Decision<StaffMemberEvent>;

/**
 * The first field among `fields` that is not a real calendar date, as a rejection
 * (`InvalidDate`), or undefined when all are valid.
 */
export const invalidDate = (
  fields: Readonly<Record<string, string | undefined>>,
): StaffDecision | undefined => {
  for (const [field, value] of Object.entries(fields)) {
    if (value !== undefined && !ISODate.is(value))
      return reject('InvalidDate', `${field} must be a calendar date YYYY-MM-DD (got "${value}")`, field);
  }
  return undefined;
};

/** Rejects unless the person is on staff (hired and not separated). */
export const notOnStaff = (s: StaffMember): StaffDecision | undefined =>
  s.status === 'separated'
    ? reject('StaffMemberSeparated', `${s.name} has separated from the practice`)
    : s.status !== 'hired'
      ? reject('NotOnStaff', s.status === 'none' ? 'no such staff member' : `${s.name} has not been hired`)
      : undefined;

/** Whether a string is present and not blank. */
export const blank = (v: string | undefined): boolean => v === undefined || v.trim().length === 0;
