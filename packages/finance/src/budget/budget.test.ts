import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decideHandled, deciderSpec } from '@praxis/testing';
import { decider, type BudgetCommand, type BudgetEvent } from './index.js';

const spec = deciderSpec(decider);
const at = '2026-01-05T09:00:00-05:00';

const draftCmd: BudgetCommand = {
  type: 'DraftBudget',
  budgetId: '2026',
  fiscalYear: '2026',
  startsOn: '2026-01-01',
  timeZone: 'America/New_York',
  currency: 'USD',
  projections: [{ month: '2026-01', visits: 400, netRevenuePerVisit: 11_000 }],
  lines: [{ category: 'supplies', months: { '2026-01': 50_000, '2026-02': 50_000 } }],
  draftedBy: 'pm-1',
  at,
};
const drafted: BudgetEvent = {
  type: 'BudgetDrafted',
  data: {
    budgetId: '2026',
    fiscalYear: '2026',
    startsOn: '2026-01-01',
    timeZone: 'America/New_York',
    currency: 'USD',
    // 400 visits × $110.00 = $44,000.00 = 4,400,000 cents
    projections: [{ month: '2026-01', visits: 400, netRevenuePerVisit: 11_000, projectedRevenue: 4_400_000 }],
    lines: [{ category: 'supplies', months: { '2026-01': 50_000, '2026-02': 50_000 } }],
    draftedBy: 'pm-1',
    at,
  },
};
const submitted: BudgetEvent = {
  type: 'BudgetSubmitted',
  data: { budgetId: '2026', submittedBy: 'pm-1', at },
};
const approved: BudgetEvent = { type: 'BudgetApproved', data: { budgetId: '2026', approvedBy: 'owner', at } };
const closed: BudgetEvent = { type: 'BudgetYearClosed', data: { budgetId: '2026', closedBy: 'owner', at } };
const expense = (expenseId: string, amount: number): BudgetCommand => ({
  type: 'RecordExpense',
  expenseId,
  category: 'supplies',
  amount,
  incurredOn: '2026-01-20',
  description: 'gloves',
  recordedBy: 'pm-1',
  initiative: null,
  at,
});
const expenseRecorded = (expenseId: string, amount: number): BudgetEvent => ({
  type: 'BudgetExpenseRecorded',
  data: {
    budgetId: '2026',
    expenseId,
    category: 'supplies',
    amount,
    incurredOn: '2026-01-20',
    description: 'gloves',
    recordedBy: 'pm-1',
    at,
  },
});

describe('Budget: drafting from patient-volume projections', () => {
  it('drafts a budget and projects revenue as visits × net revenue per visit', () => {
    spec.given([]).when(draftCmd).then([drafted]);
  });
  it('refuses a second draft of the same year', () => {
    spec.given([drafted]).when(draftCmd).thenRejects('BudgetAlreadyDrafted', 'budgetId');
  });
  it('refuses a fiscal year that does not start on the 1st of a month', () => {
    spec
      .given([])
      .when({ ...draftCmd, startsOn: '2026-01-15' })
      .thenRejects('InvalidFiscalYearStart', 'startsOn');
  });
  it('refuses a projection outside the fiscal year, naming it', () => {
    spec
      .given([])
      .when({ ...draftCmd, projections: [{ month: '2027-01', visits: 1, netRevenuePerVisit: 1 }] })
      .thenRejects('OutsideFiscalYear', 'projections.0.month');
  });
  it('refuses a negative or fractional line amount, naming the month', () => {
    spec
      .given([])
      .when({ ...draftCmd, lines: [{ category: 'rent', months: { '2026-03': 10.5 } }] })
      .thenRejects('InvalidAmount', 'lines.0.months.2026-03');
  });
  it('refuses the same category twice', () => {
    spec
      .given([])
      .when({ ...draftCmd, lines: [draftCmd.lines[0]!, draftCmd.lines[0]!] })
      .thenRejects('DuplicateBudgetLine', 'lines.1.category');
  });
  it('sets a line on a draft but not on an approved budget', () => {
    const line = { category: 'rent', months: { '2026-01': 300_000 } };
    spec
      .given([drafted])
      .when({ type: 'SetBudgetLine', line, at })
      .then([{ type: 'BudgetLineSet', data: { budgetId: '2026', line, at } }]);
    spec
      .given([drafted, submitted, approved])
      .when({ type: 'SetBudgetLine', line, at })
      .thenRejects('BudgetNotDraft');
  });
});

