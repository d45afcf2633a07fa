import { describe, expect, it } from 'vitest';
import { memoizedReader, type KpiContext, type KpiDefinition } from '@praxis/core';
import { createPractice } from './create.js';
import { defineModule } from './module.js';
import { builtinModules } from './modules/index.js';
import { loadFinanceDocuments } from './kpis.js';
import { hireForTest } from './test-staff.js';

/*
 * `practice.kpis` reads documents as stored (personal fields sealed) and reveals only the detail
 * that names people (staff, training, acknowledgments, compliance): the report a caller gets
 * must hold the clear names and never a sealed token, with or without a report's own reader.
 */
describe('a KPI report names people in clear and holds no sealed token', () => {
  it('shows who is behind on training by name, for a live read and a memoized report reader', async () => {
    const practice = await createPractice({
      store: 'memory:',
      timeZone: 'America/New_York',
      currency: 'USD',
    });
    try {
      await hireForTest(practice, 'ana', { hiredOn: '2026-01-15' });
      const assigned = await practice.as({ id: 'hana', role: 'hr' }).staff.assignTraining({
        staffId: 'ana',
        trainingId: 'hipaa-privacy-annual',
        course: 'HIPAA privacy policy',
        assignedOn: '2026-02-01',
        dueOn: '2026-02-28',
        required: true,
      });
      expect(assigned.ok, assigned.summary).toBe(true);
      // the name is sealed in the read model the KPIs read
      const stored = JSON.stringify(await practice.sealedReadModels.get('staff-roster', 'staff:ana'));
      expect(stored).toContain('[pii:');
      expect(stored).not.toContain('Person ana');

      const reader = memoizedReader(practice.sealedReadModels);
      const documents = await loadFinanceDocuments(reader);
      for (const report of [
        await practice.kpis('2026-03'),
        await practice.kpis('2026-Q1'),
        await practice.kpis('2026-03', { reader, documents }),
        await practice.kpis('2026-03', { reader, documents, basis: 'restated' }),
      ]) {
        expect(report.training.nonCompliant.map((s) => s.name)).toEqual(['Person ana']);
        expect(JSON.stringify(report)).not.toContain('[pii:');
      }
    } finally {
      await practice.close();
    }
  });
});

describe('a module KPI loads under its own area only', () => {
  const kpi = (area: string, key: string, via: 'memo' | 'shared'): KpiDefinition => ({
    id: `${area}Probe`,
    label: 'probe',
    area,
    unit: 'count',
    direction: 'higher-is-better',
    formula: 'one',
    source: 'test',
    compute: async (c) => (await c[via](key, async () => [] as readonly unknown[])).length,
  });
  it('refuses a memo or shared key of another area with ModuleFailed naming the KPI; its own works', async () => {
    for (const via of ['memo', 'shared'] as const) {
      const poison = defineModule({
        area: 'poison',
        aggregates: [],
        projections: [],
        kpis: [kpi('poison', 'patients:appointments', via)],
      });
      const p = await createPractice({
        store: 'memory:',
        timeZone: 'UTC',
        currency: 'USD',
        modules: [poison, ...builtinModules],
      });
      try {
        const reader = memoizedReader(p.sealedReadModels);
        for (const read of [() => p.kpis('2026'), () => p.kpis('2026', { reader })])
          await expect(read()).rejects.toMatchObject({
            _tag: 'ModuleFailed',
            message: expect.stringMatching(/kpi poisonProbe.*"poison:"/),
          });
      } finally {
        await p.close();
      }
      const fine = defineModule({
        area: 'poison',
        aggregates: [],
        projections: [],
        kpis: [kpi('poison', 'poison:rows', via)],
      });
      const q = await createPractice({
        store: 'memory:',
        timeZone: 'UTC',
        currency: 'USD',
        modules: [fine, ...builtinModules],
      });
      try {
        expect((await q.kpis('2026')).lines.find((l) => l.id === 'poisonProbe')?.value).toBe(0);
      } finally {
        await q.close();
      }
    }
  });
});

describe('a report reuses a KPI on the other basis only when its value never looked at the basis', () => {
  it('recomputes what read the basis, itself or through a memo another KPI loaded; reuses the rest', async () => {
    let plainRuns = 0;
    const base = {
      area: 'probe',
      unit: 'count',
      direction: 'higher-is-better',
      formula: 'probe',
      source: 'test',
    } as const;
    const byBasis = (c: KpiContext) => c.memo('probe:by-basis', async () => (c.basis === 'restated' ? 2 : 1));
    const probe = defineModule({
      area: 'probe',
      aggregates: [],
      projections: [],
      kpis: [
        { ...base, id: 'probeReads', label: 'reads the basis', compute: byBasis },
        // never reads the basis itself: only the memo the KPI above loaded
        {
          ...base,
          id: 'probeThrough',
          label: 'through a memo',
          compute: async (c) => (await byBasis(c)) * 10,
        },
        {
          ...base,
          id: 'probePlain',
          label: 'basis-free',
          compute: async () => {
            plainRuns++;
            return 7;
          },
        },
      ],
    });
    const p = await createPractice({
      store: 'memory:',
      timeZone: 'UTC',
      currency: 'USD',
      modules: [...builtinModules, probe],
    });
    try {
      const values = (r: Awaited<ReturnType<typeof p.kpis>>) =>
        ['probeReads', 'probeThrough', 'probePlain'].map((id) => r.lines.find((l) => l.id === id)?.value);
      const reader = memoizedReader(p.sealedReadModels);
      expect(values(await p.kpis('2026', { reader }))).toEqual([1, 10, 7]);
      expect(values(await p.kpis('2026', { reader, basis: 'restated' }))).toEqual([2, 20, 7]);
      expect(plainRuns).toBe(1); // reused on the other basis
      // a month is its own period; without a memoized reader nothing is reused
      expect(values(await p.kpis('2026-01', { reader, basis: 'restated' }))).toEqual([2, 20, 7]);
      expect(values(await p.kpis('2026', { basis: 'restated' }))).toEqual([2, 20, 7]);
      expect(plainRuns).toBe(3);
    } finally {
      await p.close();
    }
  });
});
