import { describe, expect, it } from 'vitest';
import { fixedClock } from '@praxis/core';
import { createPractice } from './create.js';

const zone = 'America/New_York';
const at = (date: string) => `${date}T10:00:00-04:00`;

describe('a closed month does not change afterwards', () => {
  it('reads March as it closed (as reported, the default, equal to a replay to 31 March) and restated with the April correction', async () => {
    const p = await createPractice({
      store: 'memory:',
      timeZone: zone,
      currency: 'USD',
      clock: fixedClock('2026-04-20T09:00:00', zone),
      actor: { id: 'bea', role: 'biller' },
    });
    const register = (claimId: string, dateOfService: string, amount: number) =>
      p.finance.registerCharges(
        {
          claimId,
          encounterId: `e-${claimId}`,
          patientId: `p-${claimId}`,
          payerId: 'bcbs',
          payerKind: 'commercial',
          timelyFilingMonths: 6,
          dateOfService,
          timeZone: zone,
          charges: [{ cptCode: '99213', units: 1, amount }],
        },
        { at: at(dateOfService) },
      );
    expect((await register('c1', '2026-03-12', 10_000)).ok).toBe(true);
    expect((await register('c2', '2026-03-04', 10_000)).ok).toBe(true);
    await p.finance.createClaim({ claimId: 'c1' }, { at: at('2026-03-12') });
    await p.finance.scrubClaim(
      {
        claimId: 'c1',
        failedEdits: [{ code: 'DX', message: 'no diagnosis pointer' }],
      },
      { at: at('2026-03-13') },
    );
    const before = await p.kpis('2026-03');
    expect(before.revenueCycle.arAtEnd).toBe(20_000);
    const corrected = await p.finance.correctClaim(
      {
        claimId: 'c1',
        correction: 'the visit was a 99215',
        charges: [{ cptCode: '99215', units: 1, amount: 25_000 }],
      },
      { at: at('2026-04-09') },
    );
    expect(corrected.ok).toBe(true);

    const reported = await p.kpis('2026-03');
    expect(reported.basis).toBe('as-reported');
    expect(reported.revenueCycle).toMatchObject({ arAtEnd: 20_000, grossCharges: 20_000 });
    expect(reported.lines).toEqual(before.lines);
    const past = await p.audit.practiceAsOf({ at: '2026-03-31T23:59:59-04:00' });
    expect((await p.kpis('2026-03', { reader: past })).revenueCycle.arAtEnd).toBe(20_000);

    const restated = await p.kpis('2026-03', { basis: 'restated' });
    expect(restated.basis).toBe('restated');
    expect(restated.revenueCycle).toMatchObject({ arAtEnd: 35_000, grossCharges: 35_000 });
    await p.close();
  });
});
