import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deciderSpec } from '@praxis/testing';
import { createPractice } from '@praxis/practice';
import { addInterval, decider, events, type EquipmentCommand } from './index.js';

const manager = { id: 'maria', role: 'practice_manager' };

describe('equipment maintenance', () => {
  it('adds intervals calendar-wise', () => {
    expect(addInterval('2026-01-31', { n: 1, unit: 'months' })).toBe('2026-02-28');
    expect(addInterval('2026-12-15', { n: 7, unit: 'days' })).toBe('2026-12-22');
    expect(addInterval('2024-02-29', { n: 1, unit: 'years' })).toBe('2025-02-28');
  });

  it('plans tasks on the calendar, moves the next due from the day done, and counts on-time and downtime', async () => {
    const practice = await createPractice({
      store: 'memory:',
      timeZone: 'America/Chicago',
      currency: 'USD',
      actor: manager,
    });
    const r = practice.resources;
    await r.registerEquipment({
      assetId: 'autoclave-1',
      kind: 'sterilizer',
      make: 'Tuttnauer',
      model: '2540M',
      serial: 'T-9981',
      locationId: 'sterile-room',
      acquiredOn: '2025-06-01',
      costCents: 450_000,
      usefulLifeMonths: 120,
      ePhi: false,
      requiredFor: ['minor-surgery'],
      warrantyUntil: '2026-06-01',
    });
    await r.planMaintenance({
      assetId: 'autoclave-1',
      taskId: 'spore',
      title: 'Spore test the autoclave',
      every: { n: 7, unit: 'days' },
      source: 'cdc',
      plannedOn: '2026-03-01',
      firstDueOn: '2026-03-06',
    });
    const cal = await practice.calendar('2026-04-05');
    expect(cal.filter((c) => c.module === 'resources').map((c) => [c.id, c.dueAt])).toEqual([
      ['maintenance:autoclave-1:spore:2026-03-06', '2026-03-06'],
      ['warranty-end:autoclave-1', '2026-06-01'],
    ]);
    const record = (performedOn: string, result: 'pass' | 'fail', extra: object = {}) =>
      r.recordMaintenance({
        assetId: 'autoclave-1',
        taskId: 'spore',
        performedOn,
        result,
        costCents: 1500,
        evidence: `BI log ${performedOn}`,
        ...extra,
      });
    expect(await record('2026-03-05', 'pass')).toMatchObject({ ok: true }); // on time; next due 03-12
    expect(await record('2026-03-14', 'fail')).toMatchObject({ ok: false, code: 'FailedWithoutAction' });
    await r.takeOutOfService({ assetId: 'autoclave-1', outOn: '2026-03-14', reason: 'failed spore test' });
    expect(await record('2026-03-14', 'fail')).toMatchObject({ ok: true }); // late, and failed: still open
    expect(
      await r.returnToService({ assetId: 'autoclave-1', returnedOn: '2026-03-16', evidence: 'repaired' }),
    ).toMatchObject({ ok: false, code: 'NotRepaired' });
    expect(await record('2026-03-18', 'pass')).toMatchObject({ ok: true }); // late; next due 03-25
    expect(
      await r.returnToService({
        assetId: 'autoclave-1',
        returnedOn: '2026-03-18',
        evidence: 'passing spore test',
      }),
    ).toMatchObject({ ok: true });
    const march = await practice.calendar('2026-03-31');
    expect(
      march.filter((c) => c.kind === 'maintenance').map((c) => [c.dueAt, c.completedAt ?? null, c.state]),
    ).toEqual([
      ['2026-03-06', '2026-03-05', 'done'],
      ['2026-03-12', '2026-03-18', 'done'],
      ['2026-03-25', null, 'overdue'],
    ]);
    const kpis = await practice.kpis('2026-03');
    const v = Object.fromEntries(kpis.lines.map((l) => [l.id, l.value]));
    // Due in March: 03-06 (done 03-05, on time), 03-12 (done 03-18, late), 03-25 (not done) → 1 of 3.
    expect(v['plannedMaintenanceOnTime']).toBeCloseTo(100 / 3, 10);
    // Out 03-14 to 03-18: 14, 15, 16, 17 → 4 days.
    expect(v['equipmentDowntimeDays']).toBe(4);
    await practice.close();
  });
});

