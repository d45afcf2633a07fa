import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SchemaTooNew, collect } from '@praxis/core';
import { note, testRegistry } from '@praxis/testing';
import { applyMigrations, schemaVersion } from './migrations.js';
import { eventMigrations, eventsComponent } from './schema.js';
import { sqliteEventStore } from './sqlite-event-store.js';
import { tempDatabase } from './testing/temp-file.js';

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup) c();
  cleanup = [];
});
const temp = () => {
  const t = tempDatabase();
  cleanup.push(t.remove);
  return t;
};

describe('schema migrations', () => {
  it('creates the event log on a new file and records its version', async () => {
    const { path } = temp();
    const store = sqliteEventStore({ path });
    expect(schemaVersion(store.database, eventsComponent)).toBe(eventMigrations.length);
    await store.close();
  });

  it('reopens an existing file without migrating again and keeps its events', async () => {
    const { path } = temp();
    const first = sqliteEventStore({ path, registry: testRegistry });
    await first.appendToStream('Note-1', [note('kept')]);
    await first.close();
    const second = sqliteEventStore({ path, registry: testRegistry });
    const rows = second.database.prepare('SELECT count(*) AS n FROM praxis_migrations').get() as {
      n: number;
    };
    expect(rows.n).toBe(eventMigrations.length);
    expect((await collect(second.readStream('Note-1'))).map((e) => e.data)).toEqual([{ text: 'kept' }]);
    await second.close();
  });

  it('refuses a file whose schema is newer than the code with SchemaTooNew, leaving it byte-for-byte untouched', async () => {
    const { path } = temp();
    const store = sqliteEventStore({ path, registry: testRegistry });
    await store.appendToStream('Note-1', [note('from the future')]);
    store.database
      .prepare(
        `INSERT INTO praxis_migrations VALUES ('events', 99, 'a later Praxis', '2030-01-01T00:00:00Z')`,
      )
      .run();
    await store.close(); // checkpoints the WAL into the file and removes it
    expect(existsSync(`${path}-wal`)).toBe(false);
    const before = sha256(path);

    let error: unknown;
    try {
      sqliteEventStore({ path, registry: testRegistry });
    } catch (e) {
      error = e;
    }
    expect(SchemaTooNew.isInstance(error), String(error)).toBe(true);
    expect((error as SchemaTooNew).found).toBe(99);
    expect((error as SchemaTooNew).supported).toBe(eventMigrations.length);
    expect((error as Error).message).toContain(path);
    expect(sha256(path)).toBe(before);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('lets another package keep its own versioned tables in the same file', async () => {
    const { path } = temp();
    const store = sqliteEventStore({ path });
    const readModels = [
      { version: 1, name: 'documents', sql: 'CREATE TABLE rm_documents (key TEXT PRIMARY KEY, doc TEXT)' },
      {
        version: 2,
        name: 'checkpoints',
        sql: 'CREATE TABLE rm_checkpoints (name TEXT PRIMARY KEY, pos TEXT)',
      },
    ];
    expect(applyMigrations(store.database, 'read-models', readModels.slice(0, 1))).toBe(1);
    expect(applyMigrations(store.database, 'read-models', readModels)).toBe(2);
    expect(applyMigrations(store.database, 'read-models', readModels)).toBe(2);
    expect(schemaVersion(store.database, eventsComponent)).toBe(eventMigrations.length);
    expect(() => applyMigrations(store.database, 'read-models', readModels.slice(0, 1))).toThrow(
      /schema version 2/,
    );
    expect(() => applyMigrations(store.database, 'gappy', [{ version: 2, name: 'x', sql: '' }])).toThrow(
      /without gaps/,
    );
    await store.close();
  });

  it('rolls back a migration that fails, leaving the version where it was', () => {
    const { path } = temp();
    const db = new Database(path);
    cleanup.unshift(() => db.close());
    const broken = [
      { version: 1, name: 'ok', sql: 'CREATE TABLE a (x)' },
      { version: 2, name: 'broken', sql: 'CREATE TABLE b (x); THIS IS NOT SQL' },
    ];
    expect(() => applyMigrations(db, 'thing', broken)).toThrow();
    expect(schemaVersion(db, 'thing')).toBe(0);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name IN ('a', 'b')`).all()).toEqual([]);
  });
});
