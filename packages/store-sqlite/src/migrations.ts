import type Database from 'better-sqlite3';
import { SchemaTooNew } from '@praxis/core';

/** One step of a schema: applied once, in order, inside a write transaction. */
export interface Migration {
  /** 1, 2, 3, … with no gaps. */
  readonly version: number;
  /** What the step does, in a few words (kept in the `praxis_migrations` table). */
  readonly name: string;
  /** SQL run as one script. */
  readonly sql: string;
}

/**
 * Every migration of one component (`events`, or another package's own tables such as a
 * read-model store) is recorded in this table, so each component keeps its own version.
 */
const bookkeeping = `CREATE TABLE IF NOT EXISTS praxis_migrations (
  component  TEXT    NOT NULL,
  version    INTEGER NOT NULL,
  name       TEXT    NOT NULL,
  applied_at TEXT    NOT NULL,
  PRIMARY KEY (component, version)
) WITHOUT ROWID`;

const hasBookkeeping = (db: Database.Database): boolean =>
  db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'praxis_migrations'`).get() !==
  undefined;

/** The schema version a file holds for one component (0 when none was applied). */
export const schemaVersion = (db: Database.Database, component: string): number => {
  if (!hasBookkeeping(db)) return 0;
  const row = db
    .prepare(`SELECT max(version) AS v FROM praxis_migrations WHERE component = ?`)
    .get(component) as { v: number | null };
  return row.v ?? 0;
};

const latest = (migrations: readonly Migration[]): number =>
  migrations.reduce((m, x) => Math.max(m, x.version), 0);

/**
 * Brings one component's schema up to date: applies, in one BEGIN IMMEDIATE transaction, every
 * migration above the file's version (so two processes opening a new file do not race).
 * Throws SchemaTooNew, and changes nothing, when the file is ahead of the code.
 *
 * Other packages that keep their own tables in the store's file (for example read models) call
 * it with their own component name and list:
 *
 * @example
 * applyMigrations(store.database, 'read-models', [{ version: 1, name: 'documents', sql: 'CREATE TABLE …' }]);
 */
export const applyMigrations = (
  db: Database.Database,
  component: string,
  migrations: readonly Migration[],
): number => {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  sorted.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`migrations of ${component} must be numbered 1..n without gaps (found ${m.version})`);
    }
  });
  const target = latest(sorted);
  // Usual case, the file is up to date: a read, no write lock.
  const current = schemaVersion(db, component);
  if (current > target) throw new SchemaTooNew(db.name, current, target);
  if (current === target) return current;
  const run = db.transaction(() => {
    const found = schemaVersion(db, component);
    if (found > target) throw new SchemaTooNew(db.name, found, target);
    if (found === target) return found;
    db.exec(bookkeeping);
    const record = db.prepare(
      `INSERT INTO praxis_migrations (component, version, name, applied_at) VALUES (?, ?, ?, ?)`,
    );
    for (const m of sorted) {
      if (m.version <= found) continue;
      db.exec(m.sql);
      record.run(component, m.version, m.name, new Date().toISOString());
    }
    return target;
  });
  return run.immediate();
};
