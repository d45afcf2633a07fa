import type { Decider } from '@praxis/core';
import { commands } from './commands.js';
export { commands } from './commands.js';
import { decide, type BreachCommand } from './decide.js';
import { events, type BreachEvent } from './events.js';
import { evolve, initialState, type Breach } from './state.js';
import { refusals, type BreachRefusal } from './refusals.js';
export { refusals, type BreachRefusal } from './refusals.js';

export * from './events.js';
export * from './state.js';
export * from './decide.js';
export * from './deadlines.js';

/**
 * The HIPAA Breach aggregate: discovered (date, number affected, states) → notification
 * deadlines derived (individuals, HHS, media) → scope revised (deadlines only move earlier)
 * → notifications sent. Streams are `Breach-<breachId>`.
 *
 * @example
 * const breaches = makeCommandHandler({ store, decider: Breach.decider, clock });
 */
export const decider: Decider<BreachCommand, BreachEvent, Breach, BreachRefusal> = {
  name: 'Breach',
  stateVersion: 1,
  initialState,
  evolve,
  decide,
  events,
  commands,
  refusals,
};
