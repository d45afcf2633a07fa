import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatKpi } from './format-kpi.js';
import type { KpiUnit } from './kpi.js';

describe('formatKpi', () => {
  it('writes each unit for people: money from cents, one decimal, n/a for an undefined value', () => {
    expect(formatKpi(1_234_550, 'cents')).toBe('$12,345.50');
    expect(formatKpi(-250, 'cents', { signed: true })).toBe('−$2.50');
    expect(formatKpi(250, 'cents', { signed: true, currency: 'EUR' })).toBe('+€2.50');
    expect(formatKpi(96.44, 'percent')).toBe('96.4%');
    expect(formatKpi(41.25, 'days')).toBe('41.3 d');
    expect(formatKpi(3, 'business-days')).toBe('3.0 business d');
    expect(formatKpi(12.5, 'minutes')).toBe('12.5 min');
    expect(formatKpi(1204, 'count')).toBe('1,204');
    expect(formatKpi(0.456, 'ratio')).toBe('0.46');
    expect(formatKpi(0, 'days', { signed: true })).toBe('±0');
    expect([
      formatKpi(undefined, 'percent'),
      formatKpi(Number.NaN, 'cents'),
      formatKpi(Infinity, 'days'),
    ]).toEqual(['n/a', 'n/a', 'n/a']);
  });

  it('never throws and never writes NaN or Infinity, for any number and unit (property)', () => {
    const units: KpiUnit[] = ['percent', 'days', 'business-days', 'minutes', 'cents', 'count', 'ratio'];
    fc.assert(
      fc.property(fc.double(), fc.constantFrom(...units), fc.boolean(), (v, unit, signed) => {
        const s = formatKpi(v, unit, { signed });
        expect(s).not.toMatch(/NaN|Infinity|∞/);
      }),
    );
  });
});
