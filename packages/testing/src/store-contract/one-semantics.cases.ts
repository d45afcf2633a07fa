import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DuplicateEventId,
  EventDataInvalid,
  InvalidArgument,
  Position,
  PraxisError,
  StoreUnavailable,
  StreamNotFound,
  collect,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '@praxis/core';
import {
  idsOf,
  ours,
  readOurs,
  record,
  rejectionOf,
  withSubject,
  withinDeadline,
  type ContractContext,
} from './harness.js';
import { note, notes, testMetadata } from './test-events.js';

/** Iterating must fail with the error; calling must not throw (every store reports on iteration). */
const iterationFailure = async (make: () => AsyncIterable<unknown>): Promise<unknown> => {
  let items: AsyncIterable<unknown>;
  try {
    items = make();
  } catch (e) {
    throw new Error(`the call threw at once (${String(e)}); a read reports bad arguments when iterated`);
  }
  return rejectionOf(collect(items));
};

const expectInvalidArgument = (err: unknown, argument: string): void => {
  expect(InvalidArgument.isInstance(err), String(err)).toBe(true);
  expect((err as InvalidArgument).argument).toBe(argument);
};

const expectDataInvalid = (err: unknown, field: string): void => {
  expect(EventDataInvalid.isInstance(err), String(err)).toBe(true);
  expect((err as EventDataInvalid).field).toBe(field);
};

/** Nothing of the test's streams was written. */
const expectNothingWritten = async (store: EventStore, prefix: string): Promise<void> => {
  expect(await readOurs(store, prefix)).toEqual([]);
};

const upperId = 'A1B2C3D4-E5F6-4789-8ABC-DEF012345678';

/**
 * Cases that hold every store to one semantics (issue 13): the end of the log is taken when
 * subscribing, one rule for strings some backend cannot store, one canonical event id, the same
 * argument checks and errors, filtered subscriptions that move past what they skip, and the
 * store's wake-up. See docs/store-contract.md.
 */
