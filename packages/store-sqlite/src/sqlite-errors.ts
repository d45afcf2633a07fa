import { PraxisError, StoreUnavailable } from '@praxis/core';

/** The SQLite error codes better-sqlite3 puts on `code`. */
const codeOf = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string'
    ? (e as { code: string }).code
    : undefined;

/** True when another connection holds the lock we need (after the short synchronous wait). */
export const isBusy = (e: unknown): boolean => {
  const code = codeOf(e);
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED';
};

/** True for a UNIQUE violation of the event id (a retried or reused event id). */
export const isEventIdTaken = (e: unknown): boolean =>
  codeOf(e) === 'SQLITE_CONSTRAINT_UNIQUE' && String((e as Error).message).includes('events.event_id');

/**
 * Turns a backend failure into a typed Praxis error (keeping the original as `cause`);
 * Praxis errors pass through unchanged.
 */
export const toStoreError = (e: unknown, path: string): unknown => {
  if (PraxisError.isPraxisError(e)) return e;
  const code = codeOf(e);
  if (code === undefined || !code.startsWith('SQLITE_')) return e;
  const reason =
    code === 'SQLITE_BUSY'
      ? `${path} stayed locked by another writer past the busy timeout`
      : `${path}: ${(e as Error).message} (${code})`;
  return new StoreUnavailable('sqlite', reason, { cause: e });
};
