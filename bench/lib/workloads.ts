/**
 * The work the store suites share, written once so that every store (and its raw baseline) is
 * driven by the same loop: which events go to which stream in which slice, and S5's commands.
 */
import { fixedClock, makeCommandHandler, type EventStore } from '@praxis/core';
import { benchMetadata, paymentData, paymentDecider, paymentEvent } from './fixtures.js';

/** The stream of benchmark account `i`. */
export const streamOf = (i: number): string => `PaymentAccount-${i}`;

/**
 * The append workload: slice `s` appends events s·perSlice … (s+1)·perSlice − 1 in batches of
 * `batch`. `writers` concurrent writers each take an equal share and their own streams; a
 * writer's i-th batch goes to its stream i mod `streams`. `append` writes one batch starting
 * at event `n` after the last revision it returned for that stream (`undefined` for a new
 * stream) and returns the new last revision. A synchronous `append` (raw better-sqlite3) is
 * not awaited, so no microtask sits between its statements.
 */
const slicedAppends = <R>(
  perSlice: number,
  batch: number,
  streams: number,
  writers: number,
  append: (streamId: string, n: number, last: R | undefined) => R | Promise<R>,
) => {
  const revisions = new Map<string, R>();
  return async (slice: number): Promise<number> => {
    const perWriter = perSlice / writers;
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let k = 0; k < perWriter; k += batch) {
          const n = slice * perSlice + w * perWriter + k;
          const streamId = streamOf(((n / batch) % streams) * writers + w);
          const r = append(streamId, n, revisions.get(streamId));
          revisions.set(streamId, r instanceof Promise ? await r : r);
        }
      }),
    );
    return perSlice;
  };
};

/** The append workload through a Praxis store, each batch with its exact expected revision. */
export const storeAppends = (
  store: EventStore,
  perSlice: number,
  batch: number,
  streams: number,
  writers = 1,
) =>
  slicedAppends<bigint>(perSlice, batch, streams, writers, async (streamId, n, last) => {
    const events = Array.from({ length: batch }, (_, j) => paymentEvent(n + j));
    const r = await store.appendToStream(streamId, events, { expectedRevision: last ?? 'no_stream' });
    return r.nextExpectedRevision as bigint;
  });

/**
 * The same workload written by hand: `append(streamId, lastRevision, datas)` is the baseline's
 * own insert (-1 for a new stream) and returns the stream's new last revision.
 */
export const rawAppends = (
  append: (streamId: string, lastRevision: number, datas: readonly unknown[]) => number | Promise<number>,
  perSlice: number,
  batch: number,
  streams: number,
  writers = 1,
) =>
  slicedAppends<number>(perSlice, batch, streams, writers, (streamId, n, last) =>
    append(
      streamId,
      last ?? -1,
      Array.from({ length: batch }, (_, j) => paymentData(n + j)),
    ),
  );

/**
 * S5: `perSlice` ReceivePayment commands per slice through a CommandHandler, command i to
 * account i mod `streams`; throws on a refusal (the workload never fills an account).
 */
export const receivePayments = (store: EventStore, perSlice: number, streams: number) => {
  const clock = fixedClock('2026-03-02T09:30:00', 'Europe/Berlin');
  const handler = makeCommandHandler({ store, decider: paymentDecider, clock });
  return async (slice: number): Promise<number> => {
    for (let i = slice * perSlice; i < (slice + 1) * perSlice; i++) {
      const r = await handler.handle({
        streamId: streamOf(i % streams),
        command: { type: 'ReceivePayment', n: i },
        actor: benchMetadata.actor,
        at: benchMetadata.occurredAt,
      });
      if (r._tag === 'Left') throw new Error(r.left.message);
    }
    return perSlice;
  };
};
