import { describe, expect, it } from 'vitest';
import { foldProjections, type RecordedEvent } from '@praxis/core';
import { Policy } from '../index.js';
import { policyObligations } from './index.js';

let n = 0;
const recorded = (e: Policy.PolicyEvent): RecordedEvent =>
  ({
    eventId: `e${++n}`,
    streamId: 'Policy-hh',
    revision: BigInt(n),
    position: BigInt(n),
    type: e.type,
    schemaVersion: 1,
    data: e.data,
    metadata: { actor: { id: 'pm', role: 'practice_manager' }, occurredAt: '2026-01-01T00:00:00Z' },
    prevHash: '',
    hash: '',
  }) as unknown as RecordedEvent;

describe('policy-obligations', () => {
  it('writes one review obligation per cycle and marks each done when reviewed; retirement drops the open one', async () => {
    const ev = Policy.events;
    const model = foldProjections(
      [policyObligations],
      [
        ev.make('PolicyPublished', {
          policyId: 'hh',
          version: 1,
          publishedOn: '2026-01-10',
          effectiveOn: '2026-02-01',
          reviewDueOn: '2027-02-01',
        }),
        ev.make('PolicyReviewed', {
          policyId: 'hh',
          reviewedBy: 'pm',
          reviewedOn: '2027-01-20',
          reviewDueOn: '2027-02-01',
          nextReviewDueOn: '2028-01-20',
        }),
        ev.make('PolicyRetired', {
          policyId: 'hh',
          reason: 'merged',
          retiredOn: '2027-05-01',
          reviewDueOn: '2028-01-20',
        }),
      ].map(recorded),
    );
    const docs = [];
    for await (const [, d] of model.list('policy-obligations', 'obligation:')) docs.push(d);
    expect(docs).toEqual([
      expect.objectContaining({
        id: 'policy-review:hh:2027-02-01',
        kind: 'policy-review',
        arisesAt: '2026-01-10',
        dueAt: '2027-02-01',
        completedAt: '2027-01-20',
      }),
    ]);
  });
});
