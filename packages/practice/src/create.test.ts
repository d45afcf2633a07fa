import { describe, expect, it } from 'vitest';
import { createPractice } from './create.js';
import { hireForTest } from './test-staff.js';

const at = '2026-01-05T09:00:00-05:00';
const open = () =>
  createPractice({ store: 'memory:', timeZone: 'America/New_York', currency: 'USD', name: 'Test practice' });

describe('createPractice', () => {
  it('runs budget commands by area and says what was decided', async () => {
    const practice = await open();
    const pm = practice.as({ id: 'maria', role: 'practice_manager' });
    const drafted = await pm.finance.draftBudget(
      {
        budgetId: '2026',
        fiscalYear: '2026',
        startsOn: '2026-01-01',
        timeZone: 'America/New_York',
        currency: 'USD',
        projections: [{ month: '2026-01', visits: 400, netRevenuePerVisit: 11_000 }],
        lines: [{ category: 'supplies', months: { '2026-01': 50_000 } }],
      },
      { at },
    );
    expect(drafted.summary).toBe('Budget-2026: BudgetDrafted');
    const early = await pm.finance.recordExpense(
      {
        budgetId: '2026',
        expenseId: 'e1',
        category: 'supplies',
        amount: 1_000,
        incurredOn: '2026-01-06',
        description: 'gloves',
      },
      { at },
    );
    expect(early.ok).toBe(false);
    expect(early.ok === false && early.reason).toBe('rejected');
    expect((await pm.finance.submitBudget({ budgetId: '2026' }, { at })).ok).toBe(true);
    // The approver is the acting person: naming someone else is refused.
    const forged = await pm.finance.approveBudget({ budgetId: '2026', approvedBy: 'dr-who' }, { at });
    expect(forged).toMatchObject({
      ok: false,
      code: 'NotTheActor',
      category: 'forbidden',
      field: 'approvedBy',
    });
    const approved = await pm.finance.approveBudget({ budgetId: '2026' }, { at });
    expect(approved.ok && approved.decided).toEqual(['BudgetApproved']);
    await practice.close();
  });

  it('refuses a budget approval from a role that may not approve, naming the role', async () => {
    const practice = await open();
    const r = await practice.finance.approveBudget(
      { budgetId: '2026' },
      { actor: { id: 'lee', role: 'staff' }, at },
    );
    expect(r).toMatchObject({ ok: false, reason: 'unauthorized' });
    expect(r.summary).toMatch(/role staff may not Budget\.ApproveBudget/);
    await practice.close();
  });

  it('lets a staff member acknowledge a published policy but not publish one', async () => {
    const practice = await open();
    await hireForTest(practice, 'sam', { hiredOn: '2026-01-02' });
    const co = practice.as({ id: 'cora', role: 'compliance_officer' });
    const policyId = 'hand-hygiene';
    for (const step of [
      () =>
        co.policies.draftPolicy({
          policyId,
          title: 'Hand hygiene',
          reviewEveryMonths: 12,
          draftedOn: '2026-01-02',
        }),
      () =>
        practice.as({ id: 'maria', role: 'practice_manager' }).policies.approvePolicy({
          policyId,
          approvedOn: '2026-01-03',
        }),
      () => co.policies.publishPolicy({ policyId, publishedOn: '2026-01-04', effectiveOn: '2026-01-05' }),
      () => co.policies.assignPolicy({ policyId, roles: ['staff'], assignedOn: '2026-01-04' }),
    ]) {
      const r = await step();
      expect(r.summary).not.toMatch(/refused/);
    }
    const staff = practice.as({ id: 'sam', role: 'staff' });
    const ack = await staff.policies.acknowledgePolicy({
      policyId,
      version: 1,
      staffId: 'sam',
      acknowledgedOn: '2026-01-06',
    });
    expect(ack.ok && ack.decided).toEqual(['PolicyAcknowledged']);
    const publish = await staff.policies.retirePolicy({ policyId, reason: 'no', retiredOn: '2026-01-07' });
    expect(publish.ok === false && publish.reason).toBe('unauthorized');
    await practice.close();
  });

  it('records a refused command in the audit trail with the actor and the reason', async () => {
    const practice = await open();
    await practice.finance.approveBudget({ budgetId: '2026' }, { actor: { id: 'lee', role: 'staff' }, at });
    const page = await practice.audit.query({ entity: 'Budget-2026' });
    expect(page.entries).toHaveLength(1);
    expect(page.entries[0]).toMatchObject({
      actorId: 'lee',
      type: 'CommandRefused',
      refusal: { commandType: 'ApproveBudget', code: 'Unauthorized' },
    });
    expect((await practice.audit.verify()).ok).toBe(true);
    await practice.close();
  });

  it('replays an entity as it stood at a past instant', async () => {
    const practice = await open();
    const pm = practice.as({ id: 'maria', role: 'practice_manager' });
    const policyId = 'hipaa';
    await pm.policies.draftPolicy(
      { policyId, title: 'HIPAA', reviewEveryMonths: 12, draftedOn: '2026-01-02' },
      { at: '2026-01-02T09:00:00-05:00' },
    );
    await pm.policies.retirePolicy(
      { policyId, reason: 'merged', retiredOn: '2026-02-02' },
      { at: '2026-02-02T09:00:00-05:00' },
    );
    const then = await practice.audit.entityAsOf<{ status: string }>('Policy-hipaa', {
      at: '2026-01-31T00:00:00-05:00',
    });
    const now = await practice.load<{ status: string }>('Policy', policyId);
    expect([then.eventsFolded, then.state.status]).toEqual([1, 'active']);
    expect(now.found && now.state.status).toBe('retired');
    await expect(practice.audit.entityAsOf('Nope-1', { at: '2026-01-31T00:00:00Z' })).rejects.toThrow(
      /not a stream/,
    );
    await practice.close();
  });
});
