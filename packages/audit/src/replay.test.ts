import { describe, expect, it } from 'vitest';
import { Position, collect, fixedClock, makeCommandHandler } from '@praxis/core';
import { projectionEngine } from '@praxis/projections';
import { memoryEventStore, memoryReadModelStore } from '@praxis/store-memory';
import { aggregateAsOf, practiceAsOf } from './as-of.js';
import { verify } from './verify.js';
import { depositsPerBox, pettyCash, registry } from './testing/petty-cash.js';

const alice = { id: 'alice', role: 'manager' };

/** Deposits of 10, 20, 30, 40 on the 1st to 4th of March; a back-dated deposit of 5 recorded last. */
const history = async () => {
  const store = memoryEventStore({ registry });
  const h = makeCommandHandler({
    store,
    decider: pettyCash,
    clock: fixedClock('2026-03-01T09:00:00', 'UTC'),
  });
  for (const [day, cents] of [
    [1, 10],
    [2, 20],
    [3, 30],
    [4, 40],
  ] as const) {
    await h.handle({
      streamId: 'PettyCash-front',
      actor: alice,
      command: { type: 'Deposit', cents },
      at: `2026-03-0${day}T12:00:00Z`,
    });
  }
  await h.handle({
    streamId: 'PettyCash-lab',
    actor: alice,
    command: { type: 'Deposit', cents: 7 },
    at: '2026-03-02T08:00:00Z',
  });
  await h.handle({
    streamId: 'PettyCash-front',
    actor: alice,
    command: { type: 'Deposit', cents: 5 },
    at: '2026-03-01T18:00:00Z',
  });
  return store;
};

describe('as-of replay', () => {
  it('gives an aggregate as it stood at a past instant, counting back-dated events at their business time', async () => {
    const store = await history();
    const at = (iso: string) => aggregateAsOf(store, pettyCash, 'PettyCash-front', { at: iso });
    expect((await at('2026-02-28T00:00:00Z')).state.balance).toBe(0);
    expect(await at('2026-03-02T12:00:00Z')).toMatchObject({
      state: { balance: 35 },
      eventsFolded: 3,
      revision: 4n,
    });
    expect((await at('2026-03-03T06:59:59-05:00')).state.balance).toBe(35);
    expect((await at('2026-03-03T06:59:59-05:00')).revision).toBe(4n);
    expect((await at('2026-12-31T00:00:00Z')).state.balance).toBe(105);
  });

  it('gives an aggregate as it stood at a log position', async () => {
    const store = await history();
    const r = await aggregateAsOf(store, pettyCash, 'PettyCash-front', { position: Position.make(2n) });
    expect(r).toMatchObject({ state: { balance: 30 }, revision: 1n, eventsFolded: 2 });
    const none = await aggregateAsOf(store, pettyCash, 'PettyCash-nowhere', { position: Position.make(2n) });
    expect(none).toMatchObject({ state: { balance: 0 }, revision: 'no_stream' });
  });

  it('replays the whole practice to a past instant without touching the live read models', async () => {
    const store = await history();
    const readModels = memoryReadModelStore();
    await projectionEngine({ store, readModels, projections: [depositsPerBox] }).catchUp();
    const before = await collect(readModels.list('deposits-per-box', ''));
    const then = await practiceAsOf(store, [depositsPerBox], { at: '2026-03-02T12:00:00Z' });
    expect(await collect(then.list('deposits-per-box', ''))).toEqual([
      ['PettyCash-front', 35],
      ['PettyCash-lab', 7],
    ]);
    expect(then.eventsFolded).toBe(4);
    const atPosition = await practiceAsOf(store, [depositsPerBox], { position: Position.make(1n) });
    expect(await atPosition.get('deposits-per-box', 'PettyCash-front')).toBe(10);
    expect(await collect(readModels.list('deposits-per-box', ''))).toEqual(before);
    expect(before).toEqual([
      ['PettyCash-front', 105],
      ['PettyCash-lab', 7],
    ]);
  });

  it('replays into a scratch read-model store through the engine, with the same answers', async () => {
    const store = await history();
    const live = memoryReadModelStore();
    await projectionEngine({ store, readModels: live, projections: [depositsPerBox] }).catchUp();
    const scratch = memoryReadModelStore();
    const asOf = { at: '2026-03-02T12:00:00Z' };
    const then = await practiceAsOf(store, [depositsPerBox], asOf, { into: scratch });
    const inMemory = await practiceAsOf(store, [depositsPerBox], asOf);
    expect(await collect(then.list('deposits-per-box', ''))).toEqual(
      await collect(inMemory.list('deposits-per-box', '')),
    );
    expect(then.eventsFolded).toBe(4);
    expect(await live.get('deposits-per-box', 'PettyCash-front')).toBe(105);
  });
});

describe('verify', () => {
  it('verifies a clean log end to end', async () => {
    const store = await history();
    expect(await verify(store)).toMatchObject({
      ok: true,
      eventsChecked: 6,
      keyed: false,
      findings: [],
      message: 'log intact: 6 events verified',
    });
  });

  it('names the first event whose stored bytes were altered, by position', async () => {
    const store = await history();
    store.tamper(3n, (s) => ({ ...s, data: s.data.replace('30', '31') }));
    const r = await verify(store);
    expect(r).toMatchObject({
      ok: false,
      position: '3',
      streamId: 'PettyCash-front',
      revision: 2n,
      reason: 'content-altered',
      eventsChecked: 6,
    });
  });
});
