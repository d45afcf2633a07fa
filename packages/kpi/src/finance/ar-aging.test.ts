import { describe, expect, it } from 'vitest';
import { foldProjections } from '@praxis/core';
import { periodOf } from '../period.js';
import { arAging, bucketOf } from './ar-aging.js';
import { claimsProjection } from './claims-projection.js';
import { financeHistory, zone } from './finance-fixture.js';

describe('A/R aging by payer (hand-computed from finance-fixture.ts)', () => {
  it('places each claim’s A/R at the end of March by its age from the date of service', async () => {
    const reader = foldProjections([claimsProjection], financeHistory().events);
    const aging = await arAging(reader, periodOf('2026-03', zone));
    // Ages to 2026-03-31: A 29 days, B 26, C 131 (10+31+31+28+31), E 80 (21+28+31), F 0; D has no A/R.
    // aetna: A 500 (0–30) + C 12,000 (>120) = 12,500
    // bcbs: F 7,500 (0–30)
    // medicare: B 32,000 (0–30) + E 500 (61–90) = 32,500
    expect(aging.asOf).toBe('2026-03-31');
    expect(aging.payers).toEqual([
      {
        payerId: 'aetna',
        buckets: { '0-30': 500, '31-60': 0, '61-90': 0, '91-120': 0, '120+': 12_000 },
        total: 12_500,
      },
      {
        payerId: 'bcbs',
        buckets: { '0-30': 7_500, '31-60': 0, '61-90': 0, '91-120': 0, '120+': 0 },
        total: 7_500,
      },
      {
        payerId: 'medicare',
        buckets: { '0-30': 32_000, '31-60': 0, '61-90': 500, '91-120': 0, '120+': 0 },
        total: 32_500,
      },
    ]);
    // totals: 0–30 = 500 + 7,500 + 32,000 = 40,000; 61–90 = 500; >120 = 12,000; sum 52,500 = A/R at end
    expect(aging.totals).toEqual({
      payerId: '*',
      buckets: { '0-30': 40_000, '31-60': 0, '61-90': 500, '91-120': 0, '120+': 12_000 },
      total: 52_500,
    });
  });

  it('ages as of the end of an earlier period, before later payments were posted', async () => {
    const reader = foldProjections([claimsProjection], financeHistory().events);
    const aging = await arAging(reader, periodOf('2026-02', zone));
    // End of February: C 20,000 (Nov 20 → Feb 28 = 10+31+31+28 = 100 days → 91–120; the write-off came
    // in March); E 10,000 − 6,000 − 2,000 = 2,000 (Jan 10 → Feb 28 = 21+28 = 49 → 31–60).
    expect(aging.totals.buckets).toEqual({
      '0-30': 0,
      '31-60': 2_000,
      '61-90': 0,
      '91-120': 20_000,
      '120+': 0,
    });
  });

  it('uses the bucket edges 30/31, 60/61, 90/91, 120/121', () => {
    expect([0, 30, 31, 60, 61, 90, 91, 120, 121].map(bucketOf)).toEqual([
      '0-30',
      '0-30',
      '31-60',
      '31-60',
      '61-90',
      '61-90',
      '91-120',
      '91-120',
      '120+',
    ]);
  });
});
