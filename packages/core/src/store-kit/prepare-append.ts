import type { EventRegistry } from '../codecs/registry.js';
import type { EventMetadata, NewEvent } from '../envelope.js';
import { DuplicateEventId } from '../errors/duplicate-event-id.js';
import { EventDataInvalid } from '../errors/event-data-invalid.js';
import { InvalidArgument } from '../errors/invalid-argument.js';
import { UnknownEventType } from '../errors/unknown-event-type.js';
import { newEventId } from '../ids.js';

/** An event checked and ready to store: ids filled, data validated, metadata completed. */
export interface PreparedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What every adapter does before writing: give each event an id, validate its data against
 * the registry (when one is given), stamp `recordedAt`, default correlation and causation
 * ids, and refuse an id repeated inside the batch. Throws before anything is written.
 */
export const prepareAppend = (
  streamId: string,
  events: readonly NewEvent[],
  registry: EventRegistry | undefined,
  recordedAt: string,
): PreparedEvent[] => {
  if (typeof streamId !== 'string' || streamId.length === 0) {
    throw new InvalidArgument('streamId', 'must be a non-empty string');
  }
  const seen = new Set<string>();
  return events.map((e) => {
    const eventId = e.eventId ?? newEventId();
    if (!uuid.test(eventId)) throw new InvalidArgument('eventId', `"${eventId}" is not a uuid`);
    if (seen.has(eventId)) throw new DuplicateEventId(eventId, streamId, 'repeated-in-batch');
    seen.add(eventId);
    if (typeof e.type !== 'string' || e.type.length === 0)
      throw new InvalidArgument('type', 'must be a non-empty string');
    let data = e.data;
    let schemaVersion = e.schemaVersion ?? 1;
    if (registry !== undefined) {
      if (!registry.has(e.type)) throw new UnknownEventType(e.type);
      const encoded = registry.encode(e.type, e.data);
      if (encoded._tag === 'Left')
        throw new EventDataInvalid(e.type, encoded.left.field, encoded.left.reason);
      data = encoded.right;
      schemaVersion = e.schemaVersion ?? registry.version(e.type) ?? 1;
    }
    assertJson(e.type, data, '');
    const m = e.metadata;
    if (m === undefined || typeof m.actor?.id !== 'string' || typeof m.actor?.role !== 'string') {
      throw new EventDataInvalid(e.type, 'metadata.actor', 'must be { id, role }');
    }
    if (typeof m.occurredAt !== 'string')
      throw new EventDataInvalid(e.type, 'metadata.occurredAt', 'must be an ISO instant');
    assertJson(e.type, m, 'metadata');
    const metadata: EventMetadata = {
      ...m,
      correlationId: m.correlationId ?? eventId,
      causationId: m.causationId ?? m.correlationId ?? eventId,
      recordedAt,
    };
    return { eventId, type: e.type, schemaVersion, data, metadata };
  });
};

/** Data must survive JSON exactly: no bigint, functions, NaN, or class instances other than plain objects. */
const assertJson = (type: string, v: unknown, path: string): void => {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(v)) throw new EventDataInvalid(type, path, 'must be a finite number');
      return;
    case 'object':
      if (v === null) return;
      if (Array.isArray(v)) {
        v.forEach((x, i) => assertJson(type, x, path === '' ? String(i) : `${path}.${i}`));
        return;
      }
      if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) {
        throw new EventDataInvalid(type, path, 'must be plain JSON (no class instances such as Date)');
      }
      for (const [k, x] of Object.entries(v))
        if (x !== undefined) assertJson(type, x, path === '' ? k : `${path}.${k}`);
      return;
    case 'bigint':
      throw new EventDataInvalid(type, path, 'is a bigint; store large integers as strings');
    default:
      throw new EventDataInvalid(type, path, `is a ${typeof v}, which JSON cannot hold`);
  }
};
