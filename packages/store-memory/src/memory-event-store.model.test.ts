import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  WrongExpectedRevision,
  collect,
  type AppendResult,
  type ExpectedRevision,
  type NewEvent,
  type StreamRevision,
} from '@praxis/core';
import { notes, testRegistry } from '@praxis/testing';
import { memoryEventStore } from './memory-event-store.js';

type Step =
  | { kind: 'append'; stream: number; count: number; expected: ExpectedRevision }
  | { kind: 'retry'; pick: number };

const expectedArb: fc.Arbitrary<ExpectedRevision> = fc.oneof(
  fc.constantFrom<ExpectedRevision>('any', 'no_stream', 'stream_exists'),
  fc.integer({ min: 0, max: 6 }).map((n) => BigInt(n)),
);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('append' as const),
      stream: fc.integer({ min: 0, max: 2 }),
      count: fc.integer({ min: 0, max: 3 }),
      expected: expectedArb,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('retry' as const), pick: fc.nat() }) },
);

/** What the expected revision allows, by the contract's rules (cases 1–8). */
const allows = (expected: ExpectedRevision, current: StreamRevision): boolean =>
  expected === 'any' ||
  (expected === 'no_stream'
    ? current === 'no_stream'
    : expected === 'stream_exists'
      ? current !== 'no_stream'
      : current === expected);

describe('memory store against a reference model', () => {
  it('any sequence of appends and retries leaves the streams the model predicts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { maxLength: 30 }), async (steps) => {
        const store = memoryEventStore({ registry: testRegistry });
        const model = new Map<string, string[]>();
        const done: {
          streamId: string;
          events: NewEvent[];
          expected: ExpectedRevision;
          result: AppendResult;
        }[] = [];
        const revisionOf = (id: string): StreamRevision => {
          const n = model.get(id)?.length ?? 0;
          return n === 0 ? 'no_stream' : BigInt(n - 1);
        };
        for (const step of steps) {
          if (step.kind === 'retry') {
            const original = done[step.pick % Math.max(done.length, 1)];
            if (original === undefined || original.events.length === 0) continue;
            const again = await store.appendToStream(original.streamId, original.events, {
              expectedRevision: original.expected,
            });
            expect(again).toEqual(original.result);
            continue;
          }
          const streamId = `S-${step.stream}`;
          const events = notes(streamId, step.count);
          const current = revisionOf(streamId);
          const outcome = await store
            .appendToStream(streamId, events, { expectedRevision: step.expected })
            .then((result) => ({ ok: true as const, result }))
            .catch((error: unknown) => ({ ok: false as const, error }));
          if (allows(step.expected, current)) {
            expect(outcome.ok).toBe(true);
            if (!outcome.ok) continue;
            model.set(streamId, [...(model.get(streamId) ?? []), ...events.map((e) => e.eventId!)]);
            expect(outcome.result.nextExpectedRevision).toBe(revisionOf(streamId));
            done.push({ streamId, events, expected: step.expected, result: outcome.result });
          } else {
            expect(outcome.ok).toBe(false);
            if (outcome.ok) continue;
            expect(WrongExpectedRevision.isInstance(outcome.error)).toBe(true);
            expect((outcome.error as WrongExpectedRevision).actual).toBe(current);
          }
        }
        for (const [streamId, ids] of model) {
          if (ids.length === 0) continue;
          expect((await collect(store.readStream(streamId))).map((e) => e.eventId)).toEqual(ids);
        }
        const all = await collect(store.readAll());
        expect(all.map((e) => e.position.commit)).toEqual(all.map((_, i) => BigInt(i + 1)));
      }),
      { numRuns: 150 },
    );
  });
});
