import * as t from 'io-ts';
import { reject, type Decision } from '../domain-error.js';

/**
 * Where a person a command names stands on the staff record, as of the command's business date:
 * `on-staff` (hired, not separated before that date), `separated` (separated before it),
 * `not-on-staff` (a StaffMember stream that never reached a hire: an applicant, a closed
 * application) or `unknown` (no StaffMember stream at all).
 */
export const StaffStanding = t.keyof({
  'on-staff': null,
  separated: null,
  'not-on-staff': null,
  unknown: null,
});
export type StaffStanding = t.TypeOf<typeof StaffStanding>;

/**
 * The fact a command naming staff members carries: one entry per named person, with the input
 * field that named them (`staffId`, `attendeeIds.2`). The binding's fact provider fills it in
 * from the StaffMember streams (`staffOnRecord` in @praxis/staff); a caller cannot send it.
 */
export const StaffNamed = t.readonlyArray(
  t.type({ field: t.string, staffId: t.string, standing: StaffStanding }),
);
export type StaffNamed = t.TypeOf<typeof StaffNamed>;

/**
 * The refusal for the first person in `named` who is not on staff, or undefined when all are:
 * `UnknownStaffMember` (no such person, or never hired) or `StaffMemberSeparated`, naming the
 * field. Declare both codes in the aggregate's refusals (`staffOnRecordRefusals`).
 *
 * @example
 * const refused = refuseStaffNotOnRecord(c.staffOnRecord);
 * if (refused !== undefined) return refused;
 */
export const refuseStaffNotOnRecord = <E>(named: StaffNamed): Decision<E> | undefined => {
  for (const p of named) {
    if (p.standing === 'on-staff') continue;
    return p.standing === 'separated'
      ? reject('StaffMemberSeparated', `staff member ${p.staffId} had separated by then`, p.field)
      : reject(
          'UnknownStaffMember',
          p.standing === 'unknown'
            ? `there is no staff member ${p.staffId}`
            : `${p.staffId} has not been hired`,
          p.field,
        );
  }
  return undefined;
};

/** The refusal codes of `refuseStaffNotOnRecord`, with their categories, for `defineRefusals`. */
export const staffOnRecordRefusals = {
  UnknownStaffMember: 'not-found',
  StaffMemberSeparated: 'rule',
} as const;
