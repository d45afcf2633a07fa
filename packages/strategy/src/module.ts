import {
  bind,
  defineModule,
  obligationKey,
  type FactContext,
  type Obligation,
  type ProcessManager,
  type Reaction,
} from '@praxis/core';
import { StaffMember } from '@praxis/staff';
import * as Goal from './goal/index.js';
import * as Initiative from './initiative/index.js';
import * as MarketAnalysis from './market-analysis/index.js';
import { strategyObligations } from './obligations.js';
import { addDays, periodContaining, periodDays } from './periods.js';
import * as WorkItem from './work-item/index.js';

/** Whether a person is on staff (hired, not separated), from their StaffMember stream. */
const onStaff = async (ctx: FactContext, staffId: string): Promise<boolean> => {
  const s = await ctx.load<StaffMember.State>('StaffMember', staffId);
  return s !== undefined && StaffMember.isOnStaff(s);
};

/** A registered KPI's value for a period, `null` when it has none. */
const kpiValue = async (ctx: FactContext, kpiId: string, period: string): Promise<number | null> => {
  const v = await ctx.kpi(kpiId, period);
  return v === undefined || !Number.isFinite(v) ? null : v;
};

/** The KPI value of a goal's period (`null` without a goal or a value). */
const goalKpi = async (ctx: FactContext, goalId: string, period: string): Promise<number | null> => {
  const g = await ctx.load<Goal.Goal>('Goal', goalId);
  return g === undefined || g.status === 'none' ? null : kpiValue(ctx, g.kpiId, period);
};

/**
 * Goals: `practice.strategy.draftGoal({ goalId, … })`. The handler computes the baseline, the
 * KPI's direction, the owner's standing and every actual from the log (facts, frozen in events).
 */
export const goal = bind(Goal.decider, Goal.commands, 'goalId', {
  facts: {
    DraftGoal: async (c, ctx) => {
      const def = ctx.kpiDefinition(c.kpiId);
      return {
        kpiDirection: def?.direction ?? null,
        baselineValue: def === undefined ? null : await kpiValue(ctx, c.kpiId, c.baselinePeriod),
        ownerActive: await onStaff(ctx, c.ownerId),
      };
    },
    ReassignGoal: async (c, ctx) => ({ ownerActive: await onStaff(ctx, c.ownerId) }),
    ReviewCheckpoint: async (c, ctx) => ({ actual: await goalKpi(ctx, c.goalId, c.period) }),
    CloseGoal: async (c, ctx) => {
      const g = await ctx.load<Goal.Goal>('Goal', c.goalId);
      return {
        actual: g === undefined || g.deadline === '' ? null : await kpiValue(ctx, g.kpiId, g.deadline),
      };
    },
  },
});

/** The obligation a `sourceRef` of the form `<projection>/<obligation id>` names, if any. */
const sourceObligation = async (
  ctx: FactContext,
  ref: string | undefined,
): Promise<{ dueOn: string; impact: Obligation['impact'] | null } | null> => {
  const slash = ref?.indexOf('/') ?? -1;
  if (ref === undefined || slash <= 0 || !ref.slice(0, slash).endsWith('-obligations')) return null;
  const doc = (await ctx.reader.get(ref.slice(0, slash), obligationKey(ref.slice(slash + 1)))) as
    Obligation | undefined;
  if (doc === undefined || typeof doc.dueAt !== 'string') return null;
  return {
    dueOn: doc.dueAt.slice(0, 10),
    impact: doc.impact ?? (doc.legalSource === undefined ? null : 'legal'),
  };
};

/** Work items: `practice.strategy.createWorkItem({ workItemId, … })`. */
export const workItem = bind(WorkItem.decider, WorkItem.commands, 'workItemId', {
  facts: {
    CreateWorkItem: async (c, ctx) => ({
      sourceObligation: c.source === 'obligation' ? await sourceObligation(ctx, c.sourceRef) : null,
    }),
    DelegateWorkItem: async (c, ctx) => ({ delegateActive: await onStaff(ctx, c.to) }),
  },
});

