import * as t from 'io-ts';
import { defineEvents, newEventId, type EventOf, type NewEvent, type NewEventMetadata } from '@praxis/core';

/**
 * The events the store contract suite writes. Adapters receive this registry from the suite's
 * factory call; their own tests may reuse it and the builders below.
 *
 * Type names start with `Contract` so they cannot clash with a practice event type.
 */
export const testEvents = defineEvents({
  /** A short note: the event most cases append. */
  ContractNoteTaken: t.type({ text: t.string }),
  /** A counter step, used by filters (a second event type). */
  ContractCounterIncremented: t.type({ by: t.number }),
  /** Any JSON payload, for the round-trip case (18). */
  ContractPayloadRecorded: t.type({ payload: t.unknown }),
  /** One event of a numbered batch, for the crash case (27): a batch is complete or absent. */
  ContractBatchItemWritten: t.type({ batchId: t.string, index: t.number, size: t.number }),
});

/** The registry the suite hands to every factory (same object as `testEvents`). */
export const testRegistry = testEvents;

/** The union of contract test events. */
export type TestEvent = EventOf<typeof testEvents>;

/** The actor every contract event is recorded under, unless a case says otherwise. */
export const testActor = { id: 'contract-suite', role: 'system' } as const;

/** Fixed business time of contract events. */
export const testOccurredAt = '2026-03-02T09:30:00.000+01:00';

/** Metadata for a contract event; pass overrides for correlation, causation or actor. */
export const testMetadata = (overrides: Partial<NewEventMetadata> = {}): NewEventMetadata => ({
  actor: testActor,
  occurredAt: testOccurredAt,
  ...overrides,
});

/**
 * A `ContractNoteTaken` event with a fresh event id.
 *
 * @example
 * await store.appendToStream('Note-1', [note('a'), note('b')], { expectedRevision: 'no_stream' });
 */
export const note = (text: string, eventId: string = newEventId()): NewEvent => ({
  eventId,
  type: 'ContractNoteTaken',
  data: { text },
  metadata: testMetadata(),
});

/** A `ContractCounterIncremented` event with a fresh event id. */
export const increment = (by: number, eventId: string = newEventId()): NewEvent => ({
  eventId,
  type: 'ContractCounterIncremented',
  data: { by },
  metadata: testMetadata(),
});

/** `count` notes named `${label}-0`, `${label}-1`, … */
export const notes = (label: string, count: number): NewEvent[] =>
  Array.from({ length: count }, (_, i) => note(`${label}-${i}`));

/** The events of one crash-workload batch: `size` items sharing `batchId`. */
export const batchItems = (batchId: string, size: number): NewEvent[] =>
  Array.from({ length: size }, (_, index) => ({
    eventId: newEventId(),
    type: 'ContractBatchItemWritten',
    data: { batchId, index, size },
    metadata: testMetadata({ correlationId: batchId }),
  }));
