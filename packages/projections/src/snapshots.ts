import {
  InvalidArgument,
  StreamNotFound,
  foldStream,
  type Decider,
  type DomainCommand,
  type DomainEvent,
  type EventStore,
  type RecordedEvent,
  type Snapshot,
  type SnapshotStore,
  type StateLoader,
  type StreamRevision,
} from '@praxis/core';

/** How a state is written to and read from a snapshot (default: JSON as is). */
export interface StateCodec<S> {
  readonly encode: (state: S) => unknown;
  /** The state, or undefined when the JSON is not a valid state (the snapshot is then ignored). */
  readonly decode: (json: unknown) => S | undefined;
}

/** What `snapshotting` needs: the log, where snapshots go, the aggregate and how often. */
export interface SnapshottingOptions<C extends DomainCommand, Ev extends DomainEvent, S> {
  readonly store: EventStore;
  readonly snapshots: SnapshotStore;
  readonly decider: Decider<C, Ev, S>;
  /** Take a snapshot once this many events have been appended since the last one. */
  readonly every: number;
  /** Needed when the state is not plain JSON (Maps, Sets, bigint, Dates). */
  readonly codec?: StateCodec<S>;
  /** Told when a snapshot was found but not used, and why (stale, foreign version, corrupt). */
  readonly onIgnored?: (streamId: string, reason: string) => void;
  /** Told when taking a snapshot failed; without it the error is thrown to the command's caller. */
  readonly onError?: (streamId: string, error: unknown) => void;
  /** Machine time for `takenAt` (default: the system clock). */
  readonly now?: () => Date;
}

/** The two CommandHandler options that make an aggregate load from its snapshot. */
export interface Snapshotting<Ev extends DomainEvent, S> {
  readonly load: StateLoader<Ev, S>;
  readonly onAppended: (streamId: string, state: S, revision: StreamRevision) => Promise<void>;
}

const plainJson = <S>(): StateCodec<S> => ({ encode: (s) => s, decode: (j) => j as S });
const remembered = 10_000;
/** States kept in memory after an append (the streams most recently written by this process). */
const liveStates = 256;

/**
 * Snapshots for one aggregate type: `load` starts from the stream's snapshot and folds only
 * the events after it; `onAppended` stores a new snapshot every `every` events. A snapshot is
 * used only if it carries the decider's `stateVersion`, decodes, and the event it was taken at
 * is still there with the same hash; otherwise the whole stream is folded.
 *
 * @example
 * const budgets = makeCommandHandler({
 *   store, decider: Budget.decider, clock,
 *   ...snapshotting({ store, snapshots, decider: Budget.decider, every: 100 }),
 * });
 */
