import type { Position } from './position.js';
import type { Json, ReadModelReader } from './projection.js';

/**
 * Where one build of a projection lives. A projection version is built into a slot; readers
 * see the slot the projection's active pointer names, so a new version (or a rebuild from
 * zero) fills a slot of its own and replaces the old one in one step when it has caught up.
 */
export interface ReadModelSlot {
  /** Unique in the store, e.g. `audit@1` or `audit@1#2` (a rebuild of version 1). */
  readonly slot: string;
  readonly projection: string;
  readonly version: number;
  /** The last event whose effects the slot holds (undefined: nothing applied yet). */
  readonly checkpoint: Position | undefined;
  /** Events applied so far (handled or parked), for progress reports. */
  readonly eventsApplied: number;
}

/** An event a projection could not handle, set aside with why and where. */
export interface ParkedEvent {
  readonly slot: string;
  readonly position: Position;
  readonly streamId: string;
  readonly revision: bigint;
  readonly type: string;
  readonly eventId: string;
  readonly reason: string;
  /** When the engine parked it (ISO instant, machine time). */
  readonly parkedAt: string;
}

/** What one engine batch changes, committed all-or-nothing. */
export interface ReadModelCommit {
  readonly slot: string;
  /** The checkpoint the batch started from: the commit fails if the slot moved meanwhile. */
  readonly expected: Position | undefined;
  readonly checkpoint: Position;
  /** Documents to write; `undefined` deletes. */
  readonly documents: ReadonlyMap<string, Json | undefined>;
  readonly parked: readonly ParkedEvent[];
  /** Events this batch applied (added to `eventsApplied`). */
  readonly eventsApplied: number;
}

/** A key range for `list`: strictly after `after`, at most `limit` documents. */
export interface KeyRange {
  readonly after?: string;
  readonly limit?: number;
}

/** A reader that can start a listing after a key (paging without rescanning). */
export interface RangeReader extends ReadModelReader {
  list(projection: string, prefix: string, range?: KeyRange): AsyncIterable<readonly [string, Json]>;
}

/**
 * Where read models are kept: documents and checkpoint per slot, written together in one
 * atomic commit (one SQL transaction in the SQL stores), so every event is applied exactly
 * once across crashes. As a `ReadModelReader` it answers from each projection's active slot.
 *
 * Implementations: `memoryReadModelStore` (store-memory), `sqliteReadModelStore`
 * (store-sqlite), `postgresReadModelStore` (store-postgres).
 */
export interface ReadModelStore extends RangeReader {
  readonly kind: string;
  /** Every slot of a projection (all versions and rebuilds), oldest first. */
  slots(projection: string): Promise<readonly ReadModelSlot[]>;
  /** Creates an empty slot (no-op when it exists). */
  openSlot(slot: string, projection: string, version: number): Promise<ReadModelSlot>;
  /** The slot readers of `projection` see, if any. */
  activeSlot(projection: string): Promise<string | undefined>;
  /** Points readers of the slot's projection at `slot`, atomically. */
  activate(slot: string): Promise<void>;
  /** Deletes a slot's documents, checkpoint and parked events. */
  dropSlot(slot: string): Promise<void>;
  /** One document of a given slot (the engine reads the slot it is building). */
  getIn(slot: string, key: string): Promise<Json | undefined>;
  /** Documents of a given slot by key prefix, in key order. */
  listIn(slot: string, prefix: string, range?: KeyRange): AsyncIterable<readonly [string, Json]>;
  /**
   * Writes documents, parked events and the new checkpoint in one atomic step. Throws
   * CheckpointMoved (and writes nothing) when the slot's checkpoint is not `expected`.
   */
  commit(batch: ReadModelCommit): Promise<void>;
  /** Parked events of a slot, in log order. */
  parked(slot: string): Promise<readonly ParkedEvent[]>;
  close(): Promise<void>;
}
