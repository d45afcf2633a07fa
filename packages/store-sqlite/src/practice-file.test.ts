import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { NotAPractice, collect } from '@praxis/core';
import { note, testRegistry } from '@praxis/testing';
import { praxisApplicationId } from './practice-file.js';
import { sqliteEventStore, type SqliteEventStore } from './sqlite-event-store.js';
import { tempDatabase } from './testing/temp-file.js';

let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});
const temp = () => {
  const t = tempDatabase();
  cleanup.push(t.remove);
  return t.path;
};
const open = (
  path: string,
  extra: Partial<Parameters<typeof sqliteEventStore>[0]> = {},
): SqliteEventStore => {
  const store = sqliteEventStore({ path, registry: testRegistry, ...extra });
  cleanup.push(() => store.close());
  return store;
};
/** `p`, or a failure naming `what` after `ms` (a liveness bound, not a timing assertion). */
const withinDeadline = async <A>(p: Promise<A>, ms: number, what: string): Promise<A> => {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`gave up after ${ms} ms waiting for ${what}`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
};
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const refusal = (f: () => unknown): NotAPractice => {
  try {
    f();
  } catch (e) {
    if (NotAPractice.isInstance(e)) return e;
    throw e;
  }
  throw new Error('the file was opened');
};

describe('practice files', () => {
  it('are marked with the Praxis application_id when created', async () => {
    const path = temp();
    const store = open(path);
    await store.appendToStream('Note-1', [note('a')]);
    expect(store.database.pragma('application_id', { simple: true })).toBe(praxisApplicationId);
    await store.close();
    expect(readFileSync(path).readUInt32BE(68)).toBe(praxisApplicationId);
    expect((await collect(open(path, { create: false }).readStream('Note-1'))).length).toBe(1);
  });

  it("refuses another program's SQLite database untouched, even when asked to create", () => {
    const path = temp();
    const other = new Database(path);
    other.exec(
      `CREATE TABLE invoices (id INTEGER PRIMARY KEY, total INTEGER); INSERT INTO invoices VALUES (1, 100);`,
    );
    other.close();
    const before = sha256(path);
    for (const create of [true, false]) {
      const e = refusal(() => sqliteEventStore({ path, create }));
      expect(e.reason).toBe('foreign');
      expect(e.message).toContain('invoices');
    }
    expect(sha256(path)).toBe(before);
    const again = new Database(path, { readonly: true });
    expect(again.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(again.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'events'`).pluck().get()).toBe(0);
    again.close();
  });

  it('refuses a database marked by another program, and a file that is not a database', () => {
    const path = temp();
    const other = new Database(path);
    other.pragma('application_id = 1196444487'); // GeoPackage ("GPKG")
    other.close();
    const before = sha256(path);
    expect(refusal(() => sqliteEventStore({ path })).reason).toBe('foreign');
    expect(sha256(path)).toBe(before);
    const text = temp();
    writeFileSync(text, 'date,amount\n2026-01-01,100\n'.repeat(10));
    expect(refusal(() => sqliteEventStore({ path: text })).reason).toBe('not-a-database');
    expect(readFileSync(text, 'utf8')).toBe('date,amount\n2026-01-01,100\n'.repeat(10));
  });

  it('opens a missing or empty file only when creating a new practice', async () => {
    const missing = temp();
    expect(refusal(() => sqliteEventStore({ path: missing, create: false })).reason).toBe('missing');
    const empty = temp();
    writeFileSync(empty, '');
    expect(refusal(() => sqliteEventStore({ path: empty, create: false })).reason).toBe('empty');
    expect(readFileSync(empty).length).toBe(0);
    const created = open(empty, { create: true });
    await created.appendToStream('Note-1', [note('a')]);
    expect(created.database.pragma('application_id', { simple: true })).toBe(praxisApplicationId);
  });

  it('marks a practice written before files were marked and opens it', async () => {
    const path = temp();
    const store = open(path);
    await store.appendToStream('Note-1', [note('a')]);
    store.database.pragma('application_id = 0');
    await store.close();
    const reopened = open(path, { create: false });
    expect(reopened.database.pragma('application_id', { simple: true })).toBe(praxisApplicationId);
    expect((await collect(reopened.readStream('Note-1'))).length).toBe(1);
  });
});

describe('wake-ups across connections', () => {
  it("a waiter wakes when another connection (another process's store) appends, through data_version", async () => {
    const path = temp();
    const reader = open(path);
    const writer = open(path);
    const stop = new AbortController();
    // Ten minutes: only the other connection's commit can end this wait in time.
    const waiting = reader.waitForChange(stop.signal, 600_000);
    await new Promise((r) => setTimeout(r, 50));
    await writer.appendToStream('Note-1', [note('from elsewhere')]);
    try {
      await withinDeadline(waiting, 20_000, 'the wake-up from another connection');
    } finally {
      stop.abort();
    }
    const got: string[] = [];
    const sub = reader.subscribeToAll({}, (e) => {
      got.push(e.eventId);
    });
    await writer.appendToStream('Note-2', [note('second')]);
    const deadline = Date.now() + 20_000;
    while (got.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    await sub.stop();
    expect(got).toHaveLength(2);
  });
});
