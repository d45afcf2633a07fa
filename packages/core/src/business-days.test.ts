import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  InvalidArgument,
  businessCalendar,
  addBusinessDays,
  businessDaysBetween,
  isBusinessDay,
  usFederalHolidays,
  type BusinessCalendarSettings,
  type Weekday,
} from './index.js';

// Dates as plain UTC day numbers: an oracle that shares no code with the calendar.
const dayMs = 86_400_000;
const toIso = (n: number) => new Date(n * dayMs).toISOString().slice(0, 10);
const toDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / dayMs;
const isoWeekday = (n: number) => ((new Date(n * dayMs).getUTCDay() + 6) % 7) + 1;

const from = toDay('1990-01-01');
const to = toDay('2060-12-31');
const date = fc.integer({ min: from, max: to }).map(toIso);
const settings: fc.Arbitrary<BusinessCalendarSettings> = fc.record({
  openWeekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }) as fc.Arbitrary<Weekday>, {
    minLength: 1,
    maxLength: 7,
  }),
  holidays: fc.uniqueArray(
    date.map((on) => ({ on, name: `closed ${on}` })),
    { maxLength: 60, selector: (h) => h.on },
  ),
});
const zone = fc.constantFrom(
  'America/Chicago',
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe',
  'UTC',
);
const steps = fc.integer({ min: -400, max: 400 });

/** Is day n open under `s` (the oracle)? */
const closedSets = new WeakMap<BusinessCalendarSettings, Set<string>>();
const openUnder = (s: BusinessCalendarSettings, n: number) => {
  let closed = closedSets.get(s);
  if (closed === undefined) closedSets.set(s, (closed = new Set(s.holidays.map((h) => h.on))));
  return s.openWeekdays.includes(isoWeekday(n) as Weekday) && !closed.has(toIso(n));
};

describe('business-day calendar: laws (property tests)', () => {
  it('adding n business days, then counting back, gives n', () => {
    fc.assert(
      fc.property(zone, settings, date, steps, (z, s, d, n) => {
        const cal = businessCalendar(z, s);
        expect(cal.businessDaysBetween(d, cal.addBusinessDays(d, n))).toBe(n);
      }),
    );
  });

  it('never lands on a closed day (n ≠ 0), and moves in the direction of n', () => {
    fc.assert(
      fc.property(zone, settings, date, steps, (z, s, d, n) => {
        fc.pre(n !== 0);
        const cal = businessCalendar(z, s);
        const r = cal.addBusinessDays(d, n);
        expect(cal.isBusinessDay(r)).toBe(true);
        expect(openUnder(s, toDay(r))).toBe(true);
        expect(Math.sign(toDay(r) - toDay(d))).toBe(Math.sign(n));
      }),
    );
  });

  it('counts a backwards span of closed days as 0, never -0', () => {
    // Sunday 2026-11-29 back to Saturday 2026-11-28 on the default Monday–Friday week.
    expect(
      Object.is(businessCalendar('America/Chicago').businessDaysBetween('2026-11-29', '2026-11-28'), 0),
    ).toBe(true);
  });

  it('agrees with a day-by-day count', () => {
    fc.assert(
      fc.property(zone, settings, date, date, (z, s, a, b) => {
        const cal = businessCalendar(z, s);
        const [x, y] = [toDay(a), toDay(b)];
        let count = 0;
        if (x <= y) for (let n = x + 1; n <= y; n++) count += openUnder(s, n) ? 1 : 0;
        else for (let n = y; n < x; n++) count -= openUnder(s, n) ? 1 : 0;
        expect(cal.businessDaysBetween(a, b)).toBe(count);
        expect(cal.isBusinessDay(a)).toBe(openUnder(s, x));
      }),
    );
  });

  it('adds in steps: (d + a) + b = d + (a + b) for a, b of one sign', () => {
    fc.assert(
      fc.property(zone, settings, date, fc.nat(200), fc.nat(200), fc.boolean(), (z, s, d, a, b, back) => {
        fc.pre(a > 0 && b > 0);
        const cal = businessCalendar(z, s);
        const k = back ? -1 : 1;
        expect(cal.addBusinessDays(cal.addBusinessDays(d, k * a), k * b)).toBe(
          cal.addBusinessDays(d, k * (a + b)),
        );
      }),
    );
  });

  it('reads an instant as its date in the practice zone, across daylight-saving changes', () => {
    fc.assert(
      fc.property(
        zone,
        settings,
        fc.integer({ min: Date.parse('1990-01-01T00:00:00Z'), max: Date.parse('2060-12-31T00:00:00Z') }),
        steps,
        (z, s, ms, n) => {
          const cal = businessCalendar(z, s);
          const local = DateTime.fromMillis(ms, { zone: z });
          const instant = DateTime.fromMillis(ms, { zone: 'UTC' }).toISO()!;
          const day = local.toISODate()!;
          expect(cal.isBusinessDay(instant)).toBe(cal.isBusinessDay(day));
          expect(cal.addBusinessDays(instant, n)).toBe(cal.addBusinessDays(day, n));
          expect(cal.addBusinessDays(local, n)).toBe(cal.addBusinessDays(day, n));
        },
      ),
    );
  });

  it('refuses any input it cannot use with InvalidArgument, never another error', () => {
    const anything = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.constant(undefined),
      fc.object(),
      // An object whose toString is not a function (found by this property in CI).
      fc.constant({ toString: false }),
    );
    fc.assert(
      fc.property(anything, anything, anything, (a, b, n) => {
        const cal = businessCalendar('America/Chicago');
        for (const call of [
          () => cal.addBusinessDays(a as string, n as number),
          () => cal.businessDaysBetween(a as string, b as string),
          () => cal.isBusinessDay(a as string),
          () => cal.nextBusinessDay(a as string),
          () => businessCalendar(a as string, b as BusinessCalendarSettings),
          () => usFederalHolidays(a as number, b as number),
        ]) {
          try {
            call();
          } catch (err) {
            expect(InvalidArgument.isInstance(err)).toBe(true);
          }
        }
      }),
    );
  });
});

