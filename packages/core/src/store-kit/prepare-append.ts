import type { EventRegistry } from '../codecs/registry.js';
import type { EventMetadata, NewEvent } from '../envelope.js';
import { DuplicateEventId } from '../errors/duplicate-event-id.js';
import { EventDataInvalid } from '../errors/event-data-invalid.js';
import { InvalidArgument } from '../errors/invalid-argument.js';
import { UnknownEventType } from '../errors/unknown-event-type.js';
import { newEventId } from '../ids.js';
import type { ExpectedRevision } from '../event-store.js';
import {
  canonicalEventId,
  checkAppendOptions,
  checkEventType,
  checkStreamId,
  describeValue,
  unstorableText,
} from './arguments.js';

/** An event checked and ready to store: ids filled, data validated, metadata completed. */
export interface PreparedEvent {
  /** Canonical form: a lower-case uuid. */
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What every adapter does before writing: check the stream id, give each event an id (its
 * canonical lower-case form), validate its data against the registry (when one is given), check
 * that every string of data and metadata can be stored by every backend, stamp `recordedAt`,
 * default correlation and causation ids, and refuse an id repeated inside the batch. Throws
 * (InvalidArgument, UnknownEventType, EventDataInvalid, DuplicateEventId) before anything is written.
 */
export const prepareAppend = (
  streamId: string,
  events: readonly NewEvent[],
  registry: EventRegistry | undefined,
  recordedAt: string,
): PreparedEvent[] => {
  checkStreamId(streamId);
  if (!Array.isArray(events)) throw new InvalidArgument('events', 'must be an array of events');
  const seen = new Set<string>();
  // Array.from visits the holes of a sparse array (map would skip them and leave holes behind).
  return Array.from(events as readonly unknown[], (e: unknown, i) => {
    if (!isRecord(e)) throw new InvalidArgument(`events.${i}`, 'must be an event object');
    const ne = e as unknown as NewEvent;
    const eventId = ne.eventId === undefined ? newEventId() : canonicalEventId(ne.eventId);
    if (seen.has(eventId)) throw new DuplicateEventId(eventId, streamId, 'repeated-in-batch');
    seen.add(eventId);
    const type = checkEventType(ne.type);
    const sv = ne.schemaVersion as unknown;
    if (
      sv !== undefined &&
      (typeof sv !== 'number' || !Number.isInteger(sv) || sv < 1 || sv > 2_147_483_647)
    ) {
      throw new InvalidArgument(
        'schemaVersion',
        `${describeValue(sv)} is not an integer from 1 to 2147483647`,
      );
    }
    let data = ne.data;
    let schemaVersion = ne.schemaVersion ?? 1;
    if (registry !== undefined) {
      if (!registry.has(type)) throw new UnknownEventType(type);
      const encoded = registry.encode(type, ne.data);
      if (encoded._tag === 'Left') throw new EventDataInvalid(type, encoded.left.field, encoded.left.reason);
      data = encoded.right;
      schemaVersion = ne.schemaVersion ?? registry.version(type) ?? 1;
    }
    assertJson(type, data, '');
    const m = ne.metadata as unknown;
    if (!isRecord(m))
      throw new EventDataInvalid(type, 'metadata', 'must be an object with actor and occurredAt');
    const actor = m['actor'];
    if (!isRecord(actor) || typeof actor['id'] !== 'string' || typeof actor['role'] !== 'string') {
      throw new EventDataInvalid(type, 'metadata.actor', 'must be { id, role }');
    }
    if (typeof m['occurredAt'] !== 'string')
      throw new EventDataInvalid(type, 'metadata.occurredAt', 'must be an ISO instant');
    for (const key of ['correlationId', 'causationId', 'commandId'] as const) {
      if (m[key] !== undefined && typeof m[key] !== 'string')
        throw new EventDataInvalid(type, `metadata.${key}`, 'must be a string');
    }
    assertJson(type, m, 'metadata');
    const given = m as unknown as NewEvent['metadata'];
    const metadata: EventMetadata = {
      ...given,
      correlationId: given.correlationId ?? eventId,
      causationId: given.causationId ?? given.correlationId ?? eventId,
      recordedAt,
    };
    return { eventId, type, schemaVersion, data, metadata };
  });
};

const keyPath = (path: string, key: string): string => {
  const shown = unstorableText(key) === undefined ? key : JSON.stringify(key);
  return path === '' ? shown : `${path}.${shown}`;
};

/** Deepest nesting of objects and arrays in data or metadata (every backend parses this deep). */
export const maxDepth = 100;

/**
 * Data must survive JSON, and every backend, exactly: no bigint, functions, NaN, class instances
 * other than plain objects, nesting at most `maxDepth` deep — and no string (value or key) holding U+0000 or a lone surrogate,
 * which PostgreSQL's jsonb cannot store. Throws EventDataInvalid naming the field.
 */
const assertJson = (type: string, v: unknown, path: string, depth = 0): void => {
  if (depth > maxDepth) {
    throw new EventDataInvalid(type, path, `nests deeper than ${maxDepth} levels (or refers to itself)`);
  }
  switch (typeof v) {
    case 'string': {
      const bad = unstorableText(v);
      if (bad !== undefined) throw new EventDataInvalid(type, path, `is a string that ${bad}`);
      return;
    }
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(v)) throw new EventDataInvalid(type, path, 'must be a finite number');
      return;
    case 'object':
      if (v === null) return;
      if (Array.isArray(v)) {
        v.forEach((x, i) => assertJson(type, x, path === '' ? String(i) : `${path}.${i}`, depth + 1));
        return;
      }
      if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) {
        throw new EventDataInvalid(type, path, 'must be plain JSON (no class instances such as Date)');
      }
      for (const [k, x] of Object.entries(v)) {
        const bad = unstorableText(k);
        if (bad !== undefined) throw new EventDataInvalid(type, keyPath(path, k), `has a key that ${bad}`);
        if (x !== undefined) assertJson(type, x, keyPath(path, k), depth + 1);
      }
      return;
    case 'bigint':
      throw new EventDataInvalid(type, path, 'is a bigint; store large integers as strings');
    default:
      throw new EventDataInvalid(type, path, `is a ${typeof v}, which JSON cannot hold`);
  }
};

/**
 * The whole argument check of `appendToStream`, in the order every store runs it: the stream
 * id, the events (see `prepareAppend`), then the options' expected revision.
 */
export const prepareAppendCall = (
  streamId: string,
  events: readonly NewEvent[],
  options: unknown,
  registry: EventRegistry | undefined,
  recordedAt: string,
): { expected: ExpectedRevision; prepared: PreparedEvent[] } => {
  const prepared = prepareAppend(streamId, events, registry, recordedAt);
  const { expectedRevision } = checkAppendOptions(options);
  return { expected: expectedRevision, prepared };
};
