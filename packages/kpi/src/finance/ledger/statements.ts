import type { ReadModelReader } from '@praxis/core';
import { periodOf, type Period } from '../../period.js';
import { boundsOf } from '../revenue-cycle.js';
import { accounts, debitNormal, type AccountCode, type JournalEntry } from './accounts.js';
import { loadJournal } from './projection.js';

/** One row of the trial balance: an account (and sub-ledger), its debits, credits and balance. Cents. */
export interface TrialBalanceRow {
  readonly account: AccountCode;
  readonly name: string;
  readonly detail: string;
  readonly debit: number;
  readonly credit: number;
  /** debit − credit for debit-normal accounts, credit − debit otherwise. */
  readonly balance: number;
}

/** The trial balance at an instant: every account's postings before it. */
export interface TrialBalance {
  /** The instant (exclusive, epoch ms) postings are counted up to. */
  readonly before: number;
  readonly rows: readonly TrialBalanceRow[];
  readonly totalDebits: number;
  readonly totalCredits: number;
}

/**
 * The trial balance of the postings before `before` (epoch ms), one row per account and
 * sub-ledger, in account order. Σ debits = Σ credits whenever every entry balances.
 */
export const trialBalanceOf = (journal: readonly JournalEntry[], before: number): TrialBalance => {
  const rows = new Map<string, { account: AccountCode; detail: string; debit: number; credit: number }>();
  let totalDebits = 0;
  let totalCredits = 0;
  for (const e of journal) {
    if (e.t >= before) continue;
    for (const l of e.lines) {
      const detail = l.detail ?? '';
      const k = `${l.account}\u0000${detail}`;
      const r = rows.get(k) ?? { account: l.account, detail, debit: 0, credit: 0 };
      r.debit += l.debit;
      r.credit += l.credit;
      rows.set(k, r);
      totalDebits += l.debit;
      totalCredits += l.credit;
    }
  }
  return {
    before,
    rows: [...rows.values()]
      .sort((a, b) => a.account.localeCompare(b.account) || a.detail.localeCompare(b.detail))
      .map((r) => ({
        ...r,
        name: accounts[r.account].name,
        balance: debitNormal(accounts[r.account].type) ? r.debit - r.credit : r.credit - r.debit,
      })),
    totalDebits,
    totalCredits,
  };
};

/** Net movement (debit − credit) of accounts in a window of epoch ms [from, to). */
const movement = (
  journal: readonly JournalEntry[],
  from: number,
  to: number,
  keep: (account: AccountCode) => boolean,
): Map<string, number> => {
  const out = new Map<string, number>();
  for (const e of journal) {
    if (e.t < from || e.t >= to) continue;
    for (const l of e.lines)
      if (keep(l.account)) {
        const k = `${l.account}\u0000${l.detail ?? ''}`;
        out.set(k, (out.get(k) ?? 0) + l.debit - l.credit);
      }
  }
  return out;
};
const total = (m: Map<string, number>, account: AccountCode): number => {
  let t = 0;
  for (const [k, v] of m) if (k.startsWith(`${account}\u0000`)) t += v;
  return t;
};
const byDetail = (m: Map<string, number>, account: AccountCode, sign = 1): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const [k, v] of [...m].sort(([a], [b]) => a.localeCompare(b)))
    if (k.startsWith(`${account}\u0000`) && v !== 0) out[k.slice(account.length + 1)] = sign < 0 ? neg(v) : v;
  return out;
};

/** The income statement of one period, from the ledger. Cents. */
export interface LedgerIncomeStatement {
  readonly period: string;
  /** 4000: charges recognised in the period (less reversals by correction), by payer. */
  readonly grossRevenue: number;
  readonly grossRevenueByPayer: Readonly<Record<string, number>>;
  /** 4100: contractual adjustments posted in the period. */
  readonly contractualAdjustments: number;
  /** 4200: write-offs posted in the period, by reason. */
  readonly writeOffs: number;
  readonly writeOffsByReason: Readonly<Record<string, number>>;
  /** 4300: overpayments identified in the period (revenue owed back to payers), by payer. */
  readonly overpaymentRefunds: number;
  /** grossRevenue − contractualAdjustments − writeOffs − overpaymentRefunds. */
  readonly netPatientServiceRevenue: number;
  /** 5000: expenses incurred in the period, by budget category. */
  readonly expenses: Readonly<Record<string, number>>;
  readonly totalExpenses: number;
  /** netPatientServiceRevenue − totalExpenses. */
  readonly netIncome: number;
}

