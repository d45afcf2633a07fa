/**
 * The practice's billing policy (stream `BillingPolicy-practice`): whether a claim may be
 * submitted to a payer only after the patient's eligibility with that payer was checked for the
 * date of service (issue 20, "registration and eligibility"). Until a policy is set the rule is
 * off, so practices created before it keep submitting as they did
 * (docs/decisions/finance-eligibility-before-submission.md).
 *
 * @example
 * await practice.finance.setBillingPolicy({ policyId: 'practice', eligibilityCheckRequired: true });
 */
import * as t from 'io-ts';
import {
  ISOInstant,
  NonEmptyString,
  NonNegativeInt,
  accept,
  command,
  defineCommands,
  defineEvents,
  defineRefusals,
  streamIdOf,
  type CommandOf,
  type Decider,
  type Decision,
  type EventOf,
} from '@praxis/core';

export const commands = defineCommands('policyId', {
  /** Sets the billing policy from the command's business time on. */
  SetBillingPolicy: command(
    {
      policyId: t.literal('practice'),
      /** Submission needs an eligibility check for the claim's payer and date of service. */
      eligibilityCheckRequired: t.boolean,
    },
    {},
    { stamps: { setAt: 'time', setBy: 'actor' } },
  ),
});
export type BillingPolicyCommand = CommandOf<typeof commands>;

export const events = defineEvents({
  BillingPolicySet: t.type({
    policyId: NonEmptyString,
    policyVersion: NonNegativeInt,
    eligibilityCheckRequired: t.boolean,
    setAt: ISOInstant,
    setBy: NonEmptyString,
  }),
});
export type BillingPolicyEvent = EventOf<typeof events>;

export const refusals = defineRefusals({});
export type BillingPolicyRefusal = keyof typeof refusals;

/** The policy in force (version 0: never set, the rule off). */
export interface BillingPolicy {
  readonly policyVersion: number;
  readonly eligibilityCheckRequired: boolean;
}

export const defaultBillingPolicy: BillingPolicy = { policyVersion: 0, eligibilityCheckRequired: false };

export const evolve = (_: BillingPolicy, e: BillingPolicyEvent): BillingPolicy => ({
  policyVersion: e.data.policyVersion,
  eligibilityCheckRequired: e.data.eligibilityCheckRequired,
});

export const decide = (c: BillingPolicyCommand, s: BillingPolicy): Decision<BillingPolicyEvent> =>
  accept(
    events.make('BillingPolicySet', {
      policyId: c.policyId,
      policyVersion: s.policyVersion + 1,
      eligibilityCheckRequired: c.eligibilityCheckRequired,
      setAt: c.setAt,
      setBy: c.setBy,
    }),
  );

/** The BillingPolicy decider (name `BillingPolicy`, one instance: `practice`). */
export const decider: Decider<BillingPolicyCommand, BillingPolicyEvent, BillingPolicy, BillingPolicyRefusal> =
  {
    name: 'BillingPolicy',
    stateVersion: 1,
    initialState: defaultBillingPolicy,
    evolve,
    decide,
    events,
    commands,
    refusals,
  };

/** The policy's stream: `BillingPolicy-practice`. */
export const streamId = (): string => streamIdOf(decider, 'practice');
