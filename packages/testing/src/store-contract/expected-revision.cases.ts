import { describe, expect, it } from 'vitest';
import {
  DuplicateEventId,
  EventDataInvalid,
  Position,
  UnknownEventType,
  WrongExpectedRevision,
  collect,
  type EventStore,
  type ExpectedRevision,
  type StreamRevision,
} from '@praxis/core';
import {
  expectStrictlyIncreasing,
  rejectionOf,
  revisionsOf,
  withSubject,
  type ContractContext,
} from './harness.js';
import { note, notes, testMetadata } from './test-events.js';

/** Asserts a WrongExpectedRevision naming the stream, the expectation and the actual revision. */
export const expectWrongRevision = (
  err: unknown,
  streamId: string,
  expected: ExpectedRevision,
  actual: StreamRevision,
): void => {
  expect(WrongExpectedRevision.isInstance(err), `expected WrongExpectedRevision, got ${String(err)}`).toBe(
    true,
  );
  const e = err as WrongExpectedRevision;
  expect(e.streamId).toBe(streamId);
  expect(e.expected).toBe(expected);
  expect(e.actual).toBe(actual);
};

const textsOf = async (store: EventStore, streamId: string): Promise<string[]> =>
  (await collect(store.readStream(streamId))).map((e) => (e.data as { text: string }).text);

