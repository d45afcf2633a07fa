import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldProjections } from '@praxis/core';
import type { Claim } from '@praxis/finance';
import { periodOf } from '../period.js';
import { arAgingOf } from './ar-aging.js';
import { claimsProjection, loadClaims } from './claims-projection.js';
import * as K from './revenue-cycle.js';
import { history } from './test-support.js';

const zone = 'America/Denver';
const day = fc.integer({ min: 1, max: 120 }).map((n) => {
  const d = new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  return `${d}T12:00:00-07:00`;
});
const money = fc.integer({ min: 1, max: 6_000 });
const id = fc.nat(1_000_000).map((n) => `x${n}`);
const step: fc.Arbitrary<Claim.ClaimCommand> = fc.oneof(
  day.map((at): Claim.ClaimCommand => ({ type: 'CreateClaim', at })),
  fc.tuple(fc.boolean(), day).map(([ok, at]): Claim.ClaimCommand => ({
    type: 'ScrubClaim',
    failedEdits: ok ? [] : [{ code: 'E1', message: 'edit failed' }],
    at,
  })),
  day.map((at): Claim.ClaimCommand => ({ type: 'CorrectClaim', correction: 'fixed', at })),
  day.map((at): Claim.ClaimCommand => ({ type: 'SubmitClaim', at })),
  fc
    .tuple(money, day)
    .map(([amount, at]): Claim.ClaimCommand => ({ type: 'RecordDenial', carcCode: '16', amount, at })),
  fc.tuple(id, money, money, day).map(([paymentId, paid, adj, at]): Claim.ClaimCommand => ({
    type: 'RecordPayerPayment',
    paymentId,
    lines: [{ cptCode: '99213', paid, contractualAdjustment: adj }],
    patientResponsibility: 0,
    at,
  })),
  fc
    .tuple(id, money, fc.boolean(), day)
    .map(([paymentId, amount, pointOfService, at]): Claim.ClaimCommand => ({
      type: 'CollectPatientPayment',
      paymentId,
      amount,
      pointOfService,
      at,
    })),
  fc.tuple(id, money, day).map(([writeOffId, amount, at]): Claim.ClaimCommand => ({
    type: 'WriteOffBalance',
    writeOffId,
    amount,
    reason: 'bad-debt',
    at,
  })),
);
const claimScript = fc.record({
  payer: fc.constantFrom('aetna', 'medicare', 'cigna'),
  dos: fc.integer({ min: 0, max: 60 }),
  amount: fc.integer({ min: 1_000, max: 30_000 }),
  steps: fc.array(step, { minLength: 5, maxLength: 25 }),
});

describe('finance KPIs over random claim histories', () => {
  it('aging buckets add up to A/R at the end; A/R, aged A/R and rates stay in range', async () => {
    let postings = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(claimScript, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('2026-02', '2026-Q1', '2026'),
        async (scripts, label) => {
          const h = history();
          scripts.forEach((s, i) => {
            const dos = new Date(Date.UTC(2026, 0, 1) + s.dos * 86_400_000).toISOString().slice(0, 10);
            h.claim(`c${i}`, {
              type: 'RegisterCharges',
              claimId: `c${i}`,
              encounterId: `e${i}`,
              patientId: `p${i}`,
              payerId: s.payer,
              payerKind: s.payer === 'medicare' ? 'medicare' : 'commercial',
              dateOfService: dos,
              timeZone: zone,
              charges: [{ cptCode: '99213', units: 1, amount: s.amount }],
              at: `${dos}T18:00:00-07:00`,
            });
            // steps dated before the date of service are still valid commands for the decider
            for (const c of s.steps) h.tryClaim(`c${i}`, c);
          });
          const claims = await loadClaims(foldProjections([claimsProjection], h.events));
          postings += claims.reduce((t, c) => t + c.ledger.length, 0);
          const p = periodOf(label, zone);
          const ar = K.arAtEnd(claims, p);
          const aging = arAgingOf(claims, p);
          expect(aging.totals.total).toBe(ar);
          expect(aging.payers.reduce((t, x) => t + x.total, 0)).toBe(ar);
          expect(ar).toBeGreaterThanOrEqual(0);
          expect(ar).toBeLessThanOrEqual(scripts.reduce((t, s) => t + s.amount, 0));
          for (const rate of [
            K.agedARRate(claims, p),
            K.cleanClaimRate(claims, p),
            K.initialDenialRate(claims, p),
            K.posCollectionRate(claims, p),
          ]) {
            if (rate !== undefined) {
              expect(rate).toBeGreaterThanOrEqual(0);
              expect(rate).toBeLessThanOrEqual(100);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
    // not vacuous: money was actually posted on the random claims
    expect(postings).toBeGreaterThan(0);
  });
});
