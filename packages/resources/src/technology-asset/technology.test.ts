import { describe, expect, it } from 'vitest';
import { createPractice } from '@praxis/practice';
import { addMonths } from './index.js';

const manager = { id: 'maria', role: 'practice_manager' };
const open = () =>
  createPractice({ store: 'memory:', timeZone: 'America/Chicago', currency: 'USD', actor: manager });

const ehr = {
  systemId: 'ehr',
  name: 'Clinic EHR',
  vendorId: 'acme-health',
  category: 'ehr' as const,
  ePhi: true,
  criticality: 'high' as const,
  registeredOn: '2026-01-05',
};

describe('technology assets (R8)', () => {
  it('adds months calendar-wise, either way', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-05', 12)).toBe('2027-01-05');
  });

  it('given an ePHI system, the BAA is overdue from registration until one with the return-or-destroy clause is recorded', async () => {
    const practice = await open();
    const r = practice.resources;
    expect(await r.registerSystem(ehr)).toMatchObject({ ok: true });
    expect(await r.registerSystem(ehr)).toMatchObject({ ok: false, code: 'SystemAlreadyRegistered' });
    const baa = async (asOf: string) => (await practice.calendar(asOf)).find((o) => o.id === 'baa:ehr');
    expect(await baa('2026-01-06')).toMatchObject({
      dueAt: '2026-01-05',
      state: 'overdue',
      legalSource: expect.stringContaining('164.308(b)'),
    });
    // An agreement without the clause is recorded but does not meet the duty (164.504(e)(2)(ii)(J)).
    await r.recordBusinessAssociateAgreement({
      systemId: 'ehr',
      signedOn: '2026-01-10',
      documentRef: 'baa-2026-01.pdf',
      returnOrDestroyClause: false,
    });
    expect((await baa('2026-01-11'))?.state).toBe('overdue');
    await r.recordBusinessAssociateAgreement({
      systemId: 'ehr',
      signedOn: '2026-01-20',
      documentRef: 'baa-2026-01-v2.pdf',
      returnOrDestroyClause: true,
    });
    expect(await baa('2026-01-21')).toMatchObject({ state: 'done', completedAt: '2026-01-20' });
    // A system without ePHI has no BAA duty.
    await r.registerSystem({ ...ehr, systemId: 'phones', category: 'phone', ePhi: false });
    expect((await practice.calendar('2026-02-01')).some((o) => o.id === 'baa:phones')).toBe(false);
    await practice.close();
  });

  it('given the cadences, access reviews and restore tests fall due; a failed restore leaves the test due', async () => {
    const practice = await open();
    const r = practice.resources;
    await r.registerSystem({ ...ehr, restoreTestEveryMonths: 6 });
    const duties = async (asOf: string) =>
      (await practice.calendar(asOf))
        .filter((o) => o.kind === 'access-review' || o.kind === 'restore-test')
        .map((o) => [o.id, o.state])
        .sort(([a], [b]) => a!.localeCompare(b!));
    expect(await duties('2026-07-06')).toEqual([
      ['access-review:ehr:2027-01-05', 'upcoming'],
      ['restore-test:ehr:2026-07-05', 'overdue'],
    ]);
    expect(
      await r.recordRestoreTest({
        systemId: 'ehr',
        testedOn: '2026-07-08',
        result: 'fail',
        restoreMinutes: 240,
      }),
    ).toMatchObject({ ok: true });
    expect(await duties('2026-07-09')).toContainEqual(['restore-test:ehr:2026-07-05', 'overdue']);
    await r.recordRestoreTest({
      systemId: 'ehr',
      testedOn: '2026-07-10',
      result: 'pass',
      restoreMinutes: 95,
    });
    await r.recordAccessReview({ systemId: 'ehr', reviewedOn: '2026-07-10', usersRemoved: 2 });
    expect(await duties('2026-07-11')).toEqual([
      ['access-review:ehr:2027-01-05', 'done'],
      ['access-review:ehr:2027-07-10', 'upcoming'],
      ['restore-test:ehr:2026-07-05', 'done'],
      ['restore-test:ehr:2027-01-10', 'upcoming'],
    ]);
    // A new cadence moves the open occurrence: 6 months after the last passing test, not 12.
    await r.setReviewCadence({
      systemId: 'ehr',
      setOn: '2026-08-01',
      accessReviewEveryMonths: 3,
      restoreTestEveryMonths: 6,
    });
    expect((await duties('2026-08-02')).filter(([, s]) => s !== 'done')).toEqual([
      ['access-review:ehr:2026-10-10', 'upcoming'],
      ['restore-test:ehr:2027-01-10', 'upcoming'],
    ]);
    await practice.close();
  });

  it('a retired ePHI system needs its media sanitised unless its data are archived with a retention date', async () => {
    const practice = await open();
    const r = practice.resources;
    await r.registerSystem(ehr);
    expect(
      await r.retireSystem({ systemId: 'ehr', retiredOn: '2026-09-01', dataDisposition: 'archived' }),
    ).toMatchObject({ ok: false, code: 'RetentionRequired', field: 'retainUntil' });
    expect(
      await r.retireSystem({ systemId: 'ehr', retiredOn: '2026-09-01', dataDisposition: 'migrated' }),
    ).toMatchObject({ ok: false, code: 'MediaSanitizationMissing', field: 'mediaSanitization' });
    expect(
      await r.retireSystem({
        systemId: 'ehr',
        retiredOn: '2026-09-01',
        dataDisposition: 'migrated',
        mediaSanitization: { method: 'purge', sanitizedOn: '2026-08-30', certificateRef: 'cert-77' },
      }),
    ).toMatchObject({ ok: true, decided: ['SystemRetired'] });
    // Its recurring duties end with it; the unmet BAA duty stays on record.
    const left = (await practice.calendar('2026-09-02')).filter((o) => o.streamId === 'TechnologyAsset-ehr');
    expect(left.map((o) => o.kind)).toEqual(['baa']);
    expect(
      await r.recordAccessReview({ systemId: 'ehr', reviewedOn: '2026-09-03', usersRemoved: 0 }),
    ).toMatchObject({ ok: false, code: 'SystemRetired' });
    await practice.close();
  });

  it('BAA coverage and critical-system availability match a hand computation', async () => {
    const practice = await open();
    const r = practice.resources;
    await r.registerSystem(ehr);
    await r.registerSystem({ ...ehr, systemId: 'portal', category: 'portal', criticality: 'medium' });
    await r.recordBusinessAssociateAgreement({
      systemId: 'ehr',
      signedOn: '2026-01-06',
      documentRef: 'baa.pdf',
      returnOrDestroyClause: true,
    });
    expect(
      await r.recordDowntime({
        systemId: 'ehr',
        fromAt: '2026-02-10T10:00:00-06:00',
        toAt: '2026-02-10T09:00:00-06:00',
        cause: 'x',
        planned: false,
      }),
    ).toMatchObject({ ok: false, code: 'InvalidInterval' });
    // Not before the system existed, and not twenty years long (fresh-user finding).
    const down = (fromAt: string, toAt: string) =>
      r.recordDowntime({ systemId: 'ehr', fromAt, toAt, cause: 'x', planned: false });
    expect(await down('2019-01-01T00:00:00-06:00', '2026-02-01T00:00:00-06:00')).toMatchObject({
      ok: false,
      code: 'DowntimeBeforeSystem',
      field: 'fromAt',
    });
    expect(await down('2026-02-01T00:00:00-06:00', '2046-02-01T00:00:00-06:00')).toMatchObject({
      ok: false,
      code: 'DowntimeTooLong',
      field: 'toAt',
    });
    // 6 hours unplanned, and 2 planned hours that do not count.
    await r.recordDowntime({
      systemId: 'ehr',
      fromAt: '2026-02-10T08:00:00-06:00',
      toAt: '2026-02-10T14:00:00-06:00',
      cause: 'vendor outage',
      planned: false,
    });
    await r.recordDowntime({
      systemId: 'ehr',
      fromAt: '2026-02-14T20:00:00-06:00',
      toAt: '2026-02-14T22:00:00-06:00',
      cause: 'upgrade',
      planned: true,
    });
    const v = Object.fromEntries((await practice.kpis('2026-02')).lines.map((l) => [l.id, l.value]));
    // One of two ePHI systems has a BAA.
    expect(v['baaCoverage']).toBe(50);
    // February 2026: 28 days × 1 440 = 40 320 minutes; 360 down on the one high-criticality system.
    expect(v['systemAvailability']).toBeCloseTo((1 - 360 / 40_320) * 100, 10);
    await practice.close();
  });
});
