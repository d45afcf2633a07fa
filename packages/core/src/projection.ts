import type { RecordedEvent } from './envelope.js';
import type { Position } from './position.js';

/** A read-model document: plain JSON. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/**
 * How one event changes one document of a read model: given the document as it is
 * (`undefined` when absent), return the new one (`undefined` deletes it). Pure.
 */
export interface DocUpdate {
  readonly key: string;
  readonly update: (current: Json | undefined) => Json | undefined;
}

/**
 * A read model: a named, versioned, pure fold from events to keyed JSON documents.
 * The projection engine (`@praxis/projections`) feeds it from a checkpointed subscription
 * and stores its documents (SQL stores: documents and checkpoint in one transaction).
 *
 * @example
 * const claimsByPayer: Projection = {
 *   name: 'claims-by-payer', version: 1, eventTypes: ['ClaimCreated'],
 *   handle: (e) => [{ key: `payer:${e.data.payerId}`, update: (n) => ((n as number) ?? 0) + 1 }],
 * };
 */
export interface Projection {
  readonly name: string;
  /** Bump when `handle` changes: the new version rebuilds beside the old one. */
  readonly version: number;
  /** The event types it handles (the subscription filter). */
  readonly eventTypes: readonly string[];
  readonly handle: (event: RecordedEvent) => readonly DocUpdate[];
}

/** Reads a projection's documents (the query side of every read model). */
export interface ReadModelReader {
  get(projection: string, key: string): Promise<Json | undefined>;
  /** Every document whose key starts with `prefix`, in key order. */
  list(projection: string, prefix: string): AsyncIterable<readonly [string, Json]>;
}

/** Where a projection stands. */
export interface ProjectionCheckpoint {
  readonly projection: string;
  readonly version: number;
  readonly position: Position | undefined;
}

/**
 * Folds events through projections entirely in memory: for tests of a read model, and for
 * as-of replays (the practice as it stood at a past instant).
 *
 * @example
 * const model = foldProjections([claimsByPayer], events);
 * await model.get('claims-by-payer', 'payer:aetna'); // 3
 */
export const foldProjections = (
  projections: readonly Projection[],
  events: Iterable<RecordedEvent>,
): ReadModelReader & { apply(event: RecordedEvent): void } => {
  const docs = new Map<string, Map<string, Json>>(projections.map((p) => [p.name, new Map()]));
  const handles = projections.map((p) => ({ p, types: new Set(p.eventTypes) }));
  const apply = (event: RecordedEvent) => {
    for (const { p, types } of handles) {
      if (!types.has(event.type)) continue;
      const m = docs.get(p.name)!;
      for (const u of p.handle(event)) {
        const next = u.update(m.get(u.key));
        if (next === undefined) m.delete(u.key);
        else m.set(u.key, next);
      }
    }
  };
  for (const e of events) apply(e);
  return {
    apply,
    get: async (projection, key) => docs.get(projection)?.get(key),
    list: async function* (projection, prefix) {
      const m = docs.get(projection);
      if (m === undefined) return;
      const keys = [...m.keys()].filter((k) => k.startsWith(prefix)).sort();
      for (const k of keys) yield [k, m.get(k)!] as const;
    },
  };
};

/** A report's cache of derived data and the reader beneath its memoized reader (see `reportCacheOf`). */
export interface ReportCache {
  /** What is derived from the documents (by key), kept as long as the memoized reader. */
  readonly derived: Map<string, Promise<unknown>>;
  /**
   * The reader the memoized one reads from: what is derived once for the report is read through
   * it, so the memoized reader does not also keep the raw documents alive for the whole report.
   */
  readonly source: ReadModelReader;
}

const reportCaches = new WeakMap<ReadModelReader, ReportCache>();

/**
 * The cache of what is derived from a `memoizedReader`'s documents (e.g. every obligation of the
 * practice parsed, a day's third-next-available samples), shared by every period of one report;
 * undefined for any other reader, whose documents may change between two reads.
 */
export const reportCacheOf = (reader: ReadModelReader): ReportCache | undefined => reportCaches.get(reader);

/** An async iterator over a list that is loaded once (no generator: ~4× less per entry). */
const iterate = <T>(load: () => Promise<readonly T[]>): AsyncIterable<T> => ({
  [Symbol.asyncIterator]: () => {
    let entries: readonly T[] | undefined;
    let i = 0;
    const step = (): IteratorResult<T> =>
      i < entries!.length ? { value: entries![i++]!, done: false } : { value: undefined, done: true };
    return {
      next: () => {
        if (entries !== undefined) return Promise.resolve(step());
        return load().then((loaded) => {
          entries = loaded;
          return step();
        });
      },
    };
  },
});

/**
 * A reader that reads each document and each listing once and then answers from memory: for
 * a report of many periods over the same state of the read models (the year, then each of its
 * months). It does not see what is recorded after its first read of a document; make a new
 * one per report. KPIs keep what they derive from its documents for the whole report too
 * (`KpiContext.shared`).
 *
 * @example
 * const reader = memoizedReader(practice.readModels);
 * for (const m of months) await practice.kpis(m, { reader });
 */
export const memoizedReader = (reader: ReadModelReader): ReadModelReader => {
  const gets = new Map<string, Promise<Json | undefined>>();
  const lists = new Map<string, Promise<readonly (readonly [string, Json])[]>>();
  const memoized: ReadModelReader = {
    get: (projection, key) => {
      const k = `${projection}\u0000${key}`;
      let p = gets.get(k);
      if (p === undefined) {
        p = reader.get(projection, key);
        gets.set(k, p);
      }
      return p;
    },
    list: (projection, prefix) =>
      iterate(() => {
        const k = `${projection}\u0000${prefix}`;
        let p = lists.get(k);
        if (p === undefined) {
          p = (async () => {
            const out: (readonly [string, Json])[] = [];
            for await (const entry of reader.list(projection, prefix)) out.push(entry);
            return out;
          })();
          lists.set(k, p);
        }
        return p;
      }),
  };
  reportCaches.set(memoized, { derived: new Map(), source: reader });
  return memoized;
};