describe('Budget: submission and approval', () => {
  it('submits a draft, approves a submitted budget', () => {
    spec.given([drafted]).when({ type: 'SubmitBudget', submittedBy: 'pm-1', at }).then([submitted]);
    spec
      .given([drafted, submitted])
      .when({ type: 'ApproveBudget', approvedBy: 'owner', at })
      .then([approved]);
  });
  it('refuses to approve a draft that was not submitted', () => {
    spec
      .given([drafted])
      .when({ type: 'ApproveBudget', approvedBy: 'owner', at })
      .thenRejects('BudgetNotSubmitted', 'status');
  });
  it('refuses to submit a budget with no lines', () => {
    spec
      .given([{ ...drafted, data: { ...drafted.data, lines: [] } } as BudgetEvent])
      .when({ type: 'SubmitBudget', submittedBy: 'pm-1', at })
      .thenRejects('BudgetHasNoLines', 'lines');
  });
  it('returns a submitted budget to draft with a reason, and requires the reason', () => {
    spec
      .given([drafted, submitted])
      .when({ type: 'ReturnBudget', returnedBy: 'owner', reason: 'rent too low', at })
      .then([
        {
          type: 'BudgetReturned',
          data: { budgetId: '2026', returnedBy: 'owner', reason: 'rent too low', at },
        },
      ]);
    spec
      .given([drafted, submitted])
      .when({ type: 'ReturnBudget', returnedBy: 'owner', reason: ' ', at })
      .thenRejects('Required', 'reason');
  });
  it('refuses any command on a budget that was never drafted', () => {
    spec.given([]).when({ type: 'SubmitBudget', submittedBy: 'pm-1', at }).thenRejects('BudgetNotFound');
  });
});

