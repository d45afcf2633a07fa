import {
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  NO_STREAM,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  excludeSystemEvents,
  jsonEvent,
  type AppendStreamState,
} from '@kurrent/kurrentdb-client';
import {
  Position,
  StoreClosed,
  StoreKit,
  StreamNotFound,
  WrongExpectedRevision,
  chainHash,
  type AppendOptions,
  type AppendResult,
  type EventHandler,
  type EventRegistry,
  type EventStore,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamRevision,
  type SubscribeOptions,
  type Subscription,
} from '@praxis/core';
import { toRecorded } from './decode.js';
import { toStoreError } from './mapping/errors.js';
import { toStreamState } from './mapping/expected-revision.js';
import { planFilter } from './mapping/filter.js';
import { encodeMetadata } from './mapping/metadata.js';
import { fromKurrentPosition, toKurrentPosition } from './mapping/position.js';
import { subscribeToAll } from './subscription.js';

export interface KurrentDBStoreOptions {
  /** `kurrentdb://host:2113?tls=false`, or a cluster: `kurrentdb+discover://…` / `kurrentdb://a:2113,b:2113,c:2113`. */
  readonly connectionString?: string;
  /** An existing client (then `close` does not dispose it). */
  readonly client?: KurrentDBClient;
  /** Validate data on append and decode/upcast on read with these codecs. */
  readonly registry?: EventRegistry;
  /** Source of `recordedAt` (default: the machine clock). */
  readonly now?: () => Date;
  /** Attempts of an `any`/`stream_exists` append when other writers keep moving the stream (default 20). */
  readonly maxChainAttempts?: number;
}

type Tail = { revision: bigint; hash: string; eventId: string; position: Position.Position } | undefined;

/**
 * An event store on KurrentDB (a replicated cluster with server-side subscriptions), through
 * the official `@kurrent/kurrentdb-client`. The hash chain runs per stream (`chainScope:
 * 'stream'`) and lives in each event's metadata; see docs/decisions/kurrentdb-chain-and-appends.md.
 *
 * @example
 * const store = kurrentdbEventStore({ connectionString: 'kurrentdb://localhost:2113?tls=false', registry });
 */
