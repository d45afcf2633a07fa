import { afterEach, describe, expect, it } from 'vitest';
import { Position } from '@praxis/core';
import { note, testRegistry } from '@praxis/testing';
import { derivedWrite, sqliteReadModelStore, sqliteSnapshotStore } from './read-model-sqlite.js';
import { sqliteEventStore, type SqliteEventStore } from './sqlite-event-store.js';
import { tempDatabase } from './testing/temp-file.js';

let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});
const open = (synchronous: 'FULL' | 'NORMAL' = 'FULL'): SqliteEventStore => {
  const t = tempDatabase();
  const store = sqliteEventStore({ path: t.path, registry: testRegistry, synchronous });
  cleanup.push(t.remove, () => store.close());
  return store;
};
const level = (store: SqliteEventStore): unknown => store.database.pragma('synchronous', { simple: true });

describe('derived writes (read models, snapshots) on a synchronous=FULL file', () => {
  it('run at NORMAL and leave the connection at FULL for the next event append', async () => {
    const store = open();
    const write = derivedWrite(store.database);
    expect(write(() => level(store))).toBe(1);
    expect(level(store)).toBe(2);

    const readModels = sqliteReadModelStore(store);
    await readModels.openSlot('s1', 'p', 1);
    await readModels.activate('s1');
    await readModels.commit({
      slot: 's1',
      expected: undefined,
      checkpoint: Position.make(1n, 1n),
      documents: new Map([['k', { n: 1 }]]),
      parked: [],
      eventsApplied: 1,
    });
    await sqliteSnapshotStore(store).save({
      streamId: 'S-1',
      stateVersion: 1,
      revision: 0n,
      eventHash: 'h',
      state: '{}',
      takenAt: '2026-01-01T00:00:00Z',
    });
    expect(level(store)).toBe(2);
    expect(await readModels.get('p', 'k')).toEqual({ n: 1 });
    await store.appendToStream('Note-1', [note('after')], { expectedRevision: 'no_stream' });
    expect(level(store)).toBe(2);
  });

  it('restore FULL when the write throws, and rethrow its error', () => {
    const store = open();
    const boom = new Error('boom');
    expect(() =>
      derivedWrite(store.database)(() => {
        throw boom;
      }),
    ).toThrow(boom);
    expect(level(store)).toBe(2);
  });

  it('leave a NORMAL file, and a write inside an open transaction, as they are', () => {
    const normal = open('NORMAL');
    expect(derivedWrite(normal.database)(() => level(normal))).toBe(1);
    const full = open();
    const write = derivedWrite(full.database);
    const inside = full.database.transaction(() => write(() => 'written'));
    expect(inside()).toBe('written'); // at the transaction's own level: the pragma cannot change inside one
    expect(level(full)).toBe(2);
  });
});
