import { defineRefusals } from '@praxis/core';

/** Every code ProviderSchedule refuses with, and its category. */
export const refusals = defineRefusals({
  /** A weekly interval ends at or before it starts, or names a weekday outside 1–7. */
  InvalidHours: 'invalid',
  /** Two intervals of one weekday overlap. */
  HoursOverlap: 'invalid',
  /** `effectiveFrom` is before the latest hours already set. */
  HoursOutOfOrder: 'conflict',
  /** Time off ends at or before it starts. */
  InvalidTimeOff: 'invalid',
  /** The time-off id is already used. */
  TimeOffExists: 'conflict',
  /** A capacity change dated before the latest one. */
  CapacityOutOfOrder: 'conflict',
});

export type ProviderScheduleRefusal = keyof typeof refusals;