describe('Budget: expenses, variances, revisions, closing', () => {
  const inForce = [drafted, submitted, approved];
  it('records an expense within the line', () => {
    spec
      .given(inForce)
      .when(expense('e1', 60_000))
      .then([expenseRecorded('e1', 60_000)]);
  });
  it('refuses an expense before approval', () => {
    spec.given([drafted]).when(expense('e1', 1)).thenRejects('BudgetNotApproved', 'status');
  });
  it('refuses spending beyond the line without an approved variance', () => {
    // line = 50,000 + 50,000 = 100,000; spent 60,000; 60,000 + 40,001 = 100,001 > 100,000
    spec
      .given([...inForce, expenseRecorded('e1', 60_000)])
      .when(expense('e2', 40_001))
      .thenRejects('LineOverspent', 'amount');
    spec
      .given([...inForce, expenseRecorded('e1', 60_000)])
      .when(expense('e2', 40_000))
      .then([expenseRecorded('e2', 40_000)]);
  });
  it('allows the overspend once a variance covering it is approved, not while it is only requested', () => {
    const requested: BudgetEvent = {
      type: 'BudgetVarianceRequested',
      data: {
        budgetId: '2026',
        varianceId: 'v1',
        category: 'supplies',
        amount: 5_000,
        reason: 'flu season',
        requestedBy: 'pm-1',
        at,
      },
    };
    spec
      .given(inForce)
      .when({
        type: 'RequestVariance',
        varianceId: 'v1',
        category: 'supplies',
        amount: 5_000,
        reason: 'flu season',
        requestedBy: 'pm-1',
        at,
      })
      .then([requested]);
    spec
      .given([...inForce, requested])
      .when(expense('e1', 100_001))
      .thenRejects('LineOverspent');
    const varianceApproved: BudgetEvent = {
      type: 'BudgetVarianceApproved',
      data: {
        budgetId: '2026',
        varianceId: 'v1',
        category: 'supplies',
        amount: 5_000,
        approvedBy: 'owner',
        at,
      },
    };
    spec
      .given([...inForce, requested])
      .when({ type: 'ApproveVariance', varianceId: 'v1', approvedBy: 'owner', at })
      .then([varianceApproved]);
    spec
      .given([...inForce, requested, varianceApproved])
      .when(expense('e1', 105_000))
      .then([expenseRecorded('e1', 105_000)]);
    spec
      .given([...inForce, requested, varianceApproved])
      .when(expense('e1', 105_001))
      .thenRejects('LineOverspent', 'amount');
  });
  it('refuses a variance on a line the budget does not have, and approval of an unknown variance', () => {
    spec
      .given(inForce)
      .when({
        type: 'RequestVariance',
        varianceId: 'v1',
        category: 'yachts',
        amount: 1,
        reason: 'x',
        requestedBy: 'pm-1',
        at,
      })
      .thenRejects('UnknownBudgetLine', 'category');
    spec
      .given(inForce)
      .when({ type: 'ApproveVariance', varianceId: 'nope', approvedBy: 'owner', at })
      .thenRejects('VarianceNotFound', 'varianceId');
  });
  it('refuses an expense on an unknown line, outside the fiscal year, or recorded twice', () => {
    spec
      .given(inForce)
      .when({ ...expense('e1', 1), category: 'yachts' } as BudgetCommand)
      .thenRejects('UnknownBudgetLine', 'category');
    spec
      .given(inForce)
      .when({ ...expense('e1', 1), incurredOn: '2027-01-02' } as BudgetCommand)
      .thenRejects('OutsideFiscalYear', 'incurredOn');
    spec
      .given([...inForce, expenseRecorded('e1', 1)])
      .when(expense('e1', 1))
      .thenRejects('DuplicateExpense', 'expenseId');
  });
  it('revises an approved budget with a reason, numbering revisions, never below what was spent', () => {
    const lines = [{ category: 'supplies', months: { '2026-01': 70_000 } }];
    spec
      .given(inForce)
      .when({ type: 'ReviseBudget', lines, reason: 'new contract', revisedBy: 'owner', at })
      .then([
        {
          type: 'BudgetRevised',
          data: { budgetId: '2026', revision: 1, reason: 'new contract', revisedBy: 'owner', lines, at },
        },
      ]);
    spec
      .given(inForce)
      .when({ type: 'ReviseBudget', lines, reason: '', revisedBy: 'owner', at })
      .thenRejects('Required', 'reason');
    spec
      .given([...inForce, expenseRecorded('e1', 80_000)])
      .when({ type: 'ReviseBudget', lines, reason: 'cut', revisedBy: 'owner', at })
      .thenRejects('LineBelowSpending', 'lines.0.months');
  });
  it('revises the forecast during the year', () => {
    spec
      .given(inForce)
      .when({
        type: 'ReviseForecast',
        projections: [{ month: '2026-06', visits: 10, netRevenuePerVisit: 100 }],
        reason: 'new provider',
        revisedBy: 'pm-1',
        at,
      })
      .then([
        {
          type: 'BudgetForecastRevised',
          data: {
            budgetId: '2026',
            projections: [{ month: '2026-06', visits: 10, netRevenuePerVisit: 100, projectedRevenue: 1_000 }],
            reason: 'new provider',
            revisedBy: 'pm-1',
            at,
          },
        },
      ]);
  });
  it('closes the year; a closed budget takes no expenses and cannot be closed again', () => {
    spec.given(inForce).when({ type: 'CloseBudgetYear', closedBy: 'owner', at }).then([closed]);
    spec
      .given([...inForce, closed])
      .when(expense('e9', 1))
      .thenRejects('BudgetClosed', 'status');
    spec
      .given([...inForce, closed])
      .when({ type: 'CloseBudgetYear', closedBy: 'owner', at })
      .thenRejects('BudgetClosed');
  });
  it('every event it produces passes its codec', () => {
    for (const e of [drafted, submitted, approved, expenseRecorded('e1', 5), closed]) {
      expect(decider.events.encode(e.type, e.data)._tag).toBe('Right');
    }
  });
});

describe('Budget invariants over random command sequences', () => {
  const cmd: fc.Arbitrary<BudgetCommand> = fc.oneof(
    fc.constant({ type: 'SubmitBudget', submittedBy: 'pm', at } as const),
    fc.constant({ type: 'ApproveBudget', approvedBy: 'o', at } as const),
    fc.constant({ type: 'CloseBudgetYear', closedBy: 'o', at } as const),
    fc.constant({ type: 'ReturnBudget', returnedBy: 'o', reason: 'r', at } as const),
    fc
      .record({ id: fc.nat(20), amount: fc.integer({ min: -5, max: 80_000 }) })
      .map(({ id, amount }) => expense(`e${id}`, amount)),
    fc
      .record({ id: fc.nat(5), amount: fc.integer({ min: 1, max: 30_000 }) })
      .map(({ id, amount }): BudgetCommand => ({
        type: 'RequestVariance',
        varianceId: `v${id}`,
        category: 'supplies',
        amount,
        reason: 'r',
        requestedBy: 'pm',
        at,
      })),
    fc
      .nat(5)
      .map((id): BudgetCommand => ({ type: 'ApproveVariance', varianceId: `v${id}`, approvedBy: 'o', at })),
    fc.integer({ min: 0, max: 200_000 }).map((n): BudgetCommand => ({
      type: 'ReviseBudget',
      lines: [{ category: 'supplies', months: { '2026-03': n } }],
      reason: 'r',
      revisedBy: 'o',
      at,
    })),
  );

  it('a closed budget takes no expenses, and no line is spent beyond its budget plus approved variances', () => {
    let expensesRecorded = 0;
    let expensesTriedWhenClosed = 0;
    fc.assert(
      fc.property(fc.array(cmd, { minLength: 10, maxLength: 60 }), (cmds) => {
        let state = decider.evolve(decider.initialState, drafted);
        for (const c of cmds) {
          const before = state;
          const d = decideHandled(decider, c, state);
          if (before.status === 'closed' && c.type === 'RecordExpense') expensesTriedWhenClosed += 1;
          if (d._tag === 'Left') continue;
          state = d.right.reduce(decider.evolve, state);
          const expenses = d.right.filter((e) => e.type === 'BudgetExpenseRecorded').length;
          expensesRecorded += expenses;
          if (before.status === 'closed') expect(expenses).toBe(0);
          for (const line of Object.values(state.lines))
            expect(line.spent).toBeLessThanOrEqual(line.budgeted + line.approvedVariance);
        }
      }),
      { numRuns: 300 },
    );
    // not vacuous: expenses were recorded, and some were tried on a closed budget
    expect(expensesRecorded).toBeGreaterThan(0);
    expect(expensesTriedWhenClosed).toBeGreaterThan(0);
  });
});