/**
 * What a benefits review compares, from the log: for each linked goal its KPI for the last full
 * period (of the goal's deadline kind) before the review's due date, next to the frozen baseline
 * and target; and the spending recorded with the initiative's id up to the due date.
 */
const benefitsComparison = async (
  ctx: FactContext,
  months: number,
): Promise<Initiative.BenefitsComparison> => {
  const i = await ctx.load<Initiative.Initiative>('Initiative', ctx.id);
  if (i === undefined || i.approvedOn === undefined) return { goals: [], spentCents: 0 };
  const dueOn = Initiative.addMonths(i.approvedOn, months);
  const goals: Initiative.GoalKpiResult[] = [];
  for (const goalId of i.goalIds) {
    const g = await ctx.load<Goal.Goal>('Goal', goalId);
    if (g === undefined || g.status === 'none') continue;
    const kind = periodDays(g.deadline)?.kind ?? 'month';
    const period = periodContaining(addDays(periodContaining(dueOn, kind).firstDay, -1), kind).label;
    goals.push({
      goalId,
      kpiId: g.kpiId,
      period,
      baselineValue: g.baselineValue,
      target: g.target,
      actual: await kpiValue(ctx, g.kpiId, period),
    });
  }
  const view = (await ctx.reader.get(
    Initiative.strategyInitiativesName,
    Initiative.initiativeKey(ctx.id),
  )) as Initiative.InitiativeView | undefined;
  return { goals, spentCents: view === undefined ? 0 : Initiative.spentBy(view, dueOn) };
};

/**
 * Initiatives: `practice.strategy.proposeInitiative({ initiativeId, … })`. The handler checks the
 * goals exist and the owner is on staff.
 */
export const initiative = bind(Initiative.decider, Initiative.commands, 'initiativeId', {
  facts: {
    ProposeInitiative: async (c, ctx) => {
      const unknownGoalIds: string[] = [];
      for (const id of c.goalIds) {
        const g = await ctx.load<Goal.Goal>('Goal', id);
        if (g === undefined || g.status === 'none') unknownGoalIds.push(id);
      }
      const analysis =
        c.analysisId === undefined
          ? undefined
          : await ctx.load<MarketAnalysis.MarketAnalysis>('MarketAnalysis', c.analysisId);
      // The budget line it spends against (finance's Budget stream): a typo must not pass.
      const budget = await ctx.load<{ status?: string; lines?: Record<string, unknown> }>(
        'Budget',
        c.budget.budgetId,
      );
      return {
        unknownGoalIds,
        ownerActive: await onStaff(ctx, c.ownerId),
        budgetLine:
          budget === undefined || budget.status === undefined || budget.status === 'none'
            ? ('no-budget' as const)
            : budget.lines?.[c.budget.category] === undefined
              ? ('no-category' as const)
              : ('found' as const),
        analysisDecision: analysis?.decision ?? null,
      };
    },
    RecordBenefitsReview: async (c, ctx) => ({ comparison: await benefitsComparison(ctx, c.months) }),
  },
});

/** The evidence of a kind for a period, computed from the log (`null` when it cannot be). */
const evidenceFor = async (
  ctx: FactContext,
  kind: MarketAnalysis.EvidenceKind,
  period: string,
): Promise<MarketAnalysis.Evidence | null> => {
  const p = periodDays(period);
  if (p === undefined) return null;
  if (kind === 'payer-mix')
    return ctx.projections.includes(MarketAnalysis.financeClaimsName)
      ? MarketAnalysis.payerMixOf(await MarketAnalysis.readClaims(ctx.reader), p.firstDay, p.lastDay)
      : null;
  if (kind === 'capacity') {
    if (ctx.kpiDefinition('thirdNextAvailable') === undefined) return null;
    return {
      kind: 'capacity',
      thirdNextAvailableDays: await kpiValue(ctx, 'thirdNextAvailable', p.label),
      providerUtilisationPct: await kpiValue(ctx, 'providerUtilisation', p.label),
    };
  }
  return null;
};

/**
 * Market analyses: `practice.strategy.openAnalysis({ analysisId, … })`. The handler computes the
 * evidence attached (payer mix from the finance claims, capacity from the patients module's third
 * next available and provider utilisation) and it is frozen in `EvidenceAttached`.
 */
