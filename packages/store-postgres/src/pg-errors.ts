import { DuplicateEventId, PraxisError, StoreUnavailable } from '@praxis/core';

interface PgDatabaseError {
  readonly code?: string;
  readonly constraint?: string;
  readonly detail?: string;
  readonly message: string;
}

const isPgError = (e: unknown): e is PgDatabaseError =>
  typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string';

/**
 * Turns what `pg` threw into a Praxis error: an event id that another stream took in a
 * concurrent append becomes DuplicateEventId; anything else from the server or the network
 * becomes StoreUnavailable, with the original as `cause`. Praxis errors pass through.
 */
export const toStoreError = (err: unknown, streamId?: string): unknown => {
  if (PraxisError.isPraxisError(err)) return err;
  if (!isPgError(err)) return new StoreUnavailable('postgres', String(err), { cause: err });
  if (err.code === '23505' && err.constraint?.endsWith('event_id_key') === true && streamId !== undefined) {
    const id = /\(event_id\)=\(([^)]+)\)/.exec(err.detail ?? '')?.[1] ?? 'unknown';
    return new DuplicateEventId(id, streamId, 'used-in-another-stream');
  }
  const code = err.code === undefined ? '' : ` [${err.code}]`;
  return new StoreUnavailable('postgres', `${err.message}${code}`, { cause: err });
};

/**
 * Which unique index a failed insert hit, if any: another transaction stored the same stream
 * revision (`'revision'`) or the same event id (`'event_id'`) first.
 */
export const uniqueConflictOf = (err: unknown): 'revision' | 'event_id' | undefined => {
  if (!isPgError(err) || err.code !== '23505') return undefined;
  if (err.constraint?.endsWith('event_id_key') === true) return 'event_id';
  if (err.constraint?.endsWith('stream_id_revision_key') === true) return 'revision';
  return undefined;
};
