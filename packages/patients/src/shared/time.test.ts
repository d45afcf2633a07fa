import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, weekdayOf } from './time.js';

/** What luxon answers: the calendar helpers' definition before they were made arithmetic. */
const luxon = {
  weekdayOf: (date: string) => DateTime.fromISO(date, { zone: 'utc' }).weekday,
  addDays: (date: string, n: number) =>
    DateTime.fromISO(date, { zone: 'utc' }).plus({ days: n }).toISODate() ?? date,
  daysBetween: (from: string, to: string) =>
    Math.round(
      DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'days').days,
    ),
};

const pad = (n: number, w: number) => String(n).padStart(w, '0');
/** Dates near the valid range: real ones, 29–31 February, month 13, day 00, years 0999–10000. */
const nearDate = fc
  .tuple(
    fc.oneof(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 10_000 })),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
  )
  .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
const anyDate = fc.oneof(nearDate, fc.string({ maxLength: 12 }));

describe('calendar-date helpers', () => {
  it('answer as luxon does for valid, near-valid and arbitrary dates', () => {
    fc.assert(
      fc.property(anyDate, anyDate, fc.integer({ min: -400_000, max: 400_000 }), (a, b, n) => {
        expect(weekdayOf(a)).toStrictEqual(luxon.weekdayOf(a));
        expect(addDays(a, n)).toBe(luxon.addDays(a, n));
        expect(daysBetween(a, b)).toStrictEqual(luxon.daysBetween(a, b));
      }),
      { numRuns: 5000 },
    );
  });

  it('knows the calendar: leap days, weekdays and year ends', () => {
    expect(weekdayOf('2026-11-30')).toBe(1); // a Monday
    expect(weekdayOf('2024-02-29')).toBe(4);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
    expect(daysBetween('2024-03-01', '2024-02-01')).toBe(-29);
  });
});
