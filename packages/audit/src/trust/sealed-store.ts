import {
  newEventId,
  type AppendOptions,
  type AppendResult,
  type EventRegistry,
  type EventStore,
  type NewEvent,
} from '@praxis/core';
import type { TrustKey } from './key.js';
import { sealKey, sealOf } from './seal.js';

/**
 * The store, with every appended event sealed under `key` (HMAC-SHA-256 in `metadata.seal`) before
 * it reaches the database. Ids and correlation defaults are assigned here, exactly as the store
 * would, so the seal covers what is stored; `registry` (the store's) encodes data the same way.
 * A retry with the same event ids produces the same seals, so idempotent appends stay idempotent.
 *
 * @example
 * const store = sealedStore(sqliteEventStore({ path }), loadTrustKey({ file: 'trust.key' })!, registry);
 */
export const sealedStore = <S extends EventStore>(
  inner: S,
  key: Pick<TrustKey, 'keyId' | 'mac'>,
  registry?: EventRegistry,
): S => {
  const seal = (streamId: string, events: readonly NewEvent[]): NewEvent[] =>
    events.map((e) => {
      // Malformed input is left for the store to refuse with its typed error.
      if (e === null || typeof e !== 'object' || e.metadata === null || typeof e.metadata !== 'object')
        return e;
      // The store keeps the canonical (lower-case) id: seal that one.
      const eventId = typeof e.eventId === 'string' ? e.eventId.toLowerCase() : (e.eventId ?? newEventId());
      const m = e.metadata;
      const metadata = {
        ...m,
        correlationId: m.correlationId ?? eventId,
        causationId: m.causationId ?? m.correlationId ?? eventId,
      };
      let data = e.data;
      if (registry !== undefined && typeof e.type === 'string' && registry.has(e.type)) {
        const encoded = registry.encode(e.type, e.data);
        if (encoded._tag === 'Left') return e;
        data = encoded.right;
      }
      let stamped: string;
      try {
        // JSON round trip: the seal covers what a reader will parse back.
        stamped = sealOf(key, {
          eventId,
          streamId,
          type: e.type,
          data: JSON.parse(JSON.stringify(data ?? null)) as unknown,
          metadata: JSON.parse(JSON.stringify(metadata)) as typeof metadata,
        });
      } catch {
        return e; // not JSON (bigint, cycles): the store refuses it with its typed error
      }
      return { ...e, eventId, metadata: { ...metadata, [sealKey]: stamped } };
    });
  const appendToStream = (
    streamId: string,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult> =>
    inner.appendToStream(
      streamId,
      Array.isArray(events) && typeof streamId === 'string' ? seal(streamId, events) : events,
      options,
    );
  return new Proxy(inner, {
    get: (target, prop, receiver) =>
      prop === 'appendToStream' ? appendToStream : (Reflect.get(target, prop, receiver) as unknown),
  });
};
