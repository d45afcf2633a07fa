import { defineKpis, type KpiContext } from '@praxis/core';
import { documentationComplianceParts } from './queries.js';

const parts = (c: KpiContext) =>
  c.memo('policies:documentation', () => documentationComplianceParts(c.reader, c.period));

/**
 * Documentation compliance % (the seed: "regular reviews of patient records for compliance with
 * documentation standards"), with a breakdown per provider for `practice.explain`.
 */
export const documentationKpis = defineKpis([
  {
    id: 'documentationCompliance',
    label: 'Documentation compliance %',
    area: 'policies',
    unit: 'percent',
    direction: 'higher-is-better',
    formula:
      'Σ criteria met ÷ Σ (charts sampled × criteria) × 100 over chart audits dated in the period; per provider in the breakdown',
    source: 'chart (record) audits against the practice documentation policy',
    compute: async (c) => {
      const b = await parts(c);
      const checks = b.parts.reduce((n, p) => n + p.denominator, 0);
      return checks === 0 ? undefined : (100 * b.parts.reduce((n, p) => n + p.numerator, 0)) / checks;
    },
    explain: parts,
  },
]);
