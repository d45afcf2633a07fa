import { describe, expect, it } from 'vitest';
import { foldProjections } from '@praxis/core';
import { periodOf } from '../period.js';
import { claimsProjection, loadClaims } from './claims-projection.js';
import { financeHistory, zone } from './finance-fixture.js';
import * as K from './revenue-cycle.js';

// Every expected value below is computed by hand from DOMAIN.md "Precise definitions" over the
// fixture table in finance-fixture.ts. March 2026 has 31 days.
const reader = () => foldProjections([claimsProjection], financeHistory().events);
const march = periodOf('2026-03', zone);

describe('revenue-cycle KPIs for March 2026 (hand-computed)', () => {
  it('gross charges, contractual adjustments, adjusted charges, net collections', async () => {
    const claims = await loadClaims(reader());
    // gross: DOS in March = A 20,000 + B 32,000 + D 15,000 + F 10,000 = 77,000 (C is Nov, E is Jan)
    expect(K.grossCharges(claims, march)).toBe(77_000);
    // contractual adjustments posted in March: A 6,000 + D 6,000 = 12,000 (E's 2,000 was in Feb)
    expect(K.contractualAdjustments(claims, march)).toBe(12_000);
    // adjusted = 77,000 − 12,000 = 65,000
    expect(K.adjustedCharges(claims, march)).toBe(65_000);
    // payer: A 12,000 + D 9,000 = 21,000; patient: A 500 (POS) + E 1,500 + A 1,000 + F 2,500 (POS,
    // 22:00 on 31 March in New York) = 5,500; total 26,500
    expect(K.netCollections(claims, march)).toBe(26_500);
  });

  it('A/R at the end of the period and days in A/R', async () => {
    const claims = await loadClaims(reader());
    // A 20,000−500−12,000−6,000−1,000 = 500; B 32,000; C 20,000−8,000 = 12,000; D 0;
    // E 10,000−6,000−2,000−1,500 = 500; F 10,000−2,500 = 7,500 → 500+32,000+12,000+500+7,500 = 52,500
    expect(K.arAtEnd(claims, march)).toBe(52_500);
    // days in A/R = 52,500 ÷ (65,000 ÷ 31) = 52,500 × 31 ÷ 65,000 = 1,627,500 ÷ 65,000 = 25.0385
    expect(K.daysInAR(claims, march)).toBeCloseTo(25.0385, 4);
  });

  it('adjusted and gross collection %', async () => {
    const claims = await loadClaims(reader());
    // adjusted: 26,500 ÷ 65,000 × 100 = 40.769 %
    expect(K.adjustedCollectionRate(claims, march)).toBeCloseTo(40.769, 3);
    // gross: 26,500 ÷ 77,000 × 100 = 34.416 %
    expect(K.grossCollectionRate(claims, march)).toBeCloseTo(34.416, 3);
  });

  it('aged A/R %', async () => {
    const claims = await loadClaims(reader());
    // DOS more than 90 days before 2026-03-31: only C (2025-11-20 → 131 days: 10+31+31+28+31).
    // E is 80 days (21+28+31). Aged = 12,000 ÷ 52,500 × 100 = 22.857 %
    expect(K.agedARRate(claims, march)).toBeCloseTo(22.857, 3);
  });

  it('clean claim rate', async () => {
    const claims = await loadClaims(reader());
    // first scrubbed in March: A (clean), B (held), D (clean); F never scrubbed → 2 ÷ 3 × 100 = 66.667 %
    expect(K.cleanClaimRate(claims, march)).toBeCloseTo(66.667, 3);
  });

  it('initial denial rate by count and by dollars', async () => {
    const claims = await loadClaims(reader());
    // first adjudicated in March: A (paid 03-20), B (denied 03-15), D (paid 03-30); C was Dec, E Feb
    // count: 1 ÷ 3 × 100 = 33.333 %
    expect(K.initialDenialRate(claims, march)).toBeCloseTo(33.333, 3);
    // dollars: 32,000 ÷ (20,000 + 32,000 + 15,000 = 67,000) × 100 = 47.761 %
    expect(K.initialDenialRateByDollars(claims, march)).toBeCloseTo(47.761, 3);
  });

  it('denial write-off %', async () => {
    const claims = await loadClaims(reader());
    // denial write-offs posted in March: C 8,000; ÷ net collections 26,500 × 100 = 30.189 %
    expect(K.denialWriteOffRate(claims, march)).toBeCloseTo(30.189, 3);
  });

  it('POS collections %', async () => {
    const claims = await loadClaims(reader());
    // POS patient payments: A 500 + F 2,500 = 3,000; all patient payments 5,500 → 54.545 %
    expect(K.posCollectionRate(claims, march)).toBeCloseTo(54.545, 3);
  });

  it('reimbursement by CPT code per payer', async () => {
    const claims = await loadClaims(reader());
    // March remittances: Aetna 99213 (A) 12,000 paid + 6,000 adj; BCBS 99203 (D) 9,000 + 6,000.
    // Medicare paid nothing in March (E was paid in February).
    expect(K.reimbursementByCpt(claims, march)).toEqual([
      {
        payerId: 'aetna',
        cptCode: '99213',
        paid: 12_000,
        contractualAdjustment: 6_000,
        paidLines: 1,
        averagePaid: 12_000,
      },
      {
        payerId: 'bcbs',
        cptCode: '99203',
        paid: 9_000,
        contractualAdjustment: 6_000,
        paidLines: 1,
        averagePaid: 9_000,
      },
    ]);
  });

  it('denials by CARC code', async () => {
    const claims = await loadClaims(reader());
    // March: B, CARC 50, 32,000. C's CARC 197 denial was in December.
    expect(K.denialsByCarc(claims, march)).toEqual([{ carcCode: '50', count: 1, amount: 32_000 }]);
    expect(K.denialsByCarc(claims, periodOf('2025-Q4', zone))).toEqual([
      { carcCode: '197', count: 1, amount: 20_000 },
    ]);
  });

  it('works for a quarter: days in A/R over Q1 2026 (90 days)', async () => {
    const kpis = await K.revenueCycleKpis(reader(), periodOf('2026-Q1', zone));
    // gross: March 77,000 + E 10,000 = 87,000; adjustments: 12,000 + E 2,000 = 14,000; adjusted 73,000
    expect([kpis.grossCharges, kpis.contractualAdjustments, kpis.adjustedCharges]).toEqual([
      87_000, 14_000, 73_000,
    ]);
    // A/R at the end of Q1 = end of March = 52,500; 52,500 ÷ (73,000 ÷ 90) = 4,725,000 ÷ 73,000 = 64.726
    expect(kpis.daysInAR).toBeCloseTo(64.726, 3);
    // net collections: March 26,500 + E's payer payment 6,000 in Feb = 32,500
    expect(kpis.netCollections).toBe(32_500);
  });

  it('counts F’s late-evening payment in March, not April, in the practice zone', async () => {
    const claims = await loadClaims(reader());
    // F's 2,500 was taken at 22:00 on 31 March in New York: nothing is collected in April
    expect(K.netCollections(claims, periodOf('2026-04', zone))).toBe(0);
    // In UTC the same instant is 1 April 02:00, so a UTC practice counts it in April
    expect(K.netCollections(claims, periodOf('2026-04', 'UTC'))).toBe(2_500);
  });

  it('shows a ratio with a zero denominator as undefined, never as infinity or zero', async () => {
    const kpis = await K.revenueCycleKpis(reader(), periodOf('2025-06', zone));
    expect(kpis.daysInAR).toBeUndefined();
    expect(kpis.adjustedCollectionRate).toBeUndefined();
    expect(kpis.cleanClaimRate).toBeUndefined();
    expect(kpis.initialDenialRate).toBeUndefined();
    expect(kpis.posCollectionRate).toBeUndefined();
    expect(kpis.agedARRate).toBeUndefined();
  });

  it('flags claims close to their timely-filing deadline until they are submitted', async () => {
    // F (DOS 2026-03-31) was never submitted: deadline 2026-03-31 + 12 months = 2027-03-31.
    // As of 2027-03-05 that is 26 days away (within 30); A–E were all submitted.
    expect(await K.claimsNearFilingDeadline(reader(), '2027-03-05')).toEqual([
      {
        claimId: 'F',
        payerId: 'bcbs',
        dateOfService: '2026-03-31',
        filingDeadline: '2027-03-31',
        daysLeft: 26,
      },
    ]);
    expect(await K.claimsNearFilingDeadline(reader(), '2027-02-28')).toEqual([]);
  });
});
