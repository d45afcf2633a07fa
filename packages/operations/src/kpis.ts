import type { KpiBreakdown, KpiContext, KpiDefinition, KpiPart, Obligation } from '@praxis/core';
import { opsStepTimingName, stepTiming } from './read-models.js';
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
  ctx.memo('operations:revenue-cycle', () => stepTiming(ctx.reader, ctx.period));

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

const obligations = (ctx: KpiContext) =>
  ctx.memo('operations:obligations', async () => {
    const out: Obligation[] = [];
    for (const p of obligationsReadModels(ctx))
      for await (const [, doc] of ctx.reader.list(p, 'obligation:')) out.push(doc as unknown as Obligation);
    return out;
  });

const dayOf = (iso: string) => iso.slice(0, 10);

/** The operations KPIs: revenue-cycle lead times (O2) and obligation throughput (O5). */
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
      for (const o of await obligations(ctx)) {
        const d = dayOf(o.dueAt);
        if (d < ctx.period.firstDay || d > ctx.period.lastDay) continue;
        due++;
        if (o.completedAt !== undefined && dayOf(o.completedAt) <= d) met++;
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
      return (await obligations(ctx)).filter(
        (o) =>
          dayOf(o.arisesAt) <= last &&
          dayOf(o.dueAt) < last &&
          (o.completedAt === undefined || dayOf(o.completedAt) > last),
      ).length;
    },
  },
];
