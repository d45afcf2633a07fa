import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldProjections } from '@praxis/core';
import { periodOf } from '../period.js';
import { arAgingOf } from './ar-aging.js';
import { claimsProjection, loadClaims } from './claims-projection.js';
import * as K from './revenue-cycle.js';
import { claimScript, history, runScripts, zone } from './random-claims.fixture.js';

describe('finance KPIs over random claim histories', () => {
  it('aging buckets add up to A/R at the end; A/R, aged A/R and rates stay in range', async () => {
    let postings = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(claimScript, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('2026-02', '2026-Q1', '2026'),
        async (scripts, label) => {
          const h = history();
          runScripts(h, scripts);
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
