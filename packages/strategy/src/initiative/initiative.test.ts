import { describe, expect, it } from 'vitest';
import { obligationKey, type Obligation } from '@praxis/core';
import { runThrough } from '../test-support.js';
import { strategyObligations } from '../obligations.js';
import { businessCase, decider, type InitiativeCommand } from './index.js';

const at = '2026-02-02T09:00:00-05:00';
const c = (x: Record<string, unknown>) => ({ at, ...x }) as unknown as InitiativeCommand;
const propose = (over: Record<string, unknown> = {}) =>
  c({
    type: 'ProposeInitiative',
    initiativeId: 'np',
    title: 'Hire a nurse practitioner three days a week',
    goalIds: ['visits'],
    ownerId: 'ana',
    budget: { budgetId: '2026', category: 'salaries', amountCents: 9_000_000 },
    milestones: [{ milestoneId: 'hire', title: 'NP hired', dueOn: '2026-04-01' }],
    capexCents: 6_000_000,
    monthlyBenefit: { visits: 100, netRevenuePerVisitCents: 10_000, costCents: 400_000 },
    unknownGoalIds: [],
    ownerActive: true,
    budgetLine: 'found',
    proposedBy: 'pm',
    ...over,
  });
const approve = (over: Record<string, unknown> = {}) =>
  c({ type: 'ApproveInitiative', discountRatePct: 12, horizonMonths: 12, approvedBy: 'pm', ...over });

const outcome = (history: InitiativeCommand[], cmd: InitiativeCommand): unknown => {
  let s = decider.initialState;
  for (const h of history) {
    const r = decider.decide(h, s);
    if (r._tag === 'Left') throw new Error(`${h.type}: ${r.left.code}`);
    for (const e of r.right) s = decider.evolve(s, e);
  }
  const r = decider.decide(cmd, s);
  return r._tag === 'Left' ? [r.left.code, r.left.field] : r.right;
};

describe('Initiative: the business case frozen at approval (MODULES.md S3)', () => {
  it('computes payback = capex ÷ monthly net benefit and NPV at the discount rate over the horizon', () => {
    // Net 100 × $100 − $4,000 = $6,000 a month; $60,000 capex pays back in 10 months.
    expect(
      businessCase(6_000_000, { visits: 100, netRevenuePerVisitCents: 10_000, costCents: 400_000 }, 0, 24),
    ).toEqual({
      monthlyNetBenefitCents: 600_000,
      paybackMonths: 10,
      npvCents: 24 * 600_000 - 6_000_000,
    });
    // 1 % a month for 12 months: annuity factor (1 − 1.01⁻¹²) ÷ 0.01 = 11.2550775.
    const at12 = businessCase(
      6_000_000,
      { visits: 100, netRevenuePerVisitCents: 10_000, costCents: 400_000 },
      12,
      12,
    );
    expect(at12.npvCents).toBeCloseTo(600_000 * 11.2550775 - 6_000_000, -1);
    expect(
      businessCase(1_000, { visits: 0, netRevenuePerVisitCents: 0, costCents: 5 }, 5, 12).paybackMonths,
    ).toBeNull();
  });

  it('freezes payback and NPV in InitiativeApproved; the owner cannot approve; goals must exist', () => {
    const [e] = outcome([propose()], approve()) as { type: string; data: Record<string, unknown> }[];
    expect(e?.type).toBe('InitiativeApproved');
    expect(e?.data).toMatchObject({
      paybackMonths: 10,
      monthlyNetBenefitCents: 600_000,
      discountRatePct: 12,
    });
    expect(outcome([propose()], approve({ approvedBy: 'ana' }))).toEqual(['ApproverIsOwner', 'approvedBy']);
    expect(outcome([propose()], approve({ discountRatePct: -1 }))).toEqual([
      'InvalidRate',
      'discountRatePct',
    ]);
    expect(outcome([], propose({ unknownGoalIds: ['nope'] }))).toEqual(['UnknownGoal', 'goalIds']);
    expect(outcome([], propose({ ownerActive: false }))).toEqual(['OwnerNotActive', 'ownerId']);
    expect(outcome([propose(), approve()], approve())).toEqual(['InitiativeNotProposed', undefined]);
  });

  it('completes only when every milestone is done; cancels with a reason', () => {
    const done = c({ type: 'CompleteInitiative', completedOn: '2026-06-01', completedBy: 'ana' });
    const milestone = c({
      type: 'CompleteMilestone',
      milestoneId: 'hire',
      completedOn: '2026-03-20',
      completedBy: 'ana',
    });
    expect(outcome([propose()], milestone)).toEqual(['InitiativeNotApproved', undefined]);
    expect(outcome([propose(), approve()], done)).toEqual(['MilestonesOpen', undefined]);
    expect(outcome([propose(), approve(), milestone], milestone)).toEqual([
      'MilestoneAlreadyCompleted',
      'milestoneId',
    ]);
    expect((outcome([propose(), approve(), milestone], done) as { type: string }[])[0]?.type).toBe(
      'InitiativeCompleted',
    );
    const cancel = (reason: string) => c({ type: 'CancelInitiative', reason, cancelledBy: 'pm' });
    expect(outcome([propose()], cancel(' '))).toEqual(['ReasonRequired', 'reason']);
    expect(outcome([propose(), cancel('no budget')], approve())).toEqual([
      'InitiativeNotProposed',
      undefined,
    ]);
  });

  it('owes benefits reviews 6 and 12 months after approval, met when recorded', async () => {
    const r = runThrough(decider, [strategyObligations]);
    r.send('np', propose(), at);
    r.send('np', approve(), at);
    const get = async (m: number) =>
      (await r.model.get(
        'strategy-obligations',
        obligationKey(`benefits-review:np:${m}`),
      )) as unknown as Obligation;
    expect(await get(6)).toMatchObject({
      kind: 'benefits-review',
      dueAt: '2026-08-02',
      arisesAt: '2026-07-02',
    });
    expect((await get(12)).dueAt).toBe('2027-02-02');
    const comparison = { goals: [], spentCents: 0 };
    const review = (months: number, when = '2027-02-02T09:00:00-05:00') =>
      ({
        ...c({
          type: 'RecordBenefitsReview',
          months,
          findings: 'payback on track',
          reviewedBy: 'pm',
          comparison,
        }),
        at: when,
      }) as InitiativeCommand;
    expect(outcome([propose(), approve()], review(3))).toEqual(['NotABenefitsReview', 'months']);
    // Not before it is due: the same minute as the approval, or the day before the 6 months end.
    expect(outcome([propose(), approve()], review(6, at))).toEqual(['ReviewNotDue', 'months']);
    expect(outcome([propose(), approve()], review(6, '2026-08-01T17:00:00-04:00'))).toEqual([
      'ReviewNotDue',
      'months',
    ]);
    const six = review(6, '2026-08-02T09:00:00-04:00');
    r.send('np', six, '2026-08-02T09:00:00-04:00');
    expect((await get(6)).completedAt).toBe('2026-08-02T09:00:00-04:00');
    expect(outcome([propose(), approve(), six], six)).toEqual(['ReviewAlreadyRecorded', 'months']);
    r.send('np', c({ type: 'CancelInitiative', reason: 'practice sold', cancelledBy: 'pm' }), at);
    expect(await get(12)).toBeUndefined();
    expect(await get(6)).toBeDefined();
  });
});
