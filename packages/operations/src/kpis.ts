import type { KpiBreakdown, KpiContext, KpiDefinition, KpiPart, Obligation } from '@praxis/core';
import {
  opsFrontDeskName,
  opsStepTimingName,
  stepTiming,
  type ArrivalView,
  type VisitView,
} from './read-models.js';
import type { StepRuns } from './timing.js';

/**
 * The obligations projections O5 counts when a context does not list the practice's read models
 * (a hand-built context in a test): those of the built-in modules.
 */
export const obligationProjections = [
  'staff-obligations',
  'policy-obligations',
  'compliance-obligations',
  'finance-obligations',
  'strategy-obligations',
] as const;

/** Every `*-obligations` read model of the practice (all modules', new ones included). */
const obligationsReadModels = (ctx: KpiContext): readonly string[] => {
  const own = ctx.projections.filter((p) => p.endsWith('-obligations'));
  return own.length > 0 ? own : obligationProjections;
};

const revenueCycle = (ctx: KpiContext) =>
  ctx.memo('operations:revenue-cycle', () => stepTiming(ctx.reader, ctx.period, undefined, ctx.shared));

const medianDays = (stepId: string) => async (ctx: KpiContext) => {
  const m = (await revenueCycle(ctx))?.steps.find((s) => s.stepId === stepId)?.medianMinutes;
  return m === undefined ? undefined : Math.round((m / 1440) * 100) / 100;
};

const lagBand = (days: number): string =>
  days <= 1 ? 'within a day' : days <= 7 ? '2–7 days' : days <= 30 ? '8–30 days' : 'over 30 days';

/**
 * A shipped revenue-cycle step's runs that ended in the period, one part each (its lead time in
 * days), for `practice.explain` of the median: the stream behind it, grouped by lag band.
 */
const runsBreakdown =
  (stepId: string) =>
  async (ctx: KpiContext): Promise<KpiBreakdown> => {
    const from = ctx.period.interval.start.toMillis();
    const to = ctx.period.interval.end.toMillis();
    const prefix = `runs:revenue-cycle:${stepId}:`;
    const parts: KpiPart[] = [];
    for await (const [key, doc] of ctx.reader.list(opsStepTimingName, prefix)) {
      const streamId = key.slice(prefix.length);
      (doc as unknown as StepRuns).runs.forEach((r, i) => {
        if (r.endAt === undefined) return;
        const end = Date.parse(r.endAt);
        if (end < from || end >= to) return;
        const days = (end - Date.parse(r.startAt)) / 86_400_000;
        const id = streamId.startsWith('Claim-') ? `claim:${streamId.slice(6)}` : streamId;
        parts.push({
          key: i === 0 ? id : `${id}#${i + 1}`,
          numerator: days,
          denominator: 1,
          streamId,
          dimensions: { reason: lagBand(days), step: stepId },
        });
      });
    }
    return { kind: 'median', parts };
  };

const mapTiming = (ctx: KpiContext, mapId: string) =>
  ctx.memo(`operations:map:${mapId}`, () => stepTiming(ctx.reader, ctx.period, mapId, ctx.shared));

/** The median lead time of a shipped step in minutes (2 decimals), undefined without runs. */
const medianMinutes = (mapId: string, stepId: string) => async (ctx: KpiContext) =>
  (await mapTiming(ctx, mapId))?.steps.find((s) => s.stepId === stepId)?.medianMinutes;

/** The front desk's arrivals or visits, each with its instant parsed (`t`, epoch ms), once per report. */
const frontDesk = <T extends { readonly at: string }>(ctx: KpiContext, prefix: 'arrival:' | 'visit:') =>
  ctx.shared(`operations:front-desk:${prefix}`, async (reader) => {
    const out: (T & { readonly t: number })[] = [];
    for await (const [, doc] of reader.list(opsFrontDeskName, prefix)) {
      const v = doc as unknown as T;
      out.push({ ...v, t: Date.parse(v.at) });
    }
    return out;
  });

/** Those of the period (its half-open interval in the practice zone). */
const ofPeriod = async <T extends { readonly at: string }>(
  ctx: KpiContext,
  prefix: 'arrival:' | 'visit:',
): Promise<T[]> => {
  const start = ctx.period.interval.start.toMillis();
  const end = ctx.period.interval.end.toMillis();
  return (await frontDesk<T>(ctx, prefix)).filter((v) => v.t >= start && v.t < end);
};

/** Every obligation of every obligations read model, its days taken once (`YYYY-MM-DD`), once per report. */
const obligations = (ctx: KpiContext) =>
  ctx.shared('operations:obligations', async (reader) => {
    const out: { arises: string; due: string; completed: string | undefined }[] = [];
    for (const p of obligationsReadModels(ctx))
      for await (const [, doc] of reader.list(p, 'obligation:')) {
        const o = doc as unknown as Obligation;
        out.push({
          arises: dayOf(o.arisesAt),
          due: dayOf(o.dueAt),
          completed: o.completedAt === undefined ? undefined : dayOf(o.completedAt),
        });
      }
    return out;
  });

