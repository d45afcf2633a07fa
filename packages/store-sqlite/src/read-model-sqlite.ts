import type Database from 'better-sqlite3';
import {
  CheckpointMoved,
  InvalidArgument,
  Position,
  StoreClosed,
  type Json,
  type KeyRange,
  type ParkedEvent,
  type ReadModelSlot,
  type ReadModelStore,
  type SnapshotStore,
} from '@praxis/core';
import { applyMigrations, type Migration } from './migrations.js';

/** The component name of the read-model and snapshot tables in `praxis_migrations`. */
export const readModelsComponent = 'read-models';

/** The read-model and snapshot tables; never edit a released migration, add the next one. */
export const readModelMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'read-model slots, documents, parked events; snapshots',
    sql: `
      CREATE TABLE read_model_slots (
        slot           TEXT    PRIMARY KEY,
        projection     TEXT    NOT NULL,
        version        INTEGER NOT NULL,
        checkpoint     TEXT,
        events_applied INTEGER NOT NULL DEFAULT 0,
        opened         INTEGER NOT NULL
      );
      CREATE INDEX read_model_slots_projection ON read_model_slots (projection, opened);
      CREATE TABLE read_model_active (
        projection TEXT PRIMARY KEY,
        slot       TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE read_model_documents (
        slot TEXT NOT NULL,
        key  TEXT NOT NULL,
        doc  TEXT NOT NULL,
        PRIMARY KEY (slot, key)
      ) WITHOUT ROWID;
      CREATE TABLE read_model_parked (
        slot          TEXT    NOT NULL,
        pos_commit    INTEGER NOT NULL,
        pos_prepare   INTEGER NOT NULL,
        stream_id     TEXT    NOT NULL,
        revision      INTEGER NOT NULL,
        type          TEXT    NOT NULL,
        event_id      TEXT    NOT NULL,
        reason        TEXT    NOT NULL,
        parked_at     TEXT    NOT NULL,
        PRIMARY KEY (slot, pos_commit, pos_prepare)
      ) WITHOUT ROWID;
      CREATE TABLE snapshots (
        stream_id     TEXT    PRIMARY KEY,
        state_version INTEGER NOT NULL,
        revision      INTEGER NOT NULL,
        event_hash    TEXT    NOT NULL,
        state         TEXT    NOT NULL,
        taken_at      TEXT    NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    name: 'snapshots carry the command ids they cover',
    sql: `ALTER TABLE snapshots ADD COLUMN commands TEXT;`,
  },
];

/** Anything that holds the SQLite connection (a `SqliteEventStore`, or the Database itself). */
export type SqliteConnection = Database.Database | { readonly database: Database.Database };

const connectionOf = (c: SqliteConnection): Database.Database => ('database' in c ? c.database : c);

/** The smallest key above every key that starts with `prefix` (undefined: no bound). */
const prefixEnd = (prefix: string): string | undefined => {
  if (prefix === '') return undefined;
  const last = prefix.charCodeAt(prefix.length - 1);
  return last >= 0xd800 ? undefined : prefix.slice(0, -1) + String.fromCharCode(last + 1);
};

const pageSize = 500;

/**
 * Runs a write of derived data (read models, snapshots) with `synchronous = NORMAL` when the
 * connection is at FULL (or EXTRA), and restores the setting after. Derived data is rebuilt from
 * the log, so its commits need not wait for an fsync of their own: in WAL mode a NORMAL commit is
 * still atomic and consistent, may only be lost on power failure (the read model then catches up
 * again from its checkpoint), and the next FULL commit — any event append — fsyncs the WAL with
 * it. Events are never appended at NORMAL. Opening a practice writes ~90 slot rows and checkpoints:
 * at FULL that was ~90 fsyncs. See docs/decisions/read-model-commits-not-fsynced.md.
 */
export const derivedWrite = (db: Database.Database): (<T>(write: () => T) => T) => {
  // Not prepared statements: SQLite applies a PRAGMA that sets a value when it is prepared.
  return <T>(write: () => T): T => {
    if (db.inTransaction) return write(); // the pragma cannot change inside a transaction
    const before = db.pragma('synchronous', { simple: true }) as number;
    if (before < 2) return write();
    db.pragma('synchronous = NORMAL');
    try {
      return write();
    } finally {
      db.pragma(`synchronous = ${before}`);
    }
  };
};

/**
 * Read models in the event store's SQLite file: a batch's documents, parked events and
 * checkpoint are written in one transaction, so a process killed mid-batch leaves either the
 * whole batch or none of it. Tables are created by the `read-models` migrations.
 *
 * @example
 * const store = sqliteEventStore({ path: 'practice.db', registry });
 * const readModels = sqliteReadModelStore(store);
 */
export const sqliteReadModelStore = (connection: SqliteConnection): ReadModelStore => {
  const db = connectionOf(connection);
  applyMigrations(db, readModelsComponent, readModelMigrations);
  const derived = derivedWrite(db);
  const q = (sql: string) => db.prepare(sql).safeIntegers(true);
  const st = {
    slots: q(`SELECT slot, projection, version, checkpoint, events_applied FROM read_model_slots
              WHERE projection = ? ORDER BY opened, slot`).raw(),
    slot: q(
      `SELECT slot, projection, version, checkpoint, events_applied FROM read_model_slots WHERE slot = ?`,
    ).raw(),
    open: q(`INSERT INTO read_model_slots (slot, projection, version, checkpoint, events_applied, opened)
             VALUES (?, ?, ?, NULL, 0, (SELECT coalesce(max(opened), 0) + 1 FROM read_model_slots))
             ON CONFLICT (slot) DO NOTHING`),
    active: q(`SELECT slot FROM read_model_active WHERE projection = ?`).pluck(),
    activate: q(`INSERT INTO read_model_active (projection, slot) VALUES (?, ?)
                 ON CONFLICT (projection) DO UPDATE SET slot = excluded.slot`),
    deactivate: q(`DELETE FROM read_model_active WHERE slot = ?`),
    dropDocs: q(`DELETE FROM read_model_documents WHERE slot = ?`),
    dropParked: q(`DELETE FROM read_model_parked WHERE slot = ?`),
    dropSlot: q(`DELETE FROM read_model_slots WHERE slot = ?`),
    get: q(`SELECT doc FROM read_model_documents WHERE slot = ? AND key = ?`).pluck(),
    getActive: q(`SELECT d.doc FROM read_model_active a JOIN read_model_documents d ON d.slot = a.slot
                  WHERE a.projection = ? AND d.key = ?`).pluck(),
    pageBounded: q(`SELECT key, doc FROM read_model_documents WHERE slot = ? AND key > ? AND key < ?
                    ORDER BY key LIMIT ?`).raw(),
    pageOpen: q(
      `SELECT key, doc FROM read_model_documents WHERE slot = ? AND key > ? ORDER BY key LIMIT ?`,
    ).raw(),
    firstBounded: q(`SELECT key, doc FROM read_model_documents WHERE slot = ? AND key >= ? AND key < ?
                     ORDER BY key LIMIT ?`).raw(),
    firstOpen: q(
      `SELECT key, doc FROM read_model_documents WHERE slot = ? AND key >= ? ORDER BY key LIMIT ?`,
    ).raw(),
    put: q(`INSERT INTO read_model_documents (slot, key, doc) VALUES (?, ?, ?)
            ON CONFLICT (slot, key) DO UPDATE SET doc = excluded.doc`),
    del: q(`DELETE FROM read_model_documents WHERE slot = ? AND key = ?`),
    park: q(`INSERT OR REPLACE INTO read_model_parked
             (slot, pos_commit, pos_prepare, stream_id, revision, type, event_id, reason, parked_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    advance: q(
      `UPDATE read_model_slots SET checkpoint = ?, events_applied = events_applied + ? WHERE slot = ?`,
    ),
    parked: q(`SELECT slot, pos_commit, pos_prepare, stream_id, revision, type, event_id, reason, parked_at
               FROM read_model_parked WHERE slot = ? ORDER BY pos_commit, pos_prepare`).raw(),
  };
  let closed = false;
  const guard = () => {
    if (closed) throw new StoreClosed('sqlite read-model');
  };

  type SlotRow = [string, string, bigint, string | null, bigint];
  const toSlot = (r: SlotRow): ReadModelSlot => ({
    slot: r[0],
    projection: r[1],
    version: Number(r[2]),
    checkpoint: r[3] === null ? undefined : Position.parse(r[3]),
    eventsApplied: Number(r[4]),
  });

  /** Keyset pages of one slot's documents under a prefix. */
  async function* listSlot(slot: string | undefined, prefix: string, range: KeyRange = {}) {
    if (slot === undefined) return;
    const end = prefixEnd(prefix);
    let remaining = range.limit ?? Number.POSITIVE_INFINITY;
    let after = range.after !== undefined && range.after >= prefix ? range.after : undefined;
    while (remaining > 0) {
      guard();
      const n = Math.min(pageSize, remaining);
      const rows = (
        after === undefined
          ? end === undefined
            ? st.firstOpen.all(slot, prefix, n)
            : st.firstBounded.all(slot, prefix, end, n)
          : end === undefined
            ? st.pageOpen.all(slot, after, n)
            : st.pageBounded.all(slot, after, end, n)
      ) as [string, string][];
      for (const [key, doc] of rows) {
        if (!key.startsWith(prefix)) return;
        yield [key, JSON.parse(doc) as Json] as const;
      }
      if (rows.length < n) return;
      remaining -= rows.length;
      after = rows[rows.length - 1]![0];
    }
  }

  const commit = db.transaction(
    (
      slot: string,
      expected: string,
      checkpoint: string,
      docs: [string, string | undefined][],
      parked: readonly ParkedEvent[],
      applied: number,
    ) => {
      const row = st.slot.get(slot) as SlotRow | undefined;
      if (row === undefined) throw new InvalidArgument('slot', `no read-model slot ${slot}`);
      const actual = row[3] ?? 'none';
      if (actual !== expected) throw new CheckpointMoved(slot, expected, actual);
      for (const [key, doc] of docs) {
        if (doc === undefined) st.del.run(slot, key);
        else st.put.run(slot, key, doc);
      }
      for (const p of parked) {
        st.park.run(
          slot,
          p.position.commit,
          p.position.prepare,
          p.streamId,
          p.revision,
          p.type,
          p.eventId,
          p.reason,
          p.parkedAt,
        );
      }
      st.advance.run(checkpoint, applied, slot);
    },
  );
  const drop = db.transaction((slot: string) => {
    st.deactivate.run(slot);
    st.dropDocs.run(slot);
    st.dropParked.run(slot);
    st.dropSlot.run(slot);
  });

  return {
    kind: 'sqlite',
    get: async (projection, key) => {
      guard();
      const doc = st.getActive.get(projection, key) as string | undefined;
      return doc === undefined ? undefined : (JSON.parse(doc) as Json);
    },
    list: (projection, prefix, range) => {
      guard();
      return listSlot(st.active.get(projection) as string | undefined, prefix, range);
    },
    slots: async (projection) => {
      guard();
      return (st.slots.all(projection) as SlotRow[]).map(toSlot);
    },
    openSlot: async (slot, projection, version) => {
      guard();
      derived(() => st.open.run(slot, projection, version));
      return toSlot(st.slot.get(slot) as SlotRow);
    },
    activeSlot: async (projection) => {
      guard();
      return st.active.get(projection) as string | undefined;
    },
    activate: async (slot) => {
      guard();
      const row = st.slot.get(slot) as SlotRow | undefined;
      if (row === undefined) throw new InvalidArgument('slot', `no read-model slot ${slot}`);
      derived(() => st.activate.run(row[1], slot));
    },
    dropSlot: async (slot) => {
      guard();
      derived(() => drop.immediate(slot));
    },
    getIn: async (slot, key) => {
      guard();
      const doc = st.get.get(slot, key) as string | undefined;
      return doc === undefined ? undefined : (JSON.parse(doc) as Json);
    },
    listIn: (slot, prefix, range) => {
      guard();
      return listSlot(slot, prefix, range);
    },
    commit: async (batch) => {
      guard();
      const docs = [...batch.documents].map(([k, v]): [string, string | undefined] => [
        k,
        v === undefined ? undefined : JSON.stringify(v),
      ]);
      derived(() =>
        commit.immediate(
          batch.slot,
          batch.expected === undefined ? 'none' : Position.toString(batch.expected),
          Position.toString(batch.checkpoint),
          docs,
          batch.parked,
          batch.eventsApplied,
        ),
      );
    },
    parked: async (slot) => {
      guard();
      type ParkedRow = [string, bigint, bigint, string, bigint, string, string, string, string];
      return (st.parked.all(slot) as ParkedRow[]).map((r) => ({
        slot: r[0],
        position: Position.make(r[1], r[2]),
        streamId: r[3],
        revision: r[4],
        type: r[5],
        eventId: r[6],
        reason: r[7],
        parkedAt: r[8],
      }));
    },
    close: async () => {
      closed = true;
    },
  };
};

