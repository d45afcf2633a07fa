/** What a key store knows of one subject. */
export type SubjectKeyState =
  | { readonly state: 'active'; readonly key: Uint8Array }
  | { readonly state: 'forgotten'; readonly forgottenAt: string };

/** What `forget` did. */
export interface ForgetReport {
  /** `forgotten`: the key was destroyed now; `already-forgotten`: earlier; `unknown`: no key was ever issued. */
  readonly outcome: 'forgotten' | 'already-forgotten' | 'unknown';
  /** When the subject was forgotten (absent for `unknown`). */
  readonly forgottenAt?: string;
  /**
   * Whether the key's bytes are gone from the storage the store controls (SQLite: the deleted
   * row zeroed with secure_delete and the WAL checkpointed and truncated). False when another
   * connection kept the WAL from being truncated: the next checkpoint finishes the erasure.
   */
  readonly physicallyErased: boolean;
}

/**
 * Where the per-subject keys of the personal-data vault live: beside the log, in the same
 * database (memory: `memorySubjectKeyStore` in @praxis/store-memory; SQLite: table
 * `subject_keys` in the practice file; PostgreSQL: table `subject_keys` in the practice
 * schema). Losing it loses every personal field: back it up with the log.
 */
export interface SubjectKeyStore {
  readonly kind: string;
  /**
   * The subject's key, made (32 random bytes) on first use; two processes issuing at once get
   * the same key. Throws SubjectForgotten for a forgotten subject, InvalidArgument for a bad id.
   */
  issue(subjectId: string): Promise<Uint8Array>;
  /** What the store knows of each subject; a subject it never saw is absent from the map. */
  lookup(subjectIds: readonly string[]): Promise<ReadonlyMap<string, SubjectKeyState>>;
  /** Destroys the subject's key and keeps a tombstone (`forgottenAt`, an ISO instant). */
  forget(subjectId: string, forgottenAt: string): Promise<ForgetReport>;
}
