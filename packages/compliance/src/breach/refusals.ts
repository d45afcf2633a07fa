import { defineRefusals } from '@praxis/core';

/**
 * Every code a Breach refuses with, and its category (`invalid`, `not-found`, `conflict`,
 * `forbidden`, `rule`). Malformed input is refused before `decide` with the platform's codes
 * (`Required`, `InvalidDate`, `UnknownField`, …; see `platformRefusals`).
 */
export const refusals = defineRefusals({
  AgentDiscoveryImputed: 'rule',
  BreachAlreadyRecorded: 'conflict',
  BreachNotFound: 'not-found',
  NotificationAlreadySent: 'conflict',
  NotificationNotOwed: 'rule',
  RevisedBeforeDiscovered: 'rule',
  SentBeforeDiscovered: 'rule',
  StateListedTwice: 'conflict',
  StatesExceedAffected: 'rule',
});

/** A code a Breach refuses with. */
export type BreachRefusal = keyof typeof refusals;
