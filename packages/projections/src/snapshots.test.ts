import * as t from 'io-ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  accept,
  defineEvents,
  fixedClock,
  makeCommandHandler,
  type Decider,
  type EventOf,
  type EventStore,
  type SnapshotStore,
  type NewEvent,
} from '@praxis/core';
import { memoryEventStore, memorySnapshotStore } from '@praxis/store-memory';
import { sqliteEventStore, sqliteSnapshotStore } from '@praxis/store-sqlite';
import { postgresEventStore, postgresSnapshotStore } from '@praxis/store-postgres';
import { startTestPostgres, type TestPostgres } from '../../store-postgres/src/testing/embedded-server.js';
import { snapshotting } from './snapshots.js';

const events = defineEvents({ TallyCounted: t.type({ by: t.number }) });
type TallyEvent = EventOf<typeof events>;
type Tally = { total: number; counted: number };
const tally: Decider<{ type: 'Count'; by: number }, TallyEvent, Tally> = {
  name: 'Tally',
  stateVersion: 1,
  initialState: { total: 0, counted: 0 },
  evolve: (s, e) => ({ total: s.total + e.data.by, counted: s.counted + 1 }),
  decide: (c) => accept(events.make('TallyCounted', { by: c.by })),
  events,
};
const actor = { id: 'u-1', role: 'manager' };
const clock = fixedClock('2026-03-01T09:00:00', 'America/New_York');
const counted = (by: number): NewEvent => ({
  type: 'TallyCounted',
  data: { by },
  metadata: { actor, occurredAt: '2026-03-01T09:00:00Z' },
});

/** The store, with a count of the events its readStream has handed out. */
const counting = (store: EventStore) => {
  const reads = { events: 0 };
  const wrapped: EventStore = {
    ...store,
    readStream: async function* (id, o) {
      for await (const e of store.readStream(id, o)) {
        reads.events++;
        yield e;
      }
    },
  };
  return { store: wrapped, reads };
};

const fill = async (store: EventStore, streamId: string, n: number) => {
  for (let i = 0; i < n; i += 1_000) {
    await store.appendToStream(
      streamId,
      Array.from({ length: Math.min(1_000, n - i) }, () => counted(1)),
    );
  }
};

type Opened = { store: EventStore; snapshots: SnapshotStore; close: () => Promise<void> };
let server: Promise<TestPostgres> | undefined;
let practices = 0;
const kinds: { name: string; open: () => Promise<Opened>; teardown?: () => Promise<void> }[] = [
  {
    name: 'memory',
    open: async () => ({
      store: memoryEventStore({ registry: events }),
      snapshots: memorySnapshotStore(),
      close: async () => undefined,
    }),
  },
  {
    name: 'sqlite',
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'praxis-snapshots-'));
      const store = sqliteEventStore({
        path: join(dir, 'practice.db'),
        registry: events,
        synchronous: 'NORMAL',
      });
      return {
        store,
        snapshots: sqliteSnapshotStore(store),
        close: async () => {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'postgres',
    open: async () => {
      server ??= startTestPostgres();
      const practice = `snapshots_${process.pid}_${++practices}`;
      const store = await postgresEventStore({
        connectionString: (await server).url,
        practice,
        registry: events,
      });
      return {
        store,
        snapshots: await postgresSnapshotStore(store),
        close: async () => {
          await store.pool.query(`DROP SCHEMA "${store.schema}" CASCADE`);
          await store.close();
        },
      };
    },
    teardown: async () => (await server)?.stop(),
  },
];