describe('Budget: commands from JSON with missing parts are refused, never thrown', () => {
  it('names the missing field', () => {
    const bad = (c: object) => c as unknown as BudgetCommand;
    spec
      .given([])
      .when(bad({ ...draftCmd, projections: undefined }))
      .thenRejects('Required', 'projections');
    spec
      .given([])
      .when(bad({ ...draftCmd, lines: undefined }))
      .thenRejects('Required', 'lines');
    spec
      .given([])
      .when(bad({ ...draftCmd, timeZone: 'Mars/Base' }))
      .thenRejects('InvalidTimeZone', 'timeZone');
    spec
      .given([drafted, submitted, approved])
      .when(bad({ type: 'ReviseBudget', reason: 'r', revisedBy: 'o', at }))
      .thenRejects('Required', 'lines');
  });
});

describe('Budget: totals stay exact (never beyond Number.MAX_SAFE_INTEGER cents)', () => {
  const MAX = Number.MAX_SAFE_INTEGER;
  const fits = (xs: readonly number[]) => xs.reduce((a, b) => a + BigInt(b), 0n) <= BigInt(MAX);
  const cents = fc.integer({ min: 0, max: MAX });
  it('refuses a line, a budget or a revision whose total leaves the safe range, with InvalidAmount', () => {
    fc.assert(
      fc.property(fc.array(cents, { minLength: 1, maxLength: 3 }), cents, (months, other) => {
        const line = {
          category: 'supplies',
          months: Object.fromEntries(months.map((c, i) => [`2026-0${i + 1}`, c])),
        };
        const r = decideHandled(
          decider,
          { ...draftCmd, lines: [line, { category: 'rent', months: { '2026-05': other } }] },
          decider.initialState,
        );
        expect(r._tag === 'Right').toBe(fits([...months, other]));
        if (r._tag === 'Left') expect(r.left.code).toBe('InvalidAmount');
      }),
    );
  });
  it('refuses a variance that would let the budget allow more than the safe range', () => {
    const huge: BudgetEvent = {
      ...drafted,
      data: { ...drafted.data, lines: [{ category: 'supplies', months: { '2026-01': MAX - 10 } }] },
    } as BudgetEvent;
    const ask = (amount: number): BudgetCommand => ({
      type: 'RequestVariance',
      varianceId: 'v1',
      category: 'supplies',
      amount,
      reason: 'flu season',
      requestedBy: 'pm-1',
      at,
    });
    spec.given([huge, submitted, approved]).when(ask(11)).thenRejects('InvalidAmount', 'amount');
    spec
      .given([huge, submitted, approved])
      .when(ask(10))
      .then([
        {
          type: 'BudgetVarianceRequested',
          data: {
            budgetId: '2026',
            varianceId: 'v1',
            category: 'supplies',
            amount: 10,
            reason: 'flu season',
            requestedBy: 'pm-1',
            at,
          },
        },
      ]);
  });
  it('refuses projected revenue (visits × revenue per visit) beyond the safe range', () => {
    spec
      .given([])
      .when({
        ...draftCmd,
        projections: [{ month: '2026-01', visits: 3, netRevenuePerVisit: Math.ceil(MAX / 2) }],
      })
      .thenRejects('InvalidAmount', 'projections.0.netRevenuePerVisit');
  });
});
