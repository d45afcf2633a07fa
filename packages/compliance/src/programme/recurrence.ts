import * as t from 'io-ts';
import { DateTime } from 'luxon';
import { PositiveInt } from '@praxis/core';

/** How often a requirement recurs: every `every` days, weeks, months or years. */
export const Recurrence = t.type({
  every: PositiveInt,
  unit: t.keyof({ days: null, weeks: null, months: null, years: null }),
});
/** How often a requirement recurs. */
export type Recurrence = t.TypeOf<typeof Recurrence>;

/**
 * The next due date: one recurrence after `from`, a calendar day in the practice zone.
 * Calendar arithmetic through luxon: a month end clamps (2026-01-31 + 1 month = 2026-02-28),
 * a leap day clamps (2024-02-29 + 1 year = 2025-02-28), and a daylight-saving change does not
 * shift a date (dates are days, not instants).
 *
 * @example
 * nextDueOn('2026-12-28', { every: 1, unit: 'weeks' }); // '2027-01-04'
 */
export const nextDueOn = (from: string, r: Recurrence): string =>
  DateTime.fromISO(from, { zone: 'utc' })
    .plus({ [r.unit]: r.every })
    .toISODate()!;

/** Whether recurrence `a` is never longer than `b` (compared over a 4-year cycle of start dates). */
export const atMostAsLongAs = (a: Recurrence, b: Recurrence): boolean => {
  for (const start of ['2024-01-31', '2024-02-29', '2025-06-30', '2027-12-31'])
    if (nextDueOn(start, a) > nextDueOn(start, b)) return false;
  return true;
};
