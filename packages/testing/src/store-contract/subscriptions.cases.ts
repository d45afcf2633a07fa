import { describe, expect, it } from 'vitest';
import { EventDataInvalid, collect, type EventStore, type RecordedEvent } from '@praxis/core';
import {
  expectStrictlyIncreasing,
  idsOf,
  notApplicable,
  ours,
  readOurs,
  record,
  rejectionOf,
  requireHook,
  settleAll,
  withSubject,
  type ContractContext,
  type Recorder,
} from './harness.js';
import { note, notes, testMetadata } from './test-events.js';

/** `writers` concurrent writers, each making `appends` appends of 1–2 events; returns the event ids written. */
const concurrentWriters = async (store: EventStore, prefix: string, writers: number, appends: number) => {
  const outcomes = await settleAll(writers, async (w) => {
    const ids: string[] = [];
    for (let i = 0; i < appends; i++) {
      // Half the writers share one hot stream, the others write their own.
      const streamId = w % 2 === 0 ? `${prefix}Hot-1` : `${prefix}Writer-${w}`;
      const batch = notes(`w${w}-${i}`, 1 + (i % 2));
      await store.appendToStream(streamId, batch, { expectedRevision: 'any' });
      ids.push(...batch.map((e) => e.eventId!));
    }
    return ids;
  });
  const failed = outcomes.find((o) => o.status === 'rejected');
  if (failed !== undefined) throw (failed as PromiseRejectedResult).reason;
  return outcomes.flatMap((o) => (o.status === 'fulfilled' ? o.value : []));
};

