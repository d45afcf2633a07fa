import * as t from 'io-ts';
import { DateTime } from 'luxon';

/**
 * A wall-clock time of day `HH:MM` (00:00–23:59, or 24:00 for the end of a day), read in the
 * practice's zone on the date it belongs to.
 */
export const LocalTime = new t.Type<string, string, unknown>(
  'LocalTime',
  (u): u is string => typeof u === 'string' && /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/.test(u),
  (u, c) =>
    typeof u === 'string' && /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/.test(u)
      ? t.success(u)
      : t.failure(u, c, 'not a valid time of day HH:MM'),
  t.identity,
);

/**
 * A bounded memo for the pure conversions below: a booking checks every appointment of the
 * day's book, and luxon's parsing of the same few hundred times was most of a booking's work.
 */
const memo = <A>(size: number) => {
  const known = new Map<string, A>();
  return (key: string, compute: () => A): A => {
    if (known.has(key)) return known.get(key) as A;
    const value = compute();
    if (known.size >= size) known.delete(known.keys().next().value!);
    known.set(key, value);
    return value;
  };
};
const instants = memo<number | undefined>(8_192);
const millis = memo<number | undefined>(8_192);

/** Minutes since midnight of a `HH:MM` time (24:00 → 1440). */
export const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** `HH:MM` of a number of minutes since midnight. */
export const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * The instant (epoch ms) of wall-clock `time` on `date` in `zone`, or `undefined` when that
 * wall-clock time does not exist there (the hour skipped when clocks spring forward). On the
 * repeated hour of a fall-back day the earlier instant is taken.
 */
export const instantOf = (date: string, time: string, zone: string): number | undefined =>
  instants(`${date}|${time}|${zone}`, () => instantIn(date, time, zone));

const instantIn = (date: string, time: string, zone: string): number | undefined => {
  if (time === '24:00') {
    const next = DateTime.fromISO(date, { zone }).plus({ days: 1 }).startOf('day');
    return next.isValid ? next.toMillis() : undefined;
  }
  const dt = DateTime.fromISO(`${date}T${time}`, { zone });
  if (!dt.isValid) return undefined;
  // Luxon moves a non-existent local time forward; such a time is refused, not moved.
  if (dt.toFormat('yyyy-MM-dd HH:mm') !== `${date} ${time}`) return undefined;
  return dt.toMillis();
};

/** The ISO instant (with the zone's offset) of epoch ms in `zone`. */
export const isoIn = (ms: number, zone: string): string =>
  DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }) ?? new Date(ms).toISOString();

/** Epoch ms of an ISO instant, or `undefined` when it does not parse. */
export const msOf = (iso: string): number | undefined =>
  millis(iso, () => {
    const dt = DateTime.fromISO(iso, { setZone: true });
    return dt.isValid ? dt.toMillis() : undefined;
  });

const DAY_MS = 86_400_000;
/**
 * Epoch ms of midnight UTC of a `YYYY-MM-DD` date in years 1000–9999, or `undefined` for
 * anything else (then luxon answers, as before). These calendar-date helpers run for every
 * weekday × provider of a KPI period; by arithmetic they cost nothing, through luxon they were
 * most of third-next-available's time.
 */
const utcDay = (date: string): number | undefined => {
  if (date.length !== 10 || date[4] !== '-' || date[7] !== '-' || date[0] === '0') return undefined;
  const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === date ? ms : undefined;
};
const isoDay = (ms: number): string | undefined => {
  const iso = new Date(ms).toISOString();
  return iso.length === 24 && iso[0] !== '0' ? iso.slice(0, 10) : undefined;
};

/** The ISO weekday (1 = Monday … 7 = Sunday) of a date. */
export const weekdayOf = (date: string): number => {
  const ms = utcDay(date);
  if (ms === undefined) return DateTime.fromISO(date, { zone: 'utc' }).weekday;
  return ((((Math.floor(ms / DAY_MS) + 3) % 7) + 7) % 7) + 1;
};

/** `date` plus `n` calendar days. */
export const addDays = (date: string, n: number): string => {
  const ms = utcDay(date);
  const fast = ms === undefined || !Number.isInteger(n) ? undefined : isoDay(ms + n * DAY_MS);
  return fast ?? DateTime.fromISO(date, { zone: 'utc' }).plus({ days: n }).toISODate() ?? date;
};

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => {
  const a = utcDay(from);
  const b = utcDay(to);
  if (a !== undefined && b !== undefined) return Math.round((b - a) / DAY_MS);
  return Math.round(
    DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'days').days,
  );
};

/** The practice-zone date of an ISO instant. */
export const dateIn = (iso: string, zone: string): string =>
  DateTime.fromISO(iso, { setZone: true }).setZone(zone).toISODate() ?? iso.slice(0, 10);
