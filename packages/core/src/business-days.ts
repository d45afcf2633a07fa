import * as t from 'io-ts';
import { DateTime } from 'luxon';
import { InvalidArgument } from './errors/invalid-argument.js';
import { ISODate, NonEmptyString, struct } from './codecs/primitives.js';

/**
 * A business-day calendar: the weekdays a practice is open and the dates it is closed.
 * Rules that count business days (a No Surprises Act good-faith estimate within 3 business
 * days, a complaint acknowledged within 2, a DEA theft report within 1) count on it.
 *
 * Days are calendar dates in the practice's time zone: an instant is first read as its date
 * there (luxon), and from then on only dates are counted, so a daylight-saving change or a
 * leap day never shifts a result.
 */

/** ISO weekday: 1 = Monday … 7 = Sunday (as luxon's `weekday`). */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A weekday number, 1 (Monday) to 7 (Sunday). */
export const WeekdayCodec = t.union([
  t.literal(1),
  t.literal(2),
  t.literal(3),
  t.literal(4),
  t.literal(5),
  t.literal(6),
  t.literal(7),
]);

/** One date the practice is closed on, with a name people read (`Thanksgiving Day`). */
export const HolidayCodec = struct({ on: ISODate, name: NonEmptyString });
export type Holiday = t.TypeOf<typeof HolidayCodec>;

/**
 * The business-day setting as the practice records it (`BusinessCalendarSet` on
 * `Practice-settings`): `openWeekdays` (ISO weekday numbers) and `holidays` (dates closed).
 */
export const BusinessCalendarSettings = struct({
  openWeekdays: t.readonlyArray(WeekdayCodec),
  holidays: t.readonlyArray(HolidayCodec),
});
export type BusinessCalendarSettings = t.TypeOf<typeof BusinessCalendarSettings>;

/** The calendar a practice counts on until it sets one: Monday to Friday, no holidays. */
export const defaultBusinessCalendar: BusinessCalendarSettings = {
  openWeekdays: [1, 2, 3, 4, 5],
  holidays: [],
};

/**
 * A day: an ISO date (`2026-11-26`, read as that date in the practice's zone), an ISO instant
 * with an offset (`2026-11-26T23:30:00-06:00`, read as its date in the practice's zone) or a
 * luxon DateTime (likewise).
 */
export type Day = string | DateTime;

/** The most business days one call may add or subtract (about 380 years of weekdays). */
export const maxBusinessDays = 100_000;

/** A practice's business-day calendar, bound to its time zone. */
export interface BusinessCalendar {
  /** IANA zone whose dates are counted, e.g. `America/Chicago`. */
  readonly timeZone: string;
  /** Open weekdays, ascending, without repeats. */
  readonly openWeekdays: readonly Weekday[];
  /** Dates closed, ascending by date. */
  readonly holidays: readonly Holiday[];
  /** True when `day` is an open weekday and not a holiday. Throws InvalidArgument on a bad day. */
  isBusinessDay(day: Day): boolean;
  /**
   * The date `n` business days after `day` (n > 0) or before it (n < 0), as an ISO date:
   * for n > 0 the n-th business day strictly after `day`, for n < 0 the |n|-th strictly before;
   * `day` itself (its date) for n = 0. Whatever `day` is, a result for n ≠ 0 is a business day.
   * Throws InvalidArgument for a bad day, a non-integer n, |n| > maxBusinessDays, or a result
   * outside years 0001–9999.
   */
  addBusinessDays(day: Day, n: number): string;
  /**
   * The business days from `from` to `to`: for from ≤ to, the business days in (from, to];
   * for to < from, minus those in [to, from). So `businessDaysBetween(d, addBusinessDays(d, n))`
   * is n. Throws InvalidArgument for a bad day.
   */
  businessDaysBetween(from: Day, to: Day): number;
  /** `day` itself when it is a business day, else the next one. */
  nextBusinessDay(day: Day): string;
}