describe.each(kinds)('snapshots on $name', (kind) => {
  let opened: Opened;
  const open = async () => (opened = await kind.open());
  afterEach(async () => opened?.close());
  afterAll(async () => kind.teardown?.());

  // 100,000 events on memory and SQLite; PostgreSQL's append is slower, so its stream is shorter.
  const seeded = kind.name === 'postgres' ? 2_990 : 99_990;
  it(`loads a ${(seeded + 13).toLocaleString('en-US')}-event stream by reading only the events after its snapshot`, async () => {
    const o = await open();
    const { store, reads } = counting(o.store);
    const snapshots = o.snapshots;
    const snap = snapshotting({ store, snapshots, decider: tally, every: 100 });
    const h = makeCommandHandler({ store, decider: tally, clock, ...snap });
    await fill(store, 'Tally-1', seeded);
    const first = await h.handle({ streamId: 'Tally-1', command: { type: 'Count', by: 5 }, actor });
    expect(first._tag).toBe('Right');
    expect((await snapshots.load('Tally-1'))?.revision).toBe(BigInt(seeded));
    for (let i = 0; i < 12; i++)
      await h.handle({ streamId: 'Tally-1', command: { type: 'Count', by: 1 }, actor });
    expect(await store.streamRevision('Tally-1')).toBe(BigInt(seeded + 12));

    reads.events = 0;
    const fresh = snapshotting({ store, snapshots, decider: tally, every: 100 });
    const loaded = await fresh.load('Tally-1');
    expect(loaded.state).toEqual({ total: seeded + 5 + 12, counted: seeded + 13 });
    expect(loaded.revision).toBe(BigInt(seeded + 12));
    // The snapshot's own event (checked by hash) and the 12 after it.
    expect(reads.events).toBe(13);
    // Seeding 100,000 events and the first snapshot's command index (one read of the stream)
    // take tens of seconds on a loaded machine.
  }, 180_000);

  it.each([
    ['the command index the snapshot carries', false],
    ['a search of the events (a snapshot taken before snapshots carried command ids)', true],
  ])(
    'keeps a retried command idempotent once its events are behind a snapshot, through %s',
    async (_, legacy) => {
      const { store, snapshots } = await open();
      const snap = snapshotting({ store, snapshots, decider: tally, every: 50 });
      const h = makeCommandHandler({ store, decider: tally, clock, ...snap });
      const command = { streamId: 'Tally-5', command: { type: 'Count' as const, by: 7 }, actor };
      const first = await h.handle({ ...command, commandId: 'forecast-F' });
      if (first._tag === 'Left') throw new Error(first.left.message);
      for (let i = 0; i < 60; i++)
        await h.handle({
          streamId: 'Tally-5',
          command: { type: 'Count', by: 1 },
          actor,
          commandId: `c-${i}`,
        });
      const taken = (await snapshots.load('Tally-5'))!;
      expect(taken.revision).toBe(49n);
      expect(JSON.parse(taken.commands!)).toMatchObject({ 'forecast-F': ['0', '0'], 'c-48': ['49', '49'] });
      if (legacy) {
        const { commands: _dropped, ...old } = taken;
        await snapshots.remove('Tally-5');
        await snapshots.save(old);
      }
      // A fresh handler, as after a restart: nothing remembered in memory.
      const again = makeCommandHandler({
        store,
        decider: tally,
        clock,
        ...snapshotting({ store, snapshots, decider: tally, every: 50 }),
      });
      const retry = await again.handle({ ...command, commandId: 'forecast-F' });
      if (retry._tag === 'Left') throw new Error(retry.left.message);
      expect(retry.right.replayed).toBe(true);
      expect(retry.right.events.map((e) => e.eventId)).toEqual(first.right.events.map((e) => e.eventId));
      expect(await store.streamRevision('Tally-5')).toBe(60n);
      const retried = await again.handle({
        streamId: 'Tally-5',
        command: { type: 'Count', by: 1 },
        actor,
        commandId: 'c-10',
      });
      expect(retried._tag === 'Right' && retried.right.replayed).toBe(true);
      expect(await store.streamRevision('Tally-5')).toBe(60n);
      // A new command id still appends.
      const fresh = await again.handle({ ...command, commandId: 'forecast-G' });
      expect(fresh._tag === 'Right' && !fresh.right.replayed).toBe(true);
      expect(await store.streamRevision('Tally-5')).toBe(61n);
    },
  );

  it('answers the next command from the state it last appended, reading only the events after it', async () => {
    const o = await open();
    const { store, reads } = counting(o.store);
    const snap = snapshotting({ store, snapshots: o.snapshots, decider: tally, every: 50 });
    const h = makeCommandHandler({ store, decider: tally, clock, ...snap });
    for (let i = 0; i < 30; i++)
      await h.handle({ streamId: 'Tally-6', command: { type: 'Count', by: 1 }, actor });
    reads.events = 0;
    const r = await h.handle({ streamId: 'Tally-6', command: { type: 'Count', by: 1 }, actor });
    expect(r._tag === 'Right' && r.right.state).toEqual({ total: 31, counted: 31 });
    // Only the kept state's own event (that it is still there), no snapshot tail of 30 events.
    expect(reads.events).toBe(1);
    // Another writer's event after it is folded in.
    await store.appendToStream('Tally-6', [counted(100)]);
    const after = await h.handle({ streamId: 'Tally-6', command: { type: 'Count', by: 1 }, actor });
    expect(after._tag === 'Right' && after.right.state).toEqual({ total: 132, counted: 33 });
  });

  it('is not misled by a caller who changes a state it was given', async () => {
    const { store, snapshots } = await open();
    const h = makeCommandHandler({
      store,
      decider: tally,
      clock,
      ...snapshotting({ store, snapshots, decider: tally, every: 50 }),
    });
    const r = await h.handle({ streamId: 'Tally-7', command: { type: 'Count', by: 2 }, actor });
    if (r._tag === 'Left') throw new Error(r.left.message);
    (r.right.state as { total: number }).total = 1_000_000;
    const loaded = await h.load('Tally-7');
    (loaded.state as { total: number }).total = 2_000_000;
    const next = await h.handle({ streamId: 'Tally-7', command: { type: 'Count', by: 3 }, actor });
    expect(next._tag === 'Right' && next.right.state).toEqual({ total: 5, counted: 2 });
  });

  it('keeps a command id retried after later appends idempotent, from the kept state', async () => {
    const { store, snapshots } = await open();
    const h = makeCommandHandler({
      store,
      decider: tally,
      clock,
      ...snapshotting({ store, snapshots, decider: tally, every: 5 }),
    });
    const first = await h.handle({
      streamId: 'Tally-8',
      command: { type: 'Count', by: 4 },
      actor,
      commandId: 'k-0',
    });
    for (let i = 1; i < 12; i++)
      await h.handle({ streamId: 'Tally-8', command: { type: 'Count', by: 1 }, actor, commandId: `k-${i}` });
    for (const id of ['k-0', 'k-7', 'k-11']) {
      const retry = await h.handle({
        streamId: 'Tally-8',
        command: { type: 'Count', by: 4 },
        actor,
        commandId: id,
      });
      expect(retry._tag === 'Right' && retry.right.replayed).toBe(true);
    }
    expect(first._tag === 'Right' && first.right.events).toHaveLength(1);
    expect(await store.streamRevision('Tally-8')).toBe(11n);
  });

  it('takes a snapshot every N events, not on every append', async () => {
    const { store, snapshots } = await open();
    const h = makeCommandHandler({
      store,
      decider: tally,
      clock,
      ...snapshotting({ store, snapshots, decider: tally, every: 10 }),
    });
    for (let i = 0; i < 25; i++)
      await h.handle({ streamId: 'Tally-2', command: { type: 'Count', by: 1 }, actor });
    expect((await snapshots.load('Tally-2'))?.revision).toBe(19n);
  });

  const cases: [
    string,
    (s: Awaited<ReturnType<ReturnType<typeof memorySnapshotStore>['load']>>) => object,
  ][] = [
    ['a foreign state version', () => ({ stateVersion: 99 })],
    ['a corrupt state', () => ({ state: '{"total": 1' })],
    ['a state that does not decode', () => ({ state: '"not a tally"' })],
    [
      'a stale snapshot (its event is not in the stream)',
      (s) => ({ eventHash: 'f'.repeat(64), revision: s!.revision }),
    ],
    ['a snapshot beyond the end of the stream', () => ({ revision: 10_000n })],
  ];
  it.each(cases)('ignores %s and folds the stream from its events', async (_, spoil) => {
    const { store, snapshots } = await open();
    const ignored: string[] = [];
    const opts = {
      store,
      snapshots,
      decider: tally,
      every: 5,
      codec: {
        encode: (s: Tally) => s,
        decode: (j: unknown) =>
          typeof j === 'object' && j !== null && 'total' in j ? (j as Tally) : undefined,
      },
      onIgnored: (_id: string, why: string) => void ignored.push(why),
    };
    const h = makeCommandHandler({ store, decider: tally, clock, ...snapshotting(opts) });
    for (let i = 0; i < 7; i++)
      await h.handle({ streamId: 'Tally-3', command: { type: 'Count', by: 2 }, actor });
    const good = (await snapshots.load('Tally-3'))!;
    await snapshots.remove('Tally-3');
    // A poisoned state that would show if it were used.
    await snapshots.save({
      ...good,
      state: JSON.stringify({ total: 1_000_000, counted: 1 }),
      ...spoil(good),
    });
    const loaded = await snapshotting(opts).load('Tally-3');
    expect(loaded.state).toEqual({ total: 14, counted: 7 });
    expect(loaded.revision).toBe(6n);
    expect(ignored).toHaveLength(1);
  });

  it('reports a failed snapshot save without failing the command when onError is given', async () => {
    const { store, snapshots } = await open();
    const broken = { ...snapshots, save: async () => Promise.reject(new Error('disk full')) };
    const errors: unknown[] = [];
    const h = makeCommandHandler({
      store,
      decider: tally,
      clock,
      ...snapshotting({
        store,
        snapshots: broken,
        decider: tally,
        every: 1,
        onError: (_, e) => void errors.push(e),
      }),
    });
    const r = await h.handle({ streamId: 'Tally-4', command: { type: 'Count', by: 1 }, actor });
    expect(r._tag).toBe('Right');
    expect(errors).toHaveLength(1);
  });
});
