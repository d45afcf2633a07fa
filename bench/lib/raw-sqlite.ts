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

/**
 * S3 baseline: what a hand-written loader needs to fold a stream and append after it — each
 * row's revision (the next expected revision), type (to dispatch the fold) and data — then
 * JSON.parse and fold.
 */
export const rawFoldStream = (db: Database.Database) => {
  const rows = db
    .prepare('SELECT revision, type, data FROM raw_events WHERE stream_id = ? ORDER BY revision')
    .raw();
  return (streamId: string): { balance: Balance; revision: number } => {
    let s = initialBalance;
    let revision = -1;
    for (const r of rows.iterate(streamId) as Iterable<[number, string, string]>) {
      s = evolveBalance(s, { type: r[1], data: JSON.parse(r[2]) });
      revision = r[0];
    }
    return { balance: s, revision };
  };
};

/**
 * S4 baseline: a keyset scan of the whole log in pages of 1 000 turning each row into a plain
 * event object (position, stream, revision, type, parsed data and metadata), folded.
 */
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
        const event = {
          position: r[0],
          streamId: r[1],
          revision: r[2],
          type: r[3],
          data: JSON.parse(r[4]) as unknown,
          metadata: JSON.parse(r[5]) as unknown,
        };
        s = evolveBalance(s, event);
        count++;
      }
      if (rows.length < 1000) return { count, balance: s };
      after = rows[rows.length - 1]![0];
    }
  };
};
