/**
 * The Claim aggregate: one claim's revenue cycle, from charges to payment, collection or
 * write-off. Stream `Claim-<claimId>`.
 *
 * @example
 * import { Claim } from '@praxis/finance';
 * const handler = makeCommandHandler({ store, clock, decider: Claim.decider });
 * await handler.handle({ streamId: Claim.streamId('c-1'), actor, command: { type: 'SubmitClaim', at } });
 */
import { streamIdOf, type Decider } from '@praxis/core';
import { commands, type ClaimCommand } from './commands.js';
import { decide } from './decide.js';
import { events, type ClaimEvent } from './events.js';
import { evolve, initialState, type State } from './state.js';
import { refusals, type ClaimRefusal } from './refusals.js';
export { refusals, type ClaimRefusal } from './refusals.js';

export * from './commands.js';
export { decide } from './decide.js';
export * from './deadlines.js';
export * from './events.js';
export { recordOpeningClaim, remittanceLines } from './opening.js';
export * from './state.js';

/** The Claim decider (name `Claim`). */
export const decider: Decider<ClaimCommand, ClaimEvent, State, ClaimRefusal> = {
  name: 'Claim',
  // 2: payer payments by id (for reversals); 3: the patient id (subject of the sealed free text)
  stateVersion: 3,
  initialState,
  evolve,
  decide,
  events,
  commands,
  refusals,
};

/** The stream of one claim: `Claim-<claimId>`. */
export const streamId = (claimId: string): string => streamIdOf(decider, claimId);
