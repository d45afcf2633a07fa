import type { DocUpdate, Json, ParkedEvent, Projection, RecordedEvent } from '@praxis/core';

/**
 * The documents one engine batch has touched. Each event's updates are applied to a staging
 * copy first, so an event whose handler or update throws leaves no partial change behind: it is
 * parked instead. Documents not yet known are loaded (all of one event's at once) before its
 * updates run, so a batch over cached documents runs without waiting.
 */
export interface Batch {
  /** Applies one event; the reason when the event had to be parked (a promise when it had to load). */
  apply(event: RecordedEvent): string | undefined | Promise<string | undefined>;
  /** The documents to write (changed ones only); `undefined` deletes. */
  readonly changes: ReadonlyMap<string, Json | undefined>;
  /** Documents read from the store during the batch (unchanged ones included). */
  readonly loaded: ReadonlyMap<string, Json | undefined>;
}

/** Documents the runner already knows (the slot's current contents), by key. */
export interface DocCache {
  lookup(key: string): { readonly doc: Json | undefined } | undefined;
}

/** Starts a batch over a slot's documents: `cache` first, then `load` from the store. */
export const makeBatch = (
  projection: Projection,
  cache: DocCache,
  load: (key: string) => Promise<Json | undefined>,
): Batch => {
  const loaded = new Map<string, Json | undefined>();
  const changes = new Map<string, Json | undefined>();
  const known = (key: string) => changes.has(key) || loaded.has(key);
  const current = (key: string): Json | undefined => {
    if (changes.has(key)) return changes.get(key);
    if (loaded.has(key)) return loaded.get(key);
    return cache.lookup(key)?.doc;
  };

  // One event's staged documents, in two small arrays reused for every event (an event touches
  // few documents): no allocation per event. `run` is synchronous, so reuse is safe.
  const keys: string[] = [];
  const docs: (Json | undefined)[] = [];
  const run = (updates: readonly DocUpdate[]): string | undefined => {
    keys.length = 0;
    docs.length = 0;
    try {
      for (const u of updates) {
        const i = keys.indexOf(u.key);
        const after = u.update(i >= 0 ? docs[i] : current(u.key));
        if (after !== undefined) {
          const problem = notJson(after, '');
          if (problem !== undefined) return `document ${u.key}: ${problem}`;
        }
        if (i >= 0) docs[i] = after;
        else {
          keys.push(u.key);
          docs.push(after);
        }
      }
    } catch (err) {
      return thrown(err);
    }
    for (let i = 0; i < keys.length; i++) changes.set(keys[i]!, docs[i]);
    return undefined;
  };

  return {
    changes,
    loaded,
    apply: (event) => {
      let updates: readonly DocUpdate[];
      try {
        updates = projection.handle(event);
      } catch (err) {
        return thrown(err);
      }
      if (!Array.isArray(updates)) return `handle returned ${typeof updates}, not a list of updates`;
      let missing: string[] | undefined;
      for (const u of updates) {
        if (typeof u?.key !== 'string' || typeof u.update !== 'function') {
          return 'handle returned an update without a string key and an update function';
        }
        if (!known(u.key) && cache.lookup(u.key) === undefined) (missing ??= []).push(u.key);
      }
      if (missing === undefined) return run(updates);
      return Promise.all(
        missing.map(async (k) => {
          const doc = await load(k);
          if (!known(k)) loaded.set(k, doc);
        }),
      ).then(() => run(updates));
    },
  };
};

const thrown = (err: unknown): string =>
  err instanceof Error ? `${err.name}: ${err.message}` : `threw ${String(err)}`;

const isScalar = (x: unknown): boolean =>
  typeof x === 'string' ||
  typeof x === 'boolean' ||
  x === null ||
  (typeof x === 'number' && Number.isFinite(x));

/** Why a value cannot be stored as a JSON document, or undefined when it can. */
const notJson = (v: unknown, path: string): string | undefined => {
  if (isScalar(v)) return undefined;
  const here = path === '' ? 'value' : path;
  if (typeof v === 'number') return `${here} is not a finite number`;
  if (typeof v !== 'object') return `${here} is a ${typeof v}, which JSON cannot hold`;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = isScalar(v[i]) ? undefined : notJson(v[i], `${path}[${i}]`);
      if (p !== undefined) return p;
    }
    return undefined;
  }
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== null) return `${here} is not plain JSON`;
  const o = v as Record<string, unknown>;
  for (const k in o) {
    const x = o[k];
    if (x === undefined || isScalar(x)) continue;
    const p = notJson(x, path === '' ? k : `${path}.${k}`);
    if (p !== undefined) return p;
  }
  return undefined;
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
