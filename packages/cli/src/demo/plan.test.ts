import { describe, expect, it } from 'vitest';
import { planDemoYear } from './index.js';

const plan = (seed: number) => planDemoYear({ seed, year: 2025, encounters: 60, zone: 'America/Chicago' });

describe('the demo plan', () => {
  it('is the same for the same seed and differs for another', () => {
    const labels = (s: number) => plan(s).map((x) => `${x.at} ${x.label}`);
    expect(labels(7)).toEqual(labels(7));
    expect(labels(7)).not.toEqual(labels(8));
  });

  it('runs in business-time order and stops at the end of the year', () => {
    const steps = plan(1);
    const times = steps.map((s) => Date.parse(s.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.max(...times)).toBeLessThan(Date.parse('2026-01-01T00:00:00-06:00'));
  });

  it('covers every area: 3 providers, the budget, policies, staff, compliance and 60 claims', () => {
    const labels = plan(1).map((s) => s.label);
    const claims = new Set(labels.filter((l) => l.startsWith('claim ')).map((l) => l.split(':')[0]));
    expect(claims.size).toBe(60);
    for (const area of ['budget 2025', 'policy ', 'staff ', 'programme ', 'audit ', 'breach ', 'osha ']) {
      expect(labels.some((l) => l.startsWith(area))).toBe(true);
    }
  });
});
