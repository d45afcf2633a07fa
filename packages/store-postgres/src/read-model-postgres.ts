import type pg from 'pg';
import {
  CheckpointMoved,
  InvalidArgument,
  Position,
  StoreClosed,
  type Json,
  type KeyRange,
  type ReadModelSlot,
  type ReadModelStore,
  type SnapshotStore,
} from '@praxis/core';
import { toStoreError } from './pg-errors.js';

/** What the read-model tables need from the store: its pool and its practice's schema. */
export interface PostgresConnection {
  readonly pool: pg.Pool;
  /** The practice's schema name (`PostgresEventStore.schema`). */
  readonly schema: string;
}

/** Read-model and snapshot tables, versioned in `<schema>.read_model_migrations`. */
const readModelMigrations: readonly { version: number; name: string; sql: (s: string) => string }[] = [
  {
    version: 1,
    name: 'read-model slots, documents, parked events; snapshots',
    sql: (s) => `
      CREATE TABLE ${s}.read_model_slots (
        slot           text PRIMARY KEY,
        projection     text NOT NULL,
        version        int  NOT NULL,
        checkpoint     text,
        events_applied bigint NOT NULL DEFAULT 0,
        opened         bigserial NOT NULL
      );
      CREATE INDEX ON ${s}.read_model_slots (projection, opened);
      CREATE TABLE ${s}.read_model_active (projection text PRIMARY KEY, slot text NOT NULL);
      CREATE TABLE ${s}.read_model_documents (
        slot text NOT NULL,
        key  text COLLATE "C" NOT NULL,
        doc  text NOT NULL,
        PRIMARY KEY (slot, key)
      );
      CREATE TABLE ${s}.read_model_parked (
        slot        text   NOT NULL,
        pos_commit  numeric(20) NOT NULL,
        pos_prepare numeric(20) NOT NULL,
        stream_id   text   NOT NULL,
        revision    bigint NOT NULL,
        type        text   NOT NULL,
        event_id    text   NOT NULL,
        reason      text   NOT NULL,
        parked_at   text   NOT NULL,
        PRIMARY KEY (slot, pos_commit, pos_prepare)
      );
      CREATE TABLE ${s}.snapshots (
        stream_id     text PRIMARY KEY,
        state_version int    NOT NULL,
        revision      bigint NOT NULL,
        event_hash    text   NOT NULL,
        state         text   NOT NULL,
        taken_at      text   NOT NULL
      );`,
  },
  {
    version: 2,
    name: 'snapshots carry the command ids they cover',
    sql: (s) => `ALTER TABLE ${s}.snapshots ADD COLUMN commands text;`,
  },
];

const migrated = new WeakMap<pg.Pool, Map<string, Promise<void>>>();

/** Creates or updates the practice's read-model tables once per pool and schema. */
const migrate = (c: PostgresConnection): Promise<void> => {
  const bySchema = migrated.get(c.pool) ?? new Map<string, Promise<void>>();
  migrated.set(c.pool, bySchema);
  const existing = bySchema.get(c.schema);
  if (existing !== undefined) return existing;
  const s = `"${c.schema}"`;
  const run = (async () => {
    const client = await c.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`praxis-read-models:${c.schema}`]);
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${s}.read_model_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      const found = await client.query<{ v: number | null }>(
        `SELECT max(version) AS v FROM ${s}.read_model_migrations`,
      );
      const current = found.rows[0]?.v ?? 0;
      for (const m of readModelMigrations) {
        if (m.version <= current) continue;
        await client.query(m.sql(s));
        await client.query(`INSERT INTO ${s}.read_model_migrations (version, name) VALUES ($1, $2)`, [
          m.version,
          m.name,
        ]);
      }
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      bySchema.delete(c.schema);
      throw toStoreError(err);
    } finally {
      client.release();
    }
  })();
  bySchema.set(c.schema, run);
  return run;
};

const prefixEnd = (prefix: string): string | undefined => {
  if (prefix === '') return undefined;
  const last = prefix.charCodeAt(prefix.length - 1);
  return last >= 0xd800 ? undefined : prefix.slice(0, -1) + String.fromCharCode(last + 1);
};

type SlotRow = {
  slot: string;
  projection: string;
  version: number;
  checkpoint: string | null;
  events_applied: string;
};
const toSlot = (r: SlotRow): ReadModelSlot => ({
  slot: r.slot,
  projection: r.projection,
  version: r.version,
  checkpoint: r.checkpoint === null ? undefined : Position.parse(r.checkpoint),
  eventsApplied: Number(r.events_applied),
});

/**
 * Read models in the practice's PostgreSQL schema: a batch's documents, parked events and
 * checkpoint are written in one transaction (the slot row locked first), so each event is
 * applied exactly once across crashes, and two engines cannot both advance one slot.
 *
 * @example
 * const store = await postgresEventStore({ connectionString, practice: 'riverside' });
 * const readModels = await postgresReadModelStore(store);
 */
