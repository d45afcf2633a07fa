import { describe, expect, it } from 'vitest';
import { fixedClock } from '@praxis/core';
import { createPractice } from '@praxis/practice';
import type { Goal } from './index.js';
import { Initiative, WorkItem } from './index.js';

const zone = 'America/New_York';
const pm = { id: 'pm', role: 'practice_manager' };
const at = (day: string, hour = 9) => `${day}T${String(hour).padStart(2, '0')}:00:00-04:00`;

type Practice = Awaited<ReturnType<typeof open>>;
const history = async (p: Practice, streamId: string) => {
  const out: { type: string; data: unknown }[] = [];
  for await (const e of p.store.readStream(streamId)) out.push({ type: e.type, data: e.data });
  return out;
};
const open = () =>
  createPractice({
    store: 'memory:',
    timeZone: zone,
    currency: 'USD',
    clock: fixedClock('2026-03-01T09:00:00', zone),
    actor: pm,
  });

/** A drafted 2026 budget with a salaries line, for initiatives to name. */
const salariesBudget = async (p: Practice) =>
  expect(
    await p.finance.draftBudget({
      budgetId: '2026',
      fiscalYear: '2026',
      startsOn: '2026-01-01',
      timeZone: zone,
      currency: 'USD',
      projections: [],
      lines: [{ category: 'salaries', months: { '2026-04': 9_000_000 } }],
    }),
  ).toMatchObject({ ok: true });

/** Hires a person through the staff area (application to hire). */
const hire = async (p: Practice, staffId: string, role = 'staff') => {
  const steps = [
    await p.staff.receiveApplication({
      staffId,
      name: `Person ${staffId}`,
      position: 'MA',
      appliedOn: '2026-01-05',
    }),
    await p.staff.recordInterview({
      staffId,
      interviewedOn: '2026-01-08',
      panel: ['pm', 'hr'],
      scores: [
        { interviewer: 'pm', score: 4 },
        { interviewer: 'hr', score: 4 },
      ],
    }),
    await p.staff.recordExclusionScreening({ staffId, screenedOn: '2026-01-09', result: 'clear' }),
    await p.staff.completeCredentialing({ staffId, completedOn: '2026-01-10' }),
    await p.staff.makeOffer({ staffId, offeredOn: '2026-01-12', role, startDate: '2026-02-01' }),
    await p.staff.hireStaffMember({ staffId, hiredOn: '2026-01-15' }),
  ];
  for (const s of steps) expect(s).toMatchObject({ ok: true });
};

/** Work items due in a month: `onTime` of them completed by their due date (for a KPI with data). */
const workDue = async (p: Practice, month: string, total: number, onTime: number) => {
  for (let i = 0; i < total; i++) {
    const workItemId = `${month}-${i}`;
    const dueOn = `${month}-20`;
    expect(
      await p.strategy.createWorkItem(
        { workItemId, title: `Task ${i}`, source: 'manual', impact: 'operational', ownerId: 'pm', dueOn },
        { at: at(`${month}-01`) },
      ),
    ).toMatchObject({ ok: true });
    if (i < onTime)
      expect(
        await p.strategy.completeWorkItem(
          { workItemId, completedOn: `${month}-15`, evidence: 'done' },
          { actor: pm },
        ),
      ).toMatchObject({ ok: true });
  }
};

const draft = {
  goalId: 'g1',
  statement: 'Finish work by its due date',
  rationale: 'Delegation and a weekly queue review make 80 % realistic',
  kpiId: 'workCompletedByDue',
  baselinePeriod: '2026-03',
  target: 80,
  deadline: '2026-05',
  ownerId: 'ana',
};

