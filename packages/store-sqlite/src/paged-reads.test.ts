import { afterEach, describe, expect, it } from 'vitest';
import { InvalidArgument, Position, collect } from '@praxis/core';
import { increment, note, notes, testRegistry } from '@praxis/testing';
import { sqliteEventStore, type SqliteEventStore } from './sqlite-event-store.js';
import { tempDatabase } from './testing/temp-file.js';

let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

/** A store with a tiny page size, so every read below crosses several keyset pages. */
const seeded = async (): Promise<{ store: SqliteEventStore; ids: string[] }> => {
  const t = tempDatabase();
  const store = sqliteEventStore({ path: t.path, registry: testRegistry, pageSize: 3 });
  cleanup.push(t.remove, () => store.close());
  const ids: string[] = [];
  for (let i = 0; i < 10; i++) {
    const batch = [note(`n${i}`), increment(i)];
    await store.appendToStream(i % 2 === 0 ? 'Zoë-診療所-1' : 'Budget-2026', batch);
    ids.push(...batch.map((e) => e.eventId!));
  }
  return { store, ids };
};
const idsOf = (events: readonly { eventId: string }[]) => events.map((e) => e.eventId);

describe('keyset-paged reads', () => {
  it('readAll forwards and backwards across pages returns every event once, in order', async () => {
    const { store, ids } = await seeded();
    expect(idsOf(await collect(store.readAll()))).toEqual(ids);
    expect(idsOf(await collect(store.readAll({ direction: 'backwards' })))).toEqual([...ids].reverse());
    const all = await collect(store.readAll());
    expect(idsOf(await collect(store.readAll({ fromPosition: all[7]!.position, maxCount: 5 })))).toEqual(
      ids.slice(7, 12),
    );
  });

  it('filters by type and by stream prefix (unicode) in SQL, across pages', async () => {
    const { store } = await seeded();
    const counters = await collect(store.readAll({ filter: { eventTypes: ['ContractCounterIncremented'] } }));
    expect(counters.map((e) => (e.data as { by: number }).by)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const clinic = await collect(store.readAll({ filter: { streamPrefix: 'Zoë-診' } }));
    expect(clinic).toHaveLength(10);
    expect(clinic.every((e) => e.streamId === 'Zoë-診療所-1')).toBe(true);
    const both = await collect(
      store.readAll({
        direction: 'backwards',
        filter: { eventTypes: ['ContractNoteTaken'], streamPrefix: ['Budget-', 'Nothing-'] },
      }),
    );
    expect(both.map((e) => (e.data as { text: string }).text)).toEqual(['n9', 'n7', 'n5', 'n3', 'n1']);
    expect(await collect(store.readAll({ filter: { eventTypes: [] } }))).toEqual([]);
  });

  it('readStream pages through a long stream both ways', async () => {
    const t = tempDatabase();
    const store = sqliteEventStore({ path: t.path, registry: testRegistry, pageSize: 4 });
    cleanup.push(t.remove, () => store.close());
    await store.appendToStream('Note-1', notes('x', 11));
    const forwards = await collect(store.readStream('Note-1'));
    expect(forwards.map((e) => e.revision)).toEqual(Array.from({ length: 11 }, (_, i) => BigInt(i)));
    const backwards = await collect(store.readStream('Note-1', { direction: 'backwards', fromRevision: 9n }));
    expect(backwards.map((e) => e.revision)).toEqual([9n, 8n, 7n, 6n, 5n, 4n, 3n, 2n, 1n, 0n]);
  });

  it('an iteration stopped early (break) releases the read, and the store keeps working', async () => {
    const { store, ids } = await seeded();
    for await (const e of store.readAll()) {
      expect(e.eventId).toBe(ids[0]);
      break;
    }
    await store.appendToStream('Note-2', [note('after the break')]);
    expect(await collect(store.readAll())).toHaveLength(ids.length + 1);
  });

  it('refuses a negative or fractional maxCount', async () => {
    const { store } = await seeded();
    await expect(collect(store.readAll({ maxCount: -1 }))).rejects.toThrow(InvalidArgument);
    await expect(collect(store.readStream('Budget-2026', { maxCount: 1.5 }))).rejects.toThrow(
      InvalidArgument,
    );
  });

  it('reads from a position of another shape (prepare ≠ commit) by comparing, as Position.compare does', async () => {
    const { store, ids } = await seeded();
    const third = (await collect(store.readAll()))[2]!.position.commit;
    const between = Position.make(third, third + 1n); // just after the third event
    expect(idsOf(await collect(store.readAll({ fromPosition: between, maxCount: 1 })))).toEqual([ids[3]]);
    expect(
      idsOf(await collect(store.readAll({ fromPosition: between, direction: 'backwards', maxCount: 1 }))),
    ).toEqual([ids[2]]);
  });
});