export const postgresReadModelStore = async (c: PostgresConnection): Promise<ReadModelStore> => {
  await migrate(c);
  const s = `"${c.schema}"`;
  let closed = false;
  const query = async <R extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<R[]> => {
    if (closed) throw new StoreClosed('postgres read-model');
    try {
      return (await c.pool.query<R>(text, values)).rows;
    } catch (err) {
      throw toStoreError(err);
    }
  };
  const slotColumns = 'slot, projection, version, checkpoint, events_applied';

  async function* listSlot(slot: string | undefined, prefix: string, range: KeyRange = {}) {
    if (slot === undefined) return;
    const end = prefixEnd(prefix);
    let remaining = range.limit ?? Number.POSITIVE_INFINITY;
    let after = range.after !== undefined && range.after >= prefix ? range.after : undefined;
    while (remaining > 0) {
      const n = Math.min(500, remaining);
      const rows = await query<{ key: string; doc: string }>(
        `SELECT key, doc FROM ${s}.read_model_documents WHERE slot = $1 AND key ${after === undefined ? '>=' : '>'} $2
         ${end === undefined ? '' : 'AND key < $4'} ORDER BY key LIMIT $3`,
        end === undefined ? [slot, after ?? prefix, n] : [slot, after ?? prefix, n, end],
      );
      for (const r of rows) {
        if (!r.key.startsWith(prefix)) return;
        yield [r.key, JSON.parse(r.doc) as Json] as const;
      }
      if (rows.length < n) return;
      remaining -= rows.length;
      after = rows[rows.length - 1]!.key;
    }
  }
  const activeSlot = async (projection: string) =>
    (
      await query<{ slot: string }>(`SELECT slot FROM ${s}.read_model_active WHERE projection = $1`, [
        projection,
      ])
    )[0]?.slot;

  return {
    kind: 'postgres',
    get: async (projection, key) => {
      const [r] = await query<{ doc: string }>(
        `SELECT d.doc FROM ${s}.read_model_active a JOIN ${s}.read_model_documents d ON d.slot = a.slot
         WHERE a.projection = $1 AND d.key = $2`,
        [projection, key],
      );
      return r === undefined ? undefined : (JSON.parse(r.doc) as Json);
    },
    list: (projection, prefix, range) =>
      (async function* () {
        yield* listSlot(await activeSlot(projection), prefix, range);
      })(),
    slots: async (projection) =>
      (
        await query<SlotRow>(
          `SELECT ${slotColumns} FROM ${s}.read_model_slots WHERE projection = $1 ORDER BY opened`,
          [projection],
        )
      ).map(toSlot),
    openSlot: async (slot, projection, version) => {
      await query(
        `INSERT INTO ${s}.read_model_slots (slot, projection, version) VALUES ($1, $2, $3) ON CONFLICT (slot) DO NOTHING`,
        [slot, projection, version],
      );
      const [r] = await query<SlotRow>(`SELECT ${slotColumns} FROM ${s}.read_model_slots WHERE slot = $1`, [
        slot,
      ]);
      return toSlot(r!);
    },
    activeSlot,
    activate: async (slot) => {
      const [r] = await query<{ projection: string }>(
        `SELECT projection FROM ${s}.read_model_slots WHERE slot = $1`,
        [slot],
      );
      if (r === undefined) throw new InvalidArgument('slot', `no read-model slot ${slot}`);
      await query(
        `INSERT INTO ${s}.read_model_active (projection, slot) VALUES ($1, $2)
         ON CONFLICT (projection) DO UPDATE SET slot = excluded.slot`,
        [r.projection, slot],
      );
    },
    dropSlot: async (slot) => {
      await query(
        `WITH a AS (DELETE FROM ${s}.read_model_active WHERE slot = $1),
              d AS (DELETE FROM ${s}.read_model_documents WHERE slot = $1),
              p AS (DELETE FROM ${s}.read_model_parked WHERE slot = $1)
         DELETE FROM ${s}.read_model_slots WHERE slot = $1`,
        [slot],
      );
    },
    getIn: async (slot, key) => {
      const [r] = await query<{ doc: string }>(
        `SELECT doc FROM ${s}.read_model_documents WHERE slot = $1 AND key = $2`,
        [slot, key],
      );
      return r === undefined ? undefined : (JSON.parse(r.doc) as Json);
    },
    listIn: (slot, prefix, range) => listSlot(slot, prefix, range),
    commit: async (batch) => {
      if (closed) throw new StoreClosed('postgres read-model');
      const puts: [string[], string[]] = [[], []];
      const deletes: string[] = [];
      for (const [k, v] of batch.documents) {
        if (v === undefined) deletes.push(k);
        else {
          puts[0].push(k);
          puts[1].push(JSON.stringify(v));
        }
      }
      const expected = batch.expected === undefined ? 'none' : Position.toString(batch.expected);
      const client = await c.pool.connect();
      try {
        // Derived data: the commit need not wait for the WAL flush (lost on a crash, the batch is
        // applied again from the checkpoint). docs/decisions/read-model-commits-not-fsynced.md
        await client.query('BEGIN; SET LOCAL synchronous_commit TO off');
        const { rows } = await client.query<{ checkpoint: string | null }>(
          `SELECT checkpoint FROM ${s}.read_model_slots WHERE slot = $1 FOR UPDATE`,
          [batch.slot],
        );
        if (rows[0] === undefined) throw new InvalidArgument('slot', `no read-model slot ${batch.slot}`);
        const actual = rows[0].checkpoint ?? 'none';
        if (actual !== expected) throw new CheckpointMoved(batch.slot, expected, actual);
        if (puts[0].length > 0) {
          await client.query(
            `INSERT INTO ${s}.read_model_documents (slot, key, doc) SELECT $1, k, d FROM unnest($2::text[], $3::text[]) AS t(k, d)
             ON CONFLICT (slot, key) DO UPDATE SET doc = excluded.doc`,
            [batch.slot, puts[0], puts[1]],
          );
        }
        if (deletes.length > 0) {
          await client.query(
            `DELETE FROM ${s}.read_model_documents WHERE slot = $1 AND key = ANY ($2::text[])`,
            [batch.slot, deletes],
          );
        }
        for (const p of batch.parked) {
          await client.query(
            `INSERT INTO ${s}.read_model_parked (slot, pos_commit, pos_prepare, stream_id, revision, type, event_id, reason, parked_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
            [
              p.slot,
              p.position.commit.toString(),
              p.position.prepare.toString(),
              p.streamId,
              p.revision.toString(),
              p.type,
              p.eventId,
              p.reason,
              p.parkedAt,
            ],
          );
        }
        await client.query(
          `UPDATE ${s}.read_model_slots SET checkpoint = $2, events_applied = events_applied + $3 WHERE slot = $1`,
          [batch.slot, Position.toString(batch.checkpoint), batch.eventsApplied],
        );
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw toStoreError(err);
      } finally {
        client.release();
      }
    },
    parked: async (slot) =>
      (
        await query<{
          slot: string;
          pos_commit: string;
          pos_prepare: string;
          stream_id: string;
          revision: string;
          type: string;
          event_id: string;
          reason: string;
          parked_at: string;
        }>(`SELECT * FROM ${s}.read_model_parked WHERE slot = $1 ORDER BY pos_commit, pos_prepare`, [slot])
      ).map((r) => ({
        slot: r.slot,
        position: Position.make(BigInt(r.pos_commit), BigInt(r.pos_prepare)),
        streamId: r.stream_id,
        revision: BigInt(r.revision),
        type: r.type,
        eventId: r.event_id,
        reason: r.reason,
        parkedAt: r.parked_at,
      })),
    close: async () => {
      closed = true;
    },
  };
};

/**
 * Snapshots in the practice's PostgreSQL schema (table `snapshots`, one row per stream).
 *
 * @example
 * const snapshots = await postgresSnapshotStore(store);
 */
export const postgresSnapshotStore = async (c: PostgresConnection): Promise<SnapshotStore> => {
  await migrate(c);
  const s = `"${c.schema}"`;
  const query = async <R extends pg.QueryResultRow>(text: string, values: unknown[]) => {
    try {
      return (await c.pool.query<R>(text, values)).rows;
    } catch (err) {
      throw toStoreError(err);
    }
  };
  return {
    load: async (streamId) => {
      const [r] = await query<{
        stream_id: string;
        state_version: number;
        revision: string;
        event_hash: string;
        state: string;
        taken_at: string;
        commands: string | null;
      }>(`SELECT * FROM ${s}.snapshots WHERE stream_id = $1`, [streamId]);
      return r === undefined
        ? undefined
        : {
            streamId: r.stream_id,
            stateVersion: r.state_version,
            revision: BigInt(r.revision),
            eventHash: r.event_hash,
            state: r.state,
            takenAt: r.taken_at,
            ...(r.commands === null ? {} : { commands: r.commands }),
          };
    },
    save: async (x) => {
      await query(
        `INSERT INTO ${s}.snapshots (stream_id, state_version, revision, event_hash, state, taken_at, commands)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (stream_id) DO UPDATE SET state_version = excluded.state_version, revision = excluded.revision,
           event_hash = excluded.event_hash, state = excluded.state, taken_at = excluded.taken_at,
           commands = excluded.commands
         WHERE excluded.revision >= ${s}.snapshots.revision`,
        [
          x.streamId,
          x.stateVersion,
          x.revision.toString(),
          x.eventHash,
          x.state,
          x.takenAt,
          x.commands ?? null,
        ],
      );
    },
    remove: async (streamId) => {
      await query(`DELETE FROM ${s}.snapshots WHERE stream_id = $1`, [streamId]);
    },
  };
};