describe('strategy through the facade', () => {
  it('freezes the baseline computed from the log, refuses bad goals, and judges the goal by the KPI', async () => {
    const p = await open();
    await hire(p, 'ana');
    await workDue(p, '2026-03', 4, 2); // March: 2 of 4 on time = 50 %
    const april = { at: at('2026-04-02') };

    // Facts cannot be sent by a caller.
    expect(await p.strategy.draftGoal({ ...draft, baselineValue: 99 } as never, april)).toMatchObject({
      ok: false,
      code: 'UnknownField',
    });
    expect(await p.strategy.draftGoal({ ...draft, kpiId: 'happiness' }, april)).toMatchObject({
      ok: false,
      code: 'UnknownKpi',
      field: 'kpiId',
    });
    expect(await p.strategy.draftGoal({ ...draft, target: 40 }, april)).toMatchObject({
      ok: false,
      code: 'TargetNotAnImprovement',
      field: 'target',
    });
    expect(await p.strategy.draftGoal({ ...draft, ownerId: 'nobody' }, april)).toMatchObject({
      ok: false,
      code: 'OwnerNotActive',
    });
    const drafted = await p.strategy.draftGoal(draft, april);
    expect(drafted).toMatchObject({ ok: true });
    const events = await history(p, 'Goal-g1');
    expect(events[0]).toMatchObject({
      type: 'GoalDrafted',
      data: { baselineValue: 50, direction: 'higher-is-better' },
    });

    // The owner cannot approve their own goal.
    expect(
      await p.strategy.approveGoal({ goalId: 'g1' }, { ...april, actor: { id: 'ana', role: 'staff' } }),
    ).toMatchObject({
      ok: false,
    });
    expect(await p.strategy.approveGoal({ goalId: 'g1' }, april)).toMatchObject({ ok: true });

    // Checkpoint reviews and the goal's deadline appear in the calendar.
    const calendar = await p.calendar('2026-05-02');
    const kinds = calendar.filter((o) => o.module === 'strategy').map((o) => o.id);
    expect(kinds).toContain('goal-checkpoint:g1:2026-04');
    expect(kinds).toContain('goal-deadline:g1');

    // Not before the deadline period ends; then the actual is the KPI of May, computed.
    await workDue(p, '2026-05', 5, 5);
    expect(await p.strategy.closeGoal({ goalId: 'g1' }, { at: at('2026-05-31', 18) })).toMatchObject({
      ok: false,
      code: 'DeadlineNotReached',
    });
    expect(await p.strategy.closeGoal({ goalId: 'g1' }, { at: at('2026-06-02') })).toMatchObject({
      ok: true,
    });
    const closed = await history(p, 'Goal-g1');
    expect(closed.at(-1)).toMatchObject({ type: 'GoalAchieved', data: { actual: 100, target: 80 } });
    const view = (await p.readModels.get('strategy-goals', 'goal:g1')) as unknown as Goal.GoalView;
    expect(view.status).toBe('achieved');
    const report = await p.kpis('2026-06');
    expect(report.lines.find((l) => l.id === 'goalsAchievedRate')?.value).toBe(100);
    await p.close();
  });

  it('delegates to active staff, lets only the delegate answer, and ranks the queue with the calendar', async () => {
    const p = await open();
    await hire(p, 'ana');
    await hire(p, 'bo');
    const may = { at: at('2026-05-04') };
    const ana = { id: 'ana', role: 'staff' };
    const bo = { id: 'bo', role: 'staff' };
    const item = {
      workItemId: 'w1',
      title: 'Appeal March denials',
      source: 'manual',
      impact: 'financial',
      ownerId: 'pm',
    } as const;
    expect(await p.strategy.createWorkItem(item, may)).toMatchObject({ ok: true });
    expect(
      await p.strategy.delegateWorkItem(
        { workItemId: 'w1', to: 'zed', expectations: 'all appealed', dueOn: '2026-05-08' },
        may,
      ),
    ).toMatchObject({ ok: false, code: 'DelegateNotActive' });
    expect(
      await p.strategy.delegateWorkItem(
        { workItemId: 'w1', to: 'ana', expectations: ' ', dueOn: '2026-05-08' },
        may,
      ),
    ).toMatchObject({ ok: false, code: 'ExpectationsMissing' });
    expect(
      await p.strategy.delegateWorkItem(
        { workItemId: 'w1', to: 'ana', expectations: 'all appealed', dueOn: '2026-05-08' },
        may,
      ),
    ).toMatchObject({ ok: true });
    expect(await p.strategy.acceptWorkItem({ workItemId: 'w1' }, { ...may, actor: bo })).toMatchObject({
      ok: false,
      code: 'NotTheDelegate',
    });
    expect(await p.strategy.acceptWorkItem({ workItemId: 'w1' }, { ...may, actor: ana })).toMatchObject({
      ok: true,
    });
    expect(
      await p.strategy.completeWorkItem(
        { workItemId: 'w1', completedOn: '2026-05-06', evidence: 'appeal log' },
        { actor: ana },
      ),
    ).toMatchObject({ ok: true });
    expect(await p.strategy.verifyWorkItem({ workItemId: 'w1' }, { ...may, actor: ana })).toMatchObject({
      ok: false,
      code: 'VerifierIsDoer',
    });
    expect(await p.strategy.verifyWorkItem({ workItemId: 'w1' }, may)).toMatchObject({ ok: true });

    expect(
      await p.strategy.createWorkItem(
        { ...item, workItemId: 'w2', impact: 'legal', dueOn: '2026-05-05' },
        may,
      ),
    ).toMatchObject({
      ok: true,
    });
    const items = await WorkItem.listWorkItems(p.readModels);
    const queue = WorkItem.rankQueue({
      items,
      obligations: await p.calendar('2026-05-04'),
      today: '2026-05-04',
    });
    // Monthly OIG screenings last done in January are overdue legal duties (4 × 4), then the
    // legal work item due tomorrow (4 × 3).
    expect(queue.entries.slice(0, 3).map((e) => [e.ref, e.rank])).toEqual([
      ['staff-obligations/oig-screening:ana', 16],
      ['staff-obligations/oig-screening:bo', 16],
      ['w2', 12],
    ]);
    expect(queue.entries.some((e) => e.ref === 'w1')).toBe(false);
    // The staff members' OIG screening obligations are in the queue beside the work items.
    expect(queue.entries.some((e) => e.kind === 'obligation' && e.ref.startsWith('staff-obligations/'))).toBe(
      true,
    );
    await p.close();
  });

  it('proposes an initiative toward existing goals only, and freezes its business case at approval', async () => {
    const p = await open();
    await hire(p, 'ana');
    const feb = { at: at('2026-02-02') };
    const proposal = {
      initiativeId: 'np',
      title: 'Nurse practitioner three days a week',
      goalIds: ['nope'],
      ownerId: 'ana',
      budget: { budgetId: '2026', category: 'salaries', amountCents: 9_000_000 },
      milestones: [{ milestoneId: 'hire', title: 'NP hired', dueOn: '2026-04-01' }],
      capexCents: 6_000_000,
      monthlyBenefit: { visits: 100, netRevenuePerVisitCents: 10_000, costCents: 400_000 },
    };
    expect(await p.strategy.proposeInitiative(proposal, feb)).toMatchObject({
      ok: false,
      code: 'UnknownGoal',
      field: 'goalIds',
    });
    // The budget line it spends against must exist: no budget, then no such category.
    const ok = { ...proposal, goalIds: [] };
    expect(await p.strategy.proposeInitiative(ok, feb)).toMatchObject({
      ok: false,
      code: 'UnknownBudget',
      field: 'budget.budgetId',
    });
    await salariesBudget(p);
    expect(
      await p.strategy.proposeInitiative({ ...ok, budget: { ...ok.budget, category: 'salaryes' } }, feb),
    ).toMatchObject({ ok: false, code: 'UnknownBudgetLine', field: 'budget.category' });
    expect(await p.strategy.proposeInitiative({ ...proposal, goalIds: [] }, feb)).toMatchObject({ ok: true });
    expect(
      await p.strategy.approveInitiative({ initiativeId: 'np', discountRatePct: 0, horizonMonths: 24 }, feb),
    ).toMatchObject({ ok: true });
    const approved = (await history(p, 'Initiative-np')).at(-1);
    expect(approved).toMatchObject({
      type: 'InitiativeApproved',
      data: { paybackMonths: 10, npvCents: 8_400_000 },
    });
    const reviews = (await p.calendar('2026-08-01')).filter((o) => o.kind === 'benefits-review');
    expect(reviews.map((o) => o.id)).toEqual(['benefits-review:np:6']);
    await p.close();
  });
});

