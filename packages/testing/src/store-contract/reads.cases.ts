import { describe, expect, it } from 'vitest';
import {
  EventDataInvalid,
  Position,
  StreamNotFound,
  collect,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '@praxis/core';
import {
  expectStrictlyIncreasing,
  idsOf,
  iterationError,
  ours,
  readOurs,
  record,
  revisionsOf,
  withSubject,
  type ContractContext,
} from './harness.js';
import { increment, note, notes, testMetadata } from './test-events.js';

const texts = (events: readonly RecordedEvent[]): string[] =>
  events.map((e) => (e.data as { text: string }).text);

const readTexts = async (store: EventStore, id: string, options: Parameters<EventStore['readStream']>[1]) =>
  texts(await collect(store.readStream(id, options)));

/** A payload that exercises what JSON storage gets wrong: unicode, nesting, big numbers as strings. */
export const richPayload = {
  name: 'Zoë Ångström — 診療所 🦷 ﷺ \u200d e\u0301',
  quote: 'she said "hi"\\ \n\t and left',
  empty: '',
  nested: { level1: { level2: { level3: [1, [2, [3, { deep: true }]]] } }, emptyObject: {}, emptyArray: [] },
  numbers: [0, -1, 0.1, 1.5e-7, 123456.789, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER],
  bigAsString: '123456789012345678901234567890',
  centsAsString: '-9223372036854775808',
  flags: [true, false, null],
  'key.with.dots': 'ok',
  'ключ 🗝': 'значение',
};

/** Cases 15–18: reads. */
export const readCases = (ctx: ContractContext): void => {
  describe('reads', () => {
    it('15. readStream forwards and backwards, from a revision (inclusive), with maxCount', () =>
      withSubject(ctx, async ({ store }, p) => {
        const id = `${p}Note-1`;
        await store.appendToStream(id, notes('n', 5), { expectedRevision: 'no_stream' });
        await store.appendToStream(`${p}Note-2`, notes('other', 2));
        expect(await readTexts(store, id, {})).toEqual(['n-0', 'n-1', 'n-2', 'n-3', 'n-4']);
        expect(await readTexts(store, id, { direction: 'backwards' })).toEqual([
          'n-4',
          'n-3',
          'n-2',
          'n-1',
          'n-0',
        ]);
        expect(await readTexts(store, id, { fromRevision: 2n })).toEqual(['n-2', 'n-3', 'n-4']);
        expect(await readTexts(store, id, { direction: 'backwards', fromRevision: 2n })).toEqual([
          'n-2',
          'n-1',
          'n-0',
        ]);
        expect(await readTexts(store, id, { fromRevision: 1n, maxCount: 2 })).toEqual(['n-1', 'n-2']);
        expect(await readTexts(store, id, { direction: 'backwards', fromRevision: 3n, maxCount: 2 })).toEqual(
          ['n-3', 'n-2'],
        );
        expect(await readTexts(store, id, { maxCount: 0 })).toEqual([]);
        expect(await readTexts(store, id, { fromRevision: 4n })).toEqual(['n-4']);
        // Beyond the end: nothing forwards; backwards starts at the last event.
        expect(await readTexts(store, id, { fromRevision: 5n })).toEqual([]);
        expect(await readTexts(store, id, { fromRevision: 2n ** 40n })).toEqual([]);
        expect(await readTexts(store, id, { direction: 'backwards', fromRevision: 9n, maxCount: 2 })).toEqual(
          ['n-4', 'n-3'],
        );
        const read = await collect(store.readStream(id));
        expect(read.every((e) => e.streamId === id && typeof e.revision === 'bigint')).toBe(true);
      }));

    it('15. reading a missing stream is a distinct, typed outcome (StreamNotFound)', () =>
      withSubject(ctx, async ({ store }, p) => {
        const id = `${p}Nothing-here`;
        await store.appendToStream(`${p}Note-1`, [note('a')]);
        for (const options of [{}, { direction: 'backwards' as const }, { fromRevision: 3n }]) {
          const err = await iterationError(store.readStream(id, options));
          expect(StreamNotFound.isInstance(err), String(err)).toBe(true);
          expect((err as StreamNotFound).streamId).toBe(id);
        }
        expect(await store.streamRevision(id)).toBe('no_stream');
      }));

    it('16. readAll forwards: strictly increasing positions, fromPosition inclusive; backwards is the exact reverse', () =>
      withSubject(ctx, async ({ store }, p) => {
        const appended: string[] = [];
        for (let i = 0; i < 4; i++) {
          for (const s of ['A', 'B']) {
            const r = await store.appendToStream(`${p}Note-${s}`, notes(`${s}${i}`, 2));
            appended.push(...r.positions.map(Position.toString));
          }
        }
        const forwards = await readOurs(store, p);
        expect(forwards).toHaveLength(16);
        expectStrictlyIncreasing(forwards);
        expect(forwards.map((e) => Position.toString(e.position))).toEqual(appended);

        const backwards = ours(await collect(store.readAll({ direction: 'backwards' })), p);
        expect(idsOf(backwards)).toEqual(idsOf(forwards).reverse());

        const mid = forwards[5]!;
        const fromMid = ours(await collect(store.readAll({ fromPosition: mid.position })), p);
        expect(idsOf(fromMid)).toEqual(idsOf(forwards.slice(5)));
        const backFromMid = ours(
          await collect(store.readAll({ direction: 'backwards', fromPosition: mid.position })),
          p,
        );
        expect(idsOf(backFromMid)).toEqual(idsOf(forwards.slice(0, 6)).reverse());

        const two = await collect(store.readAll({ fromPosition: mid.position, maxCount: 2 }));
        expect(idsOf(two)).toEqual(idsOf(forwards.slice(5, 7)));
        const twoBack = await collect(
          store.readAll({ direction: 'backwards', fromPosition: mid.position, maxCount: 2 }),
        );
        expect(idsOf(twoBack)).toEqual([forwards[5]!.eventId, forwards[4]!.eventId]);

        const last = forwards[15]!;
        expect(Position.equals((await store.headPosition())!, last.position)).toBe(true);
        const tail = await collect(store.readAll({ fromPosition: last.position }));
        expect(idsOf(tail)).toEqual([last.eventId]);
        const start = ours(await collect(store.readAll({ fromPosition: Position.start })), p);
        expect(idsOf(start)).toEqual(idsOf(forwards));
      }));

    it('17. readAll and subscriptions filter by event type and by stream prefix', () =>
      withSubject(ctx, async ({ store }, p) => {
        const write = (streamId: string, events: NewEvent[]) => store.appendToStream(streamId, events);
        await write(`${p}Budget-1`, [note('b1'), increment(1)]);
        await write(`${p}Claim-1`, [increment(2), note('c1')]);
        await write(`${p}Budget-2`, [increment(3)]);
        await write(`${p}Staff-1`, [note('s1')]);
        const all = await readOurs(store, p);
        const expectIds = (got: readonly RecordedEvent[], keep: (e: RecordedEvent) => boolean) =>
          expect(idsOf(got)).toEqual(idsOf(all.filter(keep)));

        const isNote = (e: RecordedEvent) => e.type === 'ContractNoteTaken';
        expectIds(
          ours(await collect(store.readAll({ filter: { eventTypes: ['ContractNoteTaken'] } })), p),
          isNote,
        );
        const budgets = { streamPrefix: `${p}Budget-` };
        const isBudget = (e: RecordedEvent) => e.streamId.startsWith(`${p}Budget-`);
        expectIds(await collect(store.readAll({ filter: budgets })), isBudget);
        const budgetOrClaim = { streamPrefix: [`${p}Budget-`, `${p}Claim-`] };
        const isBudgetOrClaim = (e: RecordedEvent) => isBudget(e) || e.streamId.startsWith(`${p}Claim-`);
        expectIds(await collect(store.readAll({ filter: budgetOrClaim })), isBudgetOrClaim);
        const both = { eventTypes: ['ContractCounterIncremented'], streamPrefix: `${p}Budget-` };
        const isBudgetIncrement = (e: RecordedEvent) => isBudget(e) && !isNote(e);
        expectIds(await collect(store.readAll({ filter: both })), isBudgetIncrement);
        const back = await collect(store.readAll({ direction: 'backwards', filter: budgetOrClaim }));
        expect(idsOf(back)).toEqual(idsOf(all.filter(isBudgetOrClaim)).reverse());
        // maxCount counts matching events, not scanned ones.
        const firstTwo = await collect(store.readAll({ filter: budgetOrClaim, maxCount: 2 }));
        expect(idsOf(firstTwo)).toEqual(idsOf(all.filter(isBudgetOrClaim).slice(0, 2)));

        const sub = record(ctx, store, { filter: both });
        const live = record(ctx, store, { filter: budgetOrClaim });
        await Promise.all([sub.waitForCaughtUp(), live.waitForCaughtUp()]);
        await write(`${p}Budget-3`, [note('b3'), increment(4)]);
        await write(`${p}Staff-2`, [increment(5)]);
        await write(`${p}Claim-2`, [increment(6)]);
        const after = await readOurs(store, p);
        await sub.waitFor(after.filter(isBudgetIncrement).length, p);
        await live.waitFor(after.filter(isBudgetOrClaim).length, p);
        await Promise.all([sub.subscription.stop(), live.subscription.stop()]);
        expect(idsOf(sub.events)).toEqual(idsOf(after.filter(isBudgetIncrement)));
        expect(idsOf(live.events)).toEqual(idsOf(after.filter(isBudgetOrClaim)));
      }));

    it('18. data and metadata round-trip exactly: unicode, nested JSON, large integers as strings, correlation, causation, actor', () =>
      withSubject(ctx, async ({ store }, p) => {
        const id = `${p}Patient-ü-1`;
        const metadata = testMetadata({
          actor: { id: 'dr-Øster-ü', role: 'practice-manager' },
          correlationId: 'corr-🧾-0001',
          causationId: 'cause-7a',
          commandId: 'cmd-42',
          occurredAt: '2026-12-31T23:59:59.999-05:00',
          tenant: { clinic: 'Clínica São João', seats: 3 },
        });
        const event = {
          ...note('x'),
          type: 'ContractPayloadRecorded',
          data: { payload: richPayload },
          metadata,
        };
        const defaulted = note('no correlation given');
        await store.appendToStream(id, [event, defaulted], { expectedRevision: 'no_stream' });

        const sub = record(ctx, store);
        await sub.waitFor(2, p);
        await sub.subscription.stop();
        const readings = [await collect(store.readStream(id)), await readOurs(store, p), ours(sub.events, p)];
        for (const [got, plain] of readings.map((r) => [r[0]!, r[1]!] as const)) {
          expect(got.streamId).toBe(id);
          expect(got.eventId).toBe(event.eventId);
          expect(got.type).toBe('ContractPayloadRecorded');
          expect(got.schemaVersion).toBe(1);
          expect(got.data).toEqual({ payload: richPayload });
          const { recordedAt, ...rest } = got.metadata;
          expect(rest).toEqual(metadata);
          expect(new Date(recordedAt).toISOString()).toBe(recordedAt);
          // Without correlation/causation ids, both default to the event's own id.
          expect(plain.metadata.correlationId).toBe(defaulted.eventId);
          expect(plain.metadata.causationId).toBe(defaulted.eventId);
          expect(plain.metadata.actor).toEqual(defaulted.metadata.actor);
        }
        expect(revisionsOf(readings[0]!)).toEqual([0n, 1n]);
      }));

    it('18. a bigint in event data is refused with a typed error, or round-trips exactly — never rounded', () =>
      withSubject(ctx, async ({ store }, p) => {
        const id = `${p}Payload-1`;
        const big = 2n ** 70n + 1n;
        const event = { ...note('x'), type: 'ContractPayloadRecorded', data: { payload: { big } } };
        let refused: unknown;
        await store.appendToStream(id, [event]).catch((e: unknown) => (refused = e));
        if (refused !== undefined) {
          expect(EventDataInvalid.isInstance(refused), String(refused)).toBe(true);
          expect(await store.streamRevision(id)).toBe('no_stream');
        } else {
          const [got] = await collect(store.readStream(id));
          expect(got!.data).toEqual({ payload: { big } });
        }
      }));

    it('18. an event read is immutable: its data and metadata are frozen, a mutation throws and changes nothing later reads see', () =>
      withSubject(ctx, async ({ store }, p) => {
        const id = `${p}Payload-2`;
        const payload = { lines: [{ cpt: '99213', cents: 12_500 }], note: 'x' };
        await store.appendToStream(id, [
          { ...note('x'), type: 'ContractPayloadRecorded', data: { payload } },
        ]);
        const [first] = await collect(store.readStream(id));
        const got = first!;
        const data = got.data as { payload: typeof payload };
        expect(Object.isFrozen(got)).toBe(true);
        expect(Object.isFrozen(data.payload.lines[0])).toBe(true);
        expect(Object.isFrozen(got.metadata)).toBe(true);
        expect(() => {
          data.payload.lines[0]!.cents = 1;
        }).toThrow(TypeError);
        expect(() => data.payload.lines.push({ cpt: '99999', cents: 1 })).toThrow(TypeError);
        expect(() => {
          (got.metadata as { actor: unknown }).actor = { id: 'mallory', role: 'admin' };
        }).toThrow(TypeError);
        // The caller's own object was not frozen by appending it.
        expect(Object.isFrozen(payload)).toBe(false);
        const [again] = await collect(store.readStream(id));
        const [fromAll] = (await collect(store.readAll({ filter: { streamPrefix: id } }))).filter(
          (e) => e.streamId === id,
        );
        for (const e of [again!, fromAll!]) {
          expect(e.data).toEqual({ payload });
          expect(e.metadata.actor).toEqual(got.metadata.actor);
        }
      }));
  });
};
