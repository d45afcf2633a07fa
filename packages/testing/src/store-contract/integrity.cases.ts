import { describe, expect, it } from 'vitest';
import {
  EventDecodeFailed,
  Position,
  collect,
  verifyChain,
  type EventStore,
  type RecordedEvent,
} from '@praxis/core';
import { expectWrongRevision } from './expected-revision.cases.js';
import {
  expectStrictlyIncreasing,
  idsOf,
  iterationError,
  notApplicable,
  ours,
  readOurs,
  record,
  rejectionOf,
  requireHook,
  withSubject,
  withinDeadline,
  type ContractContext,
} from './harness.js';
import { note, notes } from './test-events.js';

const beyond31 = 2n ** 31n;

const skipNote = (reason: string | undefined) => (reason === undefined ? '' : ` — not applicable: ${reason}`);

/** Appends 3 notes to each of two streams, interleaved; returns this test's events in log order. */
const sixEvents = async (store: EventStore, p: string): Promise<RecordedEvent[]> => {
  for (let i = 0; i < 3; i++) {
    await store.appendToStream(`${p}Note-A`, [note(`a${i}`)]);
    await store.appendToStream(`${p}Note-B`, [note(`b${i}`)]);
  }
  return readOurs(store, p);
};

/** Cases 24–27: integrity. */
export const integrityCases = (ctx: ContractContext): void => {
  describe('integrity', () => {
    const bigReason = notApplicable(ctx, 'bigPositions');
    it.skipIf(bigReason !== undefined)(
      `24. positions beyond 2^31 are handled as bigint, and a position is never reused${skipNote(bigReason)}`,
      () =>
        withSubject(
          ctx,
          async ({ store }, p) => {
            await store.appendToStream(`${p}Note-1`, notes('a', 3));
            await rejectionOf(
              store.appendToStream(`${p}Note-1`, [note('lost')], { expectedRevision: 'no_stream' }),
            );
            const reused = idsOf(await readOurs(store, p))[0]!;
            await rejectionOf(store.appendToStream(`${p}Note-2`, [note('x'), note('dup', reused)]));
            await store.appendToStream(`${p}Note-2`, notes('b', 2));
            await store.appendToStream(`${p}Note-1`, [note('c')], { expectedRevision: 2n });
            const all = await readOurs(store, p);
            expect(all).toHaveLength(6);
            expectStrictlyIncreasing(all);
            for (const e of all) {
              expect(
                e.position.commit > beyond31 || e.position.prepare > beyond31,
                Position.toString(e.position),
              ).toBe(true);
              expect(Position.parse(Position.toString(e.position))).toEqual(e.position);
            }
            const mid = all[3]!;
            expect(idsOf(await collect(store.readAll({ fromPosition: mid.position })))).toEqual(
              idsOf(all.slice(3)),
            );
            const back = await collect(store.readAll({ direction: 'backwards', fromPosition: mid.position }));
            expect(idsOf(ours(back, p))).toEqual(idsOf(all.slice(0, 4)).reverse());
            const sub = record(ctx, store, { after: mid.position });
            await sub.waitFor(2, p);
            await sub.subscription.stop();
            expect(idsOf(ours(sub.events, p))).toEqual(idsOf(all.slice(4)));
            // Revisions are bigint too: an expectation beyond 2^31 is compared, not truncated.
            const far = beyond31 + 3n;
            expectWrongRevision(
              await rejectionOf(store.appendToStream(`${p}Note-1`, [note('far')], { expectedRevision: far })),
              `${p}Note-1`,
              far,
              3n,
            );
            expect(await collect(store.readStream(`${p}Note-1`, { fromRevision: beyond31 }))).toEqual([]);
          },
          { positionsFrom: 2n ** 32n + 5n },
        ),
    );

    it('24. positions are never reused after failed appends', () =>
      withSubject(ctx, async ({ store }, p) => {
        const seen = new Set<string>();
        for (let i = 0; i < 5; i++) {
          await rejectionOf(store.appendToStream(`${p}Note-1`, [note('no')], { expectedRevision: 99n }));
          const r = await store.appendToStream(`${p}Note-${i % 2}`, notes(`ok${i}`, 2));
          for (const pos of r.positions) {
            expect(seen.has(Position.toString(pos))).toBe(false);
            seen.add(Position.toString(pos));
          }
        }
        expectStrictlyIncreasing(await readOurs(store, p));
      }));

    const corruptReason = notApplicable(ctx, 'corruption');
    it.skipIf(corruptReason !== undefined)(
      `25. chain verification detects altered bytes and names the first bad position${skipNote(corruptReason)}`,
      () =>
        withSubject(ctx, async (subject, p) => {
          const { store } = subject;
          const corrupt = requireHook(subject, 'corruptStoredEvent', 'corruption');
          const events = await sixEvents(store, p);
          const intact = await verifyChain(store);
          expect(intact._tag).toBe('Intact');
          expect(intact.eventsChecked).toBeGreaterThanOrEqual(6);
          const [third, fifth] = [events[2]!, events[4]!];
          await corrupt(fifth.position, (s) => ({ ...s, data: { text: 'rewritten later' } }));
          await corrupt(third.position, (s) => ({ ...s, data: { text: 'rewritten' } }));
          const r = await verifyChain(store);
          expect(r._tag).toBe('Broken');
          if (r._tag !== 'Broken') return;
          expect(Position.equals(r.position!, third.position)).toBe(true);
          expect([r.streamId, r.revision]).toEqual([third.streamId, third.revision]);
          expect(r.reason).toBe('content-altered');
        }),
    );

    it.skipIf(corruptReason !== undefined)(
      `25. altering only the metadata (the actor) is detected too${skipNote(corruptReason)}`,
      () =>
        withSubject(ctx, async (subject, p) => {
          const { store } = subject;
          const corrupt = requireHook(subject, 'corruptStoredEvent', 'corruption');
          const events = await sixEvents(store, p);
          const target = events[1]!;
          await corrupt(target.position, (s) => ({
            ...s,
            metadata: { ...(s.metadata as object), actor: { id: 'someone-else', role: 'owner' } },
          }));
          const r = await verifyChain(store);
          expect(r._tag === 'Broken' && Position.equals(r.position!, target.position)).toBe(true);
        }),
    );

    it.skipIf(corruptReason !== undefined)(
      `26. a stored row that fails its codec yields EventDecodeFailed naming stream, revision and type${skipNote(corruptReason)}`,
      () =>
        withSubject(ctx, async (subject, p) => {
          const { store } = subject;
          const corrupt = requireHook(subject, 'corruptStoredEvent', 'corruption');
          const events = await sixEvents(store, p);
          const bad = events[2]!; // Note-A revision 1
          await corrupt(bad.position, (s) => ({ ...s, data: { text: 42 } }));
          const expectDecodeFailed = (err: unknown) => {
            expect(EventDecodeFailed.isInstance(err), String(err)).toBe(true);
            const e = err as EventDecodeFailed;
            expect([e.streamId, e.revision, e.eventType]).toEqual([bad.streamId, bad.revision, bad.type]);
          };
          // readStream delivers what precedes the row, then fails on it — never skips it.
          const delivered: RecordedEvent[] = [];
          const streamErr = await rejectionOf(
            (async () => {
              for await (const e of store.readStream(bad.streamId)) delivered.push(e);
            })(),
          );
          expectDecodeFailed(streamErr);
          expect(delivered.map((e) => e.revision)).toEqual([0n]);
          expectDecodeFailed(
            await iterationError(store.readStream(bad.streamId, { direction: 'backwards' })),
          );
          expectDecodeFailed(await iterationError(store.readAll()));
          expectDecodeFailed(await iterationError(store.readAll({ direction: 'backwards' })));
          // A subscription stops with the error (through onError and `done`).
          const sub = record(ctx, store);
          const done = await rejectionOf(
            withinDeadline(
              sub.subscription.done,
              ctx.deliveryTimeoutMs,
              'the subscription to fail on the bad row',
            ),
          );
          expectDecodeFailed(done);
          expect(sub.errors).toHaveLength(1);
          expect(idsOf(ours(sub.events, p))).toEqual(idsOf(events.slice(0, 2)));
          // The other stream and the events before the bad one are still readable.
          expect(await collect(store.readStream(`${p}Note-B`))).toHaveLength(3);
          expect(
            await collect(store.readAll({ maxCount: 2, fromPosition: events[0]!.position })),
          ).toHaveLength(2);
        }),
    );

    const crashReason = notApplicable(ctx, 'crash');
    it.skipIf(crashReason !== undefined)(
      `27. a process killed during a stream of appends loses no acknowledged append and leaves no partial batch${skipNote(crashReason)}`,
      () =>
        withSubject(ctx, async (subject, p) => {
          const crashDuringAppends = requireHook(subject, 'crashDuringAppends', 'crash');
          const { acknowledged, store } = await crashDuringAppends(p);
          expect(acknowledged.length).toBeGreaterThan(0);
          const all = await readOurs(store, p);
          const byId = new Map(all.map((e) => [e.eventId, e]));
          for (const ack of acknowledged) {
            ack.eventIds.forEach((id, i) => {
              const e = byId.get(id);
              expect(e, `acknowledged event ${id} of ${ack.streamId} is lost`).toBeDefined();
              expect(e!.streamId).toBe(ack.streamId);
              expect(Position.toString(e!.position)).toBe(ack.positions[i]);
            });
          }
          // Every batch is whole: all `size` items, in order, at consecutive revisions of one stream.
          const batches = new Map<string, RecordedEvent[]>();
          for (const e of all) {
            const { batchId } = e.data as { batchId: string };
            batches.set(batchId, [...(batches.get(batchId) ?? []), e]);
          }
          expect(batches.size).toBeGreaterThanOrEqual(acknowledged.length);
          for (const [batchId, items] of batches) {
            const { size } = items[0]!.data as { size: number };
            expect(items.length, `batch ${batchId} is partial`).toBe(size);
            items.forEach((e, i) => {
              expect((e.data as { index: number }).index).toBe(i);
              expect(e.streamId).toBe(items[0]!.streamId);
              expect(e.revision).toBe(items[0]!.revision + BigInt(i));
            });
          }
          // No holes in any stream, and the chain survived the kill.
          for (const streamId of new Set(all.map((e) => e.streamId))) {
            const revs = (await collect(store.readStream(streamId))).map((e) => e.revision);
            expect(revs).toEqual(revs.map((_, i) => BigInt(i)));
          }
          expectStrictlyIncreasing(all);
          expect((await verifyChain(store))._tag).toBe('Intact');
        }),
    );
  });
};
