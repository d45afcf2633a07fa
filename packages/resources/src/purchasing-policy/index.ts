import * as t from 'io-ts';
import {
  accept,
  command,
  defineCommands,
  defineEvents,
  defineRefusals,
  ISODate,
  NonEmptyString,
  NonNegativeCents,
  reject,
  type CommandOf,
  type Decider,
  type EventOf,
} from '@praxis/core';

/** The one purchasing policy of a practice: `PurchasingPolicy-practice`. */
export const purchasingPolicyId = 'practice';

/** Events of the purchasing policy. */
export const events = defineEvents({
  /** Members of `role` may approve purchase orders up to `limitCents` (inclusive). */
  ApprovalLimitSet: t.type({
    policyId: NonEmptyString,
    role: NonEmptyString,
    limitCents: NonNegativeCents,
    setOn: ISODate,
    setBy: NonEmptyString,
  }),
});
export type PurchasingPolicyEvent = EventOf<typeof events>;

/** Commands of the purchasing policy. */
export const commands = defineCommands('policyId', {
  /** Set the most a role may approve on one purchase order (cents). */
  SetApprovalLimit: command(
    { policyId: NonEmptyString, role: NonEmptyString, limitCents: NonNegativeCents, setOn: ISODate },
    {},
    { businessTime: 'setOn', stamps: { setBy: 'actor' } },
  ),
});
export type PurchasingPolicyCommand = CommandOf<typeof commands>;

export const refusals = defineRefusals({ UnknownPolicy: 'not-found', LimitUnchanged: 'conflict' });

/** Approval limits by role (cents). JSON-serialisable. */
export interface PurchasingPolicy {
  readonly limits: Readonly<Record<string, number>>;
}

/**
 * Approval limits per role. A role without a limit may approve nothing; the practice manager
 * has no limit. One policy per practice (`policyId` = `practice`, `UnknownPolicy` otherwise).
 */
export const decider: Decider<
  PurchasingPolicyCommand,
  PurchasingPolicyEvent,
  PurchasingPolicy,
  keyof typeof refusals
> = {
  name: 'PurchasingPolicy',
  stateVersion: 1,
  initialState: { limits: {} },
  evolve: (s, e) => ({ limits: { ...s.limits, [e.data.role]: e.data.limitCents } }),
  decide: (c, s) =>
    c.policyId !== purchasingPolicyId
      ? reject('UnknownPolicy', `the purchasing policy is "${purchasingPolicyId}"`, 'policyId')
      : s.limits[c.role] === c.limitCents
        ? reject('LimitUnchanged', `${c.role} may already approve up to ${c.limitCents} cents`, 'limitCents')
        : accept(
            events.make('ApprovalLimitSet', {
              policyId: c.policyId,
              role: c.role,
              limitCents: c.limitCents,
              setOn: c.setOn,
              setBy: c.setBy,
            }),
          ),
  events,
  commands,
  refusals,
};

/**
 * The most `role` may approve (cents), or `null` for no limit (the practice manager, who runs the
 * practice). A role the policy does not name may approve nothing (0).
 */
export const approvalLimitOf = (policy: PurchasingPolicy | undefined, role: string): number | null =>
  role === 'practice_manager'
    ? null
    : Object.prototype.hasOwnProperty.call(policy?.limits ?? {}, role)
      ? policy!.limits[role]!
      : 0;