export const kurrentdbEventStore = (options: KurrentDBStoreOptions): EventStore => {
  const client =
    options.client ??
    KurrentDBClient.connectionString(
      options.connectionString ??
        (() => {
          throw new Error('kurrentdbEventStore needs a connectionString or a client');
        })(),
    );
  const registry = options.registry;
  const now = options.now ?? (() => new Date());
  const maxChainAttempts = options.maxChainAttempts ?? 20;
  const subscriptions = new Set<Subscription>();
  let closed = false;
  const guard = () => {
    if (closed) throw new StoreClosed('kurrentdb');
  };

  /** The last event of a stream (revision, hash, id, position), or undefined for no stream. */
  const readAt = async (streamId: string, revision: bigint | 'end'): Promise<Tail> => {
    try {
      for await (const r of client.readStream(streamId, {
        direction: revision === 'end' ? BACKWARDS : FORWARDS,
        fromRevision: revision === 'end' ? END : revision,
        maxCount: 1,
      })) {
        const e = toRecorded(r, undefined);
        if (revision !== 'end' && e.revision !== revision) return undefined;
        return { revision: e.revision, hash: e.hash, eventId: e.eventId, position: e.position };
      }
      return undefined;
    } catch (err) {
      if (err instanceof StreamNotFoundError) return undefined;
      throw toStoreError(err, { streamId });
    }
  };

  /** Positions of `count` events from `first` on (an append reports only one). */
  const positionsFrom = async (
    streamId: string,
    first: bigint,
    count: number,
  ): Promise<Position.Position[]> => {
    const out: Position.Position[] = [];
    try {
      for await (const r of client.readStream(streamId, { fromRevision: first, maxCount: count })) {
        out.push(toRecorded(r, undefined).position);
      }
    } catch (err) {
      throw toStoreError(err, { streamId });
    }
    return out;
  };

  const appendToStream = async (
    streamId: string,
    events: readonly NewEvent[],
    opts?: AppendOptions,
  ): Promise<AppendResult> => {
    guard();
    const { expected, prepared } = StoreKit.prepareAppendCall(
      streamId,
      events,
      opts,
      registry,
      now().toISOString(),
    );
    toStreamState(streamId, expected);
    await endsBeingRead();
    const ids = prepared.map((p) => p.eventId);
    if (prepared.length === 0) {
      const tail = await readAt(streamId, 'end');
      StoreKit.checkExpectedRevision(streamId, expected, tail?.revision ?? 'no_stream');
      return {
        nextExpectedRevision: tail?.revision ?? 'no_stream',
        position: tail?.position ?? Position.start,
        positions: [],
      };
    }
    for (let attempt = 1; ; attempt++) {
      // Each event chains to the previous event of its stream, so the append must land right
      // after the event whose hash it carries: an exact expected revision is always sent.
      let before: Tail;
      let state: AppendStreamState;
      if (expected === 'no_stream') {
        before = undefined;
        state = NO_STREAM;
      } else if (typeof expected === 'bigint') {
        before = await readAt(streamId, expected);
        state = expected;
      } else {
        before = await readAt(streamId, 'end');
        if (before === undefined && expected === 'stream_exists') {
          throw new WrongExpectedRevision(streamId, expected, 'no_stream');
        }
        // A retry of the append that is still the stream's tail returns its original result.
        if (before !== undefined && before.eventId === ids[ids.length - 1]) {
          const first = before.revision - BigInt(ids.length - 1);
          const stored = await collectIds(streamId, first, ids.length);
          if (stored.every((id, i) => id === ids[i])) {
            const positions = await positionsFrom(streamId, first, ids.length);
            return {
              nextExpectedRevision: before.revision,
              position: positions[positions.length - 1]!,
              positions,
            };
          }
        }
        state = before === undefined ? NO_STREAM : before.revision;
      }
      let prevHash = before?.hash ?? '';
      let revision = before?.revision ?? -1n;
      const data = prepared.map((p) => {
        revision += 1n;
        const hash = chainHash(prevHash, { ...p, streamId, revision });
        const event = jsonEvent({
          id: p.eventId,
          type: p.type,
          data: p.data as Record<string, unknown>,
          metadata: encodeMetadata(p.metadata, { schemaVersion: p.schemaVersion, prevHash, hash }),
        });
        prevHash = hash;
        return event;
      });
      try {
        const result = await client.appendToStream(streamId, data, { streamState: state });
        const first = result.nextExpectedRevision - BigInt(ids.length - 1);
        // The append reports one position for the write; each event's comes from reading it back.
        const positions = await positionsFrom(streamId, first, ids.length);
        return {
          nextExpectedRevision: result.nextExpectedRevision,
          position: positions[positions.length - 1]!,
          positions,
        };
      } catch (err) {
        const looseExpectation = expected === 'any' || expected === 'stream_exists';
        if (err instanceof WrongExpectedVersionError && looseExpectation && attempt < maxChainAttempts)
          continue;
        throw toStoreError(err, { streamId, expected });
      }
    }
  };

  const collectIds = async (streamId: string, first: bigint, count: number): Promise<string[]> => {
    const out: string[] = [];
    if (first < 0n) return out;
    try {
      for await (const r of client.readStream(streamId, { fromRevision: first, maxCount: count })) {
        if (r.event !== undefined) out.push(r.event.id);
      }
    } catch (err) {
      throw toStoreError(err, { streamId });
    }
    return out;
  };

  async function* readStream(streamId: string, opts?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    guard();
    const args = StoreKit.checkReadStreamArguments(streamId, opts);
    const backwards = args.direction === 'backwards';
    if (args.maxCount === 0) {
      if ((await readAt(streamId, 'end')) === undefined) throw new StreamNotFound(streamId);
      return;
    }
    try {
      for await (const r of client.readStream(streamId, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: args.fromRevision ?? (backwards ? END : START),
        ...(args.maxCount === Number.POSITIVE_INFINITY ? {} : { maxCount: args.maxCount }),
      })) {
        yield toRecorded(r, registry);
      }
    } catch (err) {
      throw toStoreError(err, { streamId });
    }
  }

  async function* readAll(given?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    guard();
    const checked = StoreKit.checkReadAllOptions(given);
    const opts = checked.options;
    const backwards = checked.direction === 'backwards';
    const plan = planFilter(checked.filter);
    const decodeWith = opts.asStored === true ? undefined : registry;
    const max = checked.maxCount;
    if (max === 0) return;
    const from = opts.fromPosition;
    let n = 0;
    try {
      // `fromPosition` is inclusive in Praxis; make it so whatever the server does at the bound.
      if (backwards && from !== undefined && max > 0) {
        for await (const r of client.readAll({
          fromPosition: toKurrentPosition(from),
          maxCount: 1,
          filter: plan.server,
        })) {
          const e = r.event;
          if (
            e?.position !== undefined &&
            Position.equals(fromKurrentPosition(e.position), from) &&
            plan.matches(e.type, e.streamId)
          ) {
            n++;
            yield toRecorded(r, decodeWith);
          }
        }
      }
      for await (const r of client.readAll({
        direction: backwards ? BACKWARDS : FORWARDS,
        fromPosition: from === undefined ? (backwards ? END : START) : toKurrentPosition(from),
        filter: plan.server,
        ...(plan.exact && max !== Number.POSITIVE_INFINITY ? { maxCount: max - n } : {}),
      })) {
        if (n >= max) return;
        const e = r.event;
        if (e === undefined || !plan.matches(e.type, e.streamId)) continue;
        if (from !== undefined && e.position !== undefined) {
          const c = Position.compare(fromKurrentPosition(e.position), from);
          if (backwards ? c >= 0 : c < 0) continue;
        }
        n++;
        yield toRecorded(r, decodeWith);
      }
    } catch (err) {
      throw toStoreError(err);
    }
  }

  const headPosition = async (): Promise<Position.Position | undefined> => {
    for await (const e of readAll({ direction: 'backwards', maxCount: 1, asStored: true })) return e.position;
    return undefined;
  };

  /**
   * `after: 'end'` is read by a query; until it returns, this store's appends wait (as on
   * PostgreSQL), so an append made after `subscribeToAll` returned is never taken for history.
   */
  const readingEnds = new Set<Promise<unknown>>();
  const endsBeingRead = async (): Promise<void> => {
    if (readingEnds.size > 0) await Promise.all([...readingEnds].map((p) => p.catch(() => undefined)));
  };

  const changes = watchAll(client);

  return {
    kind: 'kurrentdb',
    chainScope: 'stream',
    appendToStream,
    readStream,
    readAll,
    subscribeToAll: (given: SubscribeOptions, handler: EventHandler): Subscription => {
      guard();
      const opts = StoreKit.checkSubscribeArguments(given, handler);
      let start: Promise<Position.Position | undefined> | undefined;
      if (opts.after === 'end') {
        const reading = headPosition();
        start = reading;
        readingEnds.add(reading);
        const forget = () => readingEnds.delete(reading);
        reading.then(forget, forget);
      }
      const sub = subscribeToAll(client, opts, handler, {
        registry,
        ...(start === undefined ? {} : { start }),
      });
      subscriptions.add(sub);
      const forget = () => subscriptions.delete(sub);
      sub.done.then(forget, forget);
      return sub;
    },
    streamRevision: async (streamId): Promise<StreamRevision> => {
      guard();
      return (await readAt(StoreKit.checkStreamId(streamId), 'end'))?.revision ?? 'no_stream';
    },
    waitForChange: async (signal, timeoutMs) => {
      guard();
      return changes.wait(signal, timeoutMs);
    },
    headPosition: async () => {
      guard();
      try {
        return await headPosition();
      } catch (err) {
        throw toStoreError(err);
      }
    },
    close: async () => {
      if (closed) return;
      await Promise.all([...subscriptions].map((s) => s.stop()));
      closed = true;
      await changes.close();
      if (options.client === undefined) await client.dispose();
    },
  };
};

/**
 * The store's wake-up (`waitForChange`): one live subscription to $all from its end (system
 * events excluded), opened when the first caller waits; each event wakes the waiters. If it
 * fails it is reopened by the next wait; waiters still wake after their timeout.
 */
const watchAll = (client: KurrentDBClient) => {
  const notifier = StoreKit.makeChangeNotifier();
  let live: ReturnType<KurrentDBClient['subscribeToAll']> | undefined;
  let closed = false;
  const open = () => {
    if (live !== undefined || closed) return;
    const sub = client.subscribeToAll({ fromPosition: END, filter: excludeSystemEvents() });
    live = sub;
    const drop = () => {
      if (live === sub) live = undefined;
      notifier.notify();
    };
    sub.on('data', () => notifier.notify());
    sub.on('error', drop);
    sub.on('end', drop);
    sub.on('close', drop);
  };
  return {
    wait: (signal: AbortSignal, timeoutMs: number): Promise<void> => {
      open();
      return notifier.wait(signal, timeoutMs);
    },
    close: async (): Promise<void> => {
      closed = true;
      const l = live;
      live = undefined;
      await l?.unsubscribe().catch(() => undefined);
      notifier.notify();
    },
  };
};
