/**
 * A cached aggregate state, stored beside its stream. Never the source of truth: a loader
 * uses it only when its state version matches the decider's and the event it was taken at
 * is still the stream's event at that revision (same hash); otherwise it folds from events.
 */
export interface Snapshot {
  readonly streamId: string;
  /** The decider's `stateVersion` when the state was taken. */
  readonly stateVersion: number;
  /** Revision of the last event folded into `state`. */
  readonly revision: bigint;
  /** Hash of that event (ties the snapshot to the exact log it came from). */
  readonly eventHash: string;
  /** The state, serialised as JSON text. */
  readonly state: string;
  /** When it was taken (ISO instant, machine time). */
  readonly takenAt: string;
  /**
   * The commands whose events the snapshot covers, so a retried command stays idempotent
   * once its events are behind the snapshot: JSON text of `{ [commandId]: [first, last] }`,
   * the revisions (decimal strings) of the first and last event it appended. Absent on
   * snapshots taken before it existed (the loader then searches the events themselves).
   */
  readonly commands?: string;
}

/**
 * Where snapshots are kept: one (the latest) per stream. Implementations: memory
 * (store-memory), SQLite (store-sqlite), PostgreSQL (store-postgres).
 */
export interface SnapshotStore {
  /** The stream's snapshot, if any. */
  load(streamId: string): Promise<Snapshot | undefined>;
  /** Stores a snapshot unless one at a higher revision is already kept. */
  save(snapshot: Snapshot): Promise<void>;
  /** Forgets a stream's snapshot. */
  remove(streamId: string): Promise<void>;
}
