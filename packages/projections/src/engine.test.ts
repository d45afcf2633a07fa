import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { Position, collect, foldProjections, type ParkedEvent, type RecordedEvent } from '@praxis/core';
import { projectionEngine } from './engine.js';
import type { ProjectionProgress } from './runner.js';
import { backends, type Backend } from './testing/backends.js';
import { note, notesCount, visit, visitsPerRoom } from './testing/fixtures.js';

const rooms = ['a', 'b', 'c', 'd'];
const visits = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => visit(rooms[(from + i) % rooms.length]!, (from + i) % 7));

/** What a clean in-memory fold of the whole log gives, as a sorted list of documents. */
const cleanFold = async (b: Backend, projection = visitsPerRoom()) => {
  const events: RecordedEvent[] = await collect(b.store.readAll());
  const m = foldProjections([projection], events);
  return collect(m.list(projection.name, ''));
};

describe.each(backends)('projection engine on $name', (kind) => {
  let b: Backend;
  afterEach(async () => {
    await b?.close();
  });
  afterAll(async () => kind.teardown?.());

  it('builds a projection to the head and answers like a clean fold of the log', async () => {
    b = await kind.make();
    await b.store.appendToStream('Room-1', visits(37));
    await b.store.appendToStream('Notes-1', [note('x'), note('y')]);
    const engine = projectionEngine({
      store: b.store,
      readModels: b.readModels,
      projections: [visitsPerRoom(), notesCount],
      batchSize: 10,
    });
    const status = await engine.catchUp();
    expect(status.map((s) => [s.projection, s.phase, s.active, s.lag])).toEqual([
      ['visits-per-room', 'live', true, 0],
      ['notes-count', 'live', true, 0],
    ]);
    expect(await collect(b.readModels.list('visits-per-room', ''))).toEqual(await cleanFold(b));
    expect(await b.readModels.get('visits-per-room', 'total')).toBe(37);
    expect(await b.readModels.get('notes-count', 'notes')).toBe(2);
  });

  it('applies each event once when restarted from its checkpoint', async () => {
    b = await kind.make();
    await b.store.appendToStream('Room-1', visits(25));
    await projectionEngine({
      store: b.store,
      readModels: b.readModels,
      projections: [visitsPerRoom()],
      batchSize: 7,
    }).catchUp();
    await b.store.appendToStream('Room-1', visits(9, 25));
    const again = await b.reopenReadModels();
    const [s] = await projectionEngine({
      store: b.store,
      readModels: again,
      projections: [visitsPerRoom()],
      batchSize: 7,
    }).catchUp();
    expect(s?.eventsApplied).toBe(34);
    expect(await again.get('visits-per-room', 'total')).toBe(34);
    expect(await collect(again.list('visits-per-room', ''))).toEqual(await cleanFold(b));
  });

  it('reports lag behind the head and progress of a long build', async () => {
    b = await kind.make();
    await b.store.appendToStream('Room-1', visits(50));
    const seen: ProjectionProgress[] = [];
    const engine = projectionEngine({
      store: b.store,
      readModels: b.readModels,
      projections: [visitsPerRoom()],
      batchSize: 10,
      onProgress: (p) => seen.push(p),
    });
    expect((await engine.status())[0]?.lag).toBe(50);
    await engine.catchUp();
    expect(seen.map((p) => p.eventsApplied)).toEqual([10, 20, 30, 40, 50]);
    expect(seen.map((p) => p.lag)).toEqual([40, 30, 20, 10, 0]);
    expect(seen.slice(0, 4).every((p) => p.phase === 'building')).toBe(true);
    await b.store.appendToStream('Notes-1', [note('not a visit')]);
    await b.store.appendToStream('Room-1', visits(3));
    const [behind] = await engine.status();
    expect(behind?.lag).toBe(4);
    const [after] = await engine.catchUp();
    expect(after?.lag).toBe(0);
    expect(after?.checkpoint).toEqual(await b.store.headPosition());
  });

  it('builds a new version beside the old one and swaps only when it has caught up', async () => {
    b = await kind.make();
    await b.store.appendToStream('Room-1', visits(30));
    await projectionEngine({
      store: b.store,
      readModels: b.readModels,
      projections: [visitsPerRoom(1)],
    }).catchUp();
    const seenByReaders: unknown[] = [];
    const v2 = projectionEngine({
      store: b.store,
      readModels: b.readModels,
      projections: [visitsPerRoom(2, 10)],
      batchSize: 8,
      onProgress: () => void seenByReaders.push(b.readModels.get('visits-per-room', 'total')),
    });
    const [s] = await v2.catchUp();
    // While version 2 was building, readers kept seeing version 1 whole.
    const totals = await Promise.all(seenByReaders);
    expect(totals.slice(0, -1).every((t) => t === 30)).toBe(true);
    expect(await b.readModels.get('visits-per-room', 'total')).toBe(300);
    expect(s).toMatchObject({ version: 2, active: true, phase: 'live' });
    expect((await b.readModels.slots('visits-per-room')).map((x) => x.version)).toEqual([2]);
    expect((await b.readModels.slots('visits-per-room')).map((x) => x.slot)).toEqual([s?.slot]);
    // An older version started afterwards does not take over.
    const [old] = await projectionEngine({
      store: b.store,
      readModels: b.readModels,
      projections: [visitsPerRoom(1)],
    }).catchUp();
    expect(old?.phase).toBe('superseded');
    expect(await b.readModels.get('visits-per-room', 'total')).toBe(300);
  });

  it('rebuilds from zero into a fresh slot while readers keep the current one', async () => {
    b = await kind.make();
    await b.store.appendToStream('Room-1', visits(20));
    // A rebuild an earlier process left half-done: dropped once a newer build is activated.
    await b.readModels.openSlot('visits-per-room@1#9', 'visits-per-room', 1);
    const engine = projectionEngine({
      store: b.store,
      readModels: b.readModels,
      projections: [visitsPerRoom()],
      batchSize: 6,
    });
    const [first] = await engine.catchUp();
    const during: unknown[] = [];
    const rebuilding = projectionEngine({
      store: b.store,
      readModels: b.readModels,
      projections: [visitsPerRoom()],
      batchSize: 6,
      onProgress: (p) =>
        void during.push(p.slot === first?.slot ? 'old' : b.readModels.get('visits-per-room', 'total')),
    });
    await rebuilding.catchUp();
    const s = await rebuilding.rebuild('visits-per-room');
    expect(s.slot).not.toBe(first?.slot);
    expect(s).toMatchObject({ active: true, eventsApplied: 20 });
    expect(new Set(await Promise.all(during))).toEqual(new Set([20]));
    expect(await collect(b.readModels.list('visits-per-room', ''))).toEqual(await cleanFold(b));
    expect((await b.readModels.slots('visits-per-room')).map((x) => x.slot)).toEqual([s.slot]);
  });

  it('parks an event whose handler throws, with the reason and position, and goes on', async () => {
    b = await kind.make();
    await b.store.appendToStream('Room-1', [visit('a', 1), visit('boom', 2), visit('b', 3)]);
    await b.store.appendToStream('Notes-1', [note('still counted')]);
    const parked: ParkedEvent[] = [];
    const engine = projectionEngine({
      store: b.store,
      readModels: b.readModels,
      projections: [visitsPerRoom(), notesCount],
      onParked: (p) => parked.push(p),
    });
    const [visitsStatus, notesStatus] = await engine.catchUp();
    expect(parked).toHaveLength(1);
    expect(parked[0]).toMatchObject({ streamId: 'Room-1', revision: 1n, type: 'PatientVisited' });
    expect(parked[0]?.reason).toContain('cannot count room boom');
    const [, boom] = await collect(b.store.readStream('Room-1'));
    expect(parked[0]?.position).toEqual(boom?.position);
    expect(visitsStatus).toMatchObject({ phase: 'live', parked: 1, eventsApplied: 3 });
    expect(notesStatus).toMatchObject({ phase: 'live', parked: 0 });
    expect(await b.readModels.get('visits-per-room', 'total')).toBe(2);
    expect(await b.readModels.get('visits-per-room', 'room:b')).toEqual({ visits: 1, minutes: 3 });
    expect(await b.readModels.get('notes-count', 'notes')).toBe(1);
    expect(await b.readModels.parked(visitsStatus!.slot)).toEqual(parked);
  });

  it('parks a poison event that fails its codec on read, and reads on past it', async () => {
    b = await kind.make();
    await b.store.appendToStream('Room-1', [visit('a', 1), visit('b', 2), visit('c', 3)]);
    await b.corrupt(2n);
    const [s] = await projectionEngine({
      store: b.store,
      readModels: b.readModels,
      projections: [visitsPerRoom()],
    }).catchUp();
    expect(s).toMatchObject({ phase: 'live', parked: 1 });
    const [p] = await b.readModels.parked(s!.slot);
    expect(p).toMatchObject({ streamId: 'Room-1', revision: 1n, type: 'PatientVisited' });
    expect(p?.reason).toContain('room');
    expect(await b.readModels.get('visits-per-room', 'total')).toBe(2);
    expect(await b.readModels.get('visits-per-room', 'room:c')).toEqual({ visits: 1, minutes: 3 });
  });

  it('refuses a commit whose expected checkpoint is stale, writing nothing (two engines on one slot)', async () => {
    b = await kind.make();
    await b.readModels.openSlot('visits-per-room@1', 'visits-per-room', 1);
    const write = (expected: Position.Position | undefined, value: number) =>
      b.readModels.commit({
        slot: 'visits-per-room@1',
        expected,
        checkpoint: Position.make(5n),
        documents: new Map([['total', value]]),
        parked: [],
        eventsApplied: 5,
      });
    await write(undefined, 5);
    await expect(write(undefined, 99)).rejects.toMatchObject({ _tag: 'CheckpointMoved' });
    expect(await b.readModels.getIn('visits-per-room@1', 'total')).toBe(5);
    const [slot] = await b.readModels.slots('visits-per-room');
    expect(slot).toMatchObject({ checkpoint: Position.make(5n), eventsApplied: 5 });
  });

  it('lists documents by prefix, in key order, after a key and up to a limit', async () => {
    b = await kind.make();
    await b.readModels.openSlot('s@1', 's', 1);
    const keys = ['a:1', 'a:2', 'a:3', 'ab', 'b:1'];
    await b.readModels.commit({
      slot: 's@1',
      expected: undefined,
      checkpoint: Position.make(1n),
      documents: new Map(keys.map((k) => [k, { k }])),
      parked: [],
      eventsApplied: 1,
    });
    await b.readModels.activate('s@1');
    const list = async (prefix: string, range = {}) =>
      (await collect(b.readModels.list('s', prefix, range))).map(([k]) => k);
    expect(await list('a:')).toEqual(['a:1', 'a:2', 'a:3']);
    expect(await list('a')).toEqual(['a:1', 'a:2', 'a:3', 'ab']);
    expect(await list('a:', { after: 'a:1', limit: 1 })).toEqual(['a:2']);
    expect(await list('')).toEqual(keys);
    expect(await b.readModels.get('s', 'b:1')).toEqual({ k: 'b:1' });
  });

  it('stays live: events appended after start reach the read model', async () => {
    b = await kind.make();
    await b.store.appendToStream('Room-1', visits(3));
    const engine = projectionEngine({
      store: b.store,
      readModels: b.readModels,
      projections: [visitsPerRoom()],
      pollMs: 10,
    });
    engine.start();
    try {
      await vi.waitFor(async () => expect(await b.readModels.get('visits-per-room', 'total')).toBe(3));
      await b.store.appendToStream('Room-2', visits(4));
      await vi.waitFor(async () => expect(await b.readModels.get('visits-per-room', 'total')).toBe(7));
    } finally {
      await engine.stop();
    }
  });

  it("wakes on the store's change notification instead of polling", async () => {
    b = await kind.make();
    await b.store.appendToStream('Room-1', visits(2));
    // Ten minutes between looks without a wake-up: only the notification can bring the append in time.
    const engine = projectionEngine({
      store: b.store,
      readModels: b.readModels,
      projections: [visitsPerRoom()],
      pollMs: 600_000,
    });
    engine.start();
    try {
      await vi.waitFor(async () => expect(await b.readModels.get('visits-per-room', 'total')).toBe(2), {
        timeout: 20_000,
      });
      await b.store.appendToStream('Room-2', visits(5));
      await vi.waitFor(async () => expect(await b.readModels.get('visits-per-room', 'total')).toBe(7), {
        timeout: 20_000,
      });
    } finally {
      await engine.stop();
    }
  });
});
