import type { ReadModelReader } from '@praxis/core';
import type { Period } from '../period.js';
import { loadBudgets, type BudgetDoc } from './budgets-projection.js';
import { loadClaims, type ClaimDoc } from './claims-projection.js';
import { netCollections } from './revenue-cycle.js';

/** Budget against actual for one line (or the total) over a period. Cents. */
export interface VarianceRow {
  readonly category: string;
  readonly budget: number;
  readonly actual: number;
  /** actual − budget (positive: overspent). */
  readonly variance: number;
  /** variance ÷ budget × 100; `undefined` when the budget is zero (never infinity). */
  readonly variancePct: number | undefined;
}

/**
 * Revenue against the volume projections: budgeted (visits × net revenue per visit as
 * drafted), the latest forecast, and actual net collections (payer and patient payments in
 * the period). `variance` and `variancePct` compare actual with budgeted.
 */
export interface RevenueRow extends VarianceRow {
  readonly forecast: number;
}

/** Budget vs actual by line and in total (expenses), and revenue against projections. */
export interface BudgetVsActual {
  readonly period: string;
  readonly lines: readonly VarianceRow[];
  readonly total: VarianceRow;
  readonly revenue: RevenueRow;
}

const inPeriod = (months: Readonly<Record<string, number>> | undefined, p: Period): number =>
  p.months.reduce((t, m) => t + (months?.[m] ?? 0), 0);

/**
 * Budget variance = actual − budget per line for the period; variance % = variance ÷ budget
 * × 100, undefined when the budget line is zero (DOMAIN.md "Budget variance"). A line's budget
 * for the period is the sum of its monthly amounts in the period's months (latest revision);
 * actual is the expenses incurred in those months.
 */
export const varianceRow = (category: string, budget: number, actual: number): VarianceRow => ({
  category,
  budget,
  actual,
  variance: actual - budget,
  variancePct: budget === 0 ? undefined : ((actual - budget) / budget) * 100,
});

/**
 * Budget vs actual (pure) over the budgets in force (approved or closed) whose months overlap
 * the period; categories are summed across budgets when a period spans two fiscal years.
 * Revenue's actual is the period's net collections: from the claim documents, or given in cents
 * (as the KPIs read it from the claim totals).
 */
export const budgetVsActualOf = (
  budgets: readonly BudgetDoc[],
  claims: readonly ClaimDoc[] | number,
  p: Period,
): BudgetVsActual => {
  const rows = new Map<string, { budget: number; actual: number }>();
  let budgetedRevenue = 0;
  let forecastRevenue = 0;
  const revenueIn = (ps: readonly { month: string; projectedRevenue: number }[]) =>
    ps.filter((x) => p.months.includes(x.month)).reduce((t, x) => t + x.projectedRevenue, 0);
  for (const b of budgets) {
    if (b.status !== 'approved' && b.status !== 'closed') continue;
    budgetedRevenue += revenueIn(b.budgetedProjections);
    forecastRevenue += revenueIn(b.projections);
    for (const cat of new Set([...Object.keys(b.lines), ...Object.keys(b.actual)])) {
      const r = rows.get(cat) ?? { budget: 0, actual: 0 };
      rows.set(cat, {
        budget: r.budget + inPeriod(b.lines[cat], p),
        actual: r.actual + inPeriod(b.actual[cat], p),
      });
    }
  }
  const lines = [...rows.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([cat, r]) => varianceRow(cat, r.budget, r.actual));
  return {
    period: p.label,
    lines,
    total: varianceRow(
      'total',
      lines.reduce((t, l) => t + l.budget, 0),
      lines.reduce((t, l) => t + l.actual, 0),
    ),
    revenue: {
      ...varianceRow(
        'net revenue',
        budgetedRevenue,
        typeof claims === 'number' ? claims : netCollections(claims, p),
      ),
      forecast: forecastRevenue,
    },
  };
};

/**
 * Budget vs actual by line and total for a period, from the `finance-budgets` read model.
 *
 * @example
 * const bva = await budgetVsActual(reader, periodOf('2026-Q1', 'America/New_York'));
 * bva.total.variancePct; // e.g. 4.2, or undefined when nothing was budgeted
 */
export const budgetVsActual = async (reader: ReadModelReader, period: Period): Promise<BudgetVsActual> =>
  budgetVsActualOf(await loadBudgets(reader), await loadClaims(reader), period);

/** Shows a variance % with one decimal, or `n/a` when it is undefined (a zero budget). */
export const formatVariancePct = (pct: number | undefined): string =>
  pct === undefined ? 'n/a' : `${pct >= 0 ? '+' : ''}${pct.toFixed(1)}%`;