describe('practice.strategy: a market analysis (MODULES.md S4) through the facade', () => {
  it('freezes the payer mix computed from the claims, refuses a decision without a scenario, raises the 12-month review of a go', async () => {
    const p = await open();
    await salariesBudget(p);
    const register = (
      claimId: string,
      payerKind: 'commercial' | 'medicaid',
      dateOfService: string,
      amount: number,
    ) =>
      p.finance.registerCharges(
        {
          claimId,
          encounterId: `e-${claimId}`,
          patientId: `p-${claimId}`,
          payerId: payerKind === 'medicaid' ? 'masshealth' : 'bcbs',
          payerKind,
          timelyFilingMonths: 6,
          dateOfService,
          timeZone: zone,
          charges: [{ cptCode: '99213', units: 1, amount }],
        },
        { at: at(dateOfService) },
      );
    expect(await register('c1', 'commercial', '2026-01-12', 30_000)).toMatchObject({ ok: true });
    expect(await register('c2', 'medicaid', '2026-02-03', 10_000)).toMatchObject({ ok: true });
    expect(await register('c3', 'medicaid', '2026-04-03', 99_000)).toMatchObject({ ok: true });
    const s = p.strategy;
    const when = { at: at('2026-04-20') };
    expect(
      await s.openAnalysis(
        {
          analysisId: 'peds',
          question: 'Saturday paediatrics?',
          scope: { zips: ['02139'], serviceLines: ['paediatrics'] },
        },
        when,
      ),
    ).toMatchObject({ ok: true });
    // A caller may not send the evidence: it is computed from the log.
    expect(
      await s.attachEvidence(
        { analysisId: 'peds', kind: 'payer-mix', period: '2026-Q1', evidence: null } as never,
        when,
      ),
    ).toMatchObject({ ok: false, code: 'UnknownField', field: 'evidence' });
    expect(
      await s.attachEvidence({ analysisId: 'peds', kind: 'payer-mix', period: '2026-Q1' }, when),
    ).toMatchObject({
      ok: true,
    });
    expect(
      await s.attachEvidence({ analysisId: 'peds', kind: 'capacity', period: '2026-Q1' }, when),
    ).toMatchObject({
      ok: true,
    });
    expect(
      await s.attachEvidence({ analysisId: 'peds', kind: 'patient-origin', period: '2026-Q1' }, when),
    ).toMatchObject({ ok: false, code: 'EvidenceUnavailable', field: 'kind' });
    // A claim registered afterwards does not change what was attached.
    expect(await register('c4', 'commercial', '2026-03-30', 50_000)).toMatchObject({ ok: true });
    const attached = (await history(p, 'MarketAnalysis-peds')).filter((e) => e.type === 'EvidenceAttached');
    expect(attached[0]!.data).toMatchObject({
      evidenceId: 'payer-mix:2026-Q1',
      attachedBy: 'pm',
      evidence: {
        kind: 'payer-mix',
        claims: 2,
        chargesCents: 40_000,
        byPayerKind: [
          { payerKind: 'commercial', claims: 1, chargesCents: 30_000, sharePct: 75 },
          { payerKind: 'medicaid', claims: 1, chargesCents: 10_000, sharePct: 25 },
        ],
      },
    });
    expect(attached[1]!.data).toMatchObject({
      evidenceId: 'capacity:2026-Q1',
      evidence: { kind: 'capacity' },
    });
    expect(
      await s.addSwotItem(
        {
          analysisId: 'peds',
          kind: 'strength',
          text: 'Commercial is 75 % of charges',
          evidenceRef: 'payer-mix:2026-Q1',
        },
        when,
      ),
    ).toMatchObject({ ok: true });
    expect(
      await s.setAssumptions(
        {
          analysisId: 'peds',
          visitsPerMonth: 120,
          netRevenuePerVisitCents: 9_500,
          startupCostCents: 2_500_000,
          rampMonths: 6,
        },
        when,
      ),
    ).toMatchObject({ ok: true });
    expect(await s.decide({ analysisId: 'peds', decision: 'go', rationale: 'demand' }, when)).toMatchObject({
      ok: false,
      code: 'AnalysisIncomplete',
      field: 'scenarios',
    });
    expect(
      await s.addScenario({ analysisId: 'peds', scenarioId: 'sat', forkRef: 'whatif:sat' }, when),
    ).toMatchObject({
      ok: true,
    });
    // Data tasks (MODULES.md S4 DelegateDataTask): each becomes a work item delegated to the person.
    await hire(p, 'bo');
    const task = (taskId: string, to = 'bo') =>
      s.delegateDataTask(
        {
          analysisId: 'peds',
          taskId,
          title: `Count ${taskId}`,
          to,
          expectations: 'a table by ZIP',
          dueOn: '2026-05-01',
        },
        when,
      );
    expect(await task('t0', 'nobody')).toMatchObject({ ok: false, code: 'DelegateNotActive', field: 'to' });
    expect(await task('t0', 'pm')).toMatchObject({ ok: false, code: 'DelegateIsSelf', field: 'to' });
    expect(await task('schools')).toMatchObject({ ok: true });
    expect(await task('competitors')).toMatchObject({ ok: true });
    const [item] = (await WorkItem.listWorkItems(p.readModels)).filter(
      (i) => i.workItemId === 'analysis-peds-schools',
    );
    expect(item).toMatchObject({
      source: 'analysis',
      sourceRef: 'MarketAnalysis-peds/schools',
      ownerId: 'pm',
      assignee: 'bo',
      status: 'delegated',
      dueOn: '2026-05-01',
    });
    const decideGo = () => s.decide({ analysisId: 'peds', decision: 'go', rationale: 'demand' }, when);
    expect(await decideGo()).toMatchObject({ ok: false, code: 'AnalysisIncomplete', field: 'dataTasks' });
    const bo = p.as({ id: 'bo', role: 'staff' }).strategy;
    expect(await bo.acceptWorkItem({ workItemId: 'analysis-peds-schools' }, when)).toMatchObject({
      ok: true,
    });
    expect(
      await bo.completeWorkItem(
        { workItemId: 'analysis-peds-schools', completedOn: '2026-04-20', evidence: 'schools.csv' },
        when,
      ),
    ).toMatchObject({ ok: true });
    expect(await decideGo()).toMatchObject({ ok: false, code: 'AnalysisIncomplete', field: 'dataTasks' });
    expect(
      await s.waiveDataTask({ analysisId: 'peds', taskId: 'competitors', reason: ' ' }, when),
    ).toMatchObject({ ok: false, code: 'ReasonRequired' });
    expect(
      await s.waiveDataTask(
        { analysisId: 'peds', taskId: 'competitors', reason: 'the payer mix settles it' },
        when,
      ),
    ).toMatchObject({ ok: true });
    expect(await decideGo()).toMatchObject({ ok: true });
    expect((await history(p, 'MarketAnalysis-peds')).at(-1)).toMatchObject({
      type: 'AnalysisDecided',
      data: { dataTasks: { done: ['schools'], waived: ['competitors'] } },
    });
    // A go is carried out by an initiative that names it; an analysis not decided go cannot be.
    const carry = (initiativeId: string, analysisId: string) =>
      s.proposeInitiative(
        {
          initiativeId,
          title: 'Saturday paediatric clinic',
          goalIds: [],
          ownerId: 'bo',
          budget: { budgetId: '2026', category: 'salaries', amountCents: 2_500_000 },
          milestones: [],
          analysisId,
        },
        when,
      );
    expect(await carry('sat-bad', 'nope')).toMatchObject({
      ok: false,
      code: 'AnalysisNotGo',
      field: 'analysisId',
    });
    expect(await carry('sat', 'peds')).toMatchObject({ ok: true });
    expect((await history(p, 'Initiative-sat'))[0]).toMatchObject({ data: { analysisId: 'peds' } });
    const due = (await p.calendar('2027-04-01')).find((o) => o.id === 'analysis-review:peds');
    expect(due).toMatchObject({ module: 'strategy', dueAt: '2027-04-20' });
    await p.close();
  });
});

