import type { Json, ReadModelReader } from '@praxis/core';
import { Finance } from '@praxis/kpi';
import type { StepDefinition } from './process-map/events.js';
import { measureLeads, type StepRuns, type StepTiming } from './timing.js';

const { timeBucket, bucketSpan, before, within, decide } = Finance.TimeBuckets;

/*
 * Pre-aggregated step timing (issue 14): each step's runs as a few shard documents of lead
 * times by when the run ended, and counts of runs started and finished by when — instead of one
 * document per claim or appointment. A period's median, p90, throughput and WIP read them and
 * equal `measureStep` over every run document (a property test holds them equal).
 *
 * Times are kept in time buckets (`Finance.TimeBuckets`: a UTC month away from a month's edge,
 * else the exact instant), exact against any month, quarter or year bound in any zone.
 */

/** How many shard documents one step's totals are spread over (by correlation key). */
export const STEP_TOTALS_SHARDS = 8;

/** The shard of a step's totals for one correlation key (FNV-1a). */
export const stepTotalsKey = (mapId: string, stepId: string, key: string): string => {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `totals:${mapId}:${stepId}:${String(h % STEP_TOTALS_SHARDS)}`;
};

/**
 * One shard: runs started by bucket of their start (`started`), runs over by bucket of the later
 * of their start and end (`over`: no longer in progress from then), and each ended run's lead
 * time in minutes by bucket of its end (`leads`).
 */
interface StepShard {
  readonly started: Record<string, number>;
  readonly over: Record<string, number>;
  readonly leads: Record<string, number[]>;
}

const count = (m: Record<string, number>, k: string, d: number) => {
  const n = (m[k] ?? 0) + d;
  if (n === 0) delete m[k];
  else m[k] = n;
};

const ms = (iso: string) => Date.parse(iso);

/** A shard after one key's runs changed from `before` to `after` (pure). */
export const reviseStepTotals = (
  shard: Json | undefined,
  previous: StepRuns | undefined,
  next: StepRuns | undefined,
): Json => {
  const cur = shard as unknown as StepShard | undefined;
  const s: StepShard = {
    started: { ...cur?.started },
    over: { ...cur?.over },
    leads: { ...cur?.leads },
  };
  const apply = (runs: StepRuns | undefined, sign: 1 | -1) => {
    for (const r of runs?.runs ?? []) {
      const start = ms(r.startAt);
      count(s.started, timeBucket(start), sign);
      if (r.endAt === undefined) continue;
      const end = ms(r.endAt);
      count(s.over, timeBucket(Math.max(start, end)), sign);
      const b = timeBucket(end);
      const lead = (end - start) / 60_000;
      const list = [...(s.leads[b] ?? [])];
      if (sign === 1) list.push(lead);
      else {
        const i = list.indexOf(lead);
        if (i >= 0) list.splice(i, 1);
      }
      if (list.length === 0) delete s.leads[b];
      else s.leads[b] = list;
    }
  };
  apply(previous, -1);
  apply(next, 1);
  return s as unknown as Json;
};

/** One step's totals, parsed once. */
export interface StepTotals {
  readonly started: readonly (readonly [ReturnType<typeof bucketSpan>, number])[];
  readonly over: readonly (readonly [ReturnType<typeof bucketSpan>, number])[];
  readonly leads: readonly (readonly [ReturnType<typeof bucketSpan>, readonly number[]])[];
}

/** Reads the shards of one step's totals from `ops-step-timing`. */
export const loadStepTotals = async (
  reader: ReadModelReader,
  projection: string,
  mapId: string,
  stepId: string,
): Promise<StepTotals> => {
  const started: [ReturnType<typeof bucketSpan>, number][] = [];
  const over: [ReturnType<typeof bucketSpan>, number][] = [];
  // each bucket's lead times from every shard, sorted once: a period's median then sorts runs
  // that are already in order (a month is one bucket)
  const byBucket = new Map<string, number[]>();
  for await (const [, doc] of reader.list(projection, `totals:${mapId}:${stepId}:`)) {
    const s = doc as unknown as StepShard;
    for (const k in s.started) started.push([bucketSpan(k), s.started[k]!]);
    for (const k in s.over) over.push([bucketSpan(k), s.over[k]!]);
    for (const k in s.leads) {
      const list = byBucket.get(k);
      if (list === undefined) byBucket.set(k, [...s.leads[k]!]);
      else list.push(...s.leads[k]!);
    }
  }
  const leads: [ReturnType<typeof bucketSpan>, readonly number[]][] = [];
  for (const [k, list] of byBucket) leads.push([bucketSpan(k), list.sort((a, b) => a - b)]);
  return { started, over, leads };
};

/**
 * A step measured over `[from, to)` (epoch ms) from its totals: equal to `measureStep` over its
 * run documents, or undefined when a bound falls inside a time bucket.
 */
export const measureStepTotals = (
  step: StepDefinition,
  t: StepTotals,
  from: number,
  to: number,
): StepTiming | undefined =>
  decide(() => {
    let wip = 0;
    for (const [b, n] of t.started) if (before(b, to)) wip += n;
    for (const [b, n] of t.over) if (before(b, to)) wip -= n;
    const leads: number[] = [];
    for (const [b, list] of t.leads) if (within(b, from, to)) for (const l of list) leads.push(l);
    return measureLeads(step, leads, wip, from, to);
  });