const msPerDay = 86_400_000;
/** Day numbers (days since 1970-01-01) of 0001-01-01 and 9999-12-31. */
const minDay = dayNumberOfParts(1, 1, 1);
const maxDay = dayNumberOfParts(9999, 12, 31);

function dayNumberOfParts(y: number, m: number, d: number): number {
  const date = new Date(Date.UTC(2000, m - 1, d));
  date.setUTCFullYear(y); // Date.UTC maps years 0–99 to 1900–1999
  return Math.round(date.getTime() / msPerDay);
}

const isoOfDayNumber = (n: number): string => {
  const date = new Date(n * msPerDay);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};

/** ISO weekday of a day number (1970-01-01 was a Thursday). */
const weekdayOf = (n: number): Weekday => (((((n + 3) % 7) + 7) % 7) + 1) as Weekday;

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of a date string, or undefined when it is no real date. */
const parseDate = (s: string): number | undefined => {
  const m = isoDate.exec(s);
  if (m === null) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  const n = dayNumberOfParts(y, mo, d);
  return isoOfDayNumber(n) === s ? n : undefined;
};

/** The day number of a Day in `zone`. */
const dayNumberIn = (zone: string, day: Day, argument: string): number => {
  if (typeof day === 'string') {
    const date = parseDate(day);
    if (date !== undefined) return date;
    const instant = /T.*(Z|[+-]\d{2}:?\d{2})$/.test(day)
      ? DateTime.fromISO(day, { setZone: true })
      : undefined;
    if (instant === undefined || !instant.isValid) {
      throw new InvalidArgument(
        argument,
        `"${day}" is neither an ISO date (2026-11-26) nor an instant with an offset`,
      );
    }
    day = instant;
  }
  if (!DateTime.isDateTime(day) || !day.isValid) {
    throw new InvalidArgument(argument, 'not a valid date, instant or luxon DateTime');
  }
  const local = day.setZone(zone);
  const n = parseDate(local.toISODate() ?? '');
  if (n === undefined) throw new InvalidArgument(argument, `${day.toISO()} is outside years 0001–9999`);
  return n;
};

const uniqueSorted = <T>(xs: readonly T[], key: (x: T) => number): T[] =>
  [...xs].sort((a, b) => key(a) - key(b)).filter((x, i, all) => i === 0 || key(all[i - 1]!) !== key(x));

/**
 * Builds the calendar of a practice from its time zone and business-day setting. Throws
 * InvalidArgument when the zone is unknown, no weekday is open, a weekday is not 1–7, a
 * holiday's date is not a real ISO date or its name is empty, or one date is listed twice
 * under different names.
 *
 * @example
 * const cal = businessCalendar('America/Chicago', { openWeekdays: [1, 2, 3, 4, 5], holidays: usFederalHolidays(2026, 2027) });
 * cal.addBusinessDays('2026-11-25', 1); // '2026-11-27' (Thanksgiving, 26 November, is closed)
 */
