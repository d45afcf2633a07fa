import * as t from 'io-ts';
import {
  command,
  defineCommands,
  ISODate,
  NonEmptyString,
  PositiveInt,
  StaffNamed,
  type CommandOf,
} from '@praxis/core';

/**
 * The commands a Policy decides on, as exact codecs; each one's rule is in `decide.ts`. The
 * acting person (`…By`) and their role (`approverRole`) are stamped from the call; each dated
 * `…On` is the business time.
 */
export const commands = defineCommands('policyId', {
  /** Draft a new policy (version 1); `approverRoles` default `defaultApproverRoles`. */
  DraftPolicy: command(
    {
      policyId: NonEmptyString,
      title: NonEmptyString,
      /** Months between reviews: a whole number ≥ 1 (`InvalidNumber` otherwise). */
      reviewEveryMonths: PositiveInt,
      draftedOn: ISODate,
    },
    { summary: NonEmptyString, approverRoles: t.readonlyArray(NonEmptyString) },
    { businessTime: 'draftedOn', stamps: { draftedBy: 'actor' } },
  ),
  /** Approve the pending draft; the acting person's role decides whether it counts. */
  ApprovePolicy: command(
    { approvedOn: ISODate },
    {},
    { businessTime: 'approvedOn', stamps: { approvedBy: 'actor', approverRole: 'role' } },
  ),
  /** Publish the approved draft as the current version. */
  PublishPolicy: command({ publishedOn: ISODate, effectiveOn: ISODate }, {}, { businessTime: 'publishedOn' }),
  /** Require staff in these roles to acknowledge the policy. */
  AssignPolicy: command(
    { roles: t.readonlyArray(NonEmptyString), assignedOn: ISODate },
    {},
    { businessTime: 'assignedOn' },
  ),
  /**
   * One person acknowledges one version. `role` is a fact, not input: the person's job role on
   * `acknowledgedOn` by the staff record (a caller sending `role` is refused `UnknownField`), which
   * must be one the policy is assigned to. Self-service: a `self:` grant lets staff acknowledge
   * only for themselves.
   */
  AcknowledgePolicy: command(
    { version: PositiveInt, staffId: NonEmptyString, acknowledgedOn: ISODate },
    {},
    {
      businessTime: 'acknowledgedOn',
      subject: 'staffId',
      facts: { staffOnRecord: StaffNamed, role: t.string },
    },
  ),
  /**
   * Record a training session on the current version; `hours` is its length (more than 0, at
   * most 24), credited to each attendee's training record.
   */
  HoldPolicyTraining: command(
    {
      sessionId: NonEmptyString,
      trainerId: NonEmptyString,
      attendeeIds: t.readonlyArray(NonEmptyString),
      heldOn: ISODate,
      hours: t.number,
    },
    {},
    { businessTime: 'heldOn', facts: { staffOnRecord: StaffNamed } },
  ),
  /** Record an enforcement audit and its findings. */
  AuditPolicyEnforcement: command(
    {
      auditId: NonEmptyString,
      auditorId: NonEmptyString,
      auditedOn: ISODate,
      findings: t.readonlyArray(t.type({ findingId: NonEmptyString, description: NonEmptyString })),
    },
    {},
    { businessTime: 'auditedOn' },
  ),
  /**
   * Name a process the policy governs — the aggregate whose cases it rules, by name (`Complaint`
   * for the complaint-handling policy, `Claim` for billing). The process must be one of the
   * practice's (`UnknownProcess`).
   */
  GovernProcess: command(
    { process: NonEmptyString, since: ISODate },
    {},
    { businessTime: 'since', facts: { processEventTypes: t.number } },
  ),
  /**
   * A chart (record) review against the documentation standards the policy sets: for each
   * provider, `sampleSize` charts were checked against every criterion and `passes` of them met
   * it. The auditor is the acting person; providers must be on the staff record.
   */
  AuditChartDocumentation: command(
    {
      auditId: NonEmptyString,
      auditedOn: ISODate,
      criteria: t.readonlyArray(t.type({ criterionId: NonEmptyString, description: NonEmptyString })),
      providers: t.readonlyArray(
        t.type({
          providerId: NonEmptyString,
          sampleSize: t.number,
          passes: t.readonlyArray(t.type({ criterionId: NonEmptyString, passes: t.number })),
        }),
      ),
    },
    {},
    { businessTime: 'auditedOn', stamps: { auditedBy: 'actor' }, facts: { staffOnRecord: StaffNamed } },
  ),
  /** Resolve an enforcement finding. */
  ResolvePolicyFinding: command(
    { findingId: NonEmptyString, resolution: NonEmptyString, resolvedOn: ISODate },
    {},
    { businessTime: 'resolvedOn' },
  ),
  /** Record a scheduled review that needed no change (the reviewer is the acting person). */
  ReviewPolicy: command(
    { reviewedOn: ISODate },
    {},
    { businessTime: 'reviewedOn', stamps: { reviewedBy: 'actor' } },
  ),
  /** Draft the next version. */
  DraftPolicyRevision: command(
    { changeSummary: NonEmptyString, draftedOn: ISODate },
    {},
    { businessTime: 'draftedOn', stamps: { draftedBy: 'actor' } },
  ),
  /** Retire the policy. */
  RetirePolicy: command({ reason: NonEmptyString, retiredOn: ISODate }, {}, { businessTime: 'retiredOn' }),
});

/** Every command a Policy decides on, as `decide` sees it. */
export type PolicyCommand = CommandOf<typeof commands>;
type Cmd<K extends PolicyCommand['type']> = Extract<PolicyCommand, { type: K }>;
export type DraftPolicy = Cmd<'DraftPolicy'>;
export type ApprovePolicy = Cmd<'ApprovePolicy'>;
export type PublishPolicy = Cmd<'PublishPolicy'>;
export type AssignPolicy = Cmd<'AssignPolicy'>;
export type AcknowledgePolicy = Cmd<'AcknowledgePolicy'>;
export type HoldPolicyTraining = Cmd<'HoldPolicyTraining'>;
export type AuditPolicyEnforcement = Cmd<'AuditPolicyEnforcement'>;
export type ResolvePolicyFinding = Cmd<'ResolvePolicyFinding'>;
export type ReviewPolicy = Cmd<'ReviewPolicy'>;
export type DraftPolicyRevision = Cmd<'DraftPolicyRevision'>;
export type RetirePolicy = Cmd<'RetirePolicy'>;
export type GovernProcess = Cmd<'GovernProcess'>;
export type AuditChartDocumentation = Cmd<'AuditChartDocumentation'>;
