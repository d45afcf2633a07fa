import { defineRefusals, staffOnRecordRefusals } from '@praxis/core';

/**
 * Every code a Conflict refuses with, and its category (`invalid`, `not-found`, `conflict`,
 * `forbidden`, `rule`). Malformed input is refused before `decide` with the platform's codes
 * (`Required`, `InvalidDate`, `UnknownField`, …; see `platformRefusals`).
 */
export const refusals = defineRefusals({
  ...staffOnRecordRefusals,
  ConflictExists: 'conflict',
  MediatorIsParty: 'rule',
  NotMediated: 'conflict',
  NotOpen: 'conflict',
  StepBeforePrevious: 'rule',
  TooFewParties: 'invalid',
});

/** A code a Conflict refuses with. */
export type ConflictRefusal = keyof typeof refusals;