export const businessCalendar = (
  timeZone: string,
  settings: BusinessCalendarSettings = defaultBusinessCalendar,
): BusinessCalendar => {
  if (typeof timeZone !== 'string' || !DateTime.now().setZone(timeZone).isValid) {
    // Never String() a value that is not text: an object may have no usable toString.
    throw new InvalidArgument(
      'timeZone',
      typeof timeZone === 'string'
        ? `"${timeZone.slice(0, 80)}" is not an IANA time zone`
        : `must be an IANA time zone name (got ${timeZone === null ? 'null' : typeof timeZone})`,
    );
  }
  const decoded = BusinessCalendarSettings.decode(settings);
  if (decoded._tag === 'Left') {
    throw new InvalidArgument(
      'businessCalendar',
      'openWeekdays must be weekday numbers 1 (Monday) to 7 (Sunday) and holidays { on: YYYY-MM-DD, name }',
    );
  }
  const openWeekdays = uniqueSorted(settings.openWeekdays, (w) => w);
  if (openWeekdays.length === 0) {
    throw new InvalidArgument('openWeekdays', 'a business calendar needs at least one open weekday');
  }
  const byDate = new Map<number, Holiday>();
  for (const h of settings.holidays) {
    const n = parseDate(h.on)!;
    const seen = byDate.get(n);
    if (seen !== undefined && seen.name !== h.name) {
      throw new InvalidArgument('holidays', `${h.on} is listed twice ("${seen.name}", "${h.name}")`);
    }
    byDate.set(n, { on: h.on, name: h.name });
  }
  const holidays = [...byDate.entries()].sort(([a], [b]) => a - b).map(([, h]) => h);
  const open = new Set<number>(openWeekdays);
  const closedDates = new Set(byDate.keys());
  /** Closed dates that fall on open weekdays, ascending: the only ones that change a count. */
  const closedOpenDays = [...closedDates].filter((n) => open.has(weekdayOf(n))).sort((a, b) => a - b);

  const isOpen = (n: number): boolean => open.has(weekdayOf(n)) && !closedDates.has(n);
  /** Open weekdays among the day numbers a..b inclusive (a ≤ b + 1). */
  const openWeekdaysIn = (a: number, b: number): number => {
    if (b < a) return 0;
    const days = b - a + 1;
    const weeks = Math.floor(days / 7);
    let count = weeks * open.size;
    for (let n = a + weeks * 7; n <= b; n++) if (open.has(weekdayOf(n))) count++;
    return count;
  };
  /** Closed dates on open weekdays among a..b inclusive. */
  const closedIn = (a: number, b: number): number => {
    let count = 0;
    for (const n of closedOpenDays) {
      if (n > b) break;
      if (n >= a) count++;
    }
    return count;
  };
  const countIn = (a: number, b: number): number => openWeekdaysIn(a, b) - closedIn(a, b);
  const check = (n: number, argument: string): number => {
    if (n < minDay || n > maxDay) {
      throw new InvalidArgument(argument, 'the result would fall outside years 0001–9999');
    }
    return n;
  };

  const calendar: BusinessCalendar = {
    timeZone,
    openWeekdays,
    holidays,
    isBusinessDay: (day) => isOpen(dayNumberIn(timeZone, day, 'day')),
    addBusinessDays: (day, n) => {
      const start = dayNumberIn(timeZone, day, 'day');
      if (typeof n !== 'number' || !Number.isInteger(n) || Math.abs(n) > maxBusinessDays) {
        throw new InvalidArgument('n', `must be an integer from -${maxBusinessDays} to ${maxBusinessDays}`);
      }
      const step = n < 0 ? -1 : 1;
      let at = start;
      for (let left = Math.abs(n); left > 0;) {
        at = check(at + step, 'n');
        if (isOpen(at)) left--;
      }
      return isoOfDayNumber(at);
    },
    businessDaysBetween: (from, to) => {
      const a = dayNumberIn(timeZone, from, 'from');
      const b = dayNumberIn(timeZone, to, 'to');
      // `0 - count`, not `-count`: no closed span backwards may come out as -0.
      return a <= b ? countIn(a + 1, b) : 0 - countIn(b, a - 1);
    },
    nextBusinessDay: (day) => {
      let at = dayNumberIn(timeZone, day, 'day');
      while (!isOpen(at)) at = check(at + 1, 'day');
      return isoOfDayNumber(at);
    },
  };
  return calendar;
};

/** True when `day` is a business day of `calendar` (see BusinessCalendar.isBusinessDay). */
export const isBusinessDay = (calendar: BusinessCalendar, day: Day): boolean => calendar.isBusinessDay(day);

/** The date n business days from `day` (see BusinessCalendar.addBusinessDays). */
export const addBusinessDays = (calendar: BusinessCalendar, day: Day, n: number): string =>
  calendar.addBusinessDays(day, n);

/** Business days from `from` to `to` (see BusinessCalendar.businessDaysBetween). */
export const businessDaysBetween = (calendar: BusinessCalendar, from: Day, to: Day): number =>
  calendar.businessDaysBetween(from, to);
