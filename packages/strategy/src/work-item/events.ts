import * as t from 'io-ts';
import { ISODate, ISOInstant, NonEmptyString, defineEvents, struct, type EventOf } from '@praxis/core';

/** What missing the work costs (as `Obligation.impact`): ranks the queue with urgency. */
export const Impact = t.keyof({ legal: null, 'patient-safety': null, financial: null, operational: null });
export type Impact = t.TypeOf<typeof Impact>;

/** Where a work item comes from. */
export const Source = t.keyof({
  manual: null,
  obligation: null,
  finding: null,
  complaint: null,
  goal: null,
  analysis: null,
});
export type Source = t.TypeOf<typeof Source>;

/** Every event of a work item (`WorkItem-<workItemId>`). */
export const events = defineEvents({
  WorkItemCreated: struct(
    {
      workItemId: NonEmptyString,
      title: NonEmptyString,
      source: Source,
      impact: Impact,
      ownerId: NonEmptyString,
      createdBy: NonEmptyString,
      createdAt: ISOInstant,
    },
    { sourceRef: NonEmptyString, dueOn: ISODate },
  ),
  /** Handed to `to` with a definition of done and a due date; `to` must accept or decline. */
  WorkItemDelegated: t.type({
    workItemId: NonEmptyString,
    to: NonEmptyString,
    expectations: NonEmptyString,
    dueOn: ISODate,
    delegatedBy: NonEmptyString,
    delegatedAt: ISOInstant,
  }),
  WorkItemAccepted: t.type({
    workItemId: NonEmptyString,
    acceptedBy: NonEmptyString,
    acceptedAt: ISOInstant,
  }),
  /** Declined by the delegate: the item goes back to whoever delegated it. */
  WorkItemDeclined: t.type({
    workItemId: NonEmptyString,
    declinedBy: NonEmptyString,
    reason: NonEmptyString,
    declinedAt: ISOInstant,
  }),
  WorkItemReprioritised: t.type({
    workItemId: NonEmptyString,
    previousImpact: Impact,
    impact: Impact,
    reason: NonEmptyString,
    reprioritisedBy: NonEmptyString,
    reprioritisedAt: ISOInstant,
  }),
  WorkItemCompleted: t.type({
    workItemId: NonEmptyString,
    completedOn: ISODate,
    evidence: NonEmptyString,
    completedBy: NonEmptyString,
  }),
  /** Checked by someone other than whoever completed it (as a compliance CAPA's verification). */
  WorkItemVerified: t.type({
    workItemId: NonEmptyString,
    verifiedBy: NonEmptyString,
    verifiedAt: ISOInstant,
  }),
});

/** Every WorkItem event. */
export type WorkItemEvent = EventOf<typeof events>;