/** The balance sheet at the end of a period (the first instant after it), from the ledger. Cents. */
export interface BalanceSheet {
  readonly period: string;
  /** The last day it stands at the end of. */
  readonly asOf: string;
  readonly assets: {
    readonly cash: number;
    readonly accountsReceivable: number;
    readonly accountsReceivableByPayer: Readonly<Record<string, number>>;
    readonly total: number;
  };
  readonly liabilities: {
    /** 2100: overpayments identified and not yet refunded, by payer. */
    readonly overpaymentsPayable: number;
    readonly total: number;
  };
  readonly equity: {
    /** 3000: owner equity (opening balances). */
    readonly ownerEquity: number;
    /** Net income of every posting before the date: revenue − contra-revenue − expenses. */
    readonly retainedEarnings: number;
    readonly total: number;
  };
}

/** The cash flow of one period, from the ledger: direct lines and the indirect reconciliation. Cents. */
export interface LedgerCashFlow {
  readonly period: string;
  readonly beginningCash: number;
  readonly receiptsFromPayers: number;
  readonly receiptsFromPatients: number;
  /** Cash paid for expenses, by budget category, net of vendor credits (usually positive). */
  readonly paidForExpenses: Readonly<Record<string, number>>;
  /** Cash returned to payers for overpayments (positive). */
  readonly refundsToPayers: number;
  /** receipts − payments: the change in cash. */
  readonly netChangeInCash: number;
  readonly endingCash: number;
  /** Indirect method: net income − increase in A/R + increase in payables = operating cash flow (= netChangeInCash). */
  readonly indirect: {
    readonly netIncome: number;
    readonly increaseInReceivables: number;
    readonly increaseInPayables: number;
    readonly operatingCashFlow: number;
  };
}

/** Negates without producing −0. */
const neg = (x: number): number => (x === 0 ? 0 : -x);

const isRevenueOrExpense = (a: AccountCode): boolean => a >= '4000';

/** Income statement of a period from journal entries (pure). */
export const ledgerIncomeStatementOf = (
  journal: readonly JournalEntry[],
  p: Period,
): LedgerIncomeStatement => {
  const { start, end } = boundsOf(p);
  const m = movement(journal, start, end, isRevenueOrExpense);
  const grossRevenue = neg(total(m, '4000'));
  const contractualAdjustments = total(m, '4100');
  const writeOffs = total(m, '4200');
  const overpaymentRefunds = total(m, '4300');
  const expenses = byDetail(m, '5000');
  const totalExpenses = total(m, '5000');
  const net = grossRevenue - contractualAdjustments - writeOffs - overpaymentRefunds;
  return {
    period: p.label,
    grossRevenue,
    grossRevenueByPayer: byDetail(m, '4000', -1),
    contractualAdjustments,
    writeOffs,
    writeOffsByReason: byDetail(m, '4200'),
    overpaymentRefunds,
    netPatientServiceRevenue: net,
    expenses,
    totalExpenses,
    netIncome: net - totalExpenses,
  };
};

/** Balance sheet at the end of a period from journal entries (pure). */
export const balanceSheetOf = (journal: readonly JournalEntry[], p: Period): BalanceSheet => {
  const { end } = boundsOf(p);
  const m = movement(journal, -Infinity, end, () => true);
  const cash = total(m, '1000');
  const ar = total(m, '1100');
  const ownerEquity = neg(total(m, '3000'));
  const payable = neg(total(m, '2100'));
  const retainedEarnings = neg(
    total(m, '4000') + total(m, '4100') + total(m, '4200') + total(m, '4300') + total(m, '5000'),
  );
  return {
    period: p.label,
    asOf: p.lastDay,
    assets: {
      cash,
      accountsReceivable: ar,
      accountsReceivableByPayer: byDetail(m, '1100'),
      total: cash + ar,
    },
    liabilities: { overpaymentsPayable: payable, total: payable },
    equity: { ownerEquity, retainedEarnings, total: ownerEquity + retainedEarnings },
  };
};

