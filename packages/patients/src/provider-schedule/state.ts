import type { ProviderScheduleEvent } from './events.js';

export interface HoursVersion {
  readonly effectiveFrom: string;
  readonly weekly: readonly { weekday: number; start: string; end: string; locationId: string }[];
}

/** One provider's schedule: hours by effective date, capacity by date, time off. */
export interface ProviderSchedule {
  readonly providerId: string;
  /** Ascending by `effectiveFrom`. */
  readonly hours: readonly HoursVersion[];
  /** Ascending by `from`. */
  readonly capacity: readonly { from: string; concurrent: number }[];
  readonly timeOff: readonly { timeOffId: string; fromAt: string; toAt: string }[];
}

export const initialState: ProviderSchedule = { providerId: '', hours: [], capacity: [], timeOff: [] };

/** Applies one event (pure). */
export const evolve = (s: ProviderSchedule, e: ProviderScheduleEvent): ProviderSchedule => {
  switch (e.type) {
    case 'ProviderHoursSet':
      return {
        ...s,
        providerId: e.data.providerId,
        hours: [
          ...s.hours.filter((h) => h.effectiveFrom < e.data.effectiveFrom),
          { effectiveFrom: e.data.effectiveFrom, weekly: e.data.weekly },
        ],
      };
    case 'ProviderCapacitySet':
      return {
        ...s,
        providerId: e.data.providerId,
        capacity: [
          ...s.capacity.filter((c) => c.from < e.data.from),
          { from: e.data.from, concurrent: e.data.concurrent },
        ],
      };
    case 'ProviderTimeOffRecorded':
      return {
        ...s,
        providerId: e.data.providerId,
        timeOff: [...s.timeOff, { timeOffId: e.data.timeOffId, fromAt: e.data.fromAt, toAt: e.data.toAt }],
      };
  }
};
