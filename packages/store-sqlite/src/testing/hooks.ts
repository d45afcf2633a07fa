import { InvalidArgument, StoreKit, chainHash, type NewEvent } from '@praxis/core';
import type { SqliteEventStore } from '../sqlite-event-store.js';

/**
 * Test hooks: what a disk editor or a crash would do to a store's file. They bypass every
 * check of the store, so only the contract suite and adapter tests should call them.
 */

/** Rewrites the stored JSON of the event at a global position (tamper evidence, contract 25). */
export const tamperStoredEvent = (
  store: SqliteEventStore,
  position: bigint,
  mutate: (stored: { data: string; metadata: string }) => { data: string; metadata: string },
): void => {
  const db = store.database;
  const row = db.prepare('SELECT data, metadata FROM events WHERE position = ?').get(position) as
    { data: string; metadata: string } | undefined;
  if (row === undefined) throw new InvalidArgument('position', `no event at ${position}`);
  const next = mutate(row);
  db.prepare('UPDATE events SET data = ?, metadata = ? WHERE position = ?').run(
    next.data,
    next.metadata,
    position,
  );
};

/** A row to plant in the log as-is (its data need not pass its codec). */
export interface RawEventRow {
  readonly eventId: string;
  readonly streamId: string;
  /** Default: the stream's next revision. */
  readonly revision?: bigint;
  readonly type: string;
  readonly schemaVersion?: number;
  /** Stored verbatim: need not be valid JSON. */
  readonly data: string;
  /** Default: a minimal valid metadata object. */
  readonly metadata?: string;
}

/**
 * Inserts a row bypassing codecs and checks (contract 24 and 26), chained to the log's last
 * hash as the store would chain it, and returns its position. The data is hashed as parsed
 * JSON when it parses, as a string otherwise.
 */
export const insertRawEvent = (store: SqliteEventStore, row: RawEventRow): bigint => {
  const db = store.database;
  const insert = db.transaction((): bigint => {
    const current = db
      .prepare('SELECT max(revision) FROM events WHERE stream_id = ?')
      .safeIntegers(true)
      .pluck()
      .get(row.streamId) as bigint | null;
    const revision = row.revision ?? (current === null ? 0n : current + 1n);
    const prevHash =
      (db.prepare('SELECT hash FROM events ORDER BY position DESC LIMIT 1').pluck().get() as
        string | undefined) ?? '';
    const metadata =
      row.metadata ??
      JSON.stringify({
        actor: { id: 'test', role: 'test' },
        occurredAt: '2026-01-01T00:00:00.000Z',
        correlationId: row.eventId,
        causationId: row.eventId,
        recordedAt: '2026-01-01T00:00:00.000Z',
      });
    const parse = (s: string): unknown => {
      try {
        return JSON.parse(s);
      } catch {
        return s;
      }
    };
    const schemaVersion = row.schemaVersion ?? 1;
    const hash = chainHash(prevHash, {
      eventId: row.eventId,
      streamId: row.streamId,
      revision,
      type: row.type,
      schemaVersion,
      data: parse(row.data),
      metadata: parse(metadata) as never,
    });
    const info = db
      .prepare(
        `INSERT INTO events (event_id, stream_id, revision, type, schema_version, data, metadata, prev_hash, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .safeIntegers(true)
      .run(row.eventId, row.streamId, revision, row.type, schemaVersion, row.data, metadata, prevHash, hash);
    return BigInt(info.lastInsertRowid);
  });
  return insert.immediate();
};

/**
 * Makes the next appended event get global position `next` (contract 24: positions beyond
 * 2^31). Positions only move forward: a value at or below the current head is refused.
 */
export const setNextPosition = (store: SqliteEventStore, next: bigint): void => {
  const db = store.database;
  db.transaction(() => {
    const head =
      (db.prepare('SELECT max(position) FROM events').safeIntegers(true).pluck().get() as bigint | null) ??
      0n;
    if (next <= head) throw new InvalidArgument('next', `must be above the head position ${head}`);
    const seq = db
      .prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'events'`)
      .safeIntegers(true)
      .pluck()
      .get();
    if (seq === undefined)
      db.prepare(`INSERT INTO sqlite_sequence (name, seq) VALUES ('events', ?)`).run(next - 1n);
    else db.prepare(`UPDATE sqlite_sequence SET seq = ? WHERE name = 'events'`).run(next - 1n);
  }).immediate();
};

/**
 * Writes `events` to `streamId` inside a real BEGIN IMMEDIATE transaction on the store's
 * connection — taking positions and chaining hashes as an append would — then rolls it back
 * (contract 22: a rolled-back write must neither appear nor stall subscribers).
 */
export const rollbackAppend = (
  store: SqliteEventStore,
  streamId: string,
  events: readonly NewEvent[],
): void => {
  const db = store.database;
  const prepared = StoreKit.prepareAppend(streamId, events, undefined, new Date().toISOString());
  db.exec('BEGIN IMMEDIATE');
  try {
    for (const p of prepared) {
      insertRawEvent(store, {
        eventId: p.eventId,
        streamId,
        type: p.type,
        schemaVersion: p.schemaVersion,
        data: JSON.stringify(p.data),
        metadata: JSON.stringify(p.metadata),
      });
    }
  } finally {
    db.exec('ROLLBACK');
  }
};
