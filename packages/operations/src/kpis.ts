import type { KpiContext, KpiDefinition, Obligation } from '@praxis/core';
import { stepTiming } from './read-models.js';

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
