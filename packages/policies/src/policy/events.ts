import * as t from 'io-ts';
import {
  ISODate,
  NonEmptyString,
  PositiveInt,
  defineEvents,
  personal,
  struct,
  subject,
  type EventOf,
} from '@praxis/core';

const Roles = t.array(NonEmptyString);
/** An enforcement finding: what was seen may describe a person, so it is sealed under the policy record. */
const Finding = t.type({ findingId: NonEmptyString, description: personal(NonEmptyString) });
/**
 * The policy record as the subject (`policy:<policyId>`) of its enforcement findings and their
 * resolutions, erased with `forgetSubject('policy:<policyId>')` (the policy's text stays).
 */
const PolicyRecord = subject('policy', NonEmptyString);

/**
 * Every event of a Policy. A policy's versions are numbered from 1; only the latest
 * published version is current, and only it can be acknowledged.
 */
export const events = defineEvents({
  /** A new policy was drafted as version 1; who may approve it is fixed here. */
  PolicyDrafted: struct(
    {
      policyId: NonEmptyString,
      title: NonEmptyString,
      version: PositiveInt,
      reviewEveryMonths: PositiveInt,
      approverRoles: Roles,
      draftedBy: NonEmptyString,
      draftedOn: ISODate,
    },
    { summary: t.string },
  ),
  /** The pending draft was approved by someone holding an authorised role. */
  PolicyApproved: t.type({
    policyId: NonEmptyString,
    version: PositiveInt,
    approvedBy: NonEmptyString,
    approverRole: NonEmptyString,
    approvedOn: ISODate,
  }),
  /** The approved draft became the current version, effective on a date; its first review is due. */
  PolicyPublished: struct(
    {
      policyId: NonEmptyString,
      version: PositiveInt,
      publishedOn: ISODate,
      effectiveOn: ISODate,
      reviewDueOn: ISODate,
    },
    /** The version it replaces, kept until 6 years after it was last in effect (45 CFR 164.316(b)(2)(i)). */
    { supersedes: t.type({ version: PositiveInt, retainUntil: ISODate }) },
  ),
  /** Staff holding these roles must acknowledge every published version. */
  PolicyAssigned: t.type({ policyId: NonEmptyString, roles: Roles, assignedOn: ISODate }),
  /** One person acknowledged one published version. */
  PolicyAcknowledged: t.type({
    policyId: NonEmptyString,
    version: PositiveInt,
    staffId: NonEmptyString,
    role: NonEmptyString,
    acknowledgedOn: ISODate,
  }),
  /**
   * A training session on a version was held; `hours` (its length) is absent in sessions recorded
   * before it was asked for.
   */
  PolicyTrainingSessionHeld: struct(
    {
      policyId: NonEmptyString,
      version: PositiveInt,
      sessionId: NonEmptyString,
      trainerId: NonEmptyString,
      attendeeIds: Roles,
      heldOn: ISODate,
    },
    { hours: t.number },
  ),
  /** An enforcement audit checked the policy in practice; findings are open until resolved. */
  PolicyEnforcementAudited: t.type({
    policyId: PolicyRecord,
    auditId: NonEmptyString,
    auditorId: NonEmptyString,
    auditedOn: ISODate,
    findings: t.array(Finding),
  }),
  /** The policy governs the cases of a process (an aggregate of the practice, by name) from `since`. */
  PolicyGovernsProcess: t.type({ policyId: NonEmptyString, process: NonEmptyString, since: ISODate }),
  /**
   * A chart review against the policy's documentation standards: per provider, charts sampled and,
   * per criterion, how many met it. Counts about the practice's documentation, kept in clear
   * (docs/decisions/policies-chart-audits.md).
   */
  ChartDocumentationAudited: t.type({
    policyId: NonEmptyString,
    version: PositiveInt,
    auditId: NonEmptyString,
    auditedBy: NonEmptyString,
    auditedOn: ISODate,
    criteria: t.array(t.type({ criterionId: NonEmptyString, description: NonEmptyString })),
    providers: t.array(
      t.type({
        providerId: NonEmptyString,
        sampleSize: PositiveInt,
        passes: t.array(t.type({ criterionId: NonEmptyString, passes: t.number })),
      }),
    ),
  }),
  /** An enforcement finding was resolved. */
  PolicyFindingResolved: t.type({
    policyId: PolicyRecord,
    findingId: NonEmptyString,
    /** How it was resolved: free text, sealed like the finding. */
    resolution: personal(NonEmptyString),
    resolvedOn: ISODate,
  }),
  /** The scheduled review found no change needed; the next review is due. */
  PolicyReviewed: t.type({
    policyId: NonEmptyString,
    reviewedBy: NonEmptyString,
    reviewedOn: ISODate,
    /** The review this one discharged. */
    reviewDueOn: ISODate,
    nextReviewDueOn: ISODate,
  }),
  /** A revision was drafted as the next version (it needs approval and publication). */
  PolicyRevisionDrafted: struct(
    {
      policyId: NonEmptyString,
      version: PositiveInt,
      changeSummary: NonEmptyString,
      draftedBy: NonEmptyString,
      draftedOn: ISODate,
    },
    /** The due review that this revision discharged, if one was open. */
    { reviewDueOn: ISODate },
  ),
  /** The policy no longer applies; nothing more can be acknowledged or reviewed. */
  PolicyRetired: struct(
    { policyId: NonEmptyString, reason: NonEmptyString, retiredOn: ISODate },
    /**
     * The review that was open and lapses with the policy; for a published policy, the date
     * its last version may be destroyed (6 years after retirement, 45 CFR 164.316(b)(2)(i)).
     */
    { reviewDueOn: ISODate, retainUntil: ISODate },
  ),
});

/** Every Policy event. */
export type PolicyEvent = EventOf<typeof events>;
