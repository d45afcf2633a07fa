import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { NonEmptyString, PositiveInt, defineEvents } from './codecs/index.js';
import { defineProjection } from './define-projection.js';
import { foldProjections, type Json } from './projection.js';
import type { RecordedEvent } from './envelope.js';
import * as Position from './position.js';

const events = defineEvents({
  LotReceived: t.type({ lotId: NonEmptyString, quantity: PositiveInt }),
  LotConsumed: t.type({ lotId: NonEmptyString, quantity: PositiveInt }),
  LotLabelPrinted: t.type({ lotId: NonEmptyString }),
});

const recorded = (n: number, type: string, data: unknown): RecordedEvent => ({
  eventId: `e${n}`,
  streamId: 'Lot-1',
  revision: BigInt(n),
  position: Position.make(BigInt(n)),
  type,
  schemaVersion: 1,
  data,
  metadata: {
    actor: { id: 'a', role: 'r' },
    occurredAt: '2026-01-01T00:00:00Z',
    correlationId: 'c',
    causationId: 'c',
    recordedAt: '2026-01-01T00:00:00Z',
  },
  prevHash: '',
  hash: '',
});

const onHand = defineProjection({
  name: 'on-hand',
  version: 1,
  events: [events],
  handlers: {
    // `e.data` is typed from the codec: quantity is a number here.
    LotReceived: (e) => [
      { key: e.data.lotId, update: (n) => ((n as number | undefined) ?? 0) + e.data.quantity },
    ],
    LotConsumed: (e) => [
      { key: e.data.lotId, update: (n) => ((n as number | undefined) ?? 0) - e.data.quantity },
    ],
    LotLabelPrinted: 'ignored',
  },
});

describe('defineProjection: a read model with a typed handler per event type', () => {
  it('subscribes to the handled types only and folds them', async () => {
    expect(onHand.eventTypes).toEqual(['LotReceived', 'LotConsumed']);
    const model = foldProjections(
      [onHand],
      [
        recorded(0, 'LotReceived', { lotId: 'L1', quantity: 10 }),
        recorded(1, 'LotLabelPrinted', { lotId: 'L1' }),
        recorded(2, 'LotConsumed', { lotId: 'L1', quantity: 3 }),
      ],
    );
    expect(await model.get('on-hand', 'L1')).toBe(7 as Json);
  });
});
