import type { Projection, ReadModelReader, ReadModelStore } from '@praxis/core';
import {
  projectionEngine,
  type ProjectionEngine,
  type ProjectionProgress,
  type ProjectionStatus,
} from '@praxis/projections';
import type { EventStore } from '@praxis/core';

/** The read side of a practice: every module's projections, kept up to date with the log. */
export interface ReadModels {
  /** Answers from each projection's active slot (call `catchUp` first for the latest). */
  readonly reader: ReadModelReader;
  readonly projections: readonly Projection[];
  readonly engine: ProjectionEngine;
  /** Applies every event recorded since the last call. */
  catchUp(): Promise<readonly ProjectionStatus[]>;
  /** Who hears of the engine's progress (one listener at a time; `undefined` to stop). */
  listen(listener: ((p: ProjectionProgress) => void) | undefined): void;
}

/** Runs the projections through the projection engine into `readModels`. */
export const engineReadModels = (
  store: EventStore,
  readModels: ReadModelStore,
  projections: readonly Projection[],
): ReadModels => {
  let listener: ((p: ProjectionProgress) => void) | undefined;
  const engine = projectionEngine({ store, readModels, projections, onProgress: (p) => listener?.(p) });
  return {
    reader: readModels,
    projections,
    engine,
    catchUp: () => engine.catchUp(),
    listen: (l) => {
      listener = l;
    },
  };
};
