import { defineRefusals } from '@praxis/core';

/** Every code a ProcessMap refuses with, and its category. */
export const refusals = defineRefusals({
  InvalidTarget: 'invalid',
  SameStartAndEnd: 'rule',
  StepExists: 'conflict',
  StepNotFound: 'not-found',
  StepsNotOfMap: 'rule',
  UnknownEventType: 'not-found',
});

/** A code a ProcessMap refuses with. */
export type ProcessMapRefusal = keyof typeof refusals;
