import { DateTime } from 'luxon';

/*
 * The checks behind the ISODate, ISOInstant and TimeZone codecs. Every event read from the log
 * is checked by its codec, so these run for every date in every event: luxon's ISO parser (a
 * general one, with week and ordinal dates) cost most of a read. The usual shapes are checked
 * here by arithmetic; anything else is left to luxon, so the answer is always luxon's
 * (a property test compares them on generated strings).
 */

const daysIn = (year: number, month: number): number =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : month === 4 || month === 6 || month === 9 || month === 11
      ? 30
      : 31;

const digits = (s: string, from: number, n: number): number => {
  let v = 0;
  for (let i = from; i < from + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
};

/** True when `s` at `from` is `YYYY-MM-DD` of a day that exists (years 0001–9999). */
const dateAt = (s: string, from: number): boolean => {
  if (s.charCodeAt(from + 4) !== 45 || s.charCodeAt(from + 7) !== 45) return false;
  const y = digits(s, from, 4);
  const m = digits(s, from + 5, 2);
  const d = digits(s, from + 8, 2);
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
};

/** A calendar date `YYYY-MM-DD` that exists, as luxon judges it. */
export const isCalendarDate = (s: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  return dateAt(s, 0) || DateTime.fromISO(s, { zone: 'utc' }).isValid;
};

const instantShape = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * An ISO-8601 date-time with an explicit offset or `Z`, as luxon judges it. The common shape
 * `YYYY-MM-DDThh:mm[:ss[.fff]](Z|±hh:mm)` with ordinary values is accepted without luxon.
 */
export const isInstant = (s: string): boolean => {
  if (!/T.*(Z|[+-]\d{2}:?\d{2})$/.test(s)) return false;
  if (instantShape.test(s) && dateAt(s, 0)) {
    const h = digits(s, 11, 2);
    const min = digits(s, 14, 2);
    const sec = s.charCodeAt(16) === 58 ? digits(s, 17, 2) : 0;
    const z = s.endsWith('Z') ? -1 : s.length - 6;
    const oh = z < 0 ? 0 : digits(s, z + 1, 2);
    const om = z < 0 ? 0 : digits(s, z + 4, 2);
    if (h <= 23 && min <= 59 && sec <= 59 && oh <= 14 && om <= 59) return true;
  }
  return DateTime.fromISO(s, { setZone: true }).isValid;
};

const zones = new Map<string, boolean>();

/** An IANA time zone name luxon (the platform's Intl) knows; answers are remembered. */
export const isTimeZone = (s: string): boolean => {
  const known = zones.get(s);
  if (known !== undefined) return known;
  const ok = DateTime.now().setZone(s).isValid;
  // Bounded: a caller sending endless made-up names cannot grow it without limit.
  if (zones.size < 1_000) zones.set(s, ok);
  return ok;
};
