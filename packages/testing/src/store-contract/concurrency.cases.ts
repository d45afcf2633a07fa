import { describe, expect, it } from 'vitest';
import { DuplicateEventId, Position, collect, newEventId, verifyChain } from '@praxis/core';
import { expectWrongRevision } from './expected-revision.cases.js';
import {
  idsOf,
  readOurs,
  rejectionOf,
  revisionsOf,
  settleAll,
  withSubject,
  type ContractContext,
} from './harness.js';
import { note, notes } from './test-events.js';

const range = (n: number): bigint[] => Array.from({ length: n }, (_, i) => BigInt(i));

/** Cases 9–14: concurrency and idempotency. */
export const concurrencyCases = (ctx: ContractContext): void => {
  describe('concurrency and idempotency', () => {
    it('9. concurrent appends with the same expected revision: exactly one wins, no duplicated or missing revisions', () =>
      withSubject(ctx, async ({ store }, p) => {
        const id = `${p}Note-1`;
        await store.appendToStream(id, notes('base', 2), { expectedRevision: 'no_stream' });
        const batches = Array.from({ length: ctx.scale.racingAppends }, (_, i) => notes(`racer${i}`, 2));
        const outcomes = await settleAll(batches.length, (i) =>
          store.appendToStream(id, batches[i]!, { expectedRevision: 1n }),
        );
        const winners = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [i] : []));
        expect(winners).toHaveLength(1);
        for (const o of outcomes) {
          if (o.status === 'rejected') expectWrongRevision(o.reason, id, 1n, 3n);
        }
        const read = await collect(store.readStream(id));
        expect(revisionsOf(read)).toEqual(range(4));
        expect(idsOf(read.slice(2))).toEqual(idsOf(batches[winners[0]!]!));
      }));

    it('9. concurrent appends under any all land, each batch contiguous, revisions without holes', () =>
      withSubject(ctx, async ({ store }, p) => {
        const id = `${p}Note-1`;
        const batches = Array.from({ length: ctx.scale.racingAppends }, (_, i) => notes(`w${i}`, 3));
        const results = await Promise.all(
          batches.map((b) => store.appendToStream(id, b, { expectedRevision: 'any' })),
        );
        const read = await collect(store.readStream(id));
        expect(revisionsOf(read)).toEqual(range(batches.length * 3));
        const ids = idsOf(read);
        batches.forEach((b, i) => {
          const at = ids.indexOf(b[0]!.eventId!);
          expect(ids.slice(at, at + 3)).toEqual(idsOf(b));
          expect(results[i]!.nextExpectedRevision).toBe(BigInt(at + 2));
        });
      }));

    it('9. concurrent appends to different streams are independent: a conflicting one fails alone, the others land with their own results', () =>
      withSubject(ctx, async ({ store }, p) => {
        // Stores may commit concurrent appends together (SQLite's group commit): each keeps its
        // own check and outcome, and a failure stores nothing of that append only.
        const n = Math.max(6, ctx.scale.racingAppends);
        const streams = Array.from({ length: n }, (_, i) => `${p}Note-${i}`);
        for (const id of streams)
          await store.appendToStream(id, [note('first')], { expectedRevision: 'no_stream' });
        const taken = note('taken');
        await store.appendToStream(`${p}Other-1`, [taken]);
        const batches = streams.map((_, i) => notes(`w${i}`, 1 + (i % 3)));
        // Stream 1: a stale revision; stream 3: no_stream on an existing stream; stream 5: an id
        // already stored in another stream (after a valid first event of its batch).
        const expectedOf = (i: number) => (i === 1 ? 7n : i === 3 ? ('no_stream' as const) : 0n);
        batches[5] = [note('fine'), taken];
        const outcomes = await settleAll(n, (i) =>
          store.appendToStream(streams[i]!, batches[i]!, { expectedRevision: expectedOf(i) }),
        );
        expectWrongRevision(
          outcomes[1]!.status === 'rejected' ? outcomes[1]!.reason : undefined,
          streams[1]!,
          7n,
          0n,
        );
        expectWrongRevision(
          outcomes[3]!.status === 'rejected' ? outcomes[3]!.reason : undefined,
          streams[3]!,
          'no_stream',
          0n,
        );
        const dup = outcomes[5]!.status === 'rejected' ? outcomes[5]!.reason : undefined;
        expect(DuplicateEventId.isInstance(dup), String(dup)).toBe(true);
        const failed = new Set([1, 3, 5]);
        const positions: string[] = [];
        for (let i = 0; i < n; i++) {
          const read = await collect(store.readStream(streams[i]!));
          const o = outcomes[i]!;
          if (failed.has(i)) {
            expect(o.status, `append ${i}`).toBe('rejected');
            expect(revisionsOf(read), `nothing of failed append ${i} is stored`).toEqual([0n]);
            continue;
          }
          expect(o.status, `append ${i}: ${o.status === 'rejected' ? String(o.reason) : ''}`).toBe(
            'fulfilled',
          );
          if (o.status !== 'fulfilled') continue;
          const size = batches[i]!.length;
          expect(o.value.nextExpectedRevision).toBe(BigInt(size));
          expect(idsOf(read.slice(1))).toEqual(idsOf(batches[i]!));
          expect(o.value.positions.map(Position.toString)).toEqual(
            read.slice(1).map((e) => Position.toString(e.position)),
          );
          positions.push(...o.value.positions.map(Position.toString));
        }
        expect(new Set(positions).size).toBe(positions.length);
        expect(await readOurs(store, p)).toHaveLength(
          n +
            1 +
            [...batches.keys()].filter((i) => !failed.has(i)).reduce((a, i) => a + batches[i]!.length, 0),
        );
        expect((await verifyChain(store))._tag).toBe('Intact');
      }));

    it('10. concurrent no_stream creation of one stream: exactly one winner', () =>
      withSubject(ctx, async ({ store }, p) => {
        const id = `${p}Note-1`;
        const outcomes = await settleAll(ctx.scale.racingAppends, (i) =>
          store.appendToStream(id, [note(`creator${i}`)], { expectedRevision: 'no_stream' }),
        );
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        for (const o of outcomes) {
          if (o.status === 'rejected') expectWrongRevision(o.reason, id, 'no_stream', 0n);
        }
        expect(revisionsOf(await collect(store.readStream(id)))).toEqual([0n]);
      }));

    it('11. retrying an append with the same ids and expected revision returns the original result and stores nothing', () =>
      withSubject(ctx, async ({ store }, p) => {
        const id = `${p}Note-1`;
        const batch = notes('a', 3);
        const first = await store.appendToStream(id, batch, { expectedRevision: 'no_stream' });
        const head = await store.headPosition();
        const again = await store.appendToStream(id, batch, { expectedRevision: 'no_stream' });
        expect(again).toEqual(first);
        expect(await store.headPosition()).toEqual(head);
        // Still idempotent after the stream moved on: the ids pin the original append.
        await store.appendToStream(id, [note('later')], { expectedRevision: 2n });
        expect(await store.appendToStream(id, batch, { expectedRevision: 'no_stream' })).toEqual(first);
        const exact = notes('b', 2);
        const second = await store.appendToStream(id, exact, { expectedRevision: 3n });
        expect(await store.appendToStream(id, exact, { expectedRevision: 3n })).toEqual(second);
        expect(revisionsOf(await collect(store.readStream(id)))).toEqual(range(6));
        expect(await readOurs(store, p)).toHaveLength(6);
      }));

    it('12. retrying with the same event ids under any is idempotent', () =>
      withSubject(ctx, async ({ store }, p) => {
        const id = `${p}Note-1`;
        await store.appendToStream(id, [note('before')]);
        const batch = notes('a', 2);
        const first = await store.appendToStream(id, batch, { expectedRevision: 'any' });
        await store.appendToStream(id, [note('after')]);
        const again = await store.appendToStream(id, batch, { expectedRevision: 'any' });
        expect(again).toEqual(first);
        const read = await collect(store.readStream(id));
        expect(read.map((e) => (e.data as { text: string }).text)).toEqual(['before', 'a-0', 'a-1', 'after']);
      }));

    it('13. a retry where only some ids match fails with WrongExpectedRevision', () =>
      withSubject(ctx, async ({ store }, p) => {
        const id = `${p}Note-1`;
        const [a, b] = notes('a', 2) as [ReturnType<typeof note>, ReturnType<typeof note>];
        await store.appendToStream(id, [a, b], { expectedRevision: 'no_stream' });
        for (const retry of [
          [a, note('new')],
          [note('new'), b],
          [a, b, note('extra')],
        ]) {
          expectWrongRevision(
            await rejectionOf(store.appendToStream(id, retry, { expectedRevision: 'no_stream' })),
            id,
            'no_stream',
            1n,
          );
        }
        expect(idsOf(await collect(store.readStream(id)))).toEqual([a.eventId, b.eventId]);
      }));

    it('14. an event id reused in another stream, or twice in one batch, is a DuplicateEventId error', () =>
      withSubject(ctx, async ({ store }, p) => {
        const used = note('used');
        await store.appendToStream(`${p}Note-1`, [used]);
        const elsewhere = await rejectionOf(store.appendToStream(`${p}Note-2`, [note('x'), used]));
        expect(DuplicateEventId.isInstance(elsewhere), String(elsewhere)).toBe(true);
        expect((elsewhere as DuplicateEventId).eventId).toBe(used.eventId);
        expect((elsewhere as DuplicateEventId).reason).toBe('used-in-another-stream');

        const twice = newEventId();
        const inBatch = await rejectionOf(
          store.appendToStream(`${p}Note-3`, [note('a', twice), note('b', twice)]),
        );
        expect(DuplicateEventId.isInstance(inBatch), String(inBatch)).toBe(true);
        expect((inBatch as DuplicateEventId).reason).toBe('repeated-in-batch');

        expect(await store.streamRevision(`${p}Note-2`)).toBe('no_stream');
        expect(await store.streamRevision(`${p}Note-3`)).toBe('no_stream');
        expect(await readOurs(store, p)).toHaveLength(1);
      }));
  });
};