const dayOf = (iso: string) => iso.slice(0, 10);

/**
 * The operations KPIs: revenue-cycle lead times (O2), patient flow (O1), front desk (O3),
 * productivity (O4) and obligation throughput (O5).
 */
export const operationsKpis: readonly KpiDefinition[] = [
  {
    id: 'chargeLagDays',
    label: 'Charge lag (median days)',
    area: 'operations',
    unit: 'days',
    direction: 'lower-is-better',
    formula:
      'median of (charges registered − date of service) over claims whose charges were registered in the period',
    source: 'athenaOne charge lag [ATH7]; MODULES.md O2',
    compute: medianDays('charge-lag'),
    explain: runsBreakdown('charge-lag'),
  },
  {
    id: 'holdLagDays',
    label: 'Hold lag (median days)',
    area: 'operations',
    unit: 'days',
    direction: 'lower-is-better',
    formula: 'median of (corrected − held) over claim holds corrected in the period',
    source: 'athenaOne hold lag [ATH7]; MODULES.md O2',
    compute: medianDays('hold-lag'),
    explain: runsBreakdown('hold-lag'),
  },
  {
    id: 'obligationsMetOnTime',
    label: 'Obligations met by due date %',
    area: 'operations',
    unit: 'percent',
    direction: 'higher-is-better',
    formula: 'obligations due in the period met by their due date ÷ obligations due in the period × 100',
    source: 'MODULES.md O5',
    compute: async (ctx) => {
      let due = 0;
      let met = 0;
      const { firstDay, lastDay } = ctx.period;
      for (const o of await obligations(ctx)) {
        if (o.due < firstDay || o.due > lastDay) continue;
        due++;
        if (o.completed !== undefined && o.completed <= o.due) met++;
      }
      return due === 0 ? undefined : (met / due) * 100;
    },
  },
  {
    id: 'overdueObligations',
    label: 'Obligations overdue at period end',
    area: 'operations',
    unit: 'count',
    direction: 'lower-is-better',
    formula: 'obligations due before the period’s last day and not met by then',
    source: 'MODULES.md O5',
    compute: async (ctx) => {
      const last = ctx.period.lastDay;
      let n = 0;
      for (const o of await obligations(ctx))
        if (o.arises <= last && o.due < last && (o.completed === undefined || o.completed > last)) n++;
      return n;
    },
  },
  {
    id: 'checkInMinutes',
    label: 'Check-in (median minutes)',
    area: 'operations',
    unit: 'minutes',
    direction: 'lower-is-better',
    formula: 'median of (check-in complete − arrival) over check-ins completed in the period',
    source: 'MODULES.md O3; Open Dental arrival times [OD1]',
    compute: medianMinutes('patient-flow', 'check-in'),
  },
  {
    id: 'roomedWaitMinutes',
    label: 'Roomed, waiting for the provider (median minutes)',
    area: 'operations',
    unit: 'minutes',
    direction: 'lower-is-better',
    formula: 'median of (provider encounter started − roomed) over encounters started in the period',
    source: 'MODULES.md O1; athenaOne patient flow stages [ATH6]',
    compute: medianMinutes('patient-flow', 'roomed-to-provider'),
  },
  {
    id: 'visitCycleMinutes',
    label: 'Visit cycle time (median minutes)',
    area: 'operations',
    unit: 'minutes',
    direction: 'lower-is-better',
    formula: 'median of (checked out − arrived) over visits checked out in the period',
    source: 'MODULES.md O1',
    compute: medianMinutes('visit-cycle', 'visit-cycle'),
  },
  {
    id: 'selfCheckInRate',
    label: 'Self check-in %',
    area: 'operations',
    unit: 'percent',
    direction: 'higher-is-better',
    formula: 'arrivals via kiosk, text or portal in the period ÷ arrivals in the period × 100',
    source: 'MODULES.md O3; Open Dental eClipboard [OD6]',
    compute: async (ctx) => {
      const arrivals = await ofPeriod<ArrivalView>(ctx, 'arrival:');
      if (arrivals.length === 0) return undefined;
      return (arrivals.filter((a) => a.via !== 'desk').length / arrivals.length) * 100;
    },
  },
  {
    id: 'visitsPerProviderDay',
    label: 'Kept visits per provider-day',
    area: 'operations',
    unit: 'ratio',
    direction: 'higher-is-better',
    formula:
      'visits checked out in the period ÷ provider-days in the period with at least one checked-out visit',
    source: 'MODULES.md O4',
    compute: async (ctx) => {
      const visits = await ofPeriod<VisitView>(ctx, 'visit:');
      const days = new Set(visits.map((v) => `${v.providerId}\u0000${v.date}`));
      return days.size === 0 ? undefined : visits.length / days.size;
    },
  },
];