/**
 * Snapshots in the event store's SQLite file (table `snapshots`, one row per stream).
 *
 * @example
 * const snapshots = sqliteSnapshotStore(store);
 */
export const sqliteSnapshotStore = (connection: SqliteConnection): SnapshotStore => {
  const db = connectionOf(connection);
  applyMigrations(db, readModelsComponent, readModelMigrations);
  const q = (sql: string) => db.prepare(sql).safeIntegers(true);
  const load = q(
    `SELECT stream_id, state_version, revision, event_hash, state, taken_at, commands FROM snapshots WHERE stream_id = ?`,
  ).raw();
  const save =
    q(`INSERT INTO snapshots (stream_id, state_version, revision, event_hash, state, taken_at, commands)
                  VALUES (?, ?, ?, ?, ?, ?, ?)
                  ON CONFLICT (stream_id) DO UPDATE SET state_version = excluded.state_version,
                    revision = excluded.revision, event_hash = excluded.event_hash, state = excluded.state,
                    taken_at = excluded.taken_at, commands = excluded.commands
                  WHERE excluded.revision >= snapshots.revision`);
  const remove = q(`DELETE FROM snapshots WHERE stream_id = ?`);
  const derived = derivedWrite(db);
  return {
    load: async (streamId) => {
      const r = load.get(streamId) as
        [string, bigint, bigint, string, string, string, string | null] | undefined;
      return r === undefined
        ? undefined
        : {
            streamId: r[0],
            stateVersion: Number(r[1]),
            revision: r[2],
            eventHash: r[3],
            state: r[4],
            takenAt: r[5],
            ...(r[6] === null ? {} : { commands: r[6] }),
          };
    },
    save: async (s) => {
      derived(() =>
        save.run(s.streamId, s.stateVersion, s.revision, s.eventHash, s.state, s.takenAt, s.commands ?? null),
      );
    },
    remove: async (streamId) => {
      derived(() => remove.run(streamId));
    },
  };
};
