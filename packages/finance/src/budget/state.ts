import type { BudgetEvent, BudgetLine, VolumeProjection } from './events.js';

/** Where a budget stands in its life: drafted, submitted, approved (in force), closed. */
export type BudgetStatus = 'none' | 'draft' | 'submitted' | 'approved' | 'closed';

/** One line as the budget holds it: what is allowed and what was spent. */
export interface LineState {
  readonly category: string;
  readonly months: Readonly<Record<string, number>>;
  /** Sum of the monthly amounts (cents). */
  readonly budgeted: number;
  /** Sum of approved variances: extra spending allowed beyond `budgeted`. */
  readonly approvedVariance: number;
  /** Expenses recorded against the line (cents). */
  readonly spent: number;
}

/** A variance request waiting for approval. */
export interface PendingVariance {
  readonly category: string;
  readonly amount: number;
}

/** The state a Budget decides on. */
export interface State {
  readonly status: BudgetStatus;
  readonly budgetId: string;
  readonly startsOn: string;
  /** The 12 calendar months `YYYY-MM` of the fiscal year. */
  readonly months: readonly string[];
  readonly timeZone: string;
  readonly lines: Readonly<Record<string, LineState>>;
  readonly projections: readonly VolumeProjection[];
  readonly pendingVariances: Readonly<Record<string, PendingVariance>>;
  readonly approvedVariances: readonly string[];
  readonly expenseIds: readonly string[];
  /** Each expense's category and net amount after corrections (cents), by expense id. */
  readonly expenses: Readonly<Record<string, { readonly category: string; readonly net: number }>>;
  readonly revision: number;
}

/** A budget that has not been drafted. */
export const initialState: State = {
  status: 'none',
  budgetId: '',
  startsOn: '',
  months: [],
  timeZone: '',
  lines: {},
  projections: [],
  pendingVariances: {},
  approvedVariances: [],
  expenseIds: [],
  expenses: {},
  revision: 0,
};

/** The 12 months `YYYY-MM` starting at the month of `startsOn` (`YYYY-MM-DD`). */
export const fiscalMonths = (startsOn: string): string[] => {
  const y = Number(startsOn.slice(0, 4));
  const m = Number(startsOn.slice(5, 7));
  return Array.from({ length: 12 }, (_, i) => {
    const k = m - 1 + i;
    return `${y + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
};

/** Total of a line's monthly amounts. */
export const lineTotal = (line: BudgetLine): number => Object.values(line.months).reduce((a, b) => a + b, 0);

const setLine = (lines: State['lines'], line: BudgetLine): State['lines'] => {
  const prev = lines[line.category];
  return {
    ...lines,
    [line.category]: {
      category: line.category,
      months: line.months,
      budgeted: lineTotal(line),
      approvedVariance: prev?.approvedVariance ?? 0,
      spent: prev?.spent ?? 0,
    },
  };
};

/** Applies one Budget event. Pure. */
export const evolve = (s: State, e: BudgetEvent): State => {
  switch (e.type) {
    case 'BudgetDrafted':
      return {
        ...initialState,
        status: 'draft',
        budgetId: e.data.budgetId,
        startsOn: e.data.startsOn,
        months: fiscalMonths(e.data.startsOn),
        timeZone: e.data.timeZone,
        projections: e.data.projections,
        lines: e.data.lines.reduce(setLine, {}),
      };
    case 'BudgetLineSet':
      return { ...s, lines: setLine(s.lines, e.data.line) };
    case 'BudgetSubmitted':
      return { ...s, status: 'submitted' };
    case 'BudgetApproved':
      return { ...s, status: 'approved' };
    case 'BudgetReturned':
      return { ...s, status: 'draft' };
    case 'BudgetRevised':
      return { ...s, revision: e.data.revision, lines: e.data.lines.reduce(setLine, s.lines) };
    case 'BudgetVarianceRequested':
      return {
        ...s,
        pendingVariances: {
          ...s.pendingVariances,
          [e.data.varianceId]: { category: e.data.category, amount: e.data.amount },
        },
      };
    case 'BudgetVarianceApproved': {
      const { [e.data.varianceId]: _approved, ...pending } = s.pendingVariances;
      const line = s.lines[e.data.category];
      return {
        ...s,
        pendingVariances: pending,
        approvedVariances: [...s.approvedVariances, e.data.varianceId],
        lines:
          line === undefined
            ? s.lines
            : {
                ...s.lines,
                [e.data.category]: { ...line, approvedVariance: line.approvedVariance + e.data.amount },
              },
      };
    }
    case 'BudgetExpenseRecorded': {
      const line = s.lines[e.data.category];
      return {
        ...s,
        expenseIds: [...s.expenseIds, e.data.expenseId],
        expenses: { ...s.expenses, [e.data.expenseId]: { category: e.data.category, net: e.data.amount } },
        lines:
          line === undefined
            ? s.lines
            : { ...s.lines, [e.data.category]: { ...line, spent: line.spent + e.data.amount } },
      };
    }
    case 'BudgetExpenseCorrected': {
      const line = s.lines[e.data.category];
      const original = s.expenses[e.data.corrects];
      return {
        ...s,
        expenseIds: [...s.expenseIds, e.data.correctionId],
        expenses:
          original === undefined
            ? s.expenses
            : { ...s.expenses, [e.data.corrects]: { ...original, net: original.net + e.data.amount } },
        lines:
          line === undefined
            ? s.lines
            : { ...s.lines, [e.data.category]: { ...line, spent: line.spent + e.data.amount } },
      };
    }
    case 'BudgetForecastRevised':
      return { ...s, projections: e.data.projections };
    case 'BudgetYearClosed':
      return { ...s, status: 'closed' };
  }
};
