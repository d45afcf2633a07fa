import {
  type DocUpdate,
  type EventStore,
  type Json,
  type Period,
  type Projection,
  type ReadModelReader,
  type RecordedEvent,
} from '@praxis/core';
import { defaultMaps } from './default-maps.js';
import { events as mapEvents, type ProcessMapEvent, type StepDefinition } from './process-map/events.js';
import {
  applyToRuns,
  correlationKey,
  measureStep,
  runsFromEvents,
  withBottleneck,
  type MapTiming,
  type StepRuns,
} from './timing.js';

/** Name of the step-timing read model (runs of the shipped maps' steps). */
export const opsStepTimingName = 'ops-step-timing';
/** Name of the read model of the practice's own process maps (their live steps). */
export const opsProcessMapsName = 'ops-process-maps';

const runsKey = (mapId: string, stepId: string, key: string) => `runs:${mapId}:${stepId}:${key}`;

const shipped = defaultMaps.flatMap((m) => m.steps.map((step) => ({ mapId: m.mapId, step })));

/**
 * Read model `ops-step-timing`: for each step of the shipped maps (`defaultMaps`) and each
 * correlation key, its runs (`runs:<map>:<step>:<key>` → `StepRuns`). Measure with `stepTiming`.
 */
export const opsStepTiming: Projection = {
  name: opsStepTimingName,
  version: 1,
  eventTypes: [...new Set(shipped.flatMap(({ step }) => [step.startEventType, step.endEventType]))],
  handle: (e: RecordedEvent): readonly DocUpdate[] =>
    shipped.flatMap(({ mapId, step }) => {
      if (e.type !== step.startEventType && e.type !== step.endEventType) return [];
      const key = correlationKey(step, e);
      if (key === undefined) return [];
      return [
        {
          key: runsKey(mapId, step.stepId, key),
          update: (cur: Json | undefined) =>
            applyToRuns(step, e, cur as unknown as StepRuns | undefined) as unknown as Json,
        },
      ];
    }),
};

/** A practice's own map as `ops-process-maps` keeps it (`map:<mapId>`): its live steps in order. */
export interface ProcessMapView {
  readonly mapId: string;
  readonly steps: readonly StepDefinition[];
}

/** Read model `ops-process-maps`: the live steps of each map defined with `DefineStep`. */
export const opsProcessMaps: Projection = {
  name: opsProcessMapsName,
  version: 1,
  eventTypes: mapEvents.types,
  handle: (e: RecordedEvent): readonly DocUpdate[] => {
    const ev = e as unknown as ProcessMapEvent;
    return [
      {
        key: `map:${ev.data.mapId}`,
        update: (cur) => {
          const steps = [...((cur as unknown as ProcessMapView | undefined)?.steps ?? [])];
          switch (ev.type) {
            case 'ProcessStepDefined':
              steps.push(ev.data.step);
              break;
            case 'ProcessStepsOrdered': {
              const by = new Map(steps.map((s) => [s.stepId, s]));
              return {
                mapId: ev.data.mapId,
                steps: ev.data.stepIds.flatMap((id) => by.get(id) ?? []),
              } as unknown as Json;
            }
            case 'ProcessStepRetired':
              return {
                mapId: ev.data.mapId,
                steps: steps.filter((s) => s.stepId !== ev.data.stepId),
              } as unknown as Json;
          }
          return { mapId: ev.data.mapId, steps } as unknown as Json;
        },
      },
    ];
  },
};

const windowOf = (period: Period) => ({
  from: period.interval.start.toISO()!,
  to: period.interval.end.toISO()!,
});

/**
 * Measures a shipped map (default: the revenue cycle) over a period from `ops-step-timing`:
 * per step throughput, median and p90 lead time (minutes), WIP at the period's end, and the
 * map's bottleneck.
 */
export const stepTiming = async (
  reader: ReadModelReader,
  period: Period,
  mapId = 'revenue-cycle',
): Promise<MapTiming | undefined> => {
  const map = defaultMaps.find((m) => m.mapId === mapId);
  if (map === undefined) return undefined;
  const steps = [];
  for (const step of map.steps) {
    const runs: StepRuns[] = [];
    for await (const [, doc] of reader.list(opsStepTimingName, `runs:${mapId}:${step.stepId}:`))
      runs.push(doc as unknown as StepRuns);
    steps.push(measureStep(step, runs, windowOf(period)));
  }
  return withBottleneck(mapId, steps);
};

/**
 * Measures one of the practice's own maps (`DefineStep`) over a period by reading the log for
 * its steps' event types (any registered type, no read model needed); undefined for no such map.
 */
export const measureProcessMap = async (
  store: EventStore,
  reader: ReadModelReader,
  mapId: string,
  period: Period,
): Promise<MapTiming | undefined> => {
  const map = (await reader.get(opsProcessMapsName, `map:${mapId}`)) as unknown as ProcessMapView | undefined;
  if (map === undefined) return undefined;
  const types = [...new Set(map.steps.flatMap((s) => [s.startEventType, s.endEventType]))];
  const events: RecordedEvent[] = [];
  if (types.length > 0)
    for await (const e of store.readAll({ filter: { eventTypes: types } })) events.push(e);
  return withBottleneck(
    mapId,
    map.steps.map((step) => measureStep(step, runsFromEvents(step, events).values(), windowOf(period))),
  );
};
