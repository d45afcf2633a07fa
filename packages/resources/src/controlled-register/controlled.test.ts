import { describe, expect, it } from 'vitest';
import { collect } from '@praxis/core';
import { createPractice } from '@praxis/practice';

const manager = { id: 'maria', role: 'practice_manager' };

describe('controlled substances: theft or significant loss', () => {
  it('opens the one-business-day DEA notice and the 45-day Form 106 in the compliance calendar', async () => {
    const practice = await createPractice({
      store: 'memory:',
      timeZone: 'America/Chicago',
      currency: 'USD',
      actor: manager,
    });
    const r = practice.resources;
    await r.registerSupplyItem({
      itemId: 'hydrocodone',
      name: 'Hydrocodone 5 mg',
      category: 'controlled',
      unit: 'tablet',
      packSize: 100,
      perishable: true,
      storage: 'ambient',
      controlledSchedule: 'II',
      unitCostCents: 30,
      registeredOn: '2026-01-02',
    });
    await r.receiveStock({
      stockId: 'hydrocodone-main',
      itemId: 'hydrocodone',
      locationId: 'main',
      receiptId: 'r1',
      lotNo: 'H1',
      qty: 100,
      unitCostCents: 30,
      receivedOn: '2026-01-05',
      expiresOn: '2027-01-31',
    });
    // Discovered on Friday 2026-01-09: one business day later is Monday 2026-01-12.
    const adjusted = await r.adjustStock({
      stockId: 'hydrocodone-main',
      adjustmentId: 'a1',
      lotNo: 'H1',
      qty: -12,
      reason: 'theft',
      adjustedOn: '2026-01-09',
    });
    expect(adjusted).toMatchObject({ ok: true });
    const register = await collect(practice.store.readStream('ControlledSubstanceRegister-main'));
    expect(register.map((e) => e.type)).toEqual(['ControlledSubstanceLossRecorded']);
    expect(register[0]!.data).toMatchObject({
      kind: 'theft',
      discoveredOn: '2026-01-09',
      items: [{ itemId: 'hydrocodone', qty: 12 }],
      noticeDueOn: '2026-01-12',
      form106DueOn: '2026-02-23',
    });
    const cal = await practice.calendar('2026-01-09');
    const dea = cal.filter((c) => c.module === 'resources');
    expect(dea.map((c) => [c.kind, c.dueAt, c.legalSource, c.impact])).toEqual([
      ['dea-loss', '2026-01-12', '21 CFR 1301.76(b)', 'legal'],
      ['dea-106', '2026-02-23', '21 CFR 1301.76(b); 88 FR 40707 (2023)', 'legal'],
    ]);
    await r.recordDeaNotice({
      registrationId: 'main',
      lossId: 'hydrocodone-main:a1',
      notifiedOn: '2026-01-12',
    });
    const after = await practice.calendar('2026-01-13');
    expect(after.filter((c) => c.module === 'resources').map((c) => [c.kind, c.state])).toEqual([
      ['dea-loss', 'done'],
      ['dea-106', 'due-soon'],
    ]);
    await practice.close();
  });

  it('counts business days on the practice calendar: a holiday after discovery moves the notice', async () => {
    const practice = await createPractice({
      store: 'memory:',
      timeZone: 'America/Chicago',
      currency: 'USD',
      actor: manager,
    });
    await practice.setBusinessCalendar({
      openWeekdays: [1, 2, 3, 4, 5],
      holidays: [{ on: '2026-01-19', name: 'Martin Luther King Jr. Day' }],
    });
    const out = await practice.resources.recordTheftOrLoss({
      registrationId: 'main',
      lossId: 'l1',
      kind: 'loss',
      discoveredOn: '2026-01-16',
      items: [{ itemId: 'hydrocodone', qty: 3 }],
      significant: true,
    });
    expect(out).toMatchObject({ ok: true });
    const [e] = await collect(practice.store.readStream('ControlledSubstanceRegister-main'));
    expect(e?.data).toMatchObject({ noticeDueOn: '2026-01-20' });
    // An insignificant loss is recorded but opens no clock.
    await practice.resources.recordTheftOrLoss({
      registrationId: 'main',
      lossId: 'l2',
      kind: 'loss',
      discoveredOn: '2026-01-16',
      items: [{ itemId: 'hydrocodone', qty: 1 }],
      significant: false,
    });
    const cal = await practice.calendar('2026-01-16');
    expect(cal.filter((c) => c.module === 'resources').map((c) => c.id)).toEqual([
      'dea-loss:main:l1',
      'dea-106:main:l1',
    ]);
    await practice.close();
  });
});