describe('business-day calendar: examples', () => {
  const cal = businessCalendar('America/Chicago', {
    openWeekdays: [1, 2, 3, 4, 5],
    holidays: usFederalHolidays(2024, 2027),
  });

  it('skips weekends and holidays (Thanksgiving 2026)', () => {
    expect(addBusinessDays(cal, '2026-11-25', 1)).toBe('2026-11-27');
    expect(addBusinessDays(cal, '2026-11-25', 3)).toBe('2026-12-01');
    expect(addBusinessDays(cal, '2026-11-27', -1)).toBe('2026-11-25');
    expect(businessDaysBetween(cal, '2026-11-25', '2026-12-01')).toBe(3);
    expect(isBusinessDay(cal, '2026-11-26')).toBe(false);
    expect(cal.nextBusinessDay('2026-11-26')).toBe('2026-11-27');
    expect(cal.addBusinessDays('2026-11-26', 0)).toBe('2026-11-26');
  });

  it('is leap-day safe', () => {
    const everyDay = businessCalendar('UTC', { openWeekdays: [1, 2, 3, 4, 5, 6, 7], holidays: [] });
    expect(everyDay.addBusinessDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(everyDay.addBusinessDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(everyDay.addBusinessDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(everyDay.businessDaysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(() => everyDay.isBusinessDay('2027-02-29')).toThrow(InvalidArgument);
  });

  it('counts the practice date of an instant: late on Wednesday night in Chicago is still Wednesday', () => {
    // 2026-11-26T03:30Z is 21:30 on Wednesday 25 November in Chicago (Thanksgiving is the 26th).
    expect(cal.isBusinessDay('2026-11-26T03:30:00Z')).toBe(true);
    expect(cal.addBusinessDays('2026-11-26T03:30:00Z', 1)).toBe('2026-11-27');
    // The spring-forward night (8 March 2026, a Sunday) and the fall-back night (1 November).
    expect(cal.addBusinessDays('2026-03-08T02:30:00-06:00', 1)).toBe('2026-03-09');
    expect(cal.addBusinessDays('2026-11-01T01:30:00-05:00', 1)).toBe('2026-11-02');
  });

  it('refuses a calendar with no open weekday, a bad zone and a date listed twice', () => {
    expect(() => businessCalendar('America/Chicago', { openWeekdays: [], holidays: [] })).toThrow(
      /at least one open weekday/,
    );
    expect(() => businessCalendar('Mars/Olympus')).toThrow(InvalidArgument);
    expect(() =>
      businessCalendar('UTC', {
        openWeekdays: [1],
        holidays: [
          { on: '2026-01-01', name: 'a' },
          { on: '2026-01-01', name: 'b' },
        ],
      }),
    ).toThrow(/listed twice/);
    expect(() => cal.addBusinessDays('2026-01-01', 1.5)).toThrow(InvalidArgument);
    expect(() => cal.addBusinessDays('9999-12-31', 1)).toThrow(/outside years/);
  });
});

describe('usFederalHolidays (5 U.S.C. 6103)', () => {
  it('gives the dates federal offices closed in 2021 and 2026 (OPM)', () => {
    expect(usFederalHolidays(2021).map((h) => h.on)).toEqual([
      '2021-01-01',
      '2021-01-18',
      '2021-02-15',
      '2021-05-31',
      '2021-06-18', // Juneteenth, its first year, observed Friday
      '2021-07-05',
      '2021-09-06',
      '2021-10-11',
      '2021-11-11',
      '2021-11-25',
      '2021-12-24',
      '2021-12-31', // New Year's Day 2022 (a Saturday), observed in 2021
    ]);
    expect(usFederalHolidays(2026).find((h) => h.name === 'Independence Day')?.on).toBe('2026-07-03');
    expect(usFederalHolidays(2020).some((h) => h.name.startsWith('Juneteenth'))).toBe(false);
  });

  it('observes a weekend holiday on the nearest weekday, so each falls Monday to Friday (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1971, max: 2400 }), (y) => {
        const list = usFederalHolidays(y);
        // Nine holidays, MLK Day from 1986 and Juneteenth from 2021; one fewer in a year whose New
        // Year's Day is a Saturday (observed on 31 December before), one more in the year before it.
        const base = 9 + (y >= 1986 ? 1 : 0) + (y >= 2021 ? 1 : 0);
        expect(list.length).toBeGreaterThanOrEqual(base - 1);
        expect(list.length).toBeLessThanOrEqual(base + 1);
        for (const h of list) expect(isoWeekday(toDay(h.on))).toBeLessThanOrEqual(5);
      }),
    );
  });
});
