import { Finance } from '@praxis/kpi';
import { periodIn } from '@praxis/practice';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-code.js';
import { money, table } from '../format.js';
import { openPractice } from '../open.js';
import { UsageError } from '../usage-error.js';
import { str } from '../when.js';
import { latestYear } from './kpi.js';

const { Ledger } = Finance;

/** `praxis statements`: income statement, balance sheet and cash flow by month, or the trial balance. */
export const statements: CliCommand = {
  name: 'statements',
  summary:
    'income statement, balance sheet and cash flow by month from the general ledger; trial balance CSV',
  usage: [
    'praxis statements [--period 2026|2026-Q1|2026-03] [--format table|json] [--trial-balance] [--db file | --store url]',
    '',
    '  --period P        a year, quarter or month (default: the latest year with events); one column per month',
    '  --format F        table (default) or json (every statement with its detail)',
    '  --trial-balance   print the trial balance at the end of the period as CSV (cents) instead',
  ].join('\n'),
  options: { period: { type: 'string' }, format: { type: 'string' }, 'trial-balance': { type: 'boolean' } },
  run: async (ctx) => {
    const format = str(ctx.values.format) ?? 'table';
    if (format !== 'table' && format !== 'json')
      throw new UsageError(`--format must be table or json (got "${format}")`);
    const practice = await openPractice(ctx);
    try {
      const label = str(ctx.values.period) ?? (await latestYear(practice));
      const period = periodIn(label, practice.settings.timeZone);
      if (ctx.values['trial-balance'] === true) {
        ctx.io.out(Ledger.trialBalanceCsv(await Ledger.trialBalance(practice.readModels, period)).trimEnd());
        return ExitCode.ok;
      }
      const months = await Ledger.financialStatements(practice.readModels, period);
      if (format === 'json') {
        ctx.io.out(JSON.stringify(months, null, 2));
        return ExitCode.ok;
      }
      const $ = (cents: number) => money(cents, practice.settings.currency);
      const row = (name: string, pick: (m: Finance.Ledger.MonthlyStatements) => number) => [
        name,
        ...months.map((m) => $(pick(m))),
      ];
      const right = new Set(months.map((_, i) => i + 1));
      const head = ['', ...months.map((m) => m.month)];
      ctx.io.out(
        `${practice.settings.name}: financial statements for ${period.label} (from the general ledger)\n`,
      );
      ctx.io.out('Income statement');
      ctx.io.out(
        table(
          [
            head,
            row('Gross revenue (charges)', (m) => m.income.grossRevenue),
            row('Contractual adjustments', (m) => -m.income.contractualAdjustments),
            row('Write-offs', (m) => -m.income.writeOffs),
            row('Overpayment refunds', (m) => 0 - m.income.overpaymentRefunds),
            row('Net patient service revenue', (m) => m.income.netPatientServiceRevenue),
            row('Expenses', (m) => -m.income.totalExpenses),
            row('Net income', (m) => m.income.netIncome),
          ],
          right,
        ),
      );
      ctx.io.out('\nBalance sheet (end of month)');
      ctx.io.out(
        table(
          [
            head,
            row('Cash', (m) => m.balanceSheet.assets.cash),
            row('Accounts receivable', (m) => m.balanceSheet.assets.accountsReceivable),
            row('Total assets', (m) => m.balanceSheet.assets.total),
            row('Overpayments payable', (m) => m.balanceSheet.liabilities.overpaymentsPayable),
            row('Liabilities', (m) => m.balanceSheet.liabilities.total),
            row('Equity', (m) => m.balanceSheet.equity.total),
          ],
          right,
        ),
      );
      ctx.io.out('\nCash flow');
      ctx.io.out(
        table(
          [
            head,
            row('Beginning cash', (m) => m.cashFlow.beginningCash),
            row('Receipts from payers', (m) => m.cashFlow.receiptsFromPayers),
            row('Receipts from patients', (m) => m.cashFlow.receiptsFromPatients),
            row(
              'Paid for expenses',
              (m) => -Object.values(m.cashFlow.paidForExpenses).reduce((a, b) => a + b, 0),
            ),
            row('Refunds to payers', (m) => 0 - m.cashFlow.refundsToPayers),
            row('Net change in cash', (m) => m.cashFlow.netChangeInCash),
            row('Ending cash', (m) => m.cashFlow.endingCash),
          ],
          right,
        ),
      );
      return ExitCode.ok;
    } finally {
      await practice.close();
    }
  },
};
