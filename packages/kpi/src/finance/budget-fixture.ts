import { history } from './test-support.js';

/**
 * The budget every budget/statement test computes by hand. Fiscal year 2026 (Jan–Dec),
 * approved; cents.
 *
 * - staffing: 100,000 a month in Jan, Feb, Mar; expenses 95,000 (Jan 31) and 110,000 (Mar 31)
 * - supplies: drafted at 25,000 a month Jan–Mar, revised to 20,000 a month; expense 15,000 (Mar 15)
 * - marketing: 5,000 in April only; expense 3,000 on Mar 20 (within the year's 5,000)
 * - revenue: March drafted at 4 visits × 7,500 = 30,000; forecast revised to 3 × 8,000 = 24,000
 * - a second budget "2026-alt" stays a draft (rent 999,999 in March) and must be ignored
 */
export const budgetHistory = () => {
  const h = history();
  const at = '2026-01-02T09:00:00-05:00';
  const month3 = (amount: number) => ({ '2026-01': amount, '2026-02': amount, '2026-03': amount });
  h.budget('2026', {
    type: 'DraftBudget',
    budgetId: '2026',
    fiscalYear: '2026',
    startsOn: '2026-01-01',
    timeZone: 'America/New_York',
    currency: 'USD',
    projections: [{ month: '2026-03', visits: 4, netRevenuePerVisit: 7_500 }],
    lines: [
      { category: 'staffing', months: month3(100_000) },
      { category: 'supplies', months: month3(25_000) },
      { category: 'marketing', months: { '2026-04': 5_000 } },
    ],
    draftedBy: 'pm',
    at,
  });
  h.budget('2026', { type: 'SubmitBudget', submittedBy: 'pm', at });
  h.budget('2026', { type: 'ApproveBudget', approvedBy: 'owner', at });
  h.budget('2026', {
    type: 'ReviseBudget',
    lines: [{ category: 'supplies', months: month3(20_000) }],
    reason: 'new supplier contract',
    revisedBy: 'owner',
    at,
  });
  h.budget('2026', {
    type: 'ReviseForecast',
    projections: [{ month: '2026-03', visits: 3, netRevenuePerVisit: 8_000 }],
    reason: 'one provider on leave',
    revisedBy: 'pm',
    at,
  });
  const expense = (expenseId: string, category: string, amount: number, incurredOn: string) =>
    h.budget('2026', {
      type: 'RecordExpense',
      expenseId,
      category,
      amount,
      incurredOn,
      description: expenseId,
      recordedBy: 'pm',
      initiative: null,
      at: `${incurredOn}T17:00:00-05:00`,
    });
  expense('payroll-jan', 'staffing', 95_000, '2026-01-31');
  expense('gloves', 'supplies', 15_000, '2026-03-15');
  expense('flyers', 'marketing', 3_000, '2026-03-20');
  expense('payroll-mar', 'staffing', 110_000, '2026-03-31');

  h.budget('2026-alt', {
    type: 'DraftBudget',
    budgetId: '2026-alt',
    fiscalYear: '2026',
    startsOn: '2026-01-01',
    timeZone: 'America/New_York',
    currency: 'USD',
    projections: [],
    lines: [{ category: 'rent', months: { '2026-03': 999_999 } }],
    draftedBy: 'pm',
    at,
  });
  return h;
};
