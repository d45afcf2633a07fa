import { describe, expect, it } from 'vitest';
import { foldProjections } from '@praxis/core';
import { periodOf } from '../period.js';
import { budgetHistory } from './budget-fixture.js';
import { budgetsProjection } from './budgets-projection.js';
import { claimsProjection } from './claims-projection.js';
import { financeHistory, zone } from './finance-fixture.js';
import { cashFlow, incomeStatement } from './statements.js';

// Claims from finance-fixture.ts and expenses from budget-fixture.ts, computed by hand.
const reader = () =>
  foldProjections(
    [claimsProjection, budgetsProjection],
    [...financeHistory().events, ...budgetHistory().events],
  );

describe('income statement and cash flow by month', () => {
  it('income statement for Q1 2026', async () => {
    const months = await incomeStatement(reader(), periodOf('2026-Q1', zone));
    expect(months).toEqual([
      // Jan: gross E 10,000; no adjustments or write-offs posted; expenses payroll 95,000 → 10,000 − 95,000
      {
        month: '2026-01',
        grossCharges: 10_000,
        contractualAdjustments: 0,
        writeOffs: 0,
        netPatientServiceRevenue: 10_000,
        expenses: { staffing: 95_000 },
        totalExpenses: 95_000,
        netIncome: -85_000,
      },
      // Feb: no charges; E's 2,000 adjustment posted → −2,000; no expenses
      {
        month: '2026-02',
        grossCharges: 0,
        contractualAdjustments: 2_000,
        writeOffs: 0,
        netPatientServiceRevenue: -2_000,
        expenses: {},
        totalExpenses: 0,
        netIncome: -2_000,
      },
      // Mar: 77,000 − 12,000 − 8,000 (C's denial write-off) = 57,000;
      // expenses 3,000 + 110,000 + 15,000 = 128,000 → 57,000 − 128,000 = −71,000
      {
        month: '2026-03',
        grossCharges: 77_000,
        contractualAdjustments: 12_000,
        writeOffs: 8_000,
        netPatientServiceRevenue: 57_000,
        expenses: { marketing: 3_000, staffing: 110_000, supplies: 15_000 },
        totalExpenses: 128_000,
        netIncome: -71_000,
      },
    ]);
  });

  it('cash flow for Q1 2026 with a running total', async () => {
    const months = await cashFlow(reader(), periodOf('2026-Q1', zone));
    expect(months).toEqual([
      // Jan: nothing in; 95,000 out → −95,000
      {
        month: '2026-01',
        payerPayments: 0,
        patientPayments: 0,
        cashIn: 0,
        cashOut: 95_000,
        netCashFlow: -95_000,
        cumulative: -95_000,
      },
      // Feb: E's payer payment 6,000 in → +6,000; −95,000 + 6,000 = −89,000
      {
        month: '2026-02',
        payerPayments: 6_000,
        patientPayments: 0,
        cashIn: 6_000,
        cashOut: 0,
        netCashFlow: 6_000,
        cumulative: -89_000,
      },
      // Mar: 21,000 + 5,500 = 26,500 in; 128,000 out → −101,500; −89,000 − 101,500 = −190,500
      {
        month: '2026-03',
        payerPayments: 21_000,
        patientPayments: 5_500,
        cashIn: 26_500,
        cashOut: 128_000,
        netCashFlow: -101_500,
        cumulative: -190_500,
      },
    ]);
  });
});
