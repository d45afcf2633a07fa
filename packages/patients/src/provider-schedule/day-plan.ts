import { weekdayOf } from '../shared/time.js';
import type { ProviderSchedule } from './state.js';

/** One provider's working day, as a DayBook is opened with it. */
export interface ProviderDay {
  readonly providerId: string;
  readonly intervals: readonly { start: string; end: string; locationId: string }[];
  /** Patients seen at once (1 = no overbooking). */
  readonly capacity: number;
}

/**
 * The provider's hours on `date` from their schedule (the hours in force that day, that
 * weekday's intervals in start order) and their capacity (1 when never set); `undefined` when
 * they have no hours in force that day.
 */
export const providerDay = (s: ProviderSchedule, date: string): ProviderDay | undefined => {
  const hours = [...s.hours].reverse().find((h) => h.effectiveFrom <= date);
  if (hours === undefined) return undefined;
  const weekday = weekdayOf(date);
  const intervals = hours.weekly
    .filter((w) => w.weekday === weekday)
    .map(({ start, end, locationId }) => ({ start, end, locationId }))
    .sort((a, b) => a.start.localeCompare(b.start));
  const capacity = [...s.capacity].reverse().find((c) => c.from <= date)?.concurrent ?? 1;
  return { providerId: s.providerId, intervals, capacity };
};
