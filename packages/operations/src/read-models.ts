import {
  type DocUpdate,
  type EventStore,
  type Json,
  type KpiContext,
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
import { loadStepTotals, measureStepTotals, reviseStepTotals, stepTotalsKey } from './step-totals.js';

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
  // 2: the patient-flow map and the visit cycle (O1) joined the revenue cycle.
  // 3: each step's totals (`totals:<map>:<step>:<shard>`), read by `stepTiming`.
  version: 3,
  eventTypes: [...new Set(shipped.flatMap(({ step }) => [step.startEventType, step.endEventType]))],
  handle: (e: RecordedEvent): readonly DocUpdate[] =>
    shipped.flatMap(({ mapId, step }) => {
      if (e.type !== step.startEventType && e.type !== step.endEventType) return [];
      const key = correlationKey(step, e);
      if (key === undefined) return [];
      // The key's runs change first; the step's totals shard then takes back the key's old runs
      // and adds its new ones (the updates of one event run in order, once each).
      let previous: StepRuns | undefined;
      let next: StepRuns | undefined;
      return [
        {
          key: runsKey(mapId, step.stepId, key),
          update: (cur: Json | undefined) => {
            previous = cur as unknown as StepRuns | undefined;
            next = applyToRuns(step, e, previous);
            return next as unknown as Json;
          },
        },
        {
          key: stepTotalsKey(mapId, step.stepId, key),
          update: (shard: Json | undefined) => reviseStepTotals(shard, previous, next),
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
 * map's bottleneck. `shared` (a KPI context's) keeps each step's parsed totals for every
 * period of a report.
 */
export const stepTiming = async (
  reader: ReadModelReader,
  period: Period,
  mapId = 'revenue-cycle',
  shared?: KpiContext['shared'],
): Promise<MapTiming | undefined> => {
  const map = defaultMaps.find((m) => m.mapId === mapId);
  if (map === undefined) return undefined;
  const steps = [];
  const from = period.interval.start.toMillis();
  const to = period.interval.end.toMillis();
  for (const step of map.steps) {
    // From the step's totals (a few documents); from every run document when a bound falls
    // inside a time bucket (never for a month, quarter or year).
    const load = (from: ReadModelReader) => loadStepTotals(from, opsStepTimingName, mapId, step.stepId);
    const totals = await (shared === undefined
      ? load(reader)
      : shared(`operations:step-totals:${mapId}:${step.stepId}`, load));
    const fromTotals = measureStepTotals(step, totals, from, to);
    if (fromTotals !== undefined) {
      steps.push(fromTotals);
      continue;
    }
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

/** Name of the front-desk and productivity read model (O3, O4). */
export const opsFrontDeskName = 'ops-front-desk';

/** One arrival (`arrival:<appointmentId>`): when (business time) and how the patient checked in. */
export interface ArrivalView {
  readonly at: string;
  /** `desk`, `kiosk`, `text` or `portal` (self check-in: all but the desk). */
  readonly via: string;
}

/** One kept visit (`visit:<appointmentId>`): checked out at, by which provider, on which day. */
export interface VisitView {
  readonly at: string;
  readonly providerId: string;
  readonly date: string;
}

/**
 * Read model `ops-front-desk` (MODULES.md O3, O4), from the day book's events
 * (`@praxis/patients`): each arrival with its channel, and each kept visit (checked out) with
 * its provider and day.
 */
export const opsFrontDesk: Projection = {
  name: opsFrontDeskName,
  version: 1,
  eventTypes: ['PatientArrived', 'PatientCheckedOut'],
  handle: (e: RecordedEvent): readonly DocUpdate[] => {
    const d = e.data as Record<string, unknown>;
    const id = d['appointmentId'];
    if (typeof id !== 'string') return [];
    if (e.type === 'PatientArrived')
      return [
        {
          key: `arrival:${id}`,
          update: () => ({ at: e.metadata.occurredAt, via: String(d['via']) }) as unknown as Json,
        },
      ];
    return [
      {
        key: `visit:${id}`,
        update: () =>
          ({
            at: e.metadata.occurredAt,
            providerId: String(d['providerId']),
            date: String(d['date']),
          }) as unknown as Json,
      },
    ];
  },
};
