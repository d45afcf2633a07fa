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
  /**
   * Global position of the first event (default 1). Lets tests run the log at positions
   * beyond 2^31 or 2^53, as a long-lived durable store would.
   */
  readonly firstPosition?: bigint;
}

/**
 * A stored event, kept as JSON text (what a real backend holds, and what the hash chain and
 * `asStored` reads see) with its decoded, frozen form made on first read and handed out to every
 * later one: events read are immutable on every store.
 */
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
  recorded?: RecordedEvent;
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
  const subscriptions = new Set<Subscription>();
  const now = options.now ?? (() => new Date());
  const firstPosition = options.firstPosition ?? 1n;
  if (firstPosition < 1n) throw new InvalidArgument('firstPosition', 'must be ≥ 1');
  let closed = false;

  const guard = () => {
    if (closed) throw new StoreClosed('memory');
  };
  const revisionOf = (streamId: string): StreamRevision => {
    const s = streams.get(streamId);
    return s === undefined || s.length === 0 ? 'no_stream' : s[s.length - 1]!.revision;
  };
  /** The log index of the first event at or after `p` (forwards), or at or before it (backwards). */
  const indexOf = (p: Position.Position, backwards: boolean): number => {
    // Positions are firstPosition + index, one sequence (commit = prepare); compare as bigint.
    const at = p.commit - firstPosition;
    const exact = p.prepare === p.commit;
    if (at < 0n) return backwards ? -1 : 0;
    if (at >= BigInt(log.length)) return backwards ? log.length - 1 : log.length;
    // A position between two events (prepare ≠ commit) starts after it forwards, before it backwards.
    return Number(at) + (exact || backwards ? 0 : 1);
  };
  const rowAt = (position: bigint): Row => {
    const at = position - firstPosition;
    const row = at < 0n || at >= BigInt(log.length) ? undefined : log[Number(at)];
    if (row === undefined) throw new InvalidArgument('position', `no event at ${position}`);
    return row;
  };
  const toRecorded = (r: Row, asStored = false): RecordedEvent => {
    if (!asStored && r.recorded !== undefined) return r.recorded;
    const position = Object.freeze(Position.make(r.position));
    const decoded = StoreKit.decodeStored({ ...r, position }, asStored ? undefined : options.registry);
    const recorded: RecordedEvent = Object.freeze({
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
    });
    if (!asStored) r.recorded = recorded;
    return recorded;
  };

  // No await inside: each append is one atomic step, as if in a serialized transaction.
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
      options.registry,
      now().toISOString(),
    );
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
      // The original append's result: its positions and the revision it left the stream at.
      const rows = stream.slice(Number(retry.first), Number(retry.last) + 1);
      const positions = rows.map((r) => Position.make(r.position));
      return { nextExpectedRevision: retry.last, position: positions[positions.length - 1]!, positions };
    }
    StoreKit.checkExpectedRevision(streamId, expected, current);
    if (prepared.length === 0) {
      const last = stream[stream.length - 1];
      return {
        nextExpectedRevision: current,
        position: last === undefined ? Position.start : Position.make(last.position),
        positions: [],
      };
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
        position: firstPosition + BigInt(log.length),
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
    // Appended in place (a copy per append made long streams quadratic); a read in progress
    // stops at the length it started with.
    if (!streams.has(streamId)) streams.set(streamId, stream);
    stream.push(...rows);
    notifier.notify();
    const positions = rows.map((r) => Position.make(r.position));
    return { nextExpectedRevision: revision, position: positions[positions.length - 1]!, positions };
  };

  async function* readStream(streamId: string, opts?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    guard();
    const args = StoreKit.checkReadStreamArguments(streamId, opts);
    const max = args.maxCount;
    const stream = streams.get(streamId);
    if (stream === undefined || stream.length === 0) throw new StreamNotFound(streamId);
    const backwards = args.direction === 'backwards';
    const last = BigInt(stream.length - 1);
    const from = args.fromRevision ?? (backwards ? last : 0n);
    // Forwards from beyond the end reads nothing; backwards from beyond the end starts at the last event.
    if (!backwards && from > last) return;
    let i = Number(from > last ? last : from);
    const end = stream.length;
    for (let n = 0; n < max && i >= 0 && i < end; n++, i += backwards ? -1 : 1) {
      yield toRecorded(stream[i]!);
    }
  }

  async function* readAll(given?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    guard();
    const { direction, maxCount: max, filter, options: opts } = StoreKit.checkReadAllOptions(given);
    const backwards = direction === 'backwards';
    const matches = StoreKit.matchesFilter(filter);
    let i =
      opts.fromPosition === undefined
        ? backwards
          ? log.length - 1
          : 0
        : indexOf(opts.fromPosition, backwards);
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
    guard();
    const last = log[log.length - 1];
    return last === undefined ? undefined : Position.make(last.position);
  };

  const subscribeToAll = (given: SubscribeOptions, handler: EventHandler): Subscription => {
    guard();
    const opts = StoreKit.checkSubscribeArguments(given, handler);
    const sub = StoreKit.runSubscription(
      { readAll, headPosition, waitForChange: notifier.wait },
      opts,
      handler,
    );
    subscriptions.add(sub);
    void sub.done.catch(() => undefined).finally(() => subscriptions.delete(sub));
    return sub;
  };

  return {
    kind: 'memory',
    chainScope: 'log',
    appendToStream,
    readStream,
    readAll,
    subscribeToAll,
    streamRevision: async (id) => {
      guard();
      return revisionOf(StoreKit.checkStreamId(id));
    },
    headPosition,
    waitForChange: notifier.wait,
    close: async () => {
      if (closed) return;
      // Running subscriptions end (their `done` resolves) before the store refuses reads.
      await Promise.all([...subscriptions].map((s) => s.stop()));
      closed = true;
      notifier.notify();
    },
    tamper: (position, mutate) => {
      const row = rowAt(position);
      const next = mutate({ data: row.data, metadata: row.metadata });
      row.data = next.data;
      row.metadata = next.metadata;
    },
    corruptStoredEvent: (position, mutate) => {
      const row = rowAt(position.commit);
      const next = mutate({
        data: JSON.parse(row.data) as unknown,
        metadata: JSON.parse(row.metadata) as unknown,
      });
      row.data = JSON.stringify(next.data);
      row.metadata = JSON.stringify(next.metadata);
      delete row.recorded;
    },
  };
};

/** Test hooks of the memory store (what a disk editor would do to a real file). */
export interface MemoryStoreInternals {
  /** Rewrites the stored JSON text of the event at a global position, bypassing every check. */
  tamper(
    position: bigint,
    mutate: (stored: { data: string; metadata: string }) => { data: string; metadata: string },
  ): void;
  /** Rewrites the stored data and metadata (as JSON values) of the event at `position`, bypassing every check. */
  corruptStoredEvent(
    position: Position.Position,
    mutate: (stored: { data: unknown; metadata: unknown }) => { data: unknown; metadata: unknown },
  ): void;
}
