import {
  obligationKey,
  type DocUpdate,
  type Json,
  type Obligation,
  type Projection,
  type RecordedEvent,
} from '@praxis/core';
import type { PolicyEvent } from '../policy/events.js';

/** The name of the projection that writes policy obligations (review due dates). */
export const policyObligationsName = 'policy-obligations';

type Data<K extends PolicyEvent['type']> = Extract<PolicyEvent, { type: K }>['data'];

/** The id of the review of one policy due on one date. */
export const policyReviewId = (policyId: string, dueOn: string): string =>
  `policy-review:${policyId}:${dueOn}`;

const arise = (e: RecordedEvent, policyId: string, arisesAt: string, dueOn: string): DocUpdate => {
  const o: Obligation = {
    id: policyReviewId(policyId, dueOn),
    module: 'policies',
    kind: 'policy-review',
    label: `Review policy ${policyId}`,
    streamId: e.streamId,
    arisesAt,
    dueAt: dueOn,
    legalSource: 'practice policy review schedule',
  };
  return { key: obligationKey(o.id), update: (cur) => cur ?? (o as unknown as Json) };
};

const discharge = (policyId: string, dueOn: string | undefined, on: string): DocUpdate[] =>
  dueOn === undefined
    ? []
    : [
        {
          key: obligationKey(policyReviewId(policyId, dueOn)),
          update: (cur) =>
            cur === undefined || cur === null || typeof cur !== 'object' || Array.isArray(cur)
              ? cur
              : { ...(cur as Record<string, Json>), completedAt: on },
        },
      ];

/**
 * Policy reviews as dated obligations (`Obligation` documents under `obligation:<id>`):
 * one per review cycle, arising when a version is published (or the previous review is
 * done), discharged by the review or by drafting a revision, and removed when the policy is retired.
 *
 * @example
 * const calendar = foldProjections([policyObligations], events);
 */
export const policyObligations: Projection = {
  name: policyObligationsName,
  version: 1,
  eventTypes: ['PolicyPublished', 'PolicyReviewed', 'PolicyRevisionDrafted', 'PolicyRetired'],
  handle: (e) => {
    switch (e.type) {
      case 'PolicyPublished': {
        const d = e.data as Data<'PolicyPublished'>;
        return [arise(e, d.policyId, d.publishedOn, d.reviewDueOn)];
      }
      case 'PolicyReviewed': {
        const d = e.data as Data<'PolicyReviewed'>;
        return [
          ...discharge(d.policyId, d.reviewDueOn, d.reviewedOn),
          arise(e, d.policyId, d.reviewedOn, d.nextReviewDueOn),
        ];
      }
      case 'PolicyRevisionDrafted': {
        const d = e.data as Data<'PolicyRevisionDrafted'>;
        return discharge(d.policyId, d.reviewDueOn, d.draftedOn);
      }
      case 'PolicyRetired': {
        // A retired policy is no longer reviewed: its open review is not owed any more.
        const d = e.data as Data<'PolicyRetired'>;
        return d.reviewDueOn === undefined
          ? []
          : [{ key: obligationKey(policyReviewId(d.policyId, d.reviewDueOn)), update: () => undefined }];
      }
      default:
        return [];
    }
  },
};
