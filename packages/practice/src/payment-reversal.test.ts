import { describe, expect, it } from 'vitest';
import { fixedClock } from '@praxis/core';
import { Finance } from '@praxis/kpi';
import { createPractice } from './create.js';
import { periodIn } from './kpis.js';

const zone = 'America/New_York';
const at = (date: string) => `${date}T10:00:00-04:00`;

const paidClaim = async () => {
  const p = await createPractice({
    store: 'memory:',
    timeZone: zone,
    currency: 'USD',
    clock: fixedClock('2026-06-20T09:00:00', zone),
    actor: { id: 'bea', role: 'biller' },
  });
  await p.finance.registerCharges(
    {
      claimId: 'c1',
      encounterId: 'e1',
      patientId: 'p1',
      payerId: 'bcbs',
      payerKind: 'commercial',
      dateOfService: '2026-03-02',
      timeZone: zone,
      charges: [{ cptCode: '99213', units: 1, amount: 20_000 }],
    },
    { at: at('2026-03-02') },
  );
  await p.finance.createClaim({ claimId: 'c1' }, { at: at('2026-03-02') });
  await p.finance.scrubClaim({ claimId: 'c1', failedEdits: [] }, { at: at('2026-03-03') });
  await p.finance.submitClaim({ claimId: 'c1' }, { at: at('2026-03-03') });
  const paid = await p.finance.recordPayerPayment(
    {
      claimId: 'c1',
      paymentId: 'pay-1',
      lines: [{ cptCode: '99213', paid: 12_000, contractualAdjustment: 5_000 }],
      patientResponsibility: 3_000,
    },
    { at: at('2026-03-20') },
  );
  expect(paid.ok).toBe(true);
  return p;
};

describe('reversing a payer payment (835 CLP02 = 22)', () => {
  it('takes the payment and its adjustment off the claim in the month of the reversal, keeping March as reported', async () => {
    const p = await paidClaim();
    const marchBefore = (await p.kpis('2026-03')).revenueCycle;
    expect(marchBefore).toMatchObject({
      netCollections: 12_000,
      contractualAdjustments: 5_000,
      arAtEnd: 3_000,
    });
    const reversed = await p.finance.reversePayerPayment(
      { claimId: 'c1', paymentId: 'pay-1', reversalId: 'rev-1' },
      { at: at('2026-04-10') },
    );
    expect(reversed).toMatchObject({ ok: true, decided: ['PayerPaymentReversed'] });
    const loaded = await p.load<{ payerPaid: number; contractualAdjustments: number; status: string }>(
      'Claim',
      'c1',
    );
    expect(
      loaded.found && [loaded.state.payerPaid, loaded.state.contractualAdjustments, loaded.state.status],
    ).toEqual([0, 0, 'accepted']);
    // March still reports what it reported; April shows the money going back and A/R restored.
    expect((await p.kpis('2026-03')).revenueCycle).toMatchObject(marchBefore);
    const april = (await p.kpis('2026-04')).revenueCycle;
    expect(april).toMatchObject({ netCollections: -12_000, contractualAdjustments: -5_000, arAtEnd: 20_000 });
    // The general ledger still balances, and cash is back where it started.
    const tb = await Finance.Ledger.trialBalance(p.readModels, periodIn('2026-04', zone));
    expect(tb.totalDebits).toBe(tb.totalCredits);
    const cash = tb.rows.filter((r) => r.account === '1000').reduce((a, r) => a + r.debit - r.credit, 0);
    expect(cash).toBe(0);
    // The claim is payable again: the corrected payment posts.
    const again = await p.finance.recordPayerPayment(
      {
        claimId: 'c1',
        paymentId: 'pay-2',
        lines: [{ cptCode: '99213', paid: 14_000, contractualAdjustment: 3_000 }],
        patientResponsibility: 3_000,
      },
      { at: at('2026-04-12') },
    );
    expect(again.ok).toBe(true);
    await p.close();
  });

  it('refuses a payment that was never posted, a second reversal and a reused reversal id', async () => {
    const p = await paidClaim();
    const unknown = await p.finance.reversePayerPayment(
      { claimId: 'c1', paymentId: 'pay-9', reversalId: 'rev-1' },
      { at: at('2026-04-10') },
    );
    expect(unknown).toMatchObject({
      ok: false,
      code: 'PaymentNotFound',
      category: 'not-found',
      field: 'paymentId',
    });
    const reuse = await p.finance.reversePayerPayment(
      { claimId: 'c1', paymentId: 'pay-1', reversalId: 'pay-1' },
      { at: at('2026-04-10') },
    );
    expect(reuse).toMatchObject({ ok: false, field: 'reversalId' });
    expect(
      (
        await p.finance.reversePayerPayment(
          { claimId: 'c1', paymentId: 'pay-1', reversalId: 'rev-1' },
          { at: at('2026-04-10') },
        )
      ).ok,
    ).toBe(true);
    const twice = await p.finance.reversePayerPayment(
      { claimId: 'c1', paymentId: 'pay-1', reversalId: 'rev-2' },
      { at: at('2026-04-11') },
    );
    expect(twice).toMatchObject({ ok: false, code: 'PaymentNotFound', message: /already reversed/ });
    await p.close();
  });
});
