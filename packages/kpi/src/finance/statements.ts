import type { ReadModelReader } from '@praxis/core';
import { instantInPeriod, periodOf, type Period } from '../period.js';
import { loadBudgets, type BudgetDoc } from './budgets-projection.js';
import { loadClaims, type ClaimDoc } from './claims-projection.js';
import { contractualAdjustments, grossCharges } from './revenue-cycle.js';

/** One month of the income statement. Cents. */
export interface IncomeStatementMonth {
  readonly month: string;
  /** Charges with a date of service in the month. */
  readonly grossCharges: number;
  /** Contractual adjustments posted in the month. */
  readonly contractualAdjustments: number;
  /** Write-offs (any reason) posted in the month. */
  readonly writeOffs: number;
  /** grossCharges − contractualAdjustments − writeOffs. */
  readonly netPatientServiceRevenue: number;
  /** Expenses incurred in the month, by budget category. */
  readonly expenses: Readonly<Record<string, number>>;
  readonly totalExpenses: number;
  /** netPatientServiceRevenue − totalExpenses. */
  readonly netIncome: number;
}

/** One month of the cash-flow statement. Cents. */
export interface CashFlowMonth {
  readonly month: string;
  readonly payerPayments: number;
  readonly patientPayments: number;
  /** payerPayments + patientPayments (= net collections of the month). */
  readonly cashIn: number;
  /** Expenses recorded in the month (treated as paid when incurred). */
  readonly cashOut: number;
  /** cashIn − cashOut. */
  readonly netCashFlow: number;
  /** Running sum of netCashFlow from the first month of the period. */
  readonly cumulative: number;
}

const expensesIn = (budgets: readonly BudgetDoc[], month: string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const b of budgets)
    for (const [cat, months] of Object.entries(b.actual)) {
      const v = months[month] ?? 0;
      if (v !== 0) out[cat] = (out[cat] ?? 0) + v;
    }
  return out;
};

const ledgerSum = (claims: readonly ClaimDoc[], p: Period, kind: string): number =>
  claims.reduce(
    (t, c) =>
      t +
      c.ledger.filter((l) => l.kind === kind && instantInPeriod(l.at, p)).reduce((a, l) => a + l.amount, 0),
    0,
  );

const monthsOf = (p: Period): Period[] => p.months.map((m) => periodOf(m, p.zone));

/**
 * Income statement by month (pure). Revenue follows DOMAIN.md: gross charges by date of
 * service, less contractual adjustments and write-offs posted in the month; expenses are
 * the budget expenses incurred in the month.
 */
export const incomeStatementOf = (
  claims: readonly ClaimDoc[],
  budgets: readonly BudgetDoc[],
  p: Period,
): IncomeStatementMonth[] =>
  monthsOf(p).map((m) => {
    const gross = grossCharges(claims, m);
    const adj = contractualAdjustments(claims, m);
    const writeOffs = ledgerSum(claims, m, 'write-off');
    const expenses = expensesIn(budgets, m.label);
    const totalExpenses = Object.values(expenses).reduce((a, b) => a + b, 0);
    const net = gross - adj - writeOffs;
    return {
      month: m.label,
      grossCharges: gross,
      contractualAdjustments: adj,
      writeOffs,
      netPatientServiceRevenue: net,
      expenses,
      totalExpenses,
      netIncome: net - totalExpenses,
    };
  });

/** Cash flow by month (pure): payments in, expenses out, and the running total. */
export const cashFlowOf = (
  claims: readonly ClaimDoc[],
  budgets: readonly BudgetDoc[],
  p: Period,
): CashFlowMonth[] => {
  let cumulative = 0;
  return monthsOf(p).map((m) => {
    const payer = ledgerSum(claims, m, 'payer-payment');
    const patient = ledgerSum(claims, m, 'patient-payment');
    const cashOut = Object.values(expensesIn(budgets, m.label)).reduce((a, b) => a + b, 0);
    const net = payer + patient - cashOut;
    cumulative += net;
    return {
      month: m.label,
      payerPayments: payer,
      patientPayments: patient,
      cashIn: payer + patient,
      cashOut,
      netCashFlow: net,
      cumulative,
    };
  });
};

/**
 * The income statement of each month in a period.
 *
 * @example
 * const months = await incomeStatement(reader, periodOf('2026-Q1', 'America/New_York'));
 */
export const incomeStatement = async (
  reader: ReadModelReader,
  period: Period,
): Promise<IncomeStatementMonth[]> =>
  incomeStatementOf(await loadClaims(reader), await loadBudgets(reader), period);

/**
 * The cash flow of each month in a period.
 *
 * @example
 * const months = await cashFlow(reader, periodOf('2026', 'America/New_York'));
 */
export const cashFlow = async (reader: ReadModelReader, period: Period): Promise<CashFlowMonth[]> =>
  cashFlowOf(await loadClaims(reader), await loadBudgets(reader), period);
