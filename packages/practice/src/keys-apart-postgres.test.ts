import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteSubjectKeyFile } from '@praxis/store-sqlite';
import { startTestPostgres, type TestPostgres } from '../../store-postgres/src/testing/embedded-server.js';
import { createPractice } from './create.js';

let server: TestPostgres;
const dir = mkdtempSync(join(tmpdir(), 'praxis-keys-apart-'));
beforeAll(async () => {
  server = await startTestPostgres();
}, 120_000);
afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

const hr = { id: 'S-2', role: 'hr' };
const manager = { id: 'S-1', role: 'practice_manager' };
const name = 'Philippa Van Achterberg';

/** Whether any file under `root` (recursively) holds `needle`. */
const anyFileHolds = (root: string, needle: Buffer): string | undefined => {
  for (const entry of readdirSync(root)) {
    const p = join(root, entry);
    const st = statSync(p);
    if (st.isDirectory()) {
      const found = anyFileHolds(p, needle);
      if (found !== undefined) return found;
    } else if (st.isFile() && readFileSync(p).includes(needle)) return p;
  }
  return undefined;
};

const dataDirectory = async (): Promise<string | undefined> => {
  const c = new pg.Client({ connectionString: server.url });
  await c.connect();
  try {
    await c.query('CHECKPOINT');
    const d = (await c.query<{ d: string }>(`SELECT current_setting('data_directory') AS d`)).rows[0]!.d;
    return existsSync(d) ? d : undefined;
  } finally {
    await c.end();
  }
};

/** A practice on the test server that records one applicant, then forgets her. */
const applyThenForget = async (subjectKeys?: ReturnType<typeof sqliteSubjectKeyFile>) => {
  const url = `${server.url}${server.url.includes('?') ? '&' : '?'}practice=k${randomBytes(5).toString('hex')}`;
  const practice = await createPractice({
    store: url,
    timeZone: 'America/Chicago',
    currency: 'USD',
    ...(subjectKeys === undefined ? {} : { subjectKeys }),
  });
  try {
    const r = await practice.staff.receiveApplication(
      { staffId: 'S-77', name, position: 'Nurse', appliedOn: '2026-03-02' },
      { actor: hr },
    );
    expect(r.ok, r.summary).toBe(true);
    const key =
      subjectKeys === undefined
        ? (
            await (practice.store as unknown as { pool: pg.Pool; schema: string }).pool.query<{
              key: Buffer;
            }>(
              `SELECT key FROM "${(practice.store as unknown as { schema: string }).schema}".subject_keys WHERE subject_id = 'staff:S-77'`,
            )
          ).rows[0]!.key
        : (new Database(subjectKeys.path, { readonly: true })
            .prepare(`SELECT key FROM subject_keys WHERE subject_id = 'staff:S-77'`)
            .pluck()
            .get() as Buffer);
    expect(key).toHaveLength(32);
    const forgot = await practice.forgetSubject('staff:S-77', { actor: manager });
    expect(forgot.ok).toBe(true);
    expect((await practice.audit.verify()).ok).toBe(true);
    return { key, forgot };
  } finally {
    await practice.close();
  }
};

describe('subject keys of a PostgreSQL practice', () => {
  it('kept in the practice schema, a forgotten key lives on in the server’s WAL (why the key file exists)', async () => {
    const { key, forgot } = await applyThenForget();
    expect(forgot).toMatchObject({ ok: true, physicallyErased: false });
    const data = await dataDirectory();
    if (server.embedded) expect(data, 'the embedded server’s data directory is local').toBeDefined();
    if (data !== undefined) expect(anyFileHolds(join(data, 'pg_wal'), key)).toBeDefined();
  });

  it('kept in a key file apart from the log, a forgotten key is in no file of the server nor in the key file', async () => {
    const keysPath = join(dir, 'keys.db');
    const keys = sqliteSubjectKeyFile(keysPath);
    let key: Buffer;
    try {
      const r = await applyThenForget(keys);
      key = r.key;
      expect(r.forgot).toMatchObject({ ok: true, physicallyErased: true });
    } finally {
      keys.close();
    }
    const data = await dataDirectory();
    if (server.embedded) expect(data, 'the embedded server’s data directory is local').toBeDefined();
    if (data !== undefined) {
      expect(anyFileHolds(data, key), 'a server file holding the key').toBeUndefined();
      expect(anyFileHolds(data, Buffer.from(name)), 'a server file holding the name').toBeUndefined();
    }
    const keyFileBytes = Buffer.concat(
      [keysPath, `${keysPath}-wal`, `${keysPath}-shm`]
        .filter((p) => existsSync(p))
        .map((p) => readFileSync(p)),
    );
    expect(keyFileBytes.length).toBeGreaterThan(0);
    expect(keyFileBytes.includes(key)).toBe(false);
  });
});