describe('equipment disposal', () => {
  it('a device holding ePHI needs its media sanitised; disposal ends its open duties', async () => {
    const practice = await createPractice({
      store: 'memory:',
      timeZone: 'America/Chicago',
      currency: 'USD',
      actor: manager,
    });
    const r = practice.resources;
    await r.registerEquipment({
      assetId: 'xray-1',
      kind: 'digital x-ray',
      make: 'Carestream',
      model: 'CS 2200',
      serial: 'C-1',
      locationId: 'op-1',
      acquiredOn: '2020-01-01',
      costCents: 900_000,
      usefulLifeMonths: 84,
      ePhi: true,
      requiredFor: [],
      warrantyUntil: '2027-01-01',
    });
    await r.planMaintenance({
      assetId: 'xray-1',
      taskId: 'qa',
      title: 'Image quality check',
      every: { n: 12, unit: 'months' },
      source: 'state-rule',
      plannedOn: '2026-01-01',
      firstDueOn: '2026-06-01',
    });
    await r.takeOutOfService({ assetId: 'xray-1', outOn: '2026-03-01', reason: 'tube failure' });
    expect(
      await r.disposeEquipment({ assetId: 'xray-1', disposedOn: '2026-03-10', method: 'recycler' }),
    ).toMatchObject({ ok: false, code: 'MediaSanitizationMissing', field: 'mediaSanitization' });
    expect(
      await r.disposeEquipment({
        assetId: 'xray-1',
        disposedOn: '2026-03-10',
        method: 'recycler',
        mediaSanitization: { method: 'destroy', sanitizedOn: '2026-03-09', certificateRef: 'CoD-5521' },
      }),
    ).toMatchObject({ ok: true, decided: ['EquipmentDisposed'] });
    const duties = (await practice.calendar('2026-12-01')).filter((o) => o.streamId === 'Equipment-xray-1');
    expect(duties).toEqual([]);
    expect(
      await r.recordMaintenance({
        assetId: 'xray-1',
        taskId: 'qa',
        performedOn: '2026-03-11',
        result: 'pass',
        costCents: 0,
        evidence: 'x',
      }),
    ).toMatchObject({ ok: false, code: 'EquipmentDisposed' });
    // Its downtime ends at disposal: 9 days in March.
    const v = Object.fromEntries((await practice.kpis('2026-03')).lines.map((l) => [l.id, l.value]));
    expect(v['equipmentDowntimeDays']).toBe(9);
    await practice.close();
  });
});

describe('equipment: nothing is dated before the asset was acquired', () => {
  const spec = deciderSpec(decider);
  const registered = events.make('EquipmentRegistered', {
    assetId: 'ecg-1',
    kind: 'ECG',
    make: 'GE',
    model: 'MAC',
    serial: 'S1',
    locationId: 'main',
    acquiredOn: '2026-01-01',
    costCents: 500_000,
    usefulLifeMonths: 60,
    ePhi: false,
    requiredFor: [],
  });
  const planned = events.make('MaintenancePlanned', {
    assetId: 'ecg-1',
    taskId: 'pm',
    title: 'PM',
    every: { n: 12, unit: 'months' },
    source: 'manufacturer-ifu',
    plannedOn: '2026-01-02',
    firstDueOn: '2026-06-01',
  });
  const day = (n: number) => new Date(Date.UTC(2025, 9, 1) + n * 86_400_000).toISOString().slice(0, 10);
  const commands: ((on: string) => [EquipmentCommand, string])[] = [
    (on) => [
      {
        type: 'PlanMaintenance',
        taskId: 'cal',
        title: 'Calibrate',
        every: { n: 1, unit: 'years' },
        source: 'manufacturer-ifu',
        plannedOn: on,
        firstDueOn: '2027-01-01',
      },
      'plannedOn',
    ],
    (on) => [
      {
        type: 'RecordMaintenance',
        taskId: 'pm',
        performedOn: on,
        result: 'pass',
        costCents: 0,
        evidence: 'x',
        performedBy: 'cora',
      },
      'performedOn',
    ],
    (on) => [{ type: 'TakeOutOfService', outOn: on, reason: 'broken' }, 'outOn'],
    (on) => [
      { type: 'DisposeEquipment', disposedOn: on, method: 'recycled', disposedBy: 'cora' },
      'disposedOn',
    ],
  ];

  it('refuses a date before acquisition (2026-01-01) with BeforeAcquired naming the field (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: commands.length - 1 }),
        (n, k) => {
          const on = day(n);
          const [command, field] = commands[k]!(on);
          const w = spec.given([registered, planned]).when(command);
          if (on < '2026-01-01')
            expect(w.decision).toMatchObject({ _tag: 'Left', left: { code: 'BeforeAcquired', field } });
          else expect(w.decision._tag).toBe('Right');
        },
      ),
    );
  });

  it('refuses a disposal dated before the asset went out of service', () => {
    const out = events.make('EquipmentOutOfService', {
      assetId: 'ecg-1',
      outOn: '2026-03-01',
      reason: 'broken',
    });
    spec
      .given([registered, planned, out])
      .when({ type: 'DisposeEquipment', disposedOn: '2026-02-01', method: 'recycled', disposedBy: 'cora' })
      .thenRejects('BeforeOutOfService', 'disposedOn');
  });
});
