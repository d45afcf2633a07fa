import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  InvalidArgument,
  Position,
  StoreClosed,
  StoreUnavailable,
  WrongExpectedRevision,
  collect,
  verifyChain,
} from '@praxis/core';
import { note, notes, testRegistry } from '@praxis/testing';
import { sqliteEventStore, type SqliteEventStore } from './sqlite-event-store.js';
import { tempDatabase } from './testing/temp-file.js';

let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});
const open = (
  path: string,
  extra: Partial<Parameters<typeof sqliteEventStore>[0]> = {},
): SqliteEventStore => {
  const store = sqliteEventStore({ path, registry: testRegistry, ...extra });
  cleanup.push(() => store.close());
  return store;
};
const temp = () => {
  const t = tempDatabase();
  cleanup.push(t.remove);
  return t.path;
};

describe('the SQLite file', () => {
  it('group commit: appends called together are committed in one transaction, in call order, each with its own result', async () => {
    const path = temp();
    const store = open(path);
    // data_version counts other connections' commits: a second connection sees one per transaction.
    const watcher = new Database(path, { readonly: true });
    cleanup.push(() => void watcher.close());
    const version = () => watcher.pragma('data_version', { simple: true }) as number;
    const before = version();
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) => store.appendToStream(`Note-${i % 4}`, [note(`n${i}`)])),
    );
    expect(version() - before).toBe(1);
    // Call order is commit order: positions rise with the call, each stream's revisions too.
    const positions = results.map((r) => r.position.commit);
    expect([...positions].sort((a, b) => (a < b ? -1 : 1))).toEqual(positions);
    expect(results.map((r) => r.nextExpectedRevision)).toEqual(
      Array.from({ length: 16 }, (_, i) => BigInt(Math.floor(i / 4))),
    );
    expect(await verifyChain(store)).toMatchObject({ _tag: 'Intact', eventsChecked: 16 });
  });

  it('close() commits the appends already called before it closes the file', async () => {
    const path = temp();
    const store = sqliteEventStore({ path, registry: testRegistry });
    const pending = store.appendToStream('Note-1', notes('late', 3), { expectedRevision: 'no_stream' });
    await store.close();
    expect((await pending).nextExpectedRevision).toBe(2n);
    const again = open(path);
    expect((await collect(again.readStream('Note-1'))).map((e) => e.revision)).toEqual([0n, 1n, 2n]);
  });

  it('is in WAL mode with synchronous=FULL by default, NORMAL when asked', () => {
    const path = temp();
    const durable = open(path);
    expect(durable.database.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(durable.database.pragma('synchronous', { simple: true })).toBe(2); // FULL
    const faster = open(path, { synchronous: 'NORMAL' });
    expect(faster.database.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
  });

  it('refuses an unknown synchronous setting', () => {
    expect(() => sqliteEventStore({ path: temp(), synchronous: 'OFF' as 'FULL' })).toThrow(InvalidArgument);
  });

  it('is shared by two stores: each sees the other’s appends and expected revisions hold across them', async () => {
    const path = temp();
    const a = open(path);
    const b = open(path);
    await a.appendToStream('Note-1', notes('a', 2), { expectedRevision: 'no_stream' });
    await expect(b.appendToStream('Note-1', [note('late')], { expectedRevision: 0n })).rejects.toSatisfy(
      (e) => WrongExpectedRevision.isInstance(e) && e.actual === 1n,
    );
    await b.appendToStream('Note-1', [note('b')], { expectedRevision: 1n });
    expect((await collect(a.readStream('Note-1'))).map((e) => e.revision)).toEqual([0n, 1n, 2n]);
    expect((await verifyChain(a))._tag).toBe('Intact');
  });

  it('delivers another connection’s appends to a live subscription (polling fallback)', async () => {
    const path = temp();
    const reader = open(path, { pollIntervalMs: 20 });
    const writer = open(path);
    const seen: string[] = [];
    const sub = reader.subscribeToAll({}, (e) => void seen.push(e.eventId));
    const written = notes('from elsewhere', 3);
    await writer.appendToStream('Note-9', written);
    while (seen.length < 3) await new Promise((r) => setTimeout(r, 10));
    await sub.stop();
    expect(seen).toEqual(written.map((e) => e.eventId));
  });

  it('waits for another writer’s lock without blocking the event loop, then fails with StoreUnavailable', async () => {
    const path = temp();
    const store = open(path, { busyTimeoutMs: 200 });
    const other = new Database(path);
    cleanup.push(() => void other.close());
    other.exec('BEGIN IMMEDIATE');
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const error = await store.appendToStream('Note-1', [note('blocked')]).catch((e: unknown) => e);
    clearInterval(timer);
    other.exec('ROLLBACK');
    expect(StoreUnavailable.isInstance(error), String(error)).toBe(true);
    expect(ticks).toBeGreaterThan(0);
    // Once the lock is free, the same append goes through.
    await store.appendToStream('Note-1', [note('unblocked')]);
    expect(await store.streamRevision('Note-1')).toBe(0n);
  });

  it('succeeds when the other writer commits within the busy timeout', async () => {
    const path = temp();
    const store = open(path, { busyTimeoutMs: 5_000 });
    const other = new Database(path);
    cleanup.push(() => void other.close());
    other.exec('BEGIN IMMEDIATE');
    setTimeout(() => other.exec('COMMIT'), 100);
    const r = await store.appendToStream('Note-1', [note('after the lock')]);
    expect(r.nextExpectedRevision).toBe(0n);
  });

  it('never hands out a position twice, even after the newest event is deleted behind its back', async () => {
    const path = temp();
    const store = open(path);
    const first = await store.appendToStream('Note-1', notes('a', 3));
    store.database.prepare('DELETE FROM events WHERE position = ?').run(first.position.commit);
    const next = await store.appendToStream('Note-2', [note('b')]);
    expect(Position.compare(next.position, first.position)).toBe(1);
  });

  it('refuses every operation after close, and stops its subscriptions', async () => {
    const path = temp();
    const store = sqliteEventStore({ path, registry: testRegistry });
    await store.appendToStream('Note-1', [note('a')]);
    const sub = store.subscribeToAll({}, () => undefined);
    await store.close();
    await expect(sub.done).resolves.toBeUndefined();
    await expect(store.appendToStream('Note-1', [note('b')])).rejects.toSatisfy(StoreClosed.isInstance);
    await expect(collect(store.readAll())).rejects.toSatisfy(StoreClosed.isInstance);
    await expect(store.headPosition()).rejects.toSatisfy(StoreClosed.isInstance);
    await store.close(); // closing twice is harmless
  });

  it('fails to open a path it cannot create with StoreUnavailable', () => {
    expect(() => sqliteEventStore({ path: '/nonexistent-dir/praxis.db' })).toThrow(StoreUnavailable);
  });
});