describe('practice.strategy: an initiative spends only against its budget line (MODULES.md S3)', () => {
  const budget = async (p: Practice) => {
    const f = p.finance;
    expect(
      await f.draftBudget({
        budgetId: '2026',
        fiscalYear: '2026',
        startsOn: '2026-01-01',
        timeZone: zone,
        currency: 'USD',
        projections: [],
        lines: [
          { category: 'salaries', months: { '2026-04': 9_000_000, '2026-05': 9_000_000 } },
          { category: 'supplies', months: { '2026-04': 500_000 } },
        ],
      }),
    ).toMatchObject({ ok: true });
    await f.submitBudget({ budgetId: '2026' });
    expect(await f.approveBudget({ budgetId: '2026' })).toMatchObject({ ok: true });
  };
  const initiative = async (p: Practice, goalIds: string[], when: { at: string }) => {
    expect(
      await p.strategy.proposeInitiative(
        {
          initiativeId: 'np',
          title: 'Nurse practitioner three days a week',
          goalIds,
          ownerId: 'ana',
          budget: { budgetId: '2026', category: 'salaries', amountCents: 1_000_000 },
          milestones: [],
          capexCents: 6_000_000,
          monthlyBenefit: { visits: 100, netRevenuePerVisitCents: 10_000, costCents: 400_000 },
        },
        when,
      ),
    ).toMatchObject({ ok: true });
  };
  const expense = (p: Practice, expenseId: string, category: string, amount: number, initiativeId?: string) =>
    p.finance.recordExpense(
      {
        budgetId: '2026',
        expenseId,
        category,
        amount,
        incurredOn: '2026-04-15',
        description: `expense ${expenseId}`,
        ...(initiativeId === undefined ? {} : { initiativeId }),
      },
      { at: at('2026-04-15') },
    );

  it('refuses expenses and purchase orders of the initiative on another line, and reads its spend from the log', async () => {
    const p = await open();
    await hire(p, 'ana');
    await budget(p);
    const april = { at: at('2026-04-01') };
    expect(await expense(p, 'x0', 'salaries', 1_000, 'np')).toMatchObject({
      ok: false,
      code: 'UnknownInitiative',
      field: 'initiativeId',
    });
    await initiative(p, [], april);
    expect(await expense(p, 'x1', 'salaries', 1_000, 'np')).toMatchObject({
      ok: false,
      code: 'InitiativeNotApproved',
    });
    expect(
      await p.strategy.approveInitiative(
        { initiativeId: 'np', discountRatePct: 6, horizonMonths: 24 },
        april,
      ),
    ).toMatchObject({ ok: true });
    expect(await expense(p, 'x2', 'supplies', 1_000, 'np')).toMatchObject({
      ok: false,
      code: 'InitiativeLineMismatch',
      field: 'category',
    });
    expect(await expense(p, 'x3', 'salaries', 400_000, 'np')).toMatchObject({ ok: true });
    expect(await expense(p, 'x4', 'salaries', 700_000, 'np')).toMatchObject({ ok: true });
    expect(await expense(p, 'x5', 'salaries', 50_000)).toMatchObject({ ok: true }); // not the initiative's
    // A purchase order for the initiative on another line is refused at drafting.
    const po = (category: string) =>
      p.resources.draftPO(
        {
          poId: `po-${category}`,
          vendorId: 'henry-schein',
          locationId: 'main',
          budgetId: '2026',
          category,
          lines: [{ itemId: 'gloves', qty: 10, unitPriceCents: 50 }],
          draftedOn: '2026-04-16',
          initiativeId: 'np',
        },
        { at: at('2026-04-16') },
      );
    expect(await po('supplies')).toMatchObject({ ok: false, code: 'InitiativeLineMismatch' });
    expect(await po('salaries')).toMatchObject({ ok: true });

    const [view] = await Initiative.listInitiatives(p.readModels);
    expect(view).toMatchObject({ initiativeId: 'np', spentCents: 1_100_000 });
    expect(view?.expenses.map((x) => x.expenseId)).toEqual(['x3', 'x4']);
    // 1,100,000 spent of 1,000,000 allocated: not on budget.
    const onBudget = async (period: string) =>
      (await p.kpis(period)).lines.find((l) => l.id === 'initiativesOnBudget')?.value;
    expect(await onBudget('2026-04')).toBe(0);
    expect(await onBudget('2026-03')).toBeUndefined(); // nothing approved yet
    await p.close();
  });

  it('compares the goal KPIs 6 months after approval with the frozen baseline, computed from the log', async () => {
    const p = await open();
    await hire(p, 'ana');
    await budget(p);
    await workDue(p, '2026-03', 4, 2); // March: 50 %
    expect(
      await p.strategy.draftGoal({ ...draft, deadline: '2026-12' }, { at: at('2026-04-01') }),
    ).toMatchObject({ ok: true });
    const april = { at: at('2026-04-02') };
    await initiative(p, ['g1'], april);
    expect(
      await p.strategy.approveInitiative(
        { initiativeId: 'np', discountRatePct: 0, horizonMonths: 24 },
        april,
      ),
    ).toMatchObject({ ok: true });
    expect(await expense(p, 'x1', 'salaries', 300_000, 'np')).toMatchObject({ ok: true });
    await workDue(p, '2026-09', 4, 3); // September: 75 %
    const review = (when: string) =>
      p.strategy.recordBenefitsReview(
        { initiativeId: 'np', months: 6, findings: 'NP fully booked by August' },
        { at: at(when) },
      );
    // The comparison is the handler's, not the caller's.
    expect(
      await p.strategy.recordBenefitsReview(
        { initiativeId: 'np', months: 6, findings: 'x', comparison: { goals: [], spentCents: 0 } } as never,
        { at: at('2026-10-02') },
      ),
    ).toMatchObject({ ok: false, code: 'UnknownField' });
    expect(await review('2026-10-01')).toMatchObject({ ok: false, code: 'ReviewNotDue', field: 'months' });
    expect(await review('2026-10-02')).toMatchObject({ ok: true });
    const reviewed = (await history(p, 'Initiative-np')).at(-1);
    expect(reviewed).toMatchObject({
      type: 'BenefitsReviewed',
      data: {
        months: 6,
        dueOn: '2026-10-02',
        goals: [
          {
            goalId: 'g1',
            kpiId: 'workCompletedByDue',
            period: '2026-09',
            baselineValue: 50,
            target: 80,
            actual: 75,
          },
        ],
        spentCents: 300_000,
        allocatedCents: 1_000_000,
        paybackMonths: 10,
        npvCents: 24 * 600_000 - 6_000_000,
      },
    });
    const [view] = await Initiative.listInitiatives(p.readModels);
    expect(view?.reviews).toMatchObject([{ months: 6, reviewedOn: '2026-10-02', spentCents: 300_000 }]);
    await p.close();
  });
});
