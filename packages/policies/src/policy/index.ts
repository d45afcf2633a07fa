import type { Decider } from '@praxis/core';
import { commands, type PolicyCommand } from './commands.js';
import { decide } from './decide.js';
import { events, type PolicyEvent } from './events.js';
import { evolve, initialState, type Policy } from './state.js';
import { refusals, type PolicyRefusal } from './refusals.js';
export { refusals, type PolicyRefusal } from './refusals.js';

export * from './events.js';
export * from './state.js';
export * from './commands.js';
export * from './decide.js';

/**
 * The Policy aggregate: drafted → approved → published (version n) → assigned → acknowledged
 * per person and version → training, enforcement audits, reviews → revised or retired.
 * Streams are `Policy-<policyId>`.
 *
 * @example
 * const policies = makeCommandHandler({ store, decider: Policy.decider, clock });
 * await policies.handle({ streamId: streamIdOf(Policy.decider, 'hand-hygiene'), command, actor });
 */
export const decider: Decider<PolicyCommand, PolicyEvent, Policy, PolicyRefusal> = {
  name: 'Policy',
  stateVersion: 1,
  initialState,
  evolve,
  decide,
  events,
  commands,
  refusals,
};
