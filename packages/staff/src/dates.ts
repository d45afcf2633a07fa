import { DateTime } from 'luxon';

/**
 * Calendar-date arithmetic for staff deadlines. Business dates are `YYYY-MM-DD` days in the
 * practice's time zone; the arithmetic is done with luxon in that zone. Adding months
 * clamps to the end of a shorter month (luxon's rule), so a training completed on
 * 2024-02-29 with a 12-month recurrence falls due on 2025-02-28.
 *
 * @example
 * addMonths('2024-02-29', 12, 'America/New_York'); // '2025-02-28'
 */
export const addMonths = (date: string, months: number, zone = 'UTC'): string =>
  DateTime.fromISO(date, { zone }).plus({ months }).toISODate()!;

/**
 * Adds (or with a negative number, subtracts) calendar days.
 *
 * @example
 * addDays('2026-03-01', -60); // '2025-12-31'
 */
export const addDays = (date: string, days: number, zone = 'UTC'): string =>
  DateTime.fromISO(date, { zone }).plus({ days }).toISODate()!;

/**
 * The calendar date, in the practice zone, on which an instant falls: how an instant
 * (e.g. a command's `at`) becomes a business date for a staff command.
 *
 * @example
 * localDate('2026-03-08T06:30:00Z', 'America/New_York'); // '2026-03-08' (01:30 EST)
 * localDate('2026-03-08T04:30:00Z', 'America/New_York'); // '2026-03-07'
 */
export const localDate = (instant: string, zone: string): string =>
  DateTime.fromISO(instant, { setZone: true }).setZone(zone).toISODate()!;

/** The quarter (`2026-Q1`) a calendar date falls in. */
export const quarterOf = (date: string): string =>
  `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

/**
 * A quarter label's answers, kept once computed: KPIs ask for the same few quarters for every
 * person and period, and luxon's calendar arithmetic was most of "reviews on time" (13 people,
 * ~20 ms a report). Only valid labels are kept, and at most 4,096 of them.
 */
const perQuarter = <A>(compute: (quarter: string) => A | undefined) => {
  const known = new Map<string, A>();
  return (quarter: string): A | undefined => {
    const hit = known.get(quarter);
    if (hit !== undefined) return hit;
    const a = compute(quarter);
    if (a !== undefined && known.size < 4096) known.set(quarter, a);
    return a;
  };
};

/** First and last calendar day of a quarter label `YYYY-Qn`, or undefined when it is not one. */
export const quarterBounds = perQuarter(
  (quarter): { readonly first: string; readonly last: string } | undefined => {
    const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
    if (m === null) return undefined;
    const start = DateTime.fromObject(
      { year: Number(m[1]), month: (Number(m[2]) - 1) * 3 + 1, day: 1 },
      { zone: 'UTC' },
    );
    return { first: start.toISODate()!, last: start.plus({ months: 3 }).minus({ days: 1 }).toISODate()! };
  },
);

/** The quarter after `quarter` (`2026-Q4` → `2027-Q1`); undefined when it is not a quarter label. */
export const nextQuarter = perQuarter((quarter: string): string | undefined => {
  const q = quarterBounds(quarter);
  return q === undefined ? undefined : quarterOf(addDays(q.last, 1));
});

/** The quarter before `quarter` (`2026-Q1` → `2025-Q4`); undefined when it is not a quarter label. */
export const previousQuarter = perQuarter((quarter: string): string | undefined => {
  const q = quarterBounds(quarter);
  return q === undefined ? undefined : quarterOf(addDays(q.first, -1));
});

/**
 * The date a quarterly review of `quarter` is due: the last day of the month after the quarter
 * (2026-Q1 → 2026-04-30), so the review can look back on the whole quarter. Undefined when
 * `quarter` is not a quarter label.
 */
export const reviewDueOn = perQuarter((quarter: string): string | undefined => {
  const q = quarterBounds(quarter);
  return q === undefined ? undefined : addDays(addMonths(addDays(q.last, 1), 1), -1);
});

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
