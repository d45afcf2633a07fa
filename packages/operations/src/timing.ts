import type { RecordedEvent } from '@praxis/core';
import type { StepDefinition, StepTarget } from './process-map/events.js';

/** One run of a step for one key: started, and ended unless still in progress. ISO instants. */
export interface StepRun {
  readonly startAt: string;
  readonly endAt?: string;
}

/** The runs of one step for one correlation key, oldest first. */
export interface StepRuns {
  readonly runs: readonly StepRun[];
}

/** The correlation key of an event for a step, or undefined when the event does not carry it. */
export const correlationKey = (step: StepDefinition, e: RecordedEvent): string | undefined => {
  if (step.correlation === 'stream') return e.streamId;
  const v = (e.data as Record<string, unknown> | null)?.[step.correlation.field];
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
};

const offsetOf = (instant: string): string => /([+-]\d{2}:\d{2}|Z)$/.exec(instant)?.[1] ?? 'Z';

/** When a step's run starts for an event: its business time, or the start of the day a date field gives. */
const startOf = (step: StepDefinition, e: RecordedEvent): string | undefined => {
  if (step.startDateField === undefined) return e.metadata.occurredAt;
  const d = (e.data as Record<string, unknown> | null)?.[step.startDateField];
  return typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d)
    ? `${d}T00:00:00${offsetOf(e.metadata.occurredAt)}`
    : undefined;
};

const ms = (iso: string) => Date.parse(iso);

/**
 * Applies one event to the runs of one key (MODULES.md O2): a start event opens a run unless
 * one is open (the first start counts); an end event closes the open run when it is not
 * earlier than its start. A step whose start and end are the same event (a start date field)
 * opens and closes a run at once. Pure.
 */
export const applyToRuns = (
  step: StepDefinition,
  e: RecordedEvent,
  current: StepRuns | undefined,
): StepRuns => {
  const runs = [...(current?.runs ?? [])];
  const last = runs[runs.length - 1];
  const open = last !== undefined && last.endAt === undefined;
  if (e.type === step.startEventType && !open) {
    const startAt = startOf(step, e);
    if (startAt !== undefined) {
      const run: StepRun =
        step.startEventType === step.endEventType ? { startAt, endAt: e.metadata.occurredAt } : { startAt };
      runs.push(run);
      return { runs };
    }
  }
  if (e.type === step.endEventType && open && ms(e.metadata.occurredAt) >= ms(last.startAt))
    runs[runs.length - 1] = { ...last, endAt: e.metadata.occurredAt };
  return { runs };
};

/** Pairs a step's runs from events in log order, by correlation key. */
export const runsFromEvents = (
  step: StepDefinition,
  events: Iterable<RecordedEvent>,
): Map<string, StepRuns> => {
  const byKey = new Map<string, StepRuns>();
  for (const e of events) {
    if (e.type !== step.startEventType && e.type !== step.endEventType) continue;
    const key = correlationKey(step, e);
    if (key === undefined) continue;
    byKey.set(key, applyToRuns(step, e, byKey.get(key)));
  }
  return byKey;
};

/** How one step performed over a window. Lead times in minutes. */
export interface StepTiming {
  readonly stepId: string;
  readonly name: string;
  /** Runs that ended in the window. */
  readonly throughput: number;
  /** Median lead time of those runs (undefined without any). */
  readonly medianMinutes?: number;
  /** 90th percentile (nearest rank). */
  readonly p90Minutes?: number;
  /** Share of those runs within the step's target, % (undefined without a target or runs). */
  readonly withinTargetPct?: number;
  /** Runs started and not ended at the window's end (work in progress). */
  readonly wip: number;
  /**
   * Little's law check: throughput per day × median lead time in days ≈ average WIP. Far from
   * `wip` when the flow is not steady (a backlog building up or draining).
   */
  readonly littleWip?: number;
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
const median = (sorted: readonly number[]): number => {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const targetMinutes = (t: StepTarget): number => ('minutes' in t ? t.minutes : t.days * 1440);
const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Measures a step over a window `[from, to)` (ISO instants): throughput, median and p90 lead
 * time of the runs that ended in it, share within target, WIP at its end, Little's-law WIP.
 */
export const measureStep = (
  step: StepDefinition,
  runs: Iterable<StepRuns>,
  window: { readonly from: string; readonly to: string },
): StepTiming => {
  const from = ms(window.from);
  const to = ms(window.to);
  const leads: number[] = [];
  let wip = 0;
  for (const { runs: list } of runs)
    for (const r of list) {
      const start = ms(r.startAt);
      const end = r.endAt === undefined ? undefined : ms(r.endAt);
      if (end !== undefined && end >= from && end < to) leads.push((end - start) / 60_000);
      if (start < to && (end === undefined || end >= to)) wip++;
    }
  return measureLeads(step, leads, wip, from, to);
};

/**
 * A step's timing from the lead times (minutes) of the runs that ended in `[from, to)` (epoch
 * ms, any order) and its WIP at `to`: throughput, median, p90, share within target, Little's WIP.
 */
export const measureLeads = (
  step: StepDefinition,
  leads: number[],
  wip: number,
  from: number,
  to: number,
): StepTiming => {
  leads.sort((a, b) => a - b);
  if (leads.length === 0) return { stepId: step.stepId, name: step.name, throughput: 0, wip };
  const med = median(leads);
  const days = (to - from) / 86_400_000;
  return {
    stepId: step.stepId,
    name: step.name,
    throughput: leads.length,
    medianMinutes: round(med),
    p90Minutes: round(percentile(leads, 0.9)),
    wip,
    littleWip: round((leads.length / days) * (med / 1440)),
    ...(step.target === undefined
      ? {}
      : {
          withinTargetPct: round(
            (leads.filter((l) => l <= targetMinutes(step.target!)).length / leads.length) * 100,
          ),
        }),
  };
};

/** A map's steps measured, with its bottleneck. */
export interface MapTiming {
  readonly mapId: string;
  readonly steps: readonly StepTiming[];
  /**
   * The step with the largest share of the end-to-end median lead time (the sum of the steps'
   * medians), undefined when no step has a run in the window.
   */
  readonly bottleneck?: { readonly stepId: string; readonly sharePct: number };
}

/** Names the bottleneck of measured steps. */
export const withBottleneck = (mapId: string, steps: readonly StepTiming[]): MapTiming => {
  const total = steps.reduce((s, x) => s + (x.medianMinutes ?? 0), 0);
  let top: StepTiming | undefined;
  for (const s of steps)
    if (s.medianMinutes !== undefined && s.medianMinutes > (top?.medianMinutes ?? -1)) top = s;
  return top === undefined || total === 0
    ? { mapId, steps }
    : {
        mapId,
        steps,
        bottleneck: { stepId: top.stepId, sharePct: round((top.medianMinutes! / total) * 100) },
      };
};
