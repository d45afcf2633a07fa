import { describe, expect, it } from 'vitest';
import { foldProjections } from '@praxis/core';
import { periodOf } from '../period.js';
import { budgetVsActual, formatVariancePct } from './budget-vs-actual.js';
import { budgetsProjection } from './budgets-projection.js';
import { budgetHistory } from './budget-fixture.js';
import { claimsProjection } from './claims-projection.js';
import { financeHistory } from './finance-fixture.js';

const zone = 'America/New_York';

describe('budget vs actual (hand-computed from budget-fixture.ts)', () => {
  it('by line and in total for March, with variance % undefined on a zero budget', async () => {
    const reader = foldProjections([budgetsProjection], budgetHistory().events);
    const bva = await budgetVsActual(reader, periodOf('2026-03', zone));
    expect(bva.lines).toEqual([
      // marketing: budget 0 in March, actual 3,000 → variance 3,000, % undefined (not infinity)
      { category: 'marketing', budget: 0, actual: 3_000, variance: 3_000, variancePct: undefined },
      // staffing: 110,000 − 100,000 = 10,000; 10,000 ÷ 100,000 × 100 = 10 %
      { category: 'staffing', budget: 100_000, actual: 110_000, variance: 10_000, variancePct: 10 },
      // supplies: 15,000 − 20,000 = −5,000; −5,000 ÷ 20,000 × 100 = −25 %
      { category: 'supplies', budget: 20_000, actual: 15_000, variance: -5_000, variancePct: -25 },
    ]);
    // total: budget 0 + 100,000 + 20,000 = 120,000; actual 3,000 + 110,000 + 15,000 = 128,000;
    // variance 8,000; 8,000 ÷ 120,000 × 100 = 6.667 %
    expect(bva.total).toMatchObject({ budget: 120_000, actual: 128_000, variance: 8_000 });
    expect(bva.total.variancePct).toBeCloseTo(6.667, 3);
    expect(formatVariancePct(bva.lines[0]!.variancePct)).toBe('n/a');
    expect(formatVariancePct(bva.total.variancePct)).toBe('+6.7%');
  });

  it('for the quarter, using the latest revision and ignoring budgets not approved', async () => {
    const reader = foldProjections([budgetsProjection], budgetHistory().events);
    const bva = await budgetVsActual(reader, periodOf('2026-Q1', zone));
    // staffing: 3 × 100,000 = 300,000 budget; actual Jan 95,000 + Mar 110,000 = 205,000 → −95,000, −31.667 %
    // supplies: revised to 20,000 × 3 = 60,000 (was 25,000 a month); actual 15,000 → −45,000, −75 %
    // marketing: 0 budget in Q1 (its 5,000 is in April); actual 3,000 → % undefined
    // The draft budget "2026-alt" (rent 999,999 in March) is not in force and is left out.
    expect(bva.lines.map((l) => [l.category, l.budget, l.actual, l.variance])).toEqual([
      ['marketing', 0, 3_000, 3_000],
      ['staffing', 300_000, 205_000, -95_000],
      ['supplies', 60_000, 15_000, -45_000],
    ]);
    expect(bva.lines[1]!.variancePct).toBeCloseTo(-31.667, 3);
    expect(bva.lines[2]!.variancePct).toBe(-75);
    // total: 360,000 budget, 223,000 actual, −137,000; −137,000 ÷ 360,000 × 100 = −38.056 %
    expect(bva.total).toMatchObject({ budget: 360_000, actual: 223_000, variance: -137_000 });
    expect(bva.total.variancePct).toBeCloseTo(-38.056, 3);
  });

  it('compares net collections with the revenue projected from patient volume', async () => {
    const reader = foldProjections(
      [budgetsProjection, claimsProjection],
      [...budgetHistory().events, ...financeHistory().events],
    );
    const { revenue } = await budgetVsActual(reader, periodOf('2026-03', zone));
    // budgeted 4 visits × 7,500 = 30,000; forecast 3 × 8,000 = 24,000; actual = net collections in
    // March from finance-fixture.ts = 26,500; variance 26,500 − 30,000 = −3,500; −3,500 ÷ 30,000 × 100 = −11.667 %
    expect(revenue).toMatchObject({ budget: 30_000, forecast: 24_000, actual: 26_500, variance: -3_500 });
    expect(revenue.variancePct).toBeCloseTo(-11.667, 3);
  });
});