/** Cash flow of a period from journal entries (pure). */
export const ledgerCashFlowOf = (journal: readonly JournalEntry[], p: Period): LedgerCashFlow => {
  const { start, end } = boundsOf(p);
  const before = movement(journal, -Infinity, start, (a) => a === '1000');
  const beginningCash = total(before, '1000');
  let fromPayers = 0;
  let fromPatients = 0;
  const paid: Record<string, number> = {};
  let refunds = 0;
  let arChange = 0;
  let payablesChange = 0;
  for (const e of journal) {
    if (e.t < start || e.t >= end) continue;
    const cash = e.lines.find((l) => l.account === '1000');
    for (const l of e.lines) {
      if (l.account === '1100') arChange += l.debit - l.credit;
      if (l.account === '2100') payablesChange += l.credit - l.debit;
    }
    if (cash === undefined) continue;
    const expense = e.lines.find((l) => l.account === '5000');
    if (cash.debit > 0 && expense !== undefined) {
      // a vendor credit (an expense corrected down): less paid for that category
      const category = expense.detail ?? 'other';
      paid[category] = (paid[category] ?? 0) - cash.debit;
    } else if (cash.debit > 0) {
      if (cash.detail === 'patient') fromPatients += cash.debit;
      else fromPayers += cash.debit;
    }
    if (cash.credit > 0 && e.lines.some((l) => l.account === '2100')) refunds += cash.credit;
    else if (cash.credit > 0) {
      const category = e.lines.find((l) => l.account === '5000')?.detail ?? 'other';
      paid[category] = (paid[category] ?? 0) + cash.credit;
    }
  }
  const paidOut = Object.values(paid).reduce((a, b) => a + b, 0);
  const netChangeInCash = fromPayers + fromPatients - paidOut - refunds;
  const netIncome = ledgerIncomeStatementOf(journal, p).netIncome;
  return {
    period: p.label,
    beginningCash,
    receiptsFromPayers: fromPayers,
    receiptsFromPatients: fromPatients,
    paidForExpenses: Object.fromEntries(Object.entries(paid).sort(([a], [b]) => a.localeCompare(b))),
    refundsToPayers: refunds,
    netChangeInCash,
    endingCash: beginningCash + netChangeInCash,
    indirect: {
      netIncome,
      increaseInReceivables: arChange,
      increaseInPayables: payablesChange,
      operatingCashFlow: netIncome - arChange + payablesChange,
    },
  };
};

/** The three statements of one month. */
export interface MonthlyStatements {
  readonly month: string;
  readonly income: LedgerIncomeStatement;
  readonly balanceSheet: BalanceSheet;
  readonly cashFlow: LedgerCashFlow;
}

/** Income statement, balance sheet and cash flow for each month of a period (pure). */
export const statementsOf = (journal: readonly JournalEntry[], p: Period): MonthlyStatements[] =>
  p.months.map((label) => {
    const m = periodOf(label, p.zone);
    return {
      month: label,
      income: ledgerIncomeStatementOf(journal, m),
      balanceSheet: balanceSheetOf(journal, m),
      cashFlow: ledgerCashFlowOf(journal, m),
    };
  });

/**
 * The three financial statements for each month of a period, from the `finance-ledger` read
 * model: they come from one set of balanced journal entries, so assets = liabilities + equity
 * at every month end, and each month's cash flow equals its change in cash.
 *
 * @example
 * const months = await financialStatements(reader, periodOf('2026', 'America/New_York'));
 * months[0].balanceSheet.assets.total === months[0].balanceSheet.equity.total; // true
 */
export const financialStatements = async (
  reader: ReadModelReader,
  period: Period,
): Promise<MonthlyStatements[]> => statementsOf(await loadJournal(reader), period);

/**
 * The trial balance at the end of a period (postings before its first instant after), from the
 * `finance-ledger` read model.
 */
export const trialBalance = async (reader: ReadModelReader, period: Period): Promise<TrialBalance> =>
  trialBalanceOf(await loadJournal(reader), boundsOf(period).end);

/** The trial balance as CSV: `account,name,detail,debit,credit,balance` in cents, then a total row. */
export const trialBalanceCsv = (tb: TrialBalance): string => {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const lines = ['account,name,detail,debit_cents,credit_cents,balance_cents'];
  for (const r of tb.rows)
    lines.push([r.account, q(r.name), q(r.detail), r.debit, r.credit, r.balance].join(','));
  lines.push(['total', '', '', tb.totalDebits, tb.totalCredits, ''].join(','));
  return `${lines.join('\n')}\n`;
};
