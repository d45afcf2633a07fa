import { DateTime } from 'luxon';
import { hhmm, minutesOf, weekdayOf } from '../shared/time.js';
import type { ProviderSchedule } from './state.js';

/** One provider's working day, as a DayBook is opened with it. */
export interface ProviderDay {
  readonly providerId: string;
  readonly intervals: readonly { start: string; end: string; locationId: string }[];
  /** Patients seen at once (1 = no overbooking). */
  readonly capacity: number;
}

/** The local minutes [from, to) of `date` in `zone` that a time off covers, if any. */
const offMinutes = (
  date: string,
  zone: string,
  fromAt: string,
  toAt: string,
): [number, number] | undefined => {
  const from = DateTime.fromISO(fromAt, { setZone: true }).setZone(zone);
  const to = DateTime.fromISO(toAt, { setZone: true }).setZone(zone);
  if (!from.isValid || !to.isValid) return undefined;
  const fromDate = from.toISODate();
  const toDate = to.toISODate();
  if (fromDate === null || toDate === null || fromDate > date || toDate < date) return undefined;
  const start = fromDate < date ? 0 : from.hour * 60 + from.minute;
  const end = toDate > date ? 24 * 60 : to.hour * 60 + to.minute;
  return start < end ? [start, end] : undefined;
};

/** `intervals` minus the minutes of `off`. */
const subtract = (
  intervals: readonly { start: string; end: string; locationId: string }[],
  off: readonly [number, number][],
) =>
  intervals.flatMap((i) => {
    let parts: [number, number][] = [[minutesOf(i.start), minutesOf(i.end)]];
    for (const [a, b] of off)
      parts = parts.flatMap(([s, e]): [number, number][] =>
        b <= s || e <= a
          ? [[s, e]]
          : (
              [
                [s, a],
                [b, e],
              ] as [number, number][]
            ).filter(([x, y]) => x < y),
      );
    return parts.map(([s, e]) => ({ start: hhmm(s), end: hhmm(e), locationId: i.locationId }));
  });

/**
 * The provider's hours on `date` from their schedule (the hours in force that day, that
 * weekday's intervals in start order, less any time off that day when `zone` is given) and their
 * capacity (1 when never set); `undefined` when they have no hours in force that day.
 */
export const providerDay = (s: ProviderSchedule, date: string, zone?: string): ProviderDay | undefined => {
  const hours = [...s.hours].reverse().find((h) => h.effectiveFrom <= date);
  if (hours === undefined) return undefined;
  const weekday = weekdayOf(date);
  const intervals = hours.weekly
    .filter((w) => w.weekday === weekday)
    .map(({ start, end, locationId }) => ({ start, end, locationId }))
    .sort((a, b) => a.start.localeCompare(b.start));
  const off =
    zone === undefined
      ? []
      : s.timeOff.flatMap((o) => {
          const m = offMinutes(date, zone, o.fromAt, o.toAt);
          return m === undefined ? [] : [m];
        });
  const capacity = [...s.capacity].reverse().find((c) => c.from <= date)?.concurrent ?? 1;
  return { providerId: s.providerId, intervals: subtract(intervals, off), capacity };
};
