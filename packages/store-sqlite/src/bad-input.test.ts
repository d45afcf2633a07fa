import { afterEach, describe, expect, it } from 'vitest';
import {
  EventDataInvalid,
  EventDecodeFailed,
  WrongExpectedRevision,
  collect,
  newEventId,
  verifyChain,
} from '@praxis/core';
import { note, testMetadata, testRegistry } from '@praxis/testing';
import { sqliteEventStore, type SqliteEventStore } from './sqlite-event-store.js';
import { insertRawEvent } from './testing/hooks.js';
import { tempDatabase } from './testing/temp-file.js';

let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});
const fresh = (): SqliteEventStore => {
  const t = tempDatabase();
  const store = sqliteEventStore({ path: t.path, registry: testRegistry });
  cleanup.push(t.remove, () => store.close());
  return store;
};
const errorOf = async (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('bad input', () => {
  it('an event whose data fails its codec: EventDataInvalid naming the type and the field, nothing written', async () => {
    const store = fresh();
    await store.appendToStream('Note-1', [note('fine')]);
    const head = await store.headPosition();
    const error = await errorOf(
      store.appendToStream('Note-1', [
        note('would be fine'),
        { type: 'ContractNoteTaken', data: { text: ['not', 'text'] }, metadata: testMetadata() },
      ]),
    );
    expect(EventDataInvalid.isInstance(error), String(error)).toBe(true);
    expect((error as EventDataInvalid).eventType).toBe('ContractNoteTaken');
    expect((error as EventDataInvalid).field).toBe('text');
    expect(await store.headPosition()).toEqual(head);
    expect(await store.streamRevision('Note-1')).toBe(0n);
  });

  it('a stored row that is not JSON: EventDecodeFailed naming stream, revision and type on read', async () => {
    const store = fresh();
    await store.appendToStream('Note-1', [note('before')]);
    insertRawEvent(store, {
      eventId: newEventId(),
      streamId: 'Note-1',
      type: 'ContractNoteTaken',
      data: '{"text": "cut off',
    });
    const error = await errorOf(collect(store.readStream('Note-1')));
    expect(EventDecodeFailed.isInstance(error), String(error)).toBe(true);
    const e = error as EventDecodeFailed;
    expect([e.streamId, e.revision, e.eventType]).toEqual(['Note-1', 1n, 'ContractNoteTaken']);
    expect(e.message).toMatch(/not JSON/);
    // Chain verification reports it as unreadable at that position, rather than crashing.
    const chain = await verifyChain(store);
    expect(chain._tag === 'Broken' && chain.reason === 'unreadable' && chain.revision === 1n).toBe(true);
  });

  it('a stored row of an unknown type or a future schema version fails to decode, naming it', async () => {
    const store = fresh();
    insertRawEvent(store, { eventId: newEventId(), streamId: 'Odd-1', type: 'NoSuchEvent', data: '{}' });
    insertRawEvent(store, {
      eventId: newEventId(),
      streamId: 'Odd-2',
      type: 'ContractNoteTaken',
      schemaVersion: 7,
      data: '{"text":"from a later version"}',
    });
    const unknown = await errorOf(collect(store.readStream('Odd-1')));
    expect(EventDecodeFailed.isInstance(unknown) && unknown.eventType === 'NoSuchEvent').toBe(true);
    const future = await errorOf(collect(store.readStream('Odd-2')));
    expect(EventDecodeFailed.isInstance(future) && future.message.includes('version 7')).toBe(true);
    // Read as stored (what verifyChain does), both rows come back untouched.
    const raw = await collect(store.readAll({ asStored: true }));
    expect(raw.map((r) => [r.type, r.schemaVersion])).toEqual([
      ['NoSuchEvent', 1],
      ['ContractNoteTaken', 7],
    ]);
  });

  it('a wrong expected revision: WrongExpectedRevision with the actual revision', async () => {
    const store = fresh();
    await store.appendToStream('Note-1', [note('a'), note('b')]);
    for (const [expected, actual] of [
      [0n, 1n],
      ['no_stream', 1n],
    ] as const) {
      const error = await errorOf(
        store.appendToStream('Note-1', [note('c')], { expectedRevision: expected }),
      );
      expect(WrongExpectedRevision.isInstance(error), String(error)).toBe(true);
      expect([(error as WrongExpectedRevision).expected, (error as WrongExpectedRevision).actual]).toEqual([
        expected,
        actual,
      ]);
    }
    const missing = await errorOf(
      store.appendToStream('Note-2', [note('x')], { expectedRevision: 'stream_exists' }),
    );
    expect(WrongExpectedRevision.isInstance(missing) && missing.actual === 'no_stream').toBe(true);
  });
});
