import { describe, expect, it } from 'vitest';
import { collect, combineRegistries, fixedClock, foldProjections, makeCommandHandler } from '@praxis/core';
import { Budget, Claim } from '@praxis/finance';
import { memoryEventStore } from '@praxis/store-memory';
import { periodOf } from '../period.js';
import { budgetVsActual } from './budget-vs-actual.js';
import { financeProjections } from './index.js';
import { revenueCycleKpis } from './revenue-cycle.js';

const zone = 'America/Chicago';
const actor = { id: 'pm-1', role: 'practice-manager' };

describe('finance commands through a real store into the read models', () => {
  it('a claim and a budget, handled, stored with their codecs, read back and projected', async () => {
    const store = memoryEventStore({
      registry: combineRegistries(Budget.decider.events, Claim.decider.events),
    });
    const clock = fixedClock('2026-03-01T09:00:00', zone);
    const claims = makeCommandHandler({
      store,
      clock,
      decider: Claim.decider,
      facts: Claim.factsWithoutChecks,
    });
    const budgets = makeCommandHandler({
      store,
      clock,
      decider: Budget.decider,
      facts: Budget.standaloneFacts,
    });
    const claim = async (command: Claim.ClaimCall) => {
      // The handler's input type includes the facts, which the caller must not send.
      const input = command as unknown as Claim.ClaimCommand;
      const r = await claims.handle({
        streamId: Claim.streamId('c-1'),
        command: input,
        actor,
        at: command.at,
      });
      expect(r._tag).toBe('Right');
    };
    const at = (d: string) => `${d}T11:00:00-06:00`;
    await claim({
      type: 'RegisterCharges',
      claimId: 'c-1',
      encounterId: 'enc-1',
      patientId: 'pat-1',
      payerId: 'medicare',
      payerKind: 'medicare',
      dateOfService: '2026-03-02',
      timeZone: zone,
      charges: [{ cptCode: '99214', units: 1, amount: 18_000 }],
      at: at('2026-03-02'),
    });
    await claim({ type: 'CreateClaim', at: at('2026-03-02') });
    await claim({ type: 'ScrubClaim', failedEdits: [], at: at('2026-03-02') });
    await claim({ type: 'SubmitClaim', at: at('2026-03-03') });
    await claim({
      type: 'RecordPayerPayment',
      paymentId: 'era-1',
      lines: [{ cptCode: '99214', paid: 10_000, contractualAdjustment: 8_000 }],
      patientResponsibility: 0,
      at: at('2026-03-20'),
    });
    // a rejected command appends nothing and names the field
    const late = await claims.handle({
      streamId: Claim.streamId('c-1'),
      command: {
        type: 'WriteOffBalance',
        writeOffId: 'w',
        amount: 1,
        reason: 'bad-debt',
        at: at('2026-03-21'),
      },
      actor,
      at: at('2026-03-21'),
    });
    expect(late._tag === 'Left' && late.left._tag === 'DomainError' && late.left.field).toBe('amount');

    // The facts (`initiative`) are the handler's to supply, not the caller's.
    type Input<C = Budget.BudgetCommand> = C extends unknown ? Omit<C, 'initiative'> : never;
    const b = (command: Input) =>
      budgets.handle({
        streamId: Budget.streamId('2026'),
        command: command as Budget.BudgetCommand,
        actor,
        at: command.at,
      });
    await b({
      type: 'DraftBudget',
      budgetId: '2026',
      fiscalYear: '2026',
      startsOn: '2026-01-01',
      timeZone: zone,
      currency: 'USD',
      projections: [],
      lines: [{ category: 'rent', months: { '2026-03': 400_000 } }],
      draftedBy: 'pm-1',
      at: at('2026-01-02'),
    });
    await b({ type: 'SubmitBudget', submittedBy: 'pm-1', at: at('2026-01-02') });
    await b({ type: 'ApproveBudget', approvedBy: 'pm-1', at: at('2026-01-03') });
    const rent = await b({
      type: 'RecordExpense',
      expenseId: 'rent-mar',
      category: 'rent',
      amount: 400_000,
      incurredOn: '2026-03-01',
      description: 'March rent',
      recordedBy: 'pm-1',
      at: at('2026-03-01'),
    });
    expect(rent._tag).toBe('Right');

    const reader = foldProjections(financeProjections, await collect(store.readAll()));
    const march = periodOf('2026-03', zone);
    const kpis = await revenueCycleKpis(reader, march);
    // gross 18,000; adjusted 18,000 − 8,000 = 10,000; collected 10,000 → 100 %; A/R 0; 1 of 1 clean
    expect(kpis).toMatchObject({
      grossCharges: 18_000,
      adjustedCharges: 10_000,
      netCollections: 10_000,
      arAtEnd: 0,
    });
    expect(kpis.adjustedCollectionRate).toBe(100);
    expect(kpis.cleanClaimRate).toBe(100);
    expect((await budgetVsActual(reader, march)).total).toMatchObject({
      budget: 400_000,
      actual: 400_000,
      variance: 0,
    });
  });
});
