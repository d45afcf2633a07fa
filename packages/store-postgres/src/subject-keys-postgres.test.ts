import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSubjectKeyStoreContract } from '@praxis/testing';
import { postgresEventStore, type PostgresEventStore } from './postgres-event-store.js';
import { postgresSubjectKeyStore } from './subject-keys-postgres.js';
import { startTestPostgres, type TestPostgres } from './testing/embedded-server.js';

let server: TestPostgres | undefined;
beforeAll(async () => {
  server = await startTestPostgres();
});
afterAll(async () => {
  await server?.stop();
});

const openPractice = async (): Promise<{
  store: PostgresEventStore;
  opened: PostgresEventStore[];
  drop: () => Promise<void>;
}> => {
  if (server === undefined) throw new Error('the test PostgreSQL server did not start');
  const connectionString = server.url;
  const practice = `k_${randomBytes(6).toString('hex')}`;
  const store = await postgresEventStore({ connectionString, practice, pollMs: 500 });
  const opened = [store];
  return {
    store,
    opened,
    drop: async () => {
      await Promise.all(opened.map((s) => s.close()));
      const admin = new pg.Client({ connectionString });
      await admin.connect();
      try {
        await admin.query(`DROP SCHEMA "${store.schema}" CASCADE`);
      } finally {
        await admin.end();
      }
    },
  };
};

runSubjectKeyStoreContract('postgres', async () => {
  const { store, opened, drop } = await openPractice();
  return {
    keys: await postgresSubjectKeyStore({ pool: store.pool, schema: store.schema }),
    reopen: async () => {
      const other = await postgresEventStore({
        connectionString: server!.url,
        practice: store.schema.replace(/^praxis_/, ''),
        pollMs: 500,
      });
      opened.push(other);
      return postgresSubjectKeyStore({ pool: other.pool, schema: other.schema });
    },
    cleanup: drop,
  };
});

describe('forgetting a subject on PostgreSQL', () => {
  it('rewrites the key table so its file no longer holds the key (checked in the data directory when the server is local)', async () => {
    const { store, drop } = await openPractice();
    try {
      const keys = await postgresSubjectKeyStore({ pool: store.pool, schema: store.schema });
      for (let i = 0; i < 50; i++) await keys.issue(`staff:S-${i}`);
      const key = Buffer.from(await keys.issue('staff:S-7'));
      await store.pool.query('CHECKPOINT');
      const where = await store.pool.query<{ dir: string; file: string }>(
        `SELECT current_setting('data_directory') AS dir, pg_relation_filepath('"${store.schema}".subject_keys') AS file`,
      );
      const fileOf = async () => {
        const r = await store.pool.query<{ file: string }>(
          `SELECT pg_relation_filepath('"${store.schema}".subject_keys') AS file`,
        );
        return join(where.rows[0]!.dir, r.rows[0]!.file);
      };
      const local = existsSync(await fileOf());
      if (local) expect(readFileSync(await fileOf()).includes(key)).toBe(true);
      expect((await keys.forget('staff:S-7', '2026-06-01T09:00:00.000Z')).outcome).toBe('forgotten');
      await store.pool.query('CHECKPOINT');
      if (local) expect(readFileSync(await fileOf()).includes(key)).toBe(false);
      expect((await keys.lookup(['staff:S-7', 'staff:S-8'])).get('staff:S-8')?.state).toBe('active');
    } finally {
      await drop();
    }
  });
});
