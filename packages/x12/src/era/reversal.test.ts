import { describe, expect, it } from 'vitest';
import type { Claim } from '@praxis/finance';
import { biller, practiceWith } from './test-support.js';
import { write835, type RemittanceDraft } from './write.js';

const draft = (traceNumber: string, controlNumber: number, claims: RemittanceDraft['claims']): string =>
  write835({
    payerName: 'ACME HEALTH',
    payerId: '1999999999',
    payeeName: 'PRAXIS CLINIC',
    payeeNpi: '1234567893',
    traceNumber,
    paymentDate: '2026-11-01',
    controlNumber,
    claims,
  });

const payment = (paid: number, co: number, status: '1' | '22' = '1') => ({
  claimId: 'C1',
  status,
  charge: status === '22' ? -10_000 : 10_000,
  paid,
  patientResponsibility: 0,
  lines: [
    {
      code: '99213',
      charge: status === '22' ? -10_000 : 10_000,
      paid,
      adjustments: [{ group: 'CO' as const, carc: '45', amount: co }],
    },
  ],
});

describe('835 reversals (CLP02 = 22)', () => {
  it('reverse the payment an earlier 835 posted, then the corrected payment posts', async () => {
    const practice = await practiceWith([
      { claimId: 'C1', dateOfService: '2026-10-01', lines: [['99213', 10_000]] },
    ]);
    const b = practice.as(biller);
    const first = await b.finance.importRemittance(draft('T1', 1, [payment(8_000, 2_000)]), {
      at: '2026-11-02T10:00:00-06:00',
    });
    expect(first.ok).toBe(true);
    const reversal = await b.finance.importRemittance(draft('T2', 2, [payment(-8_000, -2_000, '22')]), {
      at: '2026-11-09T10:00:00-06:00',
    });
    expect(reversal).toMatchObject({ ok: true });
    if (!reversal.ok) return;
    expect(reversal.remittances[0]!.claims.map((c) => [c.claimId, c.posting, c.paid])).toEqual([
      ['C1', 'reversal', -8_000],
    ]);
    const loaded = await practice.load<Claim.State>('Claim', 'C1');
    expect(loaded.found && [loaded.state.payerPaid, loaded.state.contractualAdjustments]).toEqual([0, 0]);
    // A repeat of the reversal file posts nothing twice.
    const repeat = await b.finance.importRemittance(draft('T2', 2, [payment(-8_000, -2_000, '22')]), {
      at: '2026-11-09T10:00:00-06:00',
    });
    expect(repeat.ok && repeat.remittances[0]!.status).toBe('already-posted');
    const again = await practice.load<Claim.State>('Claim', 'C1');
    expect(again.found && again.state.payerPaid).toBe(0);
    const corrected = await b.finance.importRemittance(draft('T3', 3, [payment(9_000, 1_000)]), {
      at: '2026-11-16T10:00:00-06:00',
    });
    expect(corrected.ok).toBe(true);
    const after = await practice.load<Claim.State>('Claim', 'C1');
    expect(after.found && [after.state.payerPaid, after.state.contractualAdjustments]).toEqual([
      9_000, 1_000,
    ]);
    await practice.close();
  });

  it('refuses a reversal whose amount matches no posted payment, naming CLP04, and posts nothing', async () => {
    const practice = await practiceWith([
      { claimId: 'C1', dateOfService: '2026-10-01', lines: [['99213', 10_000]] },
    ]);
    const b = practice.as(biller);
    await b.finance.importRemittance(draft('T1', 1, [payment(8_000, 2_000)]), {
      at: '2026-11-02T10:00:00-06:00',
    });
    const r = await b.finance.importRemittance(draft('T2', 2, [payment(-7_000, -3_000, '22')]), {
      at: '2026-11-09T10:00:00-06:00',
    });
    expect(r.ok).toBe(false);
    expect(r.outcome === 'unmatched' && r.unmatched[0]).toMatchObject({
      claimId: 'C1',
      where: { element: 'CLP04' },
    });
    expect(r.outcome === 'unmatched' && r.unmatched[0]!.reason).toMatch(
      /no posted payment of 70\.00 to reverse/,
    );
    await practice.close();
  });
});
