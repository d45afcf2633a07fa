import { defineRefusals } from '@praxis/core';

/** Every code SchedulingPolicy refuses with, and its category. */
export const refusals = defineRefusals({
  /** `gridMinutes` is not one of 5, 10, 15, 20, 30, 60. */
  InvalidGrid: 'invalid',
  /** A window, grace or notice beyond a week (168 h / 10 080 min): almost surely a unit mistake. */
  PolicyValueOutOfRange: 'invalid',
});

export type SchedulingPolicyRefusal = keyof typeof refusals;
