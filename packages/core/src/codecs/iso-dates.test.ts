import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { isCalendarDate, isInstant, isTimeZone } from './iso-dates.js';

// The arithmetic fast paths must give luxon's answer for every string, valid or not.
const luxonDate = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && DateTime.fromISO(s, { zone: 'utc' }).isValid;
const luxonInstant = (s: string) =>
  /T.*(Z|[+-]\d{2}:?\d{2})$/.test(s) && DateTime.fromISO(s, { setZone: true }).isValid;

const pad = (n: number, w: number) => String(n).padStart(w, '0');
/** Near-valid pieces: each field sometimes just out of range, so both answers are exercised. */
const dateText = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
  .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
const instantText = fc
  .tuple(
    dateText,
    fc.integer({ min: 0, max: 25 }),
    fc.integer({ min: 0, max: 61 }),
    fc.option(fc.integer({ min: 0, max: 61 })),
    fc.option(fc.stringMatching(/^\.\d{1,10}$/)),
    fc.oneof(
      fc.constant('Z'),
      fc
        .tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 61 }))
        .map(([s, h, m]) => `${s}${pad(h, 2)}:${pad(m, 2)}`),
      fc.stringMatching(/^[+-]\d{4}$/),
    ),
  )
  .map(
    ([d, h, m, s, f, z]) =>
      `${d}T${pad(h, 2)}:${pad(m, 2)}${s === null ? '' : `:${pad(s, 2)}${f ?? ''}`}${z}`,
  );

describe('ISO date checks', () => {
  it('agree with luxon on calendar dates, leap days included', () => {
    fc.assert(
      fc.property(fc.oneof(dateText, fc.string()), (s) => {
        expect(isCalendarDate(s)).toBe(luxonDate(s));
      }),
      {
        numRuns: 5_000,
      },
    );
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(isCalendarDate('2000-02-29')).toBe(true);
  });

  it('agree with luxon on instants, offsets and fractions included', () => {
    fc.assert(
      fc.property(fc.oneof(instantText, fc.string()), (s) => {
        expect(isInstant(s)).toBe(luxonInstant(s));
      }),
      { numRuns: 5_000 },
    );
    expect(isInstant('2026-03-08T02:30:00-05:00')).toBe(true);
    expect(isInstant('2026-03-08T02:30:00')).toBe(false);
    expect(isInstant('2026-02-30T10:00:00Z')).toBe(false);
  });

  it('know time zones as luxon does, the same answer the second time', () => {
    for (const z of ['America/New_York', 'Europe/Berlin', 'UTC', 'Not/AZone', '', 'constructor']) {
      const expected = DateTime.now().setZone(z).isValid;
      expect(isTimeZone(z)).toBe(expected);
      expect(isTimeZone(z)).toBe(expected);
    }
  });
});
