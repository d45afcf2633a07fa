import { hhmm, instantOf, minutesOf } from '../shared/time.js';
import { holdsSlot, type DayBook } from './state.js';

/**
 * Whether the provider has room for [startMs, endMs): the number of their appointments that
 * hold a slot, at any instant of the interval, stays below their capacity.
 */
export const providerHasRoom = (s: DayBook, providerId: string, startMs: number, endMs: number): boolean => {
  const capacity = s.providers[providerId]?.capacity ?? 1;
  const overlapping = Object.values(s.appointments).filter(
    (a) => a.providerId === providerId && holdsSlot(a) && a.startMs < endMs && startMs < a.endMs,
  );
  if (overlapping.length < capacity) return true;
  const points = [startMs, ...overlapping.map((a) => a.startMs).filter((p) => p > startMs && p < endMs)];
  const peak = Math.max(
    ...points.map((p) => overlapping.filter((a) => a.startMs <= p && p < a.endMs).length),
  );
  return peak + 1 <= capacity;
};

/** The provider's working interval (at `locationId` when given) that contains [startMs, endMs), if any. */
export const insideHours = (
  s: DayBook,
  providerId: string,
  startMs: number,
  endMs: number,
  locationId?: string,
): boolean =>
  (s.providers[providerId]?.intervals ?? []).some((i) => {
    if (locationId !== undefined && i.locationId !== locationId) return false;
    const from = instantOf(s.date, i.start, s.timeZone);
    const to = instantOf(s.date, i.end, s.timeZone);
    return from !== undefined && to !== undefined && from <= startMs && endMs <= to;
  });

/**
 * The next `count` open start times (`HH:MM`) for the provider that day, on the grid, inside
 * their hours, with room under their capacity, starting at or after `afterMs` (epoch ms):
 * what a refused booking is offered instead.
 */
export const nextOpenSlots = (
  s: DayBook,
  providerId: string,
  durationMin: number,
  afterMs: number,
  gridMinutes: number,
  count = 3,
): readonly string[] => {
  const out: string[] = [];
  const grid = Math.max(1, Math.floor(gridMinutes));
  const length = Math.max(1, Math.floor(durationMin)) * 60_000;
  for (const i of s.providers[providerId]?.intervals ?? []) {
    const end = minutesOf(i.end);
    for (let m = Math.ceil(minutesOf(i.start) / grid) * grid; m < end && out.length < count; m += grid) {
      const start = instantOf(s.date, hhmm(m), s.timeZone);
      if (start === undefined || start < afterMs) continue;
      if (!insideHours(s, providerId, start, start + length, i.locationId)) continue;
      if (providerHasRoom(s, providerId, start, start + length) && !out.includes(hhmm(m))) out.push(hhmm(m));
    }
  }
  return out.sort().slice(0, count);
};