export const marketAnalysis = bind(MarketAnalysis.decider, MarketAnalysis.commands, 'analysisId', {
  facts: {
    AttachEvidence: async (c, ctx) => ({ evidence: await evidenceFor(ctx, c.kind, c.period) }),
    DelegateDataTask: async (c, ctx) => ({ delegateActive: await onStaff(ctx, c.to) }),
    Decide: async (_c, ctx) => {
      const a = await ctx.load<MarketAnalysis.MarketAnalysis>('MarketAnalysis', ctx.id);
      const dataTasksDone: string[] = [];
      for (const taskId of a?.dataTasks ?? []) {
        const item = (await ctx.reader.get(
          WorkItem.strategyWorkQueueName,
          `item:${MarketAnalysis.dataTaskWorkItemId(ctx.id, taskId)}`,
        )) as WorkItem.WorkItemView | undefined;
        if (item?.status === 'completed' || item?.status === 'verified') dataTasksDone.push(taskId);
      }
      return { dataTasksDone };
    },
  },
});

/**
 * A market analysis's data task becomes a work item (MODULES.md S4 `DelegateDataTask` "creates a
 * `WorkItem`"): `CreateWorkItem` owned by the delegator (source `analysis`, `sourceRef`
 * `MarketAnalysis-<id>/<taskId>`, operational impact, due the task's day), then `DelegateWorkItem`
 * to the delegate, who accepts or declines it and completes it like any delegated item.
 */
export const dataTaskWorkItems: ProcessManager = {
  name: 'strategy-data-task-work-items',
  eventTypes: ['DataTaskDelegated'],
  grants: ['WorkItem.CreateWorkItem', 'WorkItem.DelegateWorkItem'],
  react: (event) => {
    const d = event.data as Extract<
      MarketAnalysis.MarketAnalysisEvent,
      { type: 'DataTaskDelegated' }
    >['data'];
    const create: Reaction['command'] & Record<string, unknown> = {
      type: 'CreateWorkItem',
      workItemId: d.workItemId,
      title: d.title,
      source: 'analysis',
      sourceRef: `MarketAnalysis-${d.analysisId}/${d.taskId}`,
      impact: 'operational',
      ownerId: d.delegatedBy,
      dueOn: d.dueOn,
    };
    const delegate: Reaction['command'] & Record<string, unknown> = {
      type: 'DelegateWorkItem',
      workItemId: d.workItemId,
      to: d.to,
      expectations: d.expectations,
      dueOn: d.dueOn,
    };
    return [
      { aggregate: 'WorkItem', command: create },
      { aggregate: 'WorkItem', command: delegate },
    ];
  },
};

/** What every staff role may do with work items: create them, answer delegations, complete and verify. */
const workItemGrants = [
  'WorkItem.CreateWorkItem',
  'WorkItem.DelegateWorkItem',
  'WorkItem.AcceptWorkItem',
  'WorkItem.DeclineWorkItem',
  'WorkItem.CompleteWorkItem',
  'WorkItem.VerifyWorkItem',
  'Goal.ReviewCheckpoint',
];

/**
 * Strategic planning (MODULES.md §3.4), area `strategy`: goals judged by the log (S2) and the
 * work queue (S5), their read models, calendar obligations and KPIs. Every role but the auditor
 * works its own queue (accepting or declining is still only the delegate's, by `decide`).
 */
export const strategyModule = defineModule({
  area: 'strategy',
  aggregates: [goal, workItem, initiative, marketAnalysis],
  projections: [
    Goal.strategyGoals,
    WorkItem.strategyWorkQueue,
    Initiative.strategyInitiatives,
    strategyObligations,
  ],
  kpis: [...Goal.goalKpis, ...WorkItem.workItemKpis, ...Initiative.initiativeKpis],
  processManagers: [dataTaskWorkItems],
  roles: {
    physician: workItemGrants,
    biller: workItemGrants,
    hr: workItemGrants,
    compliance_officer: workItemGrants,
    staff: workItemGrants,
  },
});
