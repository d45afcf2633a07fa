import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { memoryEventStore } from '@praxis/store-memory';
import {
  accept,
  collect,
  defineEvents,
  fixedClock,
  makeCommandHandler,
  reject,
  rolePermissions,
  verifyChain,
  type Decider,
  type EventOf,
} from './index.js';

const events = defineEvents({
  CounterIncremented: t.type({ by: t.number }),
});
type CounterEvent = EventOf<typeof events>;
type CounterCommand = { type: 'Increment'; by: number };
const counter: Decider<CounterCommand, CounterEvent, { total: number }> = {
  name: 'Counter',
  stateVersion: 1,
  initialState: { total: 0 },
  evolve: (s, e) => ({ total: s.total + e.data.by }),
  decide: (c, s) =>
    c.by <= 0
      ? reject('NotPositive', 'increment must be positive', 'by')
      : s.total + c.by > 10
        ? reject('TooHigh', 'counter may not exceed 10')
        : accept(events.make('CounterIncremented', { by: c.by })),
  events,
};
const actor = { id: 'u1', role: 'manager' };
const clock = fixedClock('2026-03-01T09:00:00', 'America/New_York');

describe('CommandHandler', () => {
  it('folds, decides and appends with business time and actor in the metadata', async () => {
    const store = memoryEventStore({ registry: events });
    const h = makeCommandHandler({ store, decider: counter, clock });
    const r = await h.handle({ streamId: 'Counter-1', command: { type: 'Increment', by: 3 }, actor });
    expect(r._tag).toBe('Right');
    const [e] = await collect(store.readStream('Counter-1'));
    expect(e?.metadata.actor).toEqual(actor);
    expect(e?.metadata.occurredAt).toBe('2026-03-01T09:00:00-05:00');
    expect((await h.load('Counter-1')).state.total).toBe(3);
  });

  it('returns a rejection as data and appends nothing', async () => {
    const store = memoryEventStore({ registry: events });
    const h = makeCommandHandler({ store, decider: counter, clock });
    const r = await h.handle({ streamId: 'Counter-1', command: { type: 'Increment', by: 0 }, actor });
    expect(r).toMatchObject({ _tag: 'Left', left: { code: 'NotPositive', field: 'by' } });
    expect(await store.streamRevision('Counter-1')).toBe('no_stream');
  });

  it('refuses an actor whose role lacks the permission, and reports the refusal', async () => {
    const store = memoryEventStore({ registry: events });
    const refused: string[] = [];
    const h = makeCommandHandler({
      store,
      decider: counter,
      clock,
      permissions: rolePermissions({ manager: ['*'], clerk: ['Other.*'] }),
      onRefused: async (r) => void refused.push(`${r.actor.id}:${r.commandType}`),
    });
    const r = await h.handle({
      streamId: 'Counter-1',
      command: { type: 'Increment', by: 1 },
      actor: { id: 'c', role: 'clerk' },
    });
    expect(r).toMatchObject({ _tag: 'Left', left: { _tag: 'Unauthorized', command: 'Increment' } });
    expect(refused).toEqual(['c:Increment']);
  });

  it('retries on a concurrency conflict and decides against the fresh state', async () => {
    const store = memoryEventStore({ registry: events });
    const h = makeCommandHandler({ store, decider: counter, clock });
    const results = await Promise.all(
      [4, 4, 4].map((by) => h.handle({ streamId: 'Counter-1', command: { type: 'Increment', by }, actor })),
    );
    // 4 + 4 fit under 10; the third is decided on total 8 and refused, never appended blindly.
    expect(results.filter((r) => r._tag === 'Right')).toHaveLength(2);
    expect(results.filter((r) => r._tag === 'Left')).toHaveLength(1);
    expect((await h.load('Counter-1')).state.total).toBe(8);
  });

  it('treats a repeated command id as the same command', async () => {
    const store = memoryEventStore({ registry: events });
    const h = makeCommandHandler({ store, decider: counter, clock });
    const env = {
      streamId: 'Counter-1',
      command: { type: 'Increment' as const, by: 2 },
      actor,
      commandId: 'cmd-1',
    };
    await h.handle(env);
    const again = await h.handle(env);
    expect(again).toMatchObject({ _tag: 'Right', right: { replayed: true } });
    expect((await h.load('Counter-1')).state.total).toBe(2);
  });

  it('keeps an intact hash chain, and names the first altered event', async () => {
    const store = memoryEventStore({ registry: events });
    const h = makeCommandHandler({ store, decider: counter, clock });
    for (let i = 0; i < 3; i++)
      await h.handle({ streamId: 'Counter-1', command: { type: 'Increment', by: 1 }, actor });
    expect(await verifyChain(store)).toMatchObject({ _tag: 'Intact', eventsChecked: 3 });
    store.tamper(2n, (r) => ({ ...r, data: r.data.replace('1', '5') }));
    expect(await verifyChain(store)).toMatchObject({
      _tag: 'Broken',
      reason: 'content-altered',
      revision: 1n,
    });
  });
});
