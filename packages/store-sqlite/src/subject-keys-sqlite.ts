import { setTimeout as sleep } from 'node:timers/promises';
import BetterSqlite from 'better-sqlite3';
import type Database from 'better-sqlite3';
import {
  InvalidArgument,
  PraxisError,
  StoreUnavailable,
  SubjectForgotten,
  checkSubjectId,
  newSubjectKey,
  type ForgetReport,
  type SubjectKeyState,
  type SubjectKeyStore,
} from '@praxis/core';
import { applyMigrations, type Migration } from './migrations.js';
import type { SqliteConnection } from './read-model-sqlite.js';
import { isBusy, toStoreError } from './sqlite-errors.js';

/** The component name of the vault's key tables in `praxis_migrations`. */
export const subjectKeysComponent = 'subject-keys';

/** The vault's key tables; never edit a released migration, add the next one. */
export const subjectKeyMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'subject keys and tombstones of the personal-data vault',
    sql: `
      CREATE TABLE subject_keys (
        subject_id TEXT PRIMARY KEY,
        key        BLOB NOT NULL,
        issued_at  TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE subject_tombstones (
        subject_id   TEXT PRIMARY KEY,
        forgotten_at TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
];

const connectionOf = (c: SqliteConnection): Database.Database => ('database' in c ? c.database : c);

/** Runs a statement, waiting out another process's write lock (up to `waitMs`). */
const withBusyRetry = async <A>(path: string, waitMs: number, f: () => A): Promise<A> => {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      return f();
    } catch (e) {
      if (!isBusy(e) || Date.now() >= deadline) throw toStoreError(e, path);
      await sleep(5);
    }
  }
};

/**
 * The vault's subject keys in the practice's SQLite file (tables `subject_keys` and
 * `subject_tombstones`). `forget` deletes the key with `PRAGMA secure_delete` on (SQLite then
 * overwrites the deleted cell and any freed page with zeros) and checkpoints the WAL with
 * TRUNCATE, so the key's bytes are in neither the database file nor its WAL afterwards;
 * `physicallyErased` is false when another connection's open read kept the WAL (the next
 * checkpoint finishes it). Copies of the file made earlier (backups) still hold the key.
 *
 * @example
 * const store = sqliteEventStore({ path: 'practice.db', registry });
 * const vault = makeVault(sqliteSubjectKeyStore(store));
 */
export const sqliteSubjectKeyStore = (
  connection: SqliteConnection,
  options: { readonly busyTimeoutMs?: number } = {},
): SubjectKeyStore => {
  const db = connectionOf(connection);
  const path = db.name;
  const waitMs = Math.max(0, options.busyTimeoutMs ?? 5_000);
  applyMigrations(db, subjectKeysComponent, subjectKeyMigrations);
  const st = {
    insert: db.prepare(
      `INSERT INTO subject_keys (subject_id, key, issued_at) VALUES (?, ?, ?) ON CONFLICT (subject_id) DO NOTHING`,
    ),
    key: db.prepare(`SELECT key FROM subject_keys WHERE subject_id = ?`).pluck(),
    tombstone: db.prepare(`SELECT forgotten_at FROM subject_tombstones WHERE subject_id = ?`).pluck(),
    remove: db.prepare(`DELETE FROM subject_keys WHERE subject_id = ?`),
    bury: db.prepare(
      `INSERT INTO subject_tombstones (subject_id, forgotten_at) VALUES (?, ?) ON CONFLICT (subject_id) DO NOTHING`,
    ),
  };
  const issue = db.transaction((subjectId: string): Uint8Array => {
    const forgottenAt = st.tombstone.get(subjectId) as string | undefined;
    if (forgottenAt !== undefined) throw new SubjectForgotten(subjectId, forgottenAt);
    st.insert.run(subjectId, Buffer.from(newSubjectKey()), new Date().toISOString());
    return new Uint8Array(st.key.get(subjectId) as Buffer);
  }).immediate;
  const forget = db.transaction((subjectId: string, at: string): ForgetReport => {
    const earlier = st.tombstone.get(subjectId) as string | undefined;
    if (earlier !== undefined)
      return { outcome: 'already-forgotten', forgottenAt: earlier, physicallyErased: false };
    if (st.key.get(subjectId) === undefined) return { outcome: 'unknown', physicallyErased: true };
    st.remove.run(subjectId);
    st.bury.run(subjectId, at);
    return { outcome: 'forgotten', forgottenAt: at, physicallyErased: false };
  }).immediate;
  const checkpoint = (): boolean => {
    const [r] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number }[];
    return r !== undefined && r.busy === 0 && r.log <= 0;
  };
  return {
    kind: 'sqlite',
    issue: async (subjectId) => {
      checkSubjectId(subjectId);
      // A subject with a key is not forgotten (forgetting removes the key and buries it in one
      // transaction): read it without taking the write lock, which most seals would wait for.
      const known = st.key.get(subjectId) as Buffer | undefined;
      if (known !== undefined) return new Uint8Array(known);
      return withBusyRetry(path, waitMs, () => issue(subjectId));
    },
    lookup: async (subjectIds) => {
      const out = new Map<string, SubjectKeyState>();
      for (const s of new Set(subjectIds)) {
        const key = st.key.get(s) as Buffer | undefined;
        if (key !== undefined) {
          out.set(s, { state: 'active', key: new Uint8Array(key) });
          continue;
        }
        const forgottenAt = st.tombstone.get(s) as string | undefined;
        if (forgottenAt !== undefined) out.set(s, { state: 'forgotten', forgottenAt });
      }
      return out;
    },
    forget: async (subjectId, at) => {
      checkSubjectId(subjectId);
      const before = db.pragma('secure_delete', { simple: true }) as number;
      db.pragma('secure_delete = ON');
      try {
        const report = await withBusyRetry(path, waitMs, () => forget(subjectId, at));
        if (report.outcome === 'unknown') return report;
        // Old copies of the key's page live on in the WAL until a checkpoint copies the zeroed
        // page over them and the WAL is truncated.
        const erased = await withBusyRetry(path, waitMs, checkpoint);
        return { ...report, physicallyErased: erased };
      } finally {
        db.pragma(`secure_delete = ${before === 1 ? 'ON' : 'OFF'}`);
      }
    },
  };
};

/** The SQLite `application_id` of a Praxis subject-key file: 0x5052584B ("PRXK"). */
export const subjectKeyFileApplicationId = 0x5052584b;

/** A subject-key store in a SQLite file of its own, to be closed by its owner. */
export interface SubjectKeyFile extends SubjectKeyStore {
  readonly path: string;
  close(): void;
}

/**
 * The vault's subject keys in a SQLite file of their own, apart from the log — for a practice on
 * PostgreSQL (or KurrentDB), whose write-ahead log, WAL archive and base backups would otherwise
 * keep a forgotten subject's key until they expire. Here `forget` deletes with `secure_delete`
 * and truncates the file's WAL, so `physicallyErased` is true once no other connection holds the
 * WAL. The file must live on local storage the operator controls, be backed up on its own (losing
 * it loses every personal field; its backups are the only other copies of the keys), and be given
 * every time the practice is opened. Creates the file when missing (unless `create: false`);
 * refuses a file of another kind — a practice file included — with InvalidArgument.
 *
 * @example
 * const keys = sqliteSubjectKeyFile('/var/lib/praxis/riverside-keys.db');
 * const practice = await createPractice({ store: 'postgres://…?practice=riverside', subjectKeys: keys });
 * // … practice.close(); keys.close();
 */
export const sqliteSubjectKeyFile = (
  path: string,
  options: { readonly create?: boolean; readonly busyTimeoutMs?: number } = {},
): SubjectKeyFile => {
  if (typeof path !== 'string' || path.trim() === '' || path === ':memory:')
    throw new InvalidArgument('path', 'must name a file');
  let db: Database.Database | undefined;
  try {
    db = new BetterSqlite(path, { fileMustExist: options.create === false });
    const app = db.pragma('application_id', { simple: true }) as number;
    const tables = db.prepare(`SELECT count(*) FROM sqlite_master`).pluck().get() as number;
    if (app !== subjectKeyFileApplicationId && !(app === 0 && tables === 0))
      throw new InvalidArgument(
        'path',
        `${path} is not a Praxis subject-key file (application_id 0x${app.toString(16)})`,
      );
    db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5_000))}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    if (app !== subjectKeyFileApplicationId) db.pragma(`application_id = ${subjectKeyFileApplicationId}`);
    const store = sqliteSubjectKeyStore(db, options);
    const opened = db;
    return { ...store, kind: 'sqlite-file', path, close: () => opened.close() };
  } catch (e) {
    db?.close();
    if (PraxisError.isPraxisError(e)) throw e;
    const mapped = toStoreError(e, path);
    if (PraxisError.isPraxisError(mapped)) throw mapped;
    throw new StoreUnavailable('sqlite', `cannot open ${path}: ${(e as Error).message}`, { cause: e });
  }
};
