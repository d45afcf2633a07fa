import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldProjections } from '@praxis/core';
import { periodOf } from '../period.js';
import { arAgingOf } from './ar-aging.js';
import { claimsProjection, loadClaims } from './claims-projection.js';
import { claimScript, history, runScripts, zone } from './random-claims.fixture.js';
import { revenueCycleKpisOf } from './revenue-cycle.js';

const ny = 'America/New_York';
const t = (date: string) => `${date}T10:00:00-04:00`;

/** The case: a claim held in March, corrected upward on 9 April. */
const correctedInApril = () => {
  const h = history();
  const register = (claimId: string, dateOfService: string, amount: number) =>
    h.claim(claimId, {
      type: 'RegisterCharges',
      claimId,
      encounterId: `e-${claimId}`,
      patientId: `p-${claimId}`,
      payerId: 'aetna',
      payerKind: 'commercial',
      timelyFilingMonths: 6,
      dateOfService,
      timeZone: ny,
      charges: [{ cptCode: '99213', units: 1, amount }],
      at: t(dateOfService),
    });
  register('K1', '2026-03-12', 10_000);
  h.claim('K1', { type: 'CreateClaim', at: t('2026-03-12') });
  h.claim('K1', {
    type: 'ScrubClaim',
    failedEdits: [{ code: 'DX', message: 'no diagnosis pointer' }],
    at: t('2026-03-13'),
  });
  register('K2', '2026-03-05', 10_000);
  h.claim('K1', {
    type: 'CorrectClaim',
    correction: 'the visit was a 99215',
    charges: [{ cptCode: '99215', units: 1, amount: 25_000 }],
    at: t('2026-04-09'),
  });
  return h;
};

describe('closed periods: as reported at the close, or restated with later corrections', () => {
  it('keeps March as it read on 31 March, and shows the April correction only when restated', async () => {
    const claims = await loadClaims(foldProjections([claimsProjection], correctedInApril().events));
    const march = periodOf('2026-03', ny);
    const reported = revenueCycleKpisOf(claims, march, 'as-reported');
    const restated = revenueCycleKpisOf(claims, march, 'restated');
    // 10,000 (K1 before the correction) + 10,000 (K2)
    expect(reported).toMatchObject({ basis: 'as-reported', arAtEnd: 20_000, grossCharges: 20_000 });
    // 25,000 (K1 corrected) + 10,000
    expect(restated).toMatchObject({ basis: 'restated', arAtEnd: 35_000, grossCharges: 35_000 });
    // the default is the figure the month closed with
    expect(revenueCycleKpisOf(claims, march)).toEqual(reported);
    // April's A/R includes the correction in both views (it was recorded in April)
    const april = periodOf('2026-04', ny);
    expect(revenueCycleKpisOf(claims, april, 'as-reported').arAtEnd).toBe(35_000);
  });

  it('as reported, a period reads exactly as a replay of the log up to its close reads it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(claimScript, { minLength: 1, maxLength: 5 }),
        fc.constantFrom('2026-01', '2026-02', '2026-Q1'),
        async (scripts, label) => {
          const h = history();
          runScripts(h, scripts);
          const p = periodOf(label, zone);
          const close = p.interval.end.toMillis();
          const now = await loadClaims(foldProjections([claimsProjection], h.events));
          const replayed = await loadClaims(
            foldProjections(
              [claimsProjection],
              h.events.filter((e) => Date.parse(e.metadata.occurredAt) < close),
            ),
          );
          const { basis: _a, ...reported } = revenueCycleKpisOf(now, p, 'as-reported');
          const { basis: _b, ...atClose } = revenueCycleKpisOf(replayed, p, 'restated');
          expect(reported).toEqual(atClose);
          const { basis: _c, ...aging } = arAgingOf(now, p, 'as-reported');
          const { basis: _d, ...agingAtClose } = arAgingOf(replayed, p, 'restated');
          expect(aging).toEqual(agingAtClose);
        },
      ),
      { numRuns: 80 },
    );
  });
});
