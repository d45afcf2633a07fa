import { describe, expect, it } from 'vitest';
import type { Claim } from '@praxis/finance';
import { write835 } from './write.js';
import { biller, practiceWith } from './test-support.js';

const era = (pr: readonly { carc: string; amount: number }[]) =>
  write835({
    payerName: 'ACME',
    payerId: '1999999999',
    payeeName: 'PRAXIS',
    payeeNpi: '1234567893',
    traceNumber: `T-${pr.map((p) => p.amount).join('-')}`,
    paymentDate: '2026-03-20',
    controlNumber: 1,
    claims: [
      {
        claimId: 'c-1',
        charge: 14_000,
        paid: 7_000,
        patientResponsibility: pr.reduce((a, p) => a + p.amount, 0),
        lines: [
          {
            code: '99213',
            charge: 14_000,
            paid: 7_000,
            adjustments: [
              { group: 'CO', carc: '45', amount: 14_000 - 7_000 - pr.reduce((a, p) => a + p.amount, 0) },
              ...pr.map((p) => ({ group: 'PR' as const, carc: p.carc, amount: p.amount })),
            ],
          },
        ],
      },
    ],
  });

describe('an 835 whose patient responsibility includes the copay taken at the visit', () => {
  it('posts as patient responsibility only what the patient still owes (PR-3 already paid is not owed twice)', async () => {
    const p = await practiceWith([
      { claimId: 'c-1', dateOfService: '2026-03-02', lines: [['99213', 14_000]] },
    ]);
    const pos = await p
      .as(biller)
      .finance.collectPatientPayment(
        { claimId: 'c-1', paymentId: 'pos-1', amount: 2_500, pointOfService: true },
        { at: '2026-03-02T18:00:00-06:00' },
      );
    expect(pos.ok, pos.summary).toBe(true);
    // The payer allows 105.00: pays 70.00; copay 25.00 (PR-3, paid at the visit) and coinsurance 10.00 (PR-2).
    const r = await p.as(biller).finance.importRemittance(
      era([
        { carc: '3', amount: 2_500 },
        { carc: '2', amount: 1_000 },
      ]),
      { at: '2026-03-20T09:00:00-05:00' },
    );
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const s = await p.load<Claim.State>('Claim', 'c-1');
    if (!s.found) throw new Error('no claim');
    // 140.00 − 25.00 at the visit − 70.00 paid − 35.00 CO = 10.00 left: the coinsurance.
    expect(Claim_balance(s.state)).toBe(1_000);
    expect(r.ok && r.remittances[0]!.claims[0]!.patientResponsibility).toBe(1_000);
    // Without a payment at the visit, the whole PR is owed.
    const p2 = await practiceWith([
      { claimId: 'c-1', dateOfService: '2026-03-02', lines: [['99213', 14_000]] },
    ]);
    const over = await p2.as(biller).finance.importRemittance(era([{ carc: '3', amount: 3_500 }]), {
      at: '2026-03-20T09:00:00-05:00',
    });
    expect(over.ok && over.remittances[0]!.claims[0]!.patientResponsibility).toBe(3_500);
    await p.close();
    await p2.close();
  });
});

const Claim_balance = (s: Claim.State): number =>
  s.totalCharges - s.payerPaid - s.patientPaid - s.contractualAdjustments - s.writtenOff;