/** Cases 1–8: expected revision. */
export const expectedRevisionCases = (ctx: ContractContext): void => {
  describe('expected revision', () => {
    it('1. no_stream on a new stream appends revisions 0..n-1 and returns global positions', () =>
      withSubject(ctx, async ({ store }, p) => {
        const id = `${p}Note-1`;
        const r = await store.appendToStream(id, notes('a', 3), { expectedRevision: 'no_stream' });
        expect(r.nextExpectedRevision).toBe(2n);
        expect(r.positions).toHaveLength(3);
        expect(Position.equals(r.position, r.positions[2]!)).toBe(true);
        const read = await collect(store.readStream(id));
        expect(revisionsOf(read)).toEqual([0n, 1n, 2n]);
        expect(read.map((e) => Position.toString(e.position))).toEqual(r.positions.map(Position.toString));
        expectStrictlyIncreasing(read);
        expect(await store.streamRevision(id)).toBe(2n);
      }));

    it('2. no_stream on an existing stream fails with WrongExpectedRevision carrying the actual revision', () =>
      withSubject(ctx, async ({ store }, p) => {
        const id = `${p}Note-1`;
        await store.appendToStream(id, notes('a', 2), { expectedRevision: 'no_stream' });
        const err = await rejectionOf(
          store.appendToStream(id, [note('x')], { expectedRevision: 'no_stream' }),
        );
        expectWrongRevision(err, id, 'no_stream', 1n);
        expect(await textsOf(store, id)).toEqual(['a-0', 'a-1']);
      }));

    it('3. stream_exists fails on a missing stream (actual: no stream) and appends on an existing one', () =>
      withSubject(ctx, async ({ store }, p) => {
        const id = `${p}Note-1`;
        const err = await rejectionOf(
          store.appendToStream(id, [note('x')], { expectedRevision: 'stream_exists' }),
        );
        expectWrongRevision(err, id, 'stream_exists', 'no_stream');
        expect(await store.streamRevision(id)).toBe('no_stream');
        await store.appendToStream(id, [note('a')], { expectedRevision: 'no_stream' });
        const r = await store.appendToStream(id, [note('b')], { expectedRevision: 'stream_exists' });
        expect(r.nextExpectedRevision).toBe(1n);
        expect(await textsOf(store, id)).toEqual(['a', 'b']);
      }));

    it('4. an exact revision appends when equal; too high or too low fails with the actual revision', () =>
      withSubject(ctx, async ({ store }, p) => {
        const id = `${p}Note-1`;
        await store.appendToStream(id, notes('a', 3), { expectedRevision: 'no_stream' });
        expectWrongRevision(
          await rejectionOf(store.appendToStream(id, [note('high')], { expectedRevision: 3n })),
          id,
          3n,
          2n,
        );
        expectWrongRevision(
          await rejectionOf(store.appendToStream(id, [note('low')], { expectedRevision: 1n })),
          id,
          1n,
          2n,
        );
        const r = await store.appendToStream(id, [note('ok')], { expectedRevision: 2n });
        expect(r.nextExpectedRevision).toBe(3n);
        expect(await textsOf(store, id)).toEqual(['a-0', 'a-1', 'a-2', 'ok']);
      }));

    it('5. an exact revision on a missing stream fails with actual: no stream', () =>
      withSubject(ctx, async ({ store }, p) => {
        const id = `${p}Note-1`;
        for (const expected of [0n, 4n]) {
          const err = await rejectionOf(
            store.appendToStream(id, [note('x')], { expectedRevision: expected }),
          );
          expectWrongRevision(err, id, expected, 'no_stream');
        }
        expect(await store.streamRevision(id)).toBe('no_stream');
      }));

    it('6. any always appends (to a missing stream and to an existing one, and by default)', () =>
      withSubject(ctx, async ({ store }, p) => {
        const id = `${p}Note-1`;
        expect(
          (await store.appendToStream(id, [note('a')], { expectedRevision: 'any' })).nextExpectedRevision,
        ).toBe(0n);
        expect(
          (await store.appendToStream(id, [note('b')], { expectedRevision: 'any' })).nextExpectedRevision,
        ).toBe(1n);
        expect((await store.appendToStream(id, [note('c')])).nextExpectedRevision).toBe(2n);
        expect(await textsOf(store, id)).toEqual(['a', 'b', 'c']);
      }));

    it('7. a batch is atomic: if it fails, none of its events is stored', () =>
      withSubject(ctx, async ({ store }, p) => {
        const id = `${p}Note-1`;
        const other = `${p}Note-2`;
        // Invalid data in the third event of a new stream.
        const invalid = [
          note('a'),
          note('b'),
          { type: 'ContractNoteTaken', data: { text: 42 }, metadata: testMetadata() },
        ];
        const err = await rejectionOf(store.appendToStream(id, invalid, { expectedRevision: 'no_stream' }));
        expect(EventDataInvalid.isInstance(err), String(err)).toBe(true);
        expect((err as EventDataInvalid).field).toBe('text');
        expect(await store.streamRevision(id)).toBe('no_stream');
        // An event type the registry does not know.
        const unknown = [note('a'), { type: 'ContractNoSuchEvent', data: {}, metadata: testMetadata() }];
        const unknownErr = await rejectionOf(store.appendToStream(id, unknown));
        expect(UnknownEventType.isInstance(unknownErr), String(unknownErr)).toBe(true);
        expect((unknownErr as UnknownEventType).eventType).toBe('ContractNoSuchEvent');
        expect(await store.streamRevision(id)).toBe('no_stream');
        // A conflict on an existing stream.
        await store.appendToStream(id, [note('first')], { expectedRevision: 'no_stream' });
        await rejectionOf(store.appendToStream(id, notes('late', 3), { expectedRevision: 5n }));
        // The last event's id is already used by another stream.
        const taken = note('elsewhere');
        await store.appendToStream(other, [taken]);
        const dup = await rejectionOf(store.appendToStream(id, [note('c'), note('d'), { ...taken }]));
        expect(DuplicateEventId.isInstance(dup), String(dup)).toBe(true);
        expect(await textsOf(store, id)).toEqual(['first']);
        expect(await store.streamRevision(id)).toBe(0n);
      }));

    it('8. an empty append still runs the expected-revision check', () =>
      withSubject(ctx, async ({ store }, p) => {
        const id = `${p}Note-1`;
        expectWrongRevision(
          await rejectionOf(store.appendToStream(id, [], { expectedRevision: 'stream_exists' })),
          id,
          'stream_exists',
          'no_stream',
        );
        expectWrongRevision(
          await rejectionOf(store.appendToStream(id, [], { expectedRevision: 0n })),
          id,
          0n,
          'no_stream',
        );
        const none = await store.appendToStream(id, [], { expectedRevision: 'no_stream' });
        expect(none.nextExpectedRevision).toBe('no_stream');
        expect(none.positions).toEqual([]);
        expect(await store.streamRevision(id)).toBe('no_stream');

        const written = await store.appendToStream(id, notes('a', 2), { expectedRevision: 'no_stream' });
        expectWrongRevision(
          await rejectionOf(store.appendToStream(id, [], { expectedRevision: 'no_stream' })),
          id,
          'no_stream',
          1n,
        );
        expectWrongRevision(
          await rejectionOf(store.appendToStream(id, [], { expectedRevision: 0n })),
          id,
          0n,
          1n,
        );
        const same = await store.appendToStream(id, [], { expectedRevision: 1n });
        expect(same.nextExpectedRevision).toBe(1n);
        expect(same.positions).toEqual([]);
        expect(Position.equals(same.position, written.position)).toBe(true);
        expect(await store.streamRevision(id)).toBe(1n);
      }));
  });
};
