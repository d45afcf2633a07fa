/**
 * The raw better-sqlite3 baselines: the same work as the store's scenarios, written directly
 * against the driver with prepared statements and nothing Praxis adds (no codecs, no hash chain).
 */
import Database from 'better-sqlite3';
import { newEventId } from '@praxis/core';
import { benchMetadata, evolveBalance, initialBalance, rawSchema, type Balance } from './fixtures.js';

/** A raw connection with the same pragmas as the store (WAL, the given synchronous). */
export const openRaw = (path: string, synchronous: 'FULL' | 'NORMAL'): Database.Database => {
  const db = new Database(path);
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.exec(rawSchema);
  return db;
};

/**
 * An append with an expected revision, as one BEGIN IMMEDIATE transaction: read the stream's
 * last revision, compare, insert. Returns the new last revision.
 */
export const rawAppender = (db: Database.Database) => {
  const last = db.prepare('SELECT max(revision) FROM raw_events WHERE stream_id = ?').pluck();
  const insert = db.prepare(
    'INSERT INTO raw_events (event_id, stream_id, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const append = db.transaction((streamId: string, expected: number, datas: readonly unknown[]): number => {
    let revision = (last.get(streamId) as number | null) ?? -1;
    if (revision !== expected) throw new Error(`conflict on ${streamId}: ${revision} ≠ ${expected}`);
    const metadata = JSON.stringify({ ...benchMetadata, recordedAt: new Date().toISOString() });
    for (const data of datas) {
      revision++;
      insert.run(newEventId(), streamId, revision, 'PaymentReceived', JSON.stringify(data), metadata);
    }
    return revision;
  });
  return (streamId: string, expected: number, datas: readonly unknown[]): number =>
    append.immediate(streamId, expected, datas);
};

/** S3 baseline: select one stream's rows, JSON.parse each, fold. */
export const rawFoldStream = (db: Database.Database) => {
  const rows = db.prepare('SELECT data FROM raw_events WHERE stream_id = ? ORDER BY revision').pluck();
  return (streamId: string): Balance => {
    let s = initialBalance;
    for (const data of rows.iterate(streamId) as Iterable<string>)
      s = evolveBalance(s, { data: JSON.parse(data) });
    return s;
  };
};

/** S4 baseline: a keyset scan of the whole log in pages of 1 000, JSON.parse of data and metadata, fold. */
export const rawScan = (db: Database.Database) => {
  const page = db
    .prepare(
      'SELECT position, stream_id, revision, type, data, metadata FROM raw_events WHERE position > ? ORDER BY position LIMIT 1000',
    )
    .raw();
  return (): { count: number; balance: Balance } => {
    let after = 0;
    let count = 0;
    let s = initialBalance;
    for (;;) {
      const rows = page.all(after) as [number, string, number, string, string, string][];
      for (const r of rows) {
        const event = { data: JSON.parse(r[4]) as unknown, metadata: JSON.parse(r[5]) as unknown };
        s = evolveBalance(s, event);
        count++;
      }
      if (rows.length < 1000) return { count, balance: s };
      after = rows[rows.length - 1]![0];
    }
  };
};