export const oneSemanticsCases = (ctx: ContractContext): void => {
  describe('one semantics on every store', () => {
    it("28. an event appended right after subscribeToAll({ after: 'end' }) returns is delivered", () =>
      withSubject(ctx, async ({ store }, p) => {
        await store.appendToStream(`${p}H`, notes('history', 3));
        const n = 40;
        const subs = [];
        const appended: string[] = [];
        // No waiting between subscribing and appending: the end is where the log was at the call.
        for (let i = 0; i < n; i++) {
          subs.push(record(ctx, store, { after: 'end' }));
          const e = note(`t-${i}`);
          await store.appendToStream(`${p}T-${i}`, [e]);
          appended.push(e.eventId!);
        }
        for (let i = 0; i < n; i++) await subs[i]!.waitFor(n - i, p);
        await Promise.all(subs.map((s) => s.subscription.stop()));
        subs.forEach((s, i) => expect(idsOf(ours(s.events, p))).toEqual(appended.slice(i)));
      }));

    it('29. a string no backend can store (NUL, lone surrogate) is refused with a typed error naming the field; nothing is written', () =>
      withSubject(ctx, async ({ store }, p) => {
        const payload = (value: unknown): NewEvent => ({
          ...note('x'),
          type: 'ContractPayloadRecorded',
          data: { payload: value },
        });
        const refusals: [NewEvent, string][] = [
          [{ ...note('x'), data: { text: 'a\u0000b' } }, 'text'],
          [{ ...note('x'), data: { text: 'half \ud83e of an emoji' } }, 'text'],
          [{ ...note('x'), data: { text: 'tail \udd77' } }, 'text'],
          [payload({ nested: ['ok', { deep: 'x\u0000' }] }), 'payload.nested.1.deep'],
          [payload({ 'k\u0000ey': 1 }), 'payload."k\\u0000ey"'],
          [{ ...note('x'), metadata: testMetadata({ note: 'n\u0000' }) }, 'metadata.note'],
          [
            { ...note('x'), metadata: testMetadata({ actor: { id: 'dr\u0000', role: 'r' } }) },
            'metadata.actor.id',
          ],
          [{ ...note('x'), metadata: testMetadata({ correlationId: '\ud800' }) }, 'metadata.correlationId'],
        ];
        for (const [event, field] of refusals) {
          const err = await rejectionOf(store.appendToStream(`${p}Text-1`, [note('fine'), event]));
          expect(StoreUnavailable.isInstance(err), String(err)).toBe(false);
          expectDataInvalid(err, field);
        }
        for (const id of [`${p}Nul\u0000-1`, `${p}Half-\udbff`]) {
          expectInvalidArgument(await rejectionOf(store.appendToStream(id, [note('x')])), 'streamId');
          expectInvalidArgument(await rejectionOf(store.streamRevision(id)), 'streamId');
          expectInvalidArgument(await iterationFailure(() => store.readStream(id)), 'streamId');
        }
        expectInvalidArgument(
          await rejectionOf(
            store.appendToStream(`${p}Text-2`, [{ ...note('x'), type: 'Contract\u0000Note' }]),
          ),
          'type',
        );
        expect(await store.streamRevision(`${p}Text-1`)).toBe('no_stream');
        await expectNothingWritten(store, p);
        // A well-formed astral character (a surrogate pair) is fine.
        await store.appendToStream(`${p}Text-🦷`, [{ ...note('x'), data: { text: 'tooth 🦷' } }]);
        const [stored] = await collect(store.readStream(`${p}Text-🦷`));
        expect(stored!.data).toEqual({ text: 'tooth 🦷' });
      }));

    it('30. event ids have one canonical form (lower-case uuid): upper-case retries are idempotent, twins are one id', () =>
      withSubject(ctx, async ({ store }, p) => {
        const first = await store.appendToStream(`${p}Id-1`, [note('a', upperId)], {
          expectedRevision: 'no_stream',
        });
        const retry = await store.appendToStream(`${p}Id-1`, [note('a', upperId)], {
          expectedRevision: 'no_stream',
        });
        expect(retry.nextExpectedRevision).toBe(0n);
        expect(retry.positions.map(Position.toString)).toEqual(first.positions.map(Position.toString));
        const lower = await store.appendToStream(`${p}Id-1`, [note('a', upperId.toLowerCase())], {
          expectedRevision: 'no_stream',
        });
        expect(lower.positions.map(Position.toString)).toEqual(first.positions.map(Position.toString));
        const [stored] = await collect(store.readStream(`${p}Id-1`));
        expect(stored!.eventId).toBe(upperId.toLowerCase());
        // The default correlation id is the canonical id too.
        expect(stored!.metadata.correlationId).toBe(upperId.toLowerCase());
        const twin = await rejectionOf(store.appendToStream(`${p}Id-2`, [note('b', upperId.toLowerCase())]));
        expect(DuplicateEventId.isInstance(twin), String(twin)).toBe(true);
        expect((twin as DuplicateEventId).reason).toBe('used-in-another-stream');
        const fresh = '0b9d2c1e-7f3a-4c55-9e21-5a6b7c8d9e0f';
        const inBatch = await rejectionOf(
          store.appendToStream(`${p}Id-3`, [note('c', fresh.toUpperCase()), note('d', fresh)]),
        );
        expect(DuplicateEventId.isInstance(inBatch), String(inBatch)).toBe(true);
        expect((inBatch as DuplicateEventId).reason).toBe('repeated-in-batch');
        expect(await store.streamRevision(`${p}Id-2`)).toBe('no_stream');
        expect(await store.streamRevision(`${p}Id-3`)).toBe('no_stream');
      }));

    it('31. every store checks arguments the same way and throws the same typed errors', () =>
      withSubject(ctx, async ({ store }, p) => {
        await store.appendToStream(`${p}Arg-1`, [note('a')]);
        // A missing stream is StreamNotFound whatever the options, maxCount 0 included.
        for (const options of [{ maxCount: 0 }, { maxCount: 0, direction: 'backwards' as const }, {}]) {
          const err = await iterationFailure(() => store.readStream(`${p}NoSuchStream`, options));
          expect(StreamNotFound.isInstance(err), String(err)).toBe(true);
        }
        expect(await collect(store.readStream(`${p}Arg-1`, { maxCount: 0 }))).toEqual([]);
        const bad = <T>(v: unknown): T => v as T;
        const readStreamCases: [unknown, string][] = [
          [{ maxCount: -1 }, 'maxCount'],
          [{ maxCount: 1.5 }, 'maxCount'],
          [{ maxCount: '2' }, 'maxCount'],
          [{ fromRevision: -1n }, 'fromRevision'],
          [{ fromRevision: 1 }, 'fromRevision'],
          [{ direction: 'sideways' }, 'direction'],
          [null, 'options'],
        ];
        for (const [options, argument] of readStreamCases) {
          expectInvalidArgument(
            await iterationFailure(() => store.readStream(`${p}Arg-1`, bad(options))),
            argument,
          );
        }
        for (const id of ['', '$system', 42, undefined, 'x'.repeat(1_001)]) {
          expectInvalidArgument(await iterationFailure(() => store.readStream(bad(id))), 'streamId');
          expectInvalidArgument(await rejectionOf(store.streamRevision(bad(id))), 'streamId');
          expectInvalidArgument(await rejectionOf(store.appendToStream(bad(id), [note('x')])), 'streamId');
        }
        const readAllCases: [unknown, string][] = [
          [{ maxCount: -2 }, 'maxCount'],
          [{ fromPosition: { commit: 1, prepare: 1 } }, 'fromPosition'],
          [{ fromPosition: '5' }, 'fromPosition'],
          [{ direction: 'up' }, 'direction'],
          [{ filter: { eventTypes: 'ContractNoteTaken' } }, 'filter.eventTypes'],
          [{ filter: { streamPrefix: 7 } }, 'filter.streamPrefix'],
          [{ filter: { streamPrefix: ['ok', null] } }, 'filter.streamPrefix.1'],
        ];
        for (const [options, argument] of readAllCases) {
          expectInvalidArgument(await iterationFailure(() => store.readAll(bad(options))), argument);
        }
        const appendCases: [unknown, unknown, string][] = [
          [[note('x')], { expectedRevision: -1n }, 'expectedRevision'],
          [[note('x')], { expectedRevision: 0 }, 'expectedRevision'],
          [[note('x')], { expectedRevision: 'latest' }, 'expectedRevision'],
          [[note('x')], 'any', 'options'],
          ['not a list', undefined, 'events'],
          [[null], undefined, 'events.0'],
          // A sparse array's hole is not an event (it was once skipped, and failed untyped later).
          // eslint-disable-next-line no-sparse-arrays
          [[, note('x')], { expectedRevision: 'any' }, 'events.0'],
          [[{ ...note('x'), eventId: 'not-a-uuid' }], undefined, 'eventId'],
          [[{ ...note('x'), type: '' }], undefined, 'type'],
          [[{ ...note('x'), type: '$stats' }], undefined, 'type'],
          [[{ ...note('x'), schemaVersion: 1.5 }], undefined, 'schemaVersion'],
          [[{ ...note('x'), schemaVersion: 0 }], undefined, 'schemaVersion'],
        ];
        for (const [events, options, argument] of appendCases) {
          const err = await rejectionOf(store.appendToStream(`${p}Arg-2`, bad(events), bad(options)));
          expectInvalidArgument(err, argument);
        }
        expect(await store.streamRevision(`${p}Arg-2`)).toBe('no_stream');
        // Subscriptions refuse bad arguments at the call, before anything runs.
        const subscribeCases: [unknown, unknown, string][] = [
          [{ after: 'middle' }, () => undefined, 'after'],
          [{ after: { commit: -1n, prepare: 0n } }, () => undefined, 'after'],
          [{ filter: { eventTypes: [1] } }, () => undefined, 'filter.eventTypes.0'],
          [{ onCaughtUp: 'yes' }, () => undefined, 'onCaughtUp'],
          [{}, 'not a function', 'handler'],
          [null, () => undefined, 'options'],
        ];
        for (const [options, handler, argument] of subscribeCases) {
          let thrown: unknown;
          try {
            const sub = store.subscribeToAll(bad(options), bad(handler));
            await sub.stop();
          } catch (e) {
            thrown = e;
          }
          expectInvalidArgument(thrown, argument);
        }
      }));

    it('31. no input through the port throws anything but a typed Praxis error (property)', () =>
      withSubject(ctx, async ({ store }, p) => {
        await store.appendToStream(`${p}Prop-1`, notes('p', 2));
        const anyValue = fc.oneof(
          fc.anything({ withBigInt: true, withNullPrototype: true, withSparseArray: true, maxDepth: 3 }),
          fc.string({ unit: 'binary', maxLength: 12 }),
          fc.constantFrom('', '\u0000', '\ud800', '$x', 'any', 'no_stream', 'backwards', -1n, 0n, 2n ** 64n),
        );
        const streamId = fc.oneof(
          fc.constant(`${p}Prop-1`),
          fc.string({ unit: 'binary', maxLength: 8 }).map((s) => `${p}Prop-${s}`),
          anyValue,
        );
        const event = fc.oneof(
          fc.record({
            eventId: fc.oneof(
              fc.uuid(),
              fc.uuid().map((u) => u.toUpperCase()),
              anyValue,
            ),
            type: fc.oneof(fc.constantFrom('ContractNoteTaken', 'ContractPayloadRecorded'), anyValue),
            data: fc.oneof(
              fc.record({ text: fc.string({ unit: 'binary' }) }),
              fc.record({ payload: anyValue }),
              anyValue,
            ),
            metadata: fc.oneof(
              fc.constant(testMetadata()),
              fc.record({
                actor: fc.record({ id: fc.string({ unit: 'binary' }), role: fc.string() }),
                occurredAt: fc.string(),
                extra: anyValue,
              }),
              anyValue,
            ),
            schemaVersion: fc.oneof(fc.constant(undefined), fc.integer({ min: -2, max: 3 }), anyValue),
          }),
          anyValue,
        );
        const typed = async (run: () => Promise<unknown>): Promise<void> => {
          try {
            await run();
          } catch (e) {
            if (!PraxisError.isPraxisError(e))
              throw new Error(`an untyped error escaped the port: ${String(e)}`);
            if (StoreUnavailable.isInstance(e))
              throw new Error(`bad input became StoreUnavailable: ${e.message}`);
          }
        };
        await fc.assert(
          fc.asyncProperty(
            streamId,
            fc.oneof(fc.array(event, { maxLength: 3 }), anyValue),
            fc.oneof(fc.record({ expectedRevision: anyValue }), anyValue),
            anyValue,
            async (id, events, appendOptions, readOptions) => {
              await typed(() =>
                store.appendToStream(id as string, events as NewEvent[], appendOptions as never),
              );
              await typed(() => collect(store.readStream(id as string, readOptions as never)));
              await typed(() => collect(store.readAll(readOptions as never)));
              await typed(() => store.streamRevision(id as string));
              await typed(async () => {
                const sub = store.subscribeToAll(readOptions as never, () => undefined);
                await sub.stop();
              });
            },
          ),
          { numRuns: Number(process.env['PRAXIS_PROPERTY_RUNS'] ?? 60) },
        );
      }));

    it('32. a filtered subscription moves its checkpoint past the events its filter skips', () =>
      withSubject(ctx, async ({ store }, p) => {
        const filter = { streamPrefix: `${p}Rare-` };
        await store.appendToStream(`${p}Rare-0`, [note('rare 0')]);
        const others = await store.appendToStream(`${p}Other-1`, notes('other', 300));
        const checkpoints: Position.Position[] = [];
        const got: RecordedEvent[] = [];
        let caughtUp = false;
        const sub = store.subscribeToAll(
          { filter, onCheckpoint: (c) => checkpoints.push(c), onCaughtUp: () => (caughtUp = true) },
          (e) => {
            got.push(e);
          },
        );
        const lastOther = others.position;
        const passedOthers = () =>
          checkpoints.some((c) => Position.compare(c, lastOther) >= 0) && caughtUp && got.length === 1;
        await withinDeadline(
          (async () => {
            while (!passedOthers()) await new Promise((r) => setTimeout(r, 5));
          })(),
          ctx.deliveryTimeoutMs,
          'a checkpoint at or past the skipped events',
        );
        // Checkpoints only move forwards and never pass an undelivered match.
        for (let i = 1; i < checkpoints.length; i++) {
          expect(Position.compare(checkpoints[i - 1]!, checkpoints[i]!)).toBe(-1);
        }
        const live = note('rare 1');
        await store.appendToStream(`${p}Rare-1`, [live]);
        await withinDeadline(
          (async () => {
            while (got.length < 2) await new Promise((r) => setTimeout(r, 5));
          })(),
          ctx.deliveryTimeoutMs,
          'the live rare event',
        );
        await sub.stop();
        expect(idsOf(got).slice(1)).toEqual([live.eventId]);
        // Resubscribing after the checkpoint loses nothing and re-reads none of the skipped events.
        const resumed = record(ctx, store, { after: checkpoints[checkpoints.length - 1]!, filter });
        await resumed.waitFor(1, p);
        await resumed.subscription.stop();
        expect(idsOf(resumed.events)).toEqual([live.eventId]);
      }));

    it('33. waitForChange wakes a waiter when an event is appended', () =>
      withSubject(ctx, async ({ store }, p) => {
        if (store.waitForChange === undefined) throw new Error('the store has no waitForChange');
        const signal = new AbortController();
        // A timeout far beyond the delivery bound: only the append can end the wait in time.
        const waiting = store.waitForChange(signal.signal, 10 * ctx.deliveryTimeoutMs);
        await new Promise((r) => setTimeout(r, 20));
        await store.appendToStream(`${p}Wake-1`, [note('wake')]);
        try {
          await withinDeadline(waiting, ctx.deliveryTimeoutMs, 'the wake-up after an append');
        } finally {
          signal.abort();
        }
        // Aborting ends a wait at once.
        const aborted = new AbortController();
        const stopped = store.waitForChange(aborted.signal, 10 * ctx.deliveryTimeoutMs);
        aborted.abort();
        await withinDeadline(stopped, ctx.deliveryTimeoutMs, 'the aborted wait');
      }));
  });
};
