import { Budget } from '@praxis/finance';
import type { CommandMethods } from '../area.js';
import { bind, type PracticeModule } from '../module.js';

/** Annual budgets: `practice.finance.draftBudget({ budgetId, … })`. */
export const budget = bind(
  Budget.decider,
  'budgetId',
  {
    DraftBudget: true,
    SetBudgetLine: true,
    SubmitBudget: true,
    ApproveBudget: true,
    ReturnBudget: true,
    ReviseBudget: true,
    RequestVariance: true,
    ApproveVariance: true,
    RecordExpense: true,
    ReviseForecast: true,
    CloseBudgetYear: true,
  },
  // A budget collects every expense of the year: load it from a snapshot.
  { snapshotEvery: 200 },
);

/** Financial oversight: budgets and the revenue cycle. */
export const financeModule: PracticeModule = {
  area: 'finance',
  aggregates: [budget],
  projections: [],
};

/** The finance commands of the facade. */
export type FinanceCommands = CommandMethods<typeof budget>;