/** Exactly once, in global order, and the same sequence as readAll. */
const expectExactlyOnceInOrder = async (
  store: EventStore,
  prefix: string,
  delivered: readonly RecordedEvent[],
) => {
  const got = ours(delivered, prefix);
  expect(new Set(idsOf(got)).size).toBe(got.length);
  expectStrictlyIncreasing(got);
  expect(idsOf(got)).toEqual(idsOf(await readOurs(store, prefix)));
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const stopAll = (...recorders: Recorder[]) => Promise.all(recorders.map((r) => r.subscription.stop()));

/** Cases 19–23: subscriptions (catch-up, then live). */
export const subscriptionCases = (ctx: ContractContext): void => {
  const { writers, appendsPerWriter } = ctx.scale;
  const perWriterEvents = appendsPerWriter + Math.floor(appendsPerWriter / 2);

  describe('subscriptions', () => {
    it(`19. delivers every event exactly once, in global order, while ${writers} writers append concurrently`, () =>
      withSubject(ctx, async ({ store }, p) => {
        await store.appendToStream(`${p}History-1`, notes('h', 50));
        const sub = record(ctx, store);
        const written = await concurrentWriters(store, p, writers, appendsPerWriter);
        expect(written).toHaveLength(writers * perWriterEvents);
        await sub.waitFor(50 + written.length, p);
        await stopAll(sub);
        await expectExactlyOnceInOrder(store, p, sub.events);
      }));

    const slowReason = notApplicable(ctx, 'slowTransaction');
    it.skipIf(slowReason !== undefined)(
      `19. a slow transaction that began before faster ones committed is delivered, in order${slowReason === undefined ? '' : ` — not applicable: ${slowReason}`}`,
      () =>
        withSubject(ctx, async (subject, p) => {
          const { store } = subject;
          const beginSlowAppend = requireHook(subject, 'beginSlowAppend', 'slowTransaction');
          const sub = record(ctx, store);
          const pending = await beginSlowAppend(`${p}Slow-1`, [note('slow')]);
          const writing = concurrentWriters(store, p, writers, appendsPerWriter);
          // Let the writers commit and the subscriber poll while the slow transaction is open
          // (writers that must wait for it, e.g. behind a lock, are let through by the commit).
          await Promise.race([writing.then(() => sleep(200)), sleep(1_000)]);
          await pending.commit();
          const written = await writing;
          await sub.waitFor(written.length + 1, p);
          await stopAll(sub);
          await expectExactlyOnceInOrder(store, p, sub.events);
          expect(ours(sub.events, p).filter((e) => e.streamId === `${p}Slow-1`)).toHaveLength(1);
        }),
    );

    it('20. resubscribing from the last delivered position gives no duplicates and no holes', () =>
      withSubject(ctx, async ({ store }, p) => {
        await store.appendToStream(`${p}History-1`, notes('h', 30));
        const first = record(ctx, store);
        const writing = concurrentWriters(store, p, 4, appendsPerWriter);
        await first.waitFor(10, p);
        await stopAll(first);
        const last = first.events[first.events.length - 1]!;
        const second = record(ctx, store, { after: last.position });
        const written = await writing;
        const total = 30 + written.length;
        await second.waitFor(total - ours(first.events, p).length, p);
        await stopAll(second);
        await expectExactlyOnceInOrder(store, p, [...first.events, ...second.events]);
      }));

    it('21. the caught-up signal fires once, after the history is delivered', () =>
      withSubject(ctx, async ({ store }, p) => {
        const history = 1_200; // more than two pages of the usual catch-up page size
        await store.appendToStream(`${p}History-1`, notes('h', history));
        const sub = record(ctx, store);
        await sub.waitForCaughtUp();
        expect(ours(sub.events, p)).toHaveLength(history);
        await store.appendToStream(`${p}Live-1`, notes('live', 3));
        await store.appendToStream(`${p}Live-2`, notes('live', 2));
        await sub.waitFor(history + 5, p);
        await stopAll(sub);
        expect(sub.caughtUp.count).toBe(1);
        await expectExactlyOnceInOrder(store, p, sub.events);

        const empty = record(ctx, store, { after: 'end' });
        await empty.waitForCaughtUp();
        await store.appendToStream(`${p}Live-3`, [note('one more')]);
        await empty.waitFor(1, p);
        await stopAll(empty);
        expect(empty.caughtUp.count).toBe(1);
      }));

    it('21. a slow consumer falls behind and catches up without losing events', () =>
      withSubject(ctx, async ({ store }, p) => {
        const slow = record(ctx, store, { slowMs: 2 });
        const fast = record(ctx, store);
        const written = await concurrentWriters(store, p, writers, Math.max(2, appendsPerWriter / 2));
        await fast.waitFor(written.length, p);
        await slow.waitFor(written.length, p);
        await stopAll(slow, fast);
        await expectExactlyOnceInOrder(store, p, slow.events);
        expect(idsOf(ours(slow.events, p))).toEqual(idsOf(ours(fast.events, p)));
      }));

    it('22. a failed append neither appears nor stalls subscribers', () =>
      withSubject(ctx, async ({ store }, p) => {
        await store.appendToStream(`${p}Note-1`, [note('a')]);
        const sub = record(ctx, store);
        await sub.waitFor(1, p);
        const conflict = notes('conflict', 2);
        await rejectionOf(store.appendToStream(`${p}Note-1`, conflict, { expectedRevision: 'no_stream' }));
        const invalid = [
          note('ok'),
          { type: 'ContractNoteTaken', data: { text: 1 }, metadata: testMetadata() },
        ];
        expect(
          EventDataInvalid.isInstance(await rejectionOf(store.appendToStream(`${p}Note-2`, invalid))),
        ).toBe(true);
        await store.appendToStream(`${p}Note-1`, [note('b')], { expectedRevision: 0n });
        await sub.waitFor(2, p);
        await stopAll(sub);
        expect(ours(sub.events, p).map((e) => (e.data as { text: string }).text)).toEqual(['a', 'b']);
        await expectExactlyOnceInOrder(store, p, sub.events);
      }));

    const rollbackReason = notApplicable(ctx, 'rollback');
    it.skipIf(rollbackReason !== undefined)(
      `22. a rolled-back backend transaction neither appears nor stalls subscribers${rollbackReason === undefined ? '' : ` — not applicable: ${rollbackReason}`}`,
      () =>
        withSubject(ctx, async (subject, p) => {
          const { store } = subject;
          const rollbackAppend = requireHook(subject, 'rollbackAppend', 'rollback');
          const sub = record(ctx, store);
          await sub.waitForCaughtUp();
          const doomed = notes('doomed', 3);
          await rollbackAppend(`${p}Doomed-1`, doomed);
          await store.appendToStream(`${p}Note-1`, [note('after rollback')]);
          await sub.waitFor(1, p);
          expect(await store.streamRevision(`${p}Doomed-1`)).toBe('no_stream');
          // The rolled-back ids are free: the same events can still be appended for real.
          await store.appendToStream(`${p}Doomed-1`, doomed, { expectedRevision: 'no_stream' });
          await sub.waitFor(4, p);
          await stopAll(sub);
          expect(ours(sub.events, p).map((e) => e.streamId)).toEqual([
            `${p}Note-1`,
            `${p}Doomed-1`,
            `${p}Doomed-1`,
            `${p}Doomed-1`,
          ]);
          await expectExactlyOnceInOrder(store, p, sub.events);
        }),
    );

    it('23. subscribing from the end delivers only new events; from a position, only later ones', () =>
      withSubject(ctx, async ({ store }, p) => {
        await store.appendToStream(`${p}History-1`, notes('old', 5));
        const fromEnd = record(ctx, store, { after: 'end' });
        await fromEnd.waitForCaughtUp();
        const fresh = notes('new', 3);
        await store.appendToStream(`${p}Live-1`, fresh);
        await fromEnd.waitFor(3, p);
        await stopAll(fromEnd);
        expect(idsOf(ours(fromEnd.events, p))).toEqual(idsOf(fresh));

        const history = await collect(store.readStream(`${p}History-1`));
        const fromThird = record(ctx, store, { after: history[2]!.position });
        await fromThird.waitFor(5, p);
        await stopAll(fromThird);
        expect(idsOf(ours(fromThird.events, p))).toEqual([...idsOf(history.slice(3)), ...idsOf(fresh)]);
      }));
  });
};
