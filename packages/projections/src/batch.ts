import type { Json, ParkedEvent, Projection, RecordedEvent } from '@praxis/core';

/**
 * The documents one engine batch has touched, loaded on first use from the slot being built.
 * Each event is applied to a staging copy first, so an event whose handler or update throws
 * leaves no partial change behind: it is parked instead.
 */
export interface Batch {
  /** Applies one event; returns the reason when the event had to be parked. */
  apply(event: RecordedEvent): Promise<string | undefined>;
  /** The documents to write (changed ones only); `undefined` deletes. */
  readonly changes: ReadonlyMap<string, Json | undefined>;
}

/** Starts a batch over the documents `load` reads (the slot's current contents). */
export const makeBatch = (
  projection: Projection,
  load: (key: string) => Promise<Json | undefined>,
): Batch => {
  const loaded = new Map<string, Json | undefined>();
  const changes = new Map<string, Json | undefined>();
  const current = async (key: string): Promise<Json | undefined> => {
    if (changes.has(key)) return changes.get(key);
    if (loaded.has(key)) return loaded.get(key);
    const doc = await load(key);
    loaded.set(key, doc);
    return doc;
  };
  return {
    changes,
    apply: async (event) => {
      const staged = new Map<string, Json | undefined>();
      try {
        const updates = projection.handle(event);
        if (!Array.isArray(updates)) return `handle returned ${typeof updates}, not a list of updates`;
        for (const u of updates) {
          if (typeof u?.key !== 'string' || typeof u.update !== 'function') {
            return 'handle returned an update without a string key and an update function';
          }
          const before = staged.has(u.key) ? staged.get(u.key) : await current(u.key);
          const after = u.update(before);
          if (after !== undefined) {
            const problem = notJson(after, '');
            if (problem !== undefined) return `document ${u.key}: ${problem}`;
          }
          staged.set(u.key, after);
        }
      } catch (err) {
        return err instanceof Error ? `${err.name}: ${err.message}` : `threw ${String(err)}`;
      }
      for (const [k, v] of staged) changes.set(k, v);
      return undefined;
    },
  };
};

/** Why a value cannot be stored as a JSON document, or undefined when it can. */
const notJson = (v: unknown, path: string): string | undefined => {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(v) ? undefined : `${path || 'value'} is not a finite number`;
    case 'object': {
      if (v === null) return undefined;
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) {
          const p = notJson(v[i], `${path}[${i}]`);
          if (p !== undefined) return p;
        }
        return undefined;
      }
      const proto = Object.getPrototypeOf(v) as unknown;
      if (proto !== Object.prototype && proto !== null) return `${path || 'value'} is not plain JSON`;
      for (const [k, x] of Object.entries(v)) {
        if (x === undefined) continue;
        const p = notJson(x, path === '' ? k : `${path}.${k}`);
        if (p !== undefined) return p;
      }
      return undefined;
    }
    default:
      return `${path || 'value'} is a ${typeof v}, which JSON cannot hold`;
  }
};

/** A parked-event record for an event the projection could not handle. */
export const parkedEvent = (
  slot: string,
  event: Pick<RecordedEvent, 'position' | 'streamId' | 'revision' | 'type' | 'eventId'>,
  reason: string,
  at: Date,
): ParkedEvent => ({
  slot,
  position: event.position,
  streamId: event.streamId,
  revision: event.revision,
  type: event.type,
  eventId: event.eventId,
  reason,
  parkedAt: at.toISOString(),
});
