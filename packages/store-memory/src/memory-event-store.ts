import {
  InvalidArgument,
  Position,
  StoreClosed,
  StoreKit,
  StreamNotFound,
  chainHash,
  type AppendOptions,
  type AppendResult,
  type EventRegistry,
  type EventStore,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamRevision,
  type SubscribeOptions,
  type EventHandler,
  type Subscription,
} from '@praxis/core';

export interface MemoryStoreOptions {
  /** Validate data on append and decode/upcast on read with these codecs. */
  readonly registry?: EventRegistry;
  /** Source of `recordedAt` (default: the machine clock). */
  readonly now?: () => Date;
}

/** A stored event, kept as JSON text so reads return fresh copies, as a real backend would. */
interface Row {
  readonly eventId: string;
  readonly streamId: string;
  readonly revision: bigint;
  readonly position: bigint;
  readonly type: string;
  readonly schemaVersion: number;
  data: string;
  metadata: string;
  readonly prevHash: string;
  readonly hash: string;
}

/**
 * An in-memory event store for tests and throwaway demos. It keeps the same semantics as the
 * durable stores (expected revisions, idempotent retries, hash chain, codecs) and passes the
 * same contract suite; it forgets everything when the process ends.
 *
 * @example
 * const store = memoryEventStore({ registry });
 */
export const memoryEventStore = (options: MemoryStoreOptions = {}): EventStore & MemoryStoreInternals => {
  const log: Row[] = [];
  const streams = new Map<string, Row[]>();
  const byId = new Map<string, Row>();
  const notifier = StoreKit.makeChangeNotifier();
  const now = options.now ?? (() => new Date());
  let closed = false;

  const guard = () => {
    if (closed) throw new StoreClosed('memory');
  };
  const revisionOf = (streamId: string): StreamRevision => {
    const s = streams.get(streamId);
    return s === undefined || s.length === 0 ? 'no_stream' : s[s.length - 1]!.revision;
  };
  const toRecorded = (r: Row, asStored = false): RecordedEvent => {
    const position = Position.make(r.position);
    const decoded = StoreKit.decodeStored({ ...r, position }, asStored ? undefined : options.registry);
    return {
      eventId: r.eventId,
      streamId: r.streamId,
      revision: r.revision,
      position,
      type: r.type,
      schemaVersion: decoded.schemaVersion,
      data: decoded.data,
      metadata: decoded.metadata as unknown as RecordedEvent['metadata'],
      prevHash: r.prevHash,
      hash: r.hash,
    };
  };

  const appendToStream = async (
    streamId: string,
    events: readonly NewEvent[],
    opts: AppendOptions = {},
  ): Promise<AppendResult> => {
    guard();
    const expected = opts.expectedRevision ?? 'any';
    const prepared = StoreKit.prepareAppend(streamId, events, options.registry, now().toISOString());
    const current = revisionOf(streamId);
    const found = new Map<string, StoreKit.ExistingEvent>();
    for (const p of prepared) {
      const r = byId.get(p.eventId);
      if (r !== undefined) found.set(p.eventId, r);
    }
    const retry = StoreKit.classifyRetry(
      streamId,
      prepared.map((p) => p.eventId),
      found,
      expected,
      current,
    );
    const stream = streams.get(streamId) ?? [];
    if (retry.kind === 'replay') {
      const rows = stream.slice(Number(retry.first), Number(retry.last) + 1);
      const positions = rows.map((r) => Position.make(r.position));
      return { nextExpectedRevision: current, position: positions[positions.length - 1]!, positions };
    }
    StoreKit.checkExpectedRevision(streamId, expected, current);
    if (prepared.length === 0) {
      const last = stream[stream.length - 1];
      return { nextExpectedRevision: current, position: Position.make(last?.position ?? 0n), positions: [] };
    }
    let revision = current === 'no_stream' ? -1n : current;
    let prevHash = log[log.length - 1]?.hash ?? '';
    const rows: Row[] = prepared.map((p) => {
      revision += 1n;
      const hash = chainHash(prevHash, { ...p, streamId, revision });
      const row: Row = {
        eventId: p.eventId,
        streamId,
        revision,
        position: BigInt(log.length + 1),
        type: p.type,
        schemaVersion: p.schemaVersion,
        data: JSON.stringify(p.data),
        metadata: JSON.stringify(p.metadata),
        prevHash,
        hash,
      };
      prevHash = hash;
      log.push(row);
      return row;
    });
    for (const r of rows) byId.set(r.eventId, r);
    streams.set(streamId, stream.concat(rows));
    notifier.notify();
    const positions = rows.map((r) => Position.make(r.position));
    return { nextExpectedRevision: revision, position: positions[positions.length - 1]!, positions };
  };

  async function* readStream(streamId: string, opts: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    guard();
    const stream = streams.get(streamId);
    if (stream === undefined || stream.length === 0) throw new StreamNotFound(streamId);
    const backwards = opts.direction === 'backwards';
    const max = opts.maxCount ?? Number.POSITIVE_INFINITY;
    let i = opts.fromRevision === undefined ? (backwards ? stream.length - 1 : 0) : Number(opts.fromRevision);
    for (let n = 0; n < max && i >= 0 && i < stream.length; n++, i += backwards ? -1 : 1) {
      yield toRecorded(stream[i]!);
    }
  }

  async function* readAll(opts: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    guard();
    const backwards = opts.direction === 'backwards';
    const max = opts.maxCount ?? Number.POSITIVE_INFINITY;
    const matches = StoreKit.matchesFilter(opts.filter);
    // Positions are 1-based indexes into the log; commit = prepare for this store.
    const from = opts.fromPosition?.commit;
    let i = from === undefined ? (backwards ? log.length - 1 : 0) : Number(from) - 1;
    if (backwards && i > log.length - 1) i = log.length - 1;
    if (!backwards && i < 0) i = 0;
    let n = 0;
    while (n < max && i >= 0 && i < log.length) {
      const r = log[i]!;
      i += backwards ? -1 : 1;
      if (!matches(r.type, r.streamId)) continue;
      n++;
      yield toRecorded(r, opts.asStored === true);
    }
  }

  const headPosition = async () => {
    const last = log[log.length - 1];
    return last === undefined ? undefined : Position.make(last.position);
  };

  const subscribeToAll = (opts: SubscribeOptions, handler: EventHandler): Subscription =>
    StoreKit.runSubscription({ readAll, headPosition, waitForChange: notifier.wait }, opts, handler);

  return {
    kind: 'memory',
    chainScope: 'log',
    appendToStream,
    readStream,
    readAll,
    subscribeToAll,
    streamRevision: async (id) => {
      guard();
      return revisionOf(id);
    },
    headPosition,
    close: async () => {
      closed = true;
      notifier.notify();
    },
    tamper: (position, mutate) => {
      const row = log[Number(position) - 1];
      if (row === undefined) throw new InvalidArgument('position', `no event at ${position}`);
      const next = mutate({ data: row.data, metadata: row.metadata });
      row.data = next.data;
      row.metadata = next.metadata;
    },
  };
};

/** Test hooks of the memory store (what a disk editor would do to a real file). */
export interface MemoryStoreInternals {
  /** Rewrites the stored JSON of the event at a global position, bypassing every check. */
  tamper(
    position: bigint,
    mutate: (stored: { data: string; metadata: string }) => { data: string; metadata: string },
  ): void;
}
