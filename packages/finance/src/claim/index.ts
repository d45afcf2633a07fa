/**
 * The Claim aggregate: one claim's revenue cycle, from charges to payment, collection or
 * write-off. Stream `Claim-<claimId>`.
 *
 * @example
 * import { Claim } from '@praxis/finance';
 * const handler = makeCommandHandler({ store, clock, decider: Claim.decider });
 * await handler.handle({ streamId: Claim.streamId('c-1'), actor, command: { type: 'SubmitClaim', at } });
 */
import { streamIdOf, type Decider, type FactProvider } from '@praxis/core';
import { commands, type ClaimCommand } from './commands.js';
import { decide } from './decide.js';
import { events, type ClaimEvent } from './events.js';
import { evolve, initialState, type State } from './state.js';
import { refusals, type ClaimRefusal } from './refusals.js';
export { refusals, type ClaimRefusal } from './refusals.js';

export * from './commands.js';
export { decide, icd10 } from './decide.js';
export * from './deadlines.js';
export * from './events.js';
export { recordOpeningClaim, remittanceLines } from './opening.js';
export * from './state.js';

/** The Claim decider (name `Claim`). */
export const decider: Decider<ClaimCommand, ClaimEvent, State, ClaimRefusal> = {
  name: 'Claim',
  // 2: payer payments by id (for reversals); 3: the patient id (subject of the sealed free text);
  // 4: payer id, encounter id and the 837P billing data
  stateVersion: 4,
  initialState,
  evolve,
  decide,
  events,
  commands,
  refusals,
};

/** The stream of one claim: `Claim-<claimId>`. */
export const streamId = (claimId: string): string => streamIdOf(decider, claimId);

/**
 * Facts for a Claim command handler used outside the facade (a tool, a test): no staff record to
 * check a rendering provider against (accepted as named) and no billing policy (no eligibility
 * check required). The facade supplies the real facts from the StaffMember, BillingPolicy and
 * Eligibility streams.
 */
export const factsWithoutChecks: FactProvider = () =>
  Promise.resolve({ staffOnRecord: [], eligibility: { required: false, check: null } });

/** `RegisterCharges`' fact without a staff record (`factsWithoutChecks`), for a command given straight to `decide`. */
export const noStaffCheck = { staffOnRecord: [] } as const;
/** `SubmitClaim`'s fact without a billing policy (`factsWithoutChecks`), for a command given straight to `decide`. */
export const noEligibilityRule = { eligibility: { required: false, check: null } } as const;

/** A Claim command without its fact fields, as a tool or a test writes it for `decide`. */
export type ClaimCall = WithoutFacts<ClaimCommand>;
type WithoutFacts<C> = C extends unknown
  ? { readonly [P in keyof C as P extends 'staffOnRecord' | 'eligibility' ? never : P]: C[P] }
  : never;

/** A `ClaimCall` with the facts of `factsWithoutChecks` filled in (fields the command has win). */
export const withoutChecks = (command: ClaimCall): ClaimCommand =>
  (command.type === 'RegisterCharges' || command.type === 'RecordOpeningClaim'
    ? { ...noStaffCheck, ...command }
    : command.type === 'SubmitClaim'
      ? { ...noEligibilityRule, ...command }
      : command) as unknown as ClaimCommand;
