import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldProjections } from '@praxis/core';
import { periodOf } from '../../period.js';
import { budgetHistory } from '../budget-fixture.js';
import { claimsProjection, loadClaims } from '../claims-projection.js';
import { financeHistory, zone } from '../finance-fixture.js';
import { claimScript, history, runScripts, zone as randomZone } from '../random-claims.fixture.js';
import { arAtEnd } from '../revenue-cycle.js';
import { ledgerProjection, loadJournal } from './projection.js';
import {
  balanceSheetOf,
  ledgerCashFlowOf,
  ledgerIncomeStatementOf,
  statementsOf,
  trialBalanceCsv,
  trialBalanceOf,
} from './statements.js';

const journalOf = (events: Parameters<typeof foldProjections>[1]) =>
  loadJournal(foldProjections([ledgerProjection], events));
const fixture = () => journalOf([...financeHistory().events, ...budgetHistory().events]);

describe('general ledger: statements from one set of journal entries', () => {
  it('posts March 2026 of the fixture practice as computed by hand', async () => {
    const journal = await fixture();
    const march = periodOf('2026-03', zone);
    // revenue: A 20,000 + B 32,000 + D 15,000 + F 10,000 (registered 22:00 on 31 March in New York)
    expect(ledgerIncomeStatementOf(journal, march)).toEqual({
      period: '2026-03',
      grossRevenue: 77_000,
      grossRevenueByPayer: { aetna: 20_000, bcbs: 25_000, medicare: 32_000 },
      contractualAdjustments: 12_000, // A 6,000 + D 6,000
      writeOffs: 8_000, // C, denial
      writeOffsByReason: { denial: 8_000 },
      overpaymentRefunds: 0,
      netPatientServiceRevenue: 57_000,
      expenses: { marketing: 3_000, staffing: 110_000, supplies: 15_000 },
      totalExpenses: 128_000,
      netIncome: -71_000,
    });
    // cash: −95,000 (January payroll) + 6,000 (E paid in February) before March
    expect(ledgerCashFlowOf(journal, march)).toEqual({
      period: '2026-03',
      beginningCash: -89_000,
      receiptsFromPayers: 21_000, // A 12,000 + D 9,000
      receiptsFromPatients: 5_500, // E 1,500 + A 500 + A 1,000 + F 2,500
      paidForExpenses: { marketing: 3_000, staffing: 110_000, supplies: 15_000 },
      refundsToPayers: 0,
      netChangeInCash: -101_500,
      endingCash: -190_500,
      // A/R: 22,000 at the end of February → 52,500 at the end of March
      indirect: {
        netIncome: -71_000,
        increaseInReceivables: 30_500,
        increaseInPayables: 0,
        operatingCashFlow: -101_500,
      },
    });
    // retained earnings: C +20,000 (Nov 2025), Jan −85,000, Feb −2,000, Mar −71,000
    expect(balanceSheetOf(journal, march)).toEqual({
      period: '2026-03',
      asOf: '2026-03-31',
      assets: {
        cash: -190_500,
        accountsReceivable: 52_500,
        accountsReceivableByPayer: { aetna: 12_500, bcbs: 7_500, medicare: 32_500 },
        total: -138_000,
      },
      liabilities: { overpaymentsPayable: 0, total: 0 },
      equity: { ownerEquity: 0, retainedEarnings: -138_000, total: -138_000 },
    });
  });

  it('exports a trial balance whose debits equal its credits', async () => {
    const tb = trialBalanceOf(await fixture(), periodOf('2026-03', zone).interval.end.toMillis());
    expect(tb.totalDebits).toBe(tb.totalCredits);
    const csv = trialBalanceCsv(tb);
    expect(csv.split('\n')[0]).toBe('account,name,detail,debit_cents,credit_cents,balance_cents');
    expect(csv).toContain('1100,Accounts receivable,medicare,');
    expect(csv.trim().split('\n').at(-1)).toBe(`total,,,${tb.totalDebits},${tb.totalCredits},`);
  });

  it('reconciles by construction on random histories: balanced entries, A = L + E, cash flow = change in cash, ledger A/R = A/R as reported', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(claimScript, { minLength: 1, maxLength: 5 }), async (scripts) => {
        const h = history();
        runScripts(h, scripts);
        const journal = await journalOf(h.events);
        const claims = await loadClaims(foldProjections([claimsProjection], h.events));
        for (const e of journal) {
          const debits = e.lines.reduce((t, l) => t + l.debit, 0);
          expect(debits).toBe(e.lines.reduce((t, l) => t + l.credit, 0));
          expect(debits).toBeGreaterThan(0);
        }
        for (const m of statementsOf(journal, periodOf('2026', randomZone))) {
          const { assets, liabilities, equity } = m.balanceSheet;
          expect(assets.total).toBe(liabilities.total + equity.total);
          expect(m.cashFlow.endingCash).toBe(m.balanceSheet.assets.cash);
          expect(m.cashFlow.indirect.operatingCashFlow).toBe(m.cashFlow.netChangeInCash);
          expect(assets.accountsReceivable).toBe(
            arAtEnd(claims, periodOf(m.month, randomZone), 'as-reported'),
          );
        }
      }),
      { numRuns: 60 },
    );
  });
});
