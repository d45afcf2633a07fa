import type pg from 'pg';
import {
  SubjectForgotten,
  checkSubjectId,
  newSubjectKey,
  type ForgetReport,
  type SubjectKeyState,
  type SubjectKeyStore,
} from '@praxis/core';
import { toStoreError } from './pg-errors.js';
import type { PostgresConnection } from './read-model-postgres.js';

/** The vault's key tables, versioned in `<schema>.subject_key_migrations`. */
const keyMigrations: readonly { version: number; name: string; sql: (s: string) => string }[] = [
  {
    version: 1,
    name: 'subject keys and tombstones of the personal-data vault',
    sql: (s) => `
      CREATE TABLE ${s}.subject_keys (
        subject_id text PRIMARY KEY,
        key        bytea NOT NULL,
        issued_at  timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE ${s}.subject_tombstones (
        subject_id   text PRIMARY KEY,
        forgotten_at text NOT NULL
      );`,
  },
];

const migrate = async (c: PostgresConnection): Promise<void> => {
  const s = `"${c.schema}"`;
  const client = await c.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`praxis-subject-keys:${c.schema}`]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${s}.subject_key_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const found = await client.query<{ v: number | null }>(
      `SELECT max(version) AS v FROM ${s}.subject_key_migrations`,
    );
    const current = found.rows[0]?.v ?? 0;
    for (const m of keyMigrations) {
      if (m.version <= current) continue;
      await client.query(m.sql(s));
      await client.query(`INSERT INTO ${s}.subject_key_migrations (version, name) VALUES ($1, $2)`, [
        m.version,
        m.name,
      ]);
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw toStoreError(err);
  } finally {
    client.release();
  }
};

const inTransaction = async <A>(pool: pg.Pool, f: (client: pg.PoolClient) => Promise<A>): Promise<A> => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const a = await f(client);
    await client.query('COMMIT');
    return a;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw toStoreError(err);
  } finally {
    client.release();
  }
};

/**
 * The vault's subject keys in the practice's PostgreSQL schema (tables `subject_keys` and
 * `subject_tombstones`). `forget` deletes the key and tombstones the subject in one
 * transaction, then runs `VACUUM FULL` on `subject_keys` (a brief exclusive lock on that table
 * only) so the table's files no longer hold the key. The server's WAL segments, WAL archive and
 * base backups keep it until they are recycled or expire, so `physicallyErased` is always
 * false here: see docs/personal-data.md for what an operator must do.
 *
 * @example
 * const store = await postgresEventStore({ connectionString, practice: 'riverside', registry });
 * const vault = makeVault(await postgresSubjectKeyStore({ pool: store.pool, schema: store.schema }));
 */
export const postgresSubjectKeyStore = async (c: PostgresConnection): Promise<SubjectKeyStore> => {
  await migrate(c);
  const s = `"${c.schema}"`;
  const tombstoneOf = async (q: pg.ClientBase | pg.Pool, subjectId: string): Promise<string | undefined> =>
    (
      await q.query<{ forgotten_at: string }>(
        `SELECT forgotten_at FROM ${s}.subject_tombstones WHERE subject_id = $1`,
        [subjectId],
      )
    ).rows[0]?.forgotten_at;
  return {
    kind: 'postgres',
    issue: async (subjectId) => {
      checkSubjectId(subjectId);
      return inTransaction(c.pool, async (client) => {
        // The same lock as forget: an issue and a forget of one subject never interleave.
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
          `praxis-subject:${c.schema}:${subjectId}`,
        ]);
        const forgottenAt = await tombstoneOf(client, subjectId);
        if (forgottenAt !== undefined) throw new SubjectForgotten(subjectId, forgottenAt);
        await client.query(
          `INSERT INTO ${s}.subject_keys (subject_id, key) VALUES ($1, $2) ON CONFLICT (subject_id) DO NOTHING`,
          [subjectId, Buffer.from(newSubjectKey())],
        );
        const r = await client.query<{ key: Buffer }>(
          `SELECT key FROM ${s}.subject_keys WHERE subject_id = $1`,
          [subjectId],
        );
        return new Uint8Array(r.rows[0]!.key);
      });
    },
    lookup: async (subjectIds) => {
      const ids = [...new Set(subjectIds.filter((x) => typeof x === 'string'))];
      const out = new Map<string, SubjectKeyState>();
      if (ids.length === 0) return out;
      try {
        const keys = await c.pool.query<{ subject_id: string; key: Buffer }>(
          `SELECT subject_id, key FROM ${s}.subject_keys WHERE subject_id = ANY($1::text[])`,
          [ids],
        );
        for (const r of keys.rows) out.set(r.subject_id, { state: 'active', key: new Uint8Array(r.key) });
        const graves = await c.pool.query<{ subject_id: string; forgotten_at: string }>(
          `SELECT subject_id, forgotten_at FROM ${s}.subject_tombstones WHERE subject_id = ANY($1::text[])`,
          [ids],
        );
        for (const r of graves.rows)
          if (!out.has(r.subject_id))
            out.set(r.subject_id, { state: 'forgotten', forgottenAt: r.forgotten_at });
      } catch (err) {
        throw toStoreError(err);
      }
      return out;
    },
    forget: async (subjectId, at): Promise<ForgetReport> => {
      checkSubjectId(subjectId);
      const report = await inTransaction(c.pool, async (client): Promise<ForgetReport> => {
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
          `praxis-subject:${c.schema}:${subjectId}`,
        ]);
        const earlier = await tombstoneOf(client, subjectId);
        if (earlier !== undefined)
          return { outcome: 'already-forgotten', forgottenAt: earlier, physicallyErased: false };
        const removed = await client.query(`DELETE FROM ${s}.subject_keys WHERE subject_id = $1`, [
          subjectId,
        ]);
        if (removed.rowCount === 0) return { outcome: 'unknown', physicallyErased: false };
        await client.query(`INSERT INTO ${s}.subject_tombstones (subject_id, forgotten_at) VALUES ($1, $2)`, [
          subjectId,
          at,
        ]);
        return { outcome: 'forgotten', forgottenAt: at, physicallyErased: false };
      });
      if (report.outcome === 'unknown') return report;
      try {
        // The deleted row's bytes stay in the table's pages until it is rewritten.
        await c.pool.query(`VACUUM FULL ${s}.subject_keys`);
      } catch (err) {
        throw toStoreError(err);
      }
      return report;
    },
  };
};
