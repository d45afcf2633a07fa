import type { NewEvent, RecordedEvent } from './envelope.js';
import type { Position } from './position.js';

/**
 * What an append expects of the stream: any state, no stream yet, an existing stream,
 * or an exact current revision (0-based revision of the last event).
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

/** Where a stream is: the revision of its last event, or `'no_stream'`. */
export type StreamRevision = bigint | 'no_stream';

export interface AppendOptions {
  /** Default `'any'`. */
  readonly expectedRevision?: ExpectedRevision;
}

export interface AppendResult {
  /** Revision of the stream's last event after the append (pass it as the next expected revision). */
  readonly nextExpectedRevision: StreamRevision;
  /** Position of the last appended event (or of the stream's last event, for an empty append). */
  readonly position: Position;
  /** Position of each appended event, in order. */
  readonly positions: readonly Position[];
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  readonly direction?: Direction;
  /** Inclusive. Default: the first (forwards) or last (backwards) event. */
  readonly fromRevision?: bigint;
  readonly maxCount?: number;
}

export interface EventFilter {
  /** Only these event types. */
  readonly eventTypes?: readonly string[];
  /** Only streams whose id starts with one of these. */
  readonly streamPrefix?: string | readonly string[];
}

export interface ReadAllOptions {
  readonly direction?: Direction;
  /** Inclusive. Default: the start (forwards) or the end (backwards). */
  readonly fromPosition?: Position;
  readonly filter?: EventFilter;
  readonly maxCount?: number;
  /**
   * Return data and schema version exactly as stored: no upcasting, no codec check (JSON is
   * still parsed). Chain verification reads this way, since hashes cover the stored form.
   */
  readonly asStored?: boolean;
}

export interface SubscribeOptions {
  /** Deliver events strictly after this position; `'start'` (default) or `'end'` (only new events). */
  readonly after?: Position | 'start' | 'end';
  readonly filter?: EventFilter;
  /** Called once, when the history that existed at subscription time has been delivered. */
  readonly onCaughtUp?: () => void;
  /** Called if the subscription stops because of an error (the handler's or the store's). */
  readonly onError?: (error: unknown) => void;
  /**
   * Called with a position up to which the log has been examined when events the filter
   * skipped lie after the last delivered one: every matching event up to it has been
   * delivered, so a subscriber that stores it and later subscribes `after` it loses nothing
   * and does not re-scan the skipped events (like KurrentDB's checkpoint-reached). Only
   * filtered subscriptions call it.
   */
  readonly onCheckpoint?: (position: Position) => void;
}

export type EventHandler = (event: RecordedEvent) => void | Promise<void>;

export interface Subscription {
  /** Stops delivery; resolves when the handler is no longer running. */
  stop(): Promise<void>;
  /** Resolves when the subscription ends (stopped or failed); rejects with the failure. */
  readonly done: Promise<void>;
}

/** How the hash chain is laid over the log by this store (see docs/decisions). */
export type ChainScope = 'log' | 'stream';

/**
 * The store port. Every adapter (memory, SQLite, PostgreSQL, KurrentDB) implements it and
 * passes the contract suite in `@praxis/testing`.
 */
export interface EventStore {
  /** A short name for messages: `'memory'`, `'sqlite'`, … */
  readonly kind: string;
  /** `'log'`: each event chains to the previous one in global order; `'stream'`: within its stream. */
  readonly chainScope: ChainScope;
  appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult>;
  /** Throws StreamNotFound (when iterated) for a stream with no events. */
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  /** Catch-up then live: every matching event exactly once, in global order. */
  subscribeToAll(options: SubscribeOptions, handler: EventHandler): Subscription;
  /** The revision of a stream's last event, or `'no_stream'`. */
  streamRevision(streamId: string): Promise<StreamRevision>;
  /** Position of the last event in the log, or undefined for an empty log. */
  headPosition(): Promise<Position | undefined>;
  /**
   * Resolves when the log may have changed (an append by this process at once; by another
   * process as soon as the store hears of it — see docs/store-contract.md for each store's
   * latency), after `timeoutMs` at the latest, or when `signal` aborts. A wake-up, not a
   * promise that something changed: callers re-read. Live projections wait on it; a store
   * without it is polled.
   */
  waitForChange?(signal: AbortSignal, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}
