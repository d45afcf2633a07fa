import type {
  DocUpdate,
  Json,
  KpiContext,
  KpiDefinition,
  Projection,
  ReadModelReader,
  RecordedEvent,
} from '@praxis/core';
import { events, type GoalKpiResult, type InitiativeEvent } from './initiative.js';

/** Name of the initiatives read model. */
export const strategyInitiativesName = 'strategy-initiatives';

/** The finance event an initiative's spending is read from (by name: strategy does not depend on finance). */
export const expenseRecordedType = 'BudgetExpenseRecorded';

/** One expense recorded with the initiative's id (finance `BudgetExpenseRecorded`). */
export interface InitiativeExpense {
  readonly expenseId: string;
  readonly budgetId: string;
  readonly category: string;
  readonly amountCents: number;
  readonly incurredOn: string;
}

/** A benefits review as recorded, with what the handler computed for it. */
export interface InitiativeReview {
  readonly months: number;
  readonly reviewedOn: string;
  readonly dueOn?: string;
  readonly goals: readonly GoalKpiResult[];
  readonly spentCents?: number;
}

/** An initiative as `strategy-initiatives` keeps it, under `initiative:<initiativeId>`. */
export interface InitiativeView {
  readonly initiativeId: string;
  readonly title: string;
  readonly status: 'proposed' | 'approved' | 'completed' | 'cancelled';
  readonly ownerId: string;
  readonly goalIds: readonly string[];
  readonly budget: { readonly budgetId: string; readonly category: string; readonly amountCents: number };
  readonly proposedOn: string;
  readonly approvedOn?: string;
  readonly paybackMonths?: number | null;
  readonly npvCents?: number;
  readonly monthlyNetBenefitCents?: number;
  /** Every expense recorded with its id, read from the log (never typed into the initiative). */
  readonly expenses: readonly InitiativeExpense[];
  /** Sum of `expenses` (cents). */
  readonly spentCents: number;
  readonly reviews: readonly InitiativeReview[];
  readonly closedOn?: string;
}

/** The key of an initiative's document. */
export const initiativeKey = (initiativeId: string): string => `initiative:${initiativeId}`;
const day = (instant: string) => instant.slice(0, 10);
const update = (id: string, f: (v: InitiativeView) => InitiativeView): DocUpdate => ({
  key: initiativeKey(id),
  update: (cur) => (cur === undefined ? undefined : (f(cur as unknown as InitiativeView) as unknown as Json)),
});

const initiativeDoc = (ev: InitiativeEvent): readonly DocUpdate[] => {
  switch (ev.type) {
    case 'InitiativeProposed': {
      const d = ev.data;
      const view: InitiativeView = {
        initiativeId: d.initiativeId,
        title: d.title,
        status: 'proposed',
        ownerId: d.ownerId,
        goalIds: d.goalIds,
        budget: d.budget,
        proposedOn: day(d.proposedAt),
        expenses: [],
        spentCents: 0,
        reviews: [],
      };
      return [{ key: initiativeKey(d.initiativeId), update: () => view as unknown as Json }];
    }
    case 'InitiativeApproved':
      return [
        update(ev.data.initiativeId, (v) => ({
          ...v,
          status: 'approved',
          approvedOn: day(ev.data.approvedAt),
          paybackMonths: ev.data.paybackMonths,
          npvCents: ev.data.npvCents,
          monthlyNetBenefitCents: ev.data.monthlyNetBenefitCents,
        })),
      ];
    case 'MilestoneCompleted':
      return [];
    case 'BenefitsReviewed': {
      const d = ev.data;
      const review: InitiativeReview = {
        months: d.months,
        reviewedOn: day(d.reviewedAt),
        goals: d.goals ?? [],
        ...(d.dueOn === undefined ? {} : { dueOn: d.dueOn }),
        ...(d.spentCents === undefined ? {} : { spentCents: d.spentCents }),
      };
      return [update(d.initiativeId, (v) => ({ ...v, reviews: [...v.reviews, review] }))];
    }
    case 'InitiativeCompleted':
      return [
        update(ev.data.initiativeId, (v) => ({ ...v, status: 'completed', closedOn: ev.data.completedOn })),
      ];
    case 'InitiativeCancelled':
      return [
        update(ev.data.initiativeId, (v) => ({
          ...v,
          status: 'cancelled',
          closedOn: day(ev.data.cancelledAt),
        })),
      ];
  }
};

interface ExpenseData {
  readonly budgetId: string;
  readonly expenseId: string;
  readonly category: string;
  readonly amount: number;
  readonly incurredOn: string;
  readonly initiativeId?: string;
}

/**
 * Read model `strategy-initiatives`: per initiative its plan, the business case frozen at
 * approval, its benefits reviews, and its spending — every finance `BudgetExpenseRecorded`
 * carrying its `initiativeId` (MODULES.md §3.4 S3: "spend vs allocation from the budget").
 */
export const strategyInitiatives: Projection = {
  name: strategyInitiativesName,
  version: 1,
  eventTypes: [...events.types, expenseRecordedType],
  handle: (e: RecordedEvent) => {
    if (e.type === expenseRecordedType) {
      const d = e.data as unknown as ExpenseData;
      if (d.initiativeId === undefined) return [];
      const expense: InitiativeExpense = {
        expenseId: d.expenseId,
        budgetId: d.budgetId,
        category: d.category,
        amountCents: d.amount,
        incurredOn: d.incurredOn,
      };
      return [
        update(d.initiativeId, (v) => ({
          ...v,
          expenses: [...v.expenses, expense],
          spentCents: v.spentCents + d.amount,
        })),
      ];
    }
    return events.has(e.type) ? initiativeDoc(e as unknown as InitiativeEvent) : [];
  },
};

/** Every initiative in `strategy-initiatives`. */
export const listInitiatives = async (reader: ReadModelReader): Promise<InitiativeView[]> => {
  const out: InitiativeView[] = [];
  for await (const [, doc] of reader.list(strategyInitiativesName, 'initiative:'))
    out.push(doc as unknown as InitiativeView);
  return out;
};

/** An initiative's spending (cents) on expenses incurred on or before `day`. */
export const spentBy = (v: InitiativeView, day: string): number =>
  v.expenses.filter((x) => x.incurredOn <= day).reduce((n, x) => n + x.amountCents, 0);

/**
 * The initiatives KPI (MODULES.md §3.4 "initiatives on budget"): approved initiatives running at
 * the period's end (approved by then, not closed before the period began) whose spending
 * incurred by the period's end is within their allocation ÷ such initiatives × 100.
 */
export const initiativeKpis: readonly KpiDefinition[] = [
  {
    id: 'initiativesOnBudget',
    label: 'Initiatives on budget %',
    area: 'strategy',
    unit: 'percent',
    direction: 'higher-is-better',
    formula:
      'approved initiatives running in the period whose spend to its end ≤ allocation ÷ approved initiatives running in the period × 100',
    source: 'MODULES.md S3',
    compute: async (ctx: KpiContext) => {
      const { firstDay, lastDay } = ctx.period;
      let running = 0;
      let within = 0;
      for (const v of await ctx.shared('strategy:initiatives', (reader) => listInitiatives(reader))) {
        if (v.approvedOn === undefined || v.approvedOn > lastDay) continue;
        if (v.closedOn !== undefined && v.closedOn < firstDay) continue;
        running++;
        if (spentBy(v, lastDay) <= v.budget.amountCents) within++;
      }
      return running === 0 ? undefined : (within / running) * 100;
    },
  },
];
