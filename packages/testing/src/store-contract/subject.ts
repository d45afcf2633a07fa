import type { EventRegistry, EventStore, NewEvent, Position } from '@praxis/core';

/** What the suite asks of the factory for one test. */
export interface ContractStoreOptions {
  /** The suite's event registry (`testRegistry`): the store must validate and decode with it. */
  readonly registry: EventRegistry;
  /**
   * Case 24 only: the store must assign global positions above this value (e.g. start its
   * sequence there). Adapters that cannot declare `notApplicable.bigPositions`.
   */
  readonly positionsFrom?: bigint;
}

/** The stored JSON of one event, as the corruption hook sees and rewrites it. */
export interface StoredJson {
  readonly data: unknown;
  readonly metadata: unknown;
}

/** What a crashed child process had been told was durably appended (case 27). */
export interface AcknowledgedAppend {
  readonly streamId: string;
  readonly eventIds: readonly string[];
  /** `Position.toString` of each event, as the append returned them. */
  readonly positions: readonly string[];
}

/** The outcome of `crashDuringAppends`. */
export interface CrashOutcome {
  /** Every append the child reported as acknowledged before it was killed. */
  readonly acknowledged: readonly AcknowledgedAppend[];
  /** A store opened on the same backend after the kill (closed by the subject's `cleanup`). */
  readonly store: EventStore;
}

/** A backend transaction that has written its events but not committed yet (case 19). */
export interface PendingAppend {
  commit(): Promise<void>;
}

/**
 * One store under test, with the hooks the suite cannot perform through the port. A hook is
 * required unless the capabilities declare its aspect not applicable (with a reason).
 */
export interface ContractSubject {
  readonly store: EventStore;
  /** Closes the store and removes what the factory created (files, schemas). */
  cleanup(): Promise<void>;
  /**
   * Cases 25, 26: rewrite the stored data/metadata of the event at `position`, bypassing every
   * check (what a disk editor or a bad migration would do). The new JSON is stored as given.
   */
  corruptStoredEvent?(position: Position.Position, mutate: (stored: StoredJson) => StoredJson): Promise<void>;
  /**
   * Case 19: begin a backend transaction that writes `events` to `streamId` (taking its place in
   * the global sequence) and leave it open until `commit()` — while faster writers commit.
   */
  beginSlowAppend?(streamId: string, events: readonly NewEvent[]): Promise<PendingAppend>;
  /** Case 22: write `events` to `streamId` inside a backend transaction, then roll it back. */
  rollbackAppend?(streamId: string, events: readonly NewEvent[]): Promise<void>;
  /**
   * Case 27: run appends to streams starting with `streamPrefix` in a real child process (see
   * `runCrashWorkload` / `killDuringAppends`), SIGKILL it mid-stream, and reopen the backend.
   */
  crashDuringAppends?(streamPrefix: string): Promise<CrashOutcome>;
}

/** Makes a fresh subject. Each test calls it once and calls `cleanup` at the end. */
export type ContractFactory = (options: ContractStoreOptions) => Promise<ContractSubject>;

/** Aspects of the contract that need an adapter hook or option. */
export type ContractAspect = 'corruption' | 'slowTransaction' | 'rollback' | 'crash' | 'bigPositions';

/** What the adapter declares about itself when it runs the suite. */
export interface ContractCapabilities {
  /**
   * Aspects that genuinely cannot apply to this adapter, each with the reason; their tests are
   * reported as skipped with that reason. Every other aspect's hook must be provided.
   */
  readonly notApplicable?: Partial<Record<ContractAspect, string>>;
  /** Sizes of the concurrency cases (defaults in `defaultScale`). */
  readonly scale?: Partial<ContractScale>;
  /** How long a test waits for a subscription to deliver before failing (default 20 s). */
  readonly deliveryTimeoutMs?: number;
}

/** Sizes of the concurrency cases. */
export interface ContractScale {
  /** Case 9: concurrent appends racing on one expected revision. */
  readonly racingAppends: number;
  /** Case 19: concurrent writers. */
  readonly writers: number;
  /** Case 19/20/21: appends per writer. */
  readonly appendsPerWriter: number;
}

/** Default sizes: small enough for a 2-core machine, large enough to interleave. */
export const defaultScale: ContractScale = { racingAppends: 24, writers: 16, appendsPerWriter: 8 };
