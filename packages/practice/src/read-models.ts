import {
  InvalidArgument,
  Position,
  foldProjections,
  type EventStore,
  type Projection,
  type ReadModelReader,
} from '@praxis/core';

/** The read side of a practice: every module's projections, kept up to date with the log. */
export interface ReadModels {
  readonly reader: ReadModelReader;
  /** The projections it maintains. */
  readonly projections: readonly Projection[];
  /** Applies every event recorded since the last call (queries call it first). */
  catchUp(): Promise<void>;
  /** Rebuilds one projection (or all) from the start of the log. */
  rebuild(name?: string, onProgress?: (done: number, total: number) => void): Promise<{ events: number }>;
  close(): Promise<void>;
}

/**
 * Read models folded in memory from the log: used when the projection engine is not given
 * (tests, the memory store). Each query first reads the events it has not seen yet.
 */
export const inMemoryReadModels = (store: EventStore, projections: readonly Projection[]): ReadModels => {
  let model = foldProjections(projections, []);
  let after: Position.Position | undefined;
  const types = [...new Set(projections.flatMap((p) => p.eventTypes))];

  const catchUp = async () => {
    if (types.length === 0) return;
    const from = after === undefined ? undefined : Position.make(after.commit, after.prepare);
    for await (const e of store.readAll({
      filter: { eventTypes: types },
      ...(from ? { fromPosition: from } : {}),
    })) {
      if (after !== undefined && Position.compare(e.position, after) <= 0) continue;
      model.apply(e);
      after = e.position;
    }
  };

  return {
    projections,
    reader: {
      get: (p, k) => model.get(p, k),
      list: (p, prefix) => model.list(p, prefix),
    },
    catchUp,
    rebuild: async (name, onProgress) => {
      if (name !== undefined && !projections.some((p) => p.name === name)) {
        throw new InvalidArgument('projection', `there is no projection named ${name}`);
      }
      model = foldProjections(projections, []);
      after = undefined;
      const total = Number((await store.headPosition())?.commit ?? 0n);
      let n = 0;
      for await (const e of store.readAll({ filter: { eventTypes: types } })) {
        model.apply(e);
        after = e.position;
        n++;
        if (onProgress !== undefined && n % 1000 === 0) onProgress(n, total);
      }
      onProgress?.(n, n);
      return { events: n };
    },
    close: async () => undefined,
  };
};
