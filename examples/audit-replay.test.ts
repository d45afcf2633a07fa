import { describe, expect, it } from 'vitest';
import { createPractice } from '@praxis/practice';
import { auditReplay } from './audit-replay.js';

describe('example: audit replay as of a date', () => {
  it('shows the trail, the claim and the numbers as they stood on a past date', async () => {
    const practice = await createPractice({ store: 'memory:', timeZone: 'America/Chicago', currency: 'USD' });
    const biller = practice.as({ id: 'ben', role: 'biller' });
    const claimId = 'c-1';
    const steps = [
      () =>
        practice.finance.registerCharges(
          {
            claimId,
            encounterId: 'e-1',
            patientId: 'p-1',
            payerId: 'aetna',
            payerKind: 'commercial',
            dateOfService: '2025-01-06',
            timeZone: 'America/Chicago',
            charges: [{ cptCode: '99213', units: 1, amount: 14_000 }],
          },
          { actor: { id: 'S-104', role: 'physician' }, at: '2025-01-06T10:00:00-06:00' },
        ),
      () => biller.finance.createClaim({ claimId }, { at: '2025-01-07T09:00:00-06:00' }),
      () => biller.finance.scrubClaim({ claimId, failedEdits: [] }, { at: '2025-01-07T09:05:00-06:00' }),
      () => biller.finance.submitClaim({ claimId }, { at: '2025-01-07T10:00:00-06:00' }),
      () => biller.finance.recordPayerAcceptance({ claimId }, { at: '2025-01-09T10:00:00-06:00' }),
      () =>
        biller.finance.recordPayerPayment(
          {
            claimId,
            paymentId: 'era-1',
            lines: [{ cptCode: '99213', paid: 9_000, contractualAdjustment: 5_000 }],
            patientResponsibility: 0,
          },
          { at: '2025-02-10T13:00:00-06:00' },
        ),
    ];
    for (const step of steps) expect((await step()).ok).toBe(true);
    // A front-desk user tries to write the claim off: refused, and on the record.
    const refused = await practice.finance.writeOffBalance(
      { claimId, writeOffId: 'w-1', amount: 100, reason: 'bad-debt' },
      { actor: { id: 'sam', role: 'staff' }, at: '2025-02-11T09:00:00-06:00' },
    );
    expect(refused.ok).toBe(false);

    const a = await auditReplay(practice, 'Claim-c-1', '2025-02-01T00:00:00-06:00');
    expect(a.trail.map((t) => t.what)).toEqual([
      'ClaimChargesRegistered',
      'ClaimCreated',
      'ClaimScrubbedClean',
      'ClaimSubmitted',
      'ClaimAcceptedByPayer',
      'ClaimPaidByPayer',
      'refused WriteOffBalance: Unauthorized',
    ]);
    expect(a.trail.at(-1)!.who).toBe('sam (staff)');
    expect(a.thenState).toMatchObject({ status: 'accepted', payerPaid: 0 });
    expect(a.nowState).toMatchObject({ payerPaid: 9_000 });
    expect([a.collectedThen, a.collectedNow]).toEqual([0, 9_000]);
    expect(a.intact).toBe(true);
    await practice.close();
  });
});