export const snapshotting = <C extends DomainCommand, Ev extends DomainEvent, S>(
  options: SnapshottingOptions<C, Ev, S>,
): Snapshotting<Ev, S> => {
  const { store, snapshots, decider } = options;
  if (!Number.isInteger(options.every) || options.every < 1) {
    throw new InvalidArgument('every', 'must be a positive integer');
  }
  const codec = options.codec ?? plainJson<S>();
  const fullFold = foldStream(store, decider);
  const now = options.now ?? (() => new Date());
  // Revision of each stream's latest snapshot (-1: none), so appends need not ask the store.
  const lastTaken = new Map<string, bigint>();
  const remember = (streamId: string, revision: bigint) => {
    lastTaken.delete(streamId);
    lastTaken.set(streamId, revision);
    if (lastTaken.size > remembered) lastTaken.delete(lastTaken.keys().next().value!);
  };

  /** The snapshot's state, or why it cannot be used. */
  const stateOf = (snap: Snapshot): { state: S } | { ignored: string } => {
    if (snap.stateVersion !== decider.stateVersion) {
      return { ignored: `state version ${snap.stateVersion}, decider is at ${decider.stateVersion}` };
    }
    try {
      const state = codec.decode(JSON.parse(snap.state));
      return state === undefined ? { ignored: 'state does not decode' } : { state };
    } catch (err) {
      return { ignored: `state is corrupt (${(err as Error).message})` };
    }
  };

  type Recorded = RecordedEvent<Ev['type'], Ev['data']>;

  /** The command index a snapshot carries, or undefined when it carries none (older snapshots). */
  const indexOf = (snap: Snapshot): Map<string, [bigint, bigint]> | undefined => {
    if (snap.commands === undefined) return undefined;
    try {
      const parsed = JSON.parse(snap.commands) as Record<string, [string, string]>;
      return new Map(Object.entries(parsed).map(([id, [a, b]]) => [id, [BigInt(a), BigInt(b)]]));
    } catch {
      return undefined; // unreadable: search the events instead
    }
  };

  /**
   * The events `commandId` appended at or before the snapshot: a point read through the
   * snapshot's command index, or (a snapshot without one) a search of the events it covers.
   */
  const earlierEvents = async (streamId: string, snap: Snapshot, commandId: string): Promise<Recorded[]> => {
    const index = indexOf(snap);
    const out: Recorded[] = [];
    const span = index?.get(commandId);
    if (index !== undefined && span === undefined) return out;
    const [from, to] = span ?? [0n, snap.revision];
    for await (const e of store.readStream(streamId, {
      fromRevision: from,
      maxCount: Number(to - from) + 1,
    })) {
      if (e.metadata.commandId === commandId) out.push(e as Recorded);
    }
    return out;
  };

  /**
   * The command index of a new snapshot at `revision`: the previous snapshot's index (when it
   * has one and still matches the log) plus the commands of the events after it.
   */
  const commandsUpTo = async (streamId: string, revision: bigint, trustPrevious = true): Promise<string> => {
    const previous = trustPrevious ? await snapshots.load(streamId) : undefined;
    let index = previous === undefined ? undefined : indexOf(previous);
    let from = 0n;
    if (previous !== undefined && index !== undefined && previous.revision < revision)
      from = previous.revision;
    else index = undefined;
    const spans = new Map<string, [bigint, bigint]>(index ?? []);
    let first = true;
    for await (const e of store.readStream(streamId, {
      fromRevision: from,
      maxCount: Number(revision - from) + 1,
    })) {
      if (first && index !== undefined) {
        first = false;
        // The previous snapshot's event must still be there; otherwise rebuild from the start.
        if (e.revision !== previous!.revision || e.hash !== previous!.eventHash)
          return commandsUpTo(streamId, revision, false);
        continue;
      }
      first = false;
      const id = e.metadata.commandId;
      if (typeof id !== 'string') continue;
      const span = spans.get(id);
      spans.set(id, span === undefined ? [e.revision, e.revision] : [span[0], e.revision]);
    }
    return JSON.stringify(
      Object.fromEntries([...spans].map(([id, [a, b]]) => [id, [a.toString(), b.toString()]])),
    );
  };

  const fromSnapshot = async (streamId: string, snap: Snapshot, state: S) => {
    const events: Recorded[] = [];
    let first = true;
    let current = state;
    let revision: bigint = snap.revision;
    try {
      for await (const e of store.readStream(streamId, { fromRevision: snap.revision })) {
        if (first) {
          first = false;
          if (e.revision !== snap.revision || e.hash !== snap.eventHash) return 'stale';
          continue;
        }
        current = decider.evolve(current, e as unknown as Ev);
        revision = e.revision;
        events.push(e as Recorded);
      }
    } catch (err) {
      if (StreamNotFound.isInstance(err)) return 'stale';
      throw err;
    }
    if (first) return 'stale';
    return {
      state: current,
      revision,
      events,
      earlier: (commandId: string) => earlierEvents(streamId, snap, commandId),
    };
  };

  /**
   * The state this process last appended to, per stream (a private copy, handed out once):
   * the next command on the stream reads only the events after it, not the snapshot and its
   * tail. A copy outside the database cannot be edited by someone with write access to it.
   */
  const live = new Map<string, { state: S; revision: bigint }>();
  const keepLive = (streamId: string, state: S, revision: bigint) => {
    live.delete(streamId);
    live.set(streamId, { state: structuredClone(state), revision });
    if (live.size > liveStates) live.delete(live.keys().next().value!);
  };

  /** Events of `commandId` up to `revision`: through the snapshot's index, then a scan after it. */
  const earlierUpTo = async (streamId: string, revision: bigint, commandId: string): Promise<Recorded[]> => {
    const snap = await snapshots.load(streamId);
    const usable = snap !== undefined && snap.revision <= revision;
    const out = usable ? await earlierEvents(streamId, snap, commandId) : [];
    const from = usable ? snap.revision + 1n : 0n;
    if (from > revision) return out;
    for await (const e of store.readStream(streamId, {
      fromRevision: from,
      maxCount: Number(revision - from) + 1,
    }))
      if (e.metadata.commandId === commandId) out.push(e as Recorded);
    return out;
  };

  const fromLive = async (streamId: string, kept: { state: S; revision: bigint }) => {
    const events: Recorded[] = [];
    let first = true;
    let current = kept.state;
    let revision = kept.revision;
    try {
      for await (const e of store.readStream(streamId, { fromRevision: kept.revision })) {
        if (first) {
          first = false;
          if (e.revision !== kept.revision) return 'stale';
          continue;
        }
        current = decider.evolve(current, e as unknown as Ev);
        revision = e.revision;
        events.push(e as Recorded);
      }
    } catch (err) {
      if (StreamNotFound.isInstance(err)) return 'stale';
      throw err;
    }
    if (first) return 'stale';
    const upTo = kept.revision;
    return {
      state: current,
      revision,
      events,
      earlier: (commandId: string) => earlierUpTo(streamId, upTo, commandId),
    };
  };

  const load: StateLoader<Ev, S> = async (streamId) => {
    const kept = live.get(streamId);
    if (kept !== undefined) {
      // Handed out once: a caller may change the state it gets; the next append keeps a new copy.
      live.delete(streamId);
      const loaded = await fromLive(streamId, kept);
      if (loaded !== 'stale') return loaded;
    }
    const snap = await snapshots.load(streamId);
    if (snap !== undefined) {
      const decoded = stateOf(snap);
      if ('state' in decoded) {
        const loaded = await fromSnapshot(streamId, snap, decoded.state);
        if (loaded !== 'stale') {
          remember(streamId, snap.revision);
          return loaded;
        }
        options.onIgnored?.(
          streamId,
          `stale: the stream no longer has event ${snap.revision} it was taken at`,
        );
      } else {
        options.onIgnored?.(streamId, decoded.ignored);
      }
    }
    const loaded = await fullFold(streamId);
    remember(streamId, -1n);
    return loaded;
  };

  const take = async (streamId: string, state: S, revision: bigint) => {
    const base = lastTaken.get(streamId) ?? (await snapshots.load(streamId))?.revision ?? -1n;
    if (revision - base < BigInt(options.every)) return;
    const [at] = await collectFirst(store.readStream(streamId, { fromRevision: revision, maxCount: 1 }));
    if (at === undefined || at.revision !== revision) return;
    await snapshots.save({
      streamId,
      stateVersion: decider.stateVersion,
      revision,
      eventHash: at.hash,
      state: JSON.stringify(codec.encode(state)),
      takenAt: now().toISOString(),
      commands: await commandsUpTo(streamId, revision),
    });
    remember(streamId, revision);
  };

  return {
    load,
    onAppended: async (streamId, state, revision) => {
      if (revision === 'no_stream') return;
      keepLive(streamId, state, revision);
      try {
        await take(streamId, state, revision);
      } catch (err) {
        if (options.onError === undefined) throw err;
        options.onError(streamId, err);
      }
    },
  };
};

const collectFirst = async <A>(items: AsyncIterable<A>): Promise<A[]> => {
  for await (const a of items) return [a];
  return [];
};
