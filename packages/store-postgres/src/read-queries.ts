import type { Direction } from '@praxis/core';
import { eventColumns } from './rows.js';

/**
 * The global-order read. Only transactions below the oldest one still running
 * (`pg_snapshot_xmin`) are returned: their rows can no longer be joined by a row that sorts
 * before them, so a reader that resumes after its last (xid, position) never skips an event
 * committed late by a slow transaction. Parameters: $1 xid, $2 position (strictly after /
 * before), $3 limit, then $4 event types and/or $4|$5 stream prefixes when filtered.
 */
export const readAllSql = (
  schema: string,
  direction: Direction,
  byType: boolean,
  byPrefix: boolean,
): { name: string; text: string } => {
  const fwd = direction === 'forwards';
  const conditions = [
    'e.xid < pg_snapshot_xmin(pg_current_snapshot())',
    `(e.xid, e.position) ${fwd ? '>' : '<'} ($1::text::xid8, $2::bigint)`,
  ];
  let n = 4;
  if (byType) conditions.push(`e.type = ANY ($${n++}::text[])`);
  if (byPrefix) conditions.push(`e.stream_id ^@ ANY ($${n++}::text[])`);
  const order = fwd ? 'e.xid, e.position' : 'e.xid DESC, e.position DESC';
  return {
    name: `praxis:${schema}:all:${direction}:${byType ? 't' : ''}${byPrefix ? 'p' : ''}`,
    text: `SELECT ${eventColumns} FROM ${schema}.events e WHERE ${conditions.join(' AND ')} ORDER BY ${order} LIMIT $3`,
  };
};

/** A stream in revision order: $1 stream, $2 revision (inclusive), $3 limit. */
export const readStreamSql = (schema: string, direction: Direction): { name: string; text: string } => {
  const fwd = direction === 'forwards';
  return {
    name: `praxis:${schema}:stream:${direction}`,
    text:
      `SELECT ${eventColumns} FROM ${schema}.events e WHERE e.stream_id = $1 AND e.revision ${fwd ? '>=' : '<='} $2 ` +
      `ORDER BY e.revision ${fwd ? '' : 'DESC'} LIMIT $3`,
  };
};

/** The last visible event in global order (same visibility rule as `readAllSql`). */
export const headSql = (schema: string): { name: string; text: string } => ({
  name: `praxis:${schema}:head`,
  text:
    `SELECT e.xid::text AS xid_text, e.position FROM ${schema}.events e ` +
    'WHERE e.xid < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY e.xid DESC, e.position DESC LIMIT 1',
});

/** Largest values, used as "before everything" when reading backwards from the end. */
export const maxXid = '18446744073709551615';
export const maxPosition = '9223372036854775807';
