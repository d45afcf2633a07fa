import type { Json, Projection, ReadModelReader, RecordedEvent } from '@praxis/core';
import { Budget } from '@praxis/finance';

/** The read model of one budget: lines by month, actual spending by month, the forecast. */
export interface BudgetDoc {
  readonly budgetId: string;
  readonly fiscalYear: string;
  readonly startsOn: string;
  readonly timeZone: string;
  readonly currency: string;
  readonly status: Budget.BudgetStatus;
  readonly revision: number;
  /** Category → month `YYYY-MM` → budgeted cents (latest revision). */
  readonly lines: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Category → month `YYYY-MM` → cents spent (expenses by the month they were incurred). */
  readonly actual: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Category → approved variance cents. */
  readonly approvedVariances: Readonly<Record<string, number>>;
  /** The patient-volume projections the budget was drafted (and approved) with. */
  readonly budgetedProjections: readonly Budget.VolumeProjection[];
  /** The latest patient-volume forecast (the budgeted one until a forecast revision). */
  readonly projections: readonly Budget.VolumeProjection[];
}

/** Name of the budgets read model. */
export const BUDGETS = 'finance-budgets';

type Data<T extends Budget.BudgetEvent['type']> = Extract<Budget.BudgetEvent, { type: T }>['data'];

const withLines = (d: BudgetDoc, lines: readonly Budget.BudgetLine[]): BudgetDoc => ({
  ...d,
  lines: { ...d.lines, ...Object.fromEntries(lines.map((l) => [l.category, l.months])) },
});

const apply = (e: RecordedEvent): ((d: BudgetDoc) => BudgetDoc) | BudgetDoc | undefined => {
  switch (e.type as Budget.BudgetEvent['type']) {
    case 'BudgetDrafted': {
      const x = e.data as Data<'BudgetDrafted'>;
      return withLines(
        {
          budgetId: x.budgetId,
          fiscalYear: x.fiscalYear,
          startsOn: x.startsOn,
          timeZone: x.timeZone,
          currency: x.currency,
          status: 'draft',
          revision: 0,
          lines: {},
          actual: {},
          approvedVariances: {},
          budgetedProjections: x.projections,
          projections: x.projections,
        },
        x.lines,
      );
    }
    case 'BudgetLineSet':
      return (d) => withLines(d, [(e.data as Data<'BudgetLineSet'>).line]);
    case 'BudgetSubmitted':
      return (d) => ({ ...d, status: 'submitted' });
    case 'BudgetApproved':
      return (d) => ({ ...d, status: 'approved' });
    case 'BudgetReturned':
      return (d) => ({ ...d, status: 'draft' });
    case 'BudgetYearClosed':
      return (d) => ({ ...d, status: 'closed' });
    case 'BudgetRevised': {
      const x = e.data as Data<'BudgetRevised'>;
      return (d) => ({ ...withLines(d, x.lines), revision: x.revision });
    }
    case 'BudgetVarianceRequested':
      return undefined;
    case 'BudgetVarianceApproved': {
      const x = e.data as Data<'BudgetVarianceApproved'>;
      return (d) => ({
        ...d,
        approvedVariances: {
          ...d.approvedVariances,
          [x.category]: (d.approvedVariances[x.category] ?? 0) + x.amount,
        },
      });
    }
    case 'BudgetExpenseRecorded': {
      const x = e.data as Data<'BudgetExpenseRecorded'>;
      const month = x.incurredOn.slice(0, 7);
      return (d) => {
        const cat = d.actual[x.category] ?? {};
        return {
          ...d,
          actual: { ...d.actual, [x.category]: { ...cat, [month]: (cat[month] ?? 0) + x.amount } },
        };
      };
    }
    case 'BudgetExpenseCorrected': {
      // A correction counts in the month it is posted (the closed month keeps what it reported).
      const x = e.data as Data<'BudgetExpenseCorrected'>;
      const month = x.incurredOn.slice(0, 7);
      return (d) => {
        const cat = d.actual[x.category] ?? {};
        return {
          ...d,
          actual: { ...d.actual, [x.category]: { ...cat, [month]: (cat[month] ?? 0) + x.amount } },
        };
      };
    }
    case 'BudgetForecastRevised':
      return (d) => ({ ...d, projections: (e.data as Data<'BudgetForecastRevised'>).projections });
  }
};

/** `finance-budgets`: one document per budget (`budget:<budgetId>`). */
export const budgetsProjection: Projection = {
  name: BUDGETS,
  // 2: expense corrections
  version: 2,
  eventTypes: Budget.events.types,
  handle: (e) => {
    const r = apply(e);
    if (r === undefined) return [];
    const key = `budget:${(e.data as { budgetId: string }).budgetId}`;
    return [
      {
        key,
        update: (cur) =>
          typeof r === 'function'
            ? cur === undefined
              ? undefined
              : (r(cur as unknown as BudgetDoc) as unknown as Json)
            : (r as unknown as Json),
      },
    ];
  },
};

/** Every budget document, in id order. */
export const loadBudgets = async (reader: ReadModelReader): Promise<BudgetDoc[]> => {
  const out: BudgetDoc[] = [];
  for await (const [, doc] of reader.list(BUDGETS, 'budget:')) out.push(doc as unknown as BudgetDoc);
  return out;
};
