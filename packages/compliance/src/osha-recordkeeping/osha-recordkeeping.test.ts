import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decideHandled, deciderSpec } from '@praxis/testing';
import { decider, exemptionOf, type SetOshaRecordkeeping } from './index.js';

const spec = deciderSpec(decider);
const at = '2026-01-02T09:00:00-06:00';
const set = (naicsCode: string, peakEmployees: number): SetOshaRecordkeeping => ({
  type: 'SetOshaRecordkeeping',
  establishmentId: 'main',
  naicsCode,
  peakEmployees,
  effectiveFrom: '2026-01-01',
  at,
});

describe('OSHA 300-log recordkeeping exemption (29 CFR 1904.1, 1904.2)', () => {
  it('exempts a physician’s office (NAICS 6211, Appendix A) and any company of 10 employees or fewer', () => {
    expect(exemptionOf(25, '621111')).toMatchObject({
      exemption: 'partially-exempt-industry',
      legalSource: '29 CFR 1904.2, Appendix A to Subpart B',
    });
    expect(exemptionOf(10, '622110')).toMatchObject({
      exemption: 'small-employer',
      legalSource: '29 CFR 1904.1',
    });
    // a hospital (NAICS 622) with 11 employees keeps the log
    expect(exemptionOf(11, '622110').exemption).toBe('none');
  });

  it('records the setting with its exemption, refuses a bad NAICS code or headcount, and records nothing for a repeat', () => {
    const recorded = spec.given([]).when(set('621111', 25)).thenState();
    expect(recorded.exemption).toBe('partially-exempt-industry');
    spec.given([]).when(set('6211', 25)).thenRejects('InvalidNaicsCode', 'naicsCode');
    spec.given([]).when(set('621111', 0)).thenRejects('InvalidNumber', 'peakEmployees');
    spec
      .given([])
      .when({ ...set('621111', 25), effectiveFrom: '2026-13-01' })
      .thenRejects('InvalidDate', 'effectiveFrom');
    const first = decideHandled(decider, set('621111', 25), decider.initialState);
    if (first._tag === 'Left') throw new Error(first.left.message);
    spec.given(first.right).when(set('621111', 25)).then([]);
  });

  it('never throws on any input, refusing with a typed error instead', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (naicsCode, peakEmployees, effectiveFrom) => {
        const r = decideHandled(
          decider,
          { ...set('621111', 1), naicsCode, peakEmployees, effectiveFrom } as unknown as SetOshaRecordkeeping,
          decider.initialState,
        );
        if (r._tag === 'Left') expect(typeof r.left.code).toBe('string');
      }),
    );
  });
});
