import type Database from 'better-sqlite3';
import type { EventFilter } from '@praxis/core';

/**
 * A stored row as the reads fetch it (raw mode, safe integers): position, event_id, stream_id
 * (NULL when the caller knows it), revision, type, schema_version, data, metadata, and
 * `prev_hash || hash` in one string — one column fewer to convert per row (a hash is 64 hex
 * characters; the first event's prev_hash is empty).
 */
export type StoredRowArray = [bigint, string, string | null, bigint, string, bigint, string, string, string];

/** The select list that produces a StoredRowArray; `streamId` false selects NULL for stream_id. */
export const rowColumns = (streamId: boolean): string =>
  `position, event_id, ${streamId ? 'stream_id' : 'NULL'}, revision, type, schema_version, data, metadata, prev_hash || hash`;

/** One page of the global log from a position (inclusive), in one direction. */
export interface ReadAllPage {
  run(from: bigint, limit: number): StoredRowArray[];
}

/**
 * The keyset query for a `readAll` with a given direction and filter. The filter runs in SQL,
 * so a page holds only matching rows; statements are prepared once per filter shape and cached.
 */
export const readAllStatement = (
  db: Database.Database,
  cache: Map<string, Database.Statement>,
  backwards: boolean,
  filter: EventFilter | undefined,
): ReadAllPage => {
  const types = filter?.eventTypes;
  const prefixes =
    filter?.streamPrefix === undefined
      ? undefined
      : typeof filter.streamPrefix === 'string'
        ? [filter.streamPrefix]
        : filter.streamPrefix;
  const key = `${backwards ? 'b' : 'f'}|${types?.length ?? '-'}|${prefixes?.length ?? '-'}`;
  let statement = cache.get(key);
  if (statement === undefined) {
    const where = [backwards ? 'position <= ?' : 'position >= ?'];
    if (types !== undefined)
      where.push(types.length === 0 ? '0' : `type IN (${types.map(() => '?').join(', ')})`);
    if (prefixes !== undefined) {
      // substr counts code points; the length is bound with each prefix.
      where.push(
        prefixes.length === 0 ? '0' : `(${prefixes.map(() => 'substr(stream_id, 1, ?) = ?').join(' OR ')})`,
      );
    }
    statement = db
      .prepare(
        `SELECT ${rowColumns(true)}
         FROM events WHERE ${where.join(' AND ')}
         ORDER BY position ${backwards ? 'DESC' : 'ASC'} LIMIT ?`,
      )
      .safeIntegers(true)
      .raw(true);
    cache.set(key, statement);
  }
  const params: unknown[] = [...(types ?? [])];
  for (const p of prefixes ?? []) params.push([...p].length, p);
  const ready = statement;
  return { run: (from, limit) => ready.all(from, ...params, limit) as StoredRowArray[] };
};
