import { describe, expect, it } from 'vitest';
import { collect } from '@praxis/core';
import { createPractice } from '@praxis/practice';
import { stockOf } from '../index.js';

const manager = { id: 'maria', role: 'practice_manager' };
const nurse = { id: 'nina', role: 'staff' };

const setup = async () => {
  const practice = await createPractice({
    store: 'memory:',
    timeZone: 'America/Chicago',
    currency: 'USD',
    actor: manager,
  });
  const r = practice.resources;
  for (const itemId of ['flu-vax', 'tdap'])
    await r.registerSupplyItem({
      itemId,
      name: itemId,
      category: 'vaccine',
      unit: 'dose',
      packSize: 10,
      perishable: true,
      storage: 'refrigerated',
      unitCostCents: 2000,
      registeredOn: '2026-01-02',
    });
  for (const [itemId, lotNo] of [
    ['flu-vax', 'F1'],
    ['tdap', 'T1'],
  ] as const)
    await r.receiveStock({
      stockId: `${itemId}-fridge-1`,
      itemId,
      locationId: 'fridge-1',
      receiptId: `r-${lotNo}`,
      lotNo,
      qty: 10,
      unitCostCents: 2000,
      receivedOn: '2026-01-05',
      expiresOn: '2026-12-31',
    });
  // Registered on Saturday 2026-01-03: the first check is due Monday 2026-01-05.
  await r.registerStorageUnit({
    unitId: 'fridge-1',
    kind: 'refrigerator',
    locationId: 'fridge-1',
    rangeMinC: 2,
    rangeMaxC: 8,
    registeredOn: '2026-01-03',
  });
  return practice;
};
const check = (practice: Awaited<ReturnType<typeof setup>>, checkedOn: string, maxC = 7) =>
  practice.as(nurse).resources.recordTemperatureCheck({
    unitId: 'fridge-1',
    checkedOn,
    minC: 3,
    maxC,
    currentC: 5,
  });

describe('vaccine storage: daily checks and excursion disposition', () => {
  it('given a unit, a check is due each business day; a missed day is met late by the next check', async () => {
    const practice = await setup();
    const checks = async (asOf: string) =>
      (await practice.calendar(asOf))
        .filter((o) => o.kind === 'temperature-check')
        .map((o) => [o.id, o.state, o.completedAt ?? null])
        .sort(([a], [b]) => String(a).localeCompare(String(b)));
    expect(await checks('2026-01-05')).toEqual([['temperature-check:fridge-1:2026-01-05', 'due-soon', null]]);
    await check(practice, '2026-01-05');
    // Friday's check makes Monday's due (the weekend is not a business day).
    await check(practice, '2026-01-06');
    await check(practice, '2026-01-07');
    await check(practice, '2026-01-08');
    await check(practice, '2026-01-09');
    expect((await checks('2026-01-12')).at(-1)).toEqual([
      'temperature-check:fridge-1:2026-01-12',
      'due-soon',
      null,
    ]);
    // Monday missed: overdue on Tuesday, met late by Tuesday's check, which makes Wednesday's due.
    expect((await checks('2026-01-13')).at(-1)).toEqual([
      'temperature-check:fridge-1:2026-01-12',
      'overdue',
      null,
    ]);
    await check(practice, '2026-01-13');
    expect((await checks('2026-01-14')).slice(-2)).toEqual([
      ['temperature-check:fridge-1:2026-01-12', 'done', '2026-01-13'],
      ['temperature-check:fridge-1:2026-01-14', 'due-soon', null],
    ]);
    await practice.close();
  });

  it('given an excursion, the disposition decides every quarantined lot: usable lots are released, the others disposed of, caused by it', async () => {
    const practice = await setup();
    const r = practice.resources;
    const disposition = (lots: { stockId: string; lotNo: string; decision: 'usable' | 'discard' }[]) =>
      r.dispositionExcursion({
        unitId: 'fridge-1',
        decidedOn: '2026-01-08',
        guidanceRef: 'Merck case 44120',
        lots,
      });
    expect(await disposition([])).toMatchObject({ ok: false, code: 'NoOpenExcursion' });
    await check(practice, '2026-01-07', 9.5); // max 9.5 °C > 8: excursion, both lots quarantined
    expect(
      await disposition([{ stockId: 'flu-vax-fridge-1', lotNo: 'F1', decision: 'usable' }]),
    ).toMatchObject({ ok: false, code: 'LotsUndecided', field: 'lots' });
    expect(
      await disposition([
        { stockId: 'flu-vax-fridge-1', lotNo: 'F1', decision: 'usable' },
        { stockId: 'tdap-fridge-1', lotNo: 'T9', decision: 'discard' },
      ]),
    ).toMatchObject({ ok: false, code: 'LotNotQuarantined', field: 'lots.1' });
    expect(
      await disposition([
        { stockId: 'flu-vax-fridge-1', lotNo: 'F1', decision: 'usable' },
        { stockId: 'flu-vax-fridge-1', lotNo: 'F1', decision: 'usable' },
      ]),
    ).toMatchObject({ ok: false, code: 'DuplicateLine' });
    expect(
      await disposition([
        { stockId: 'flu-vax-fridge-1', lotNo: 'F1', decision: 'usable' },
        { stockId: 'tdap-fridge-1', lotNo: 'T1', decision: 'discard' },
      ]),
    ).toMatchObject({ ok: true, decided: ['ExcursionDispositioned'] });
    const decided = (await collect(practice.store.readStream('StorageUnit-fridge-1'))).find(
      (e) => e.type === 'ExcursionDispositioned',
    )!;
    expect(decided.data).toMatchObject({ excursionOn: '2026-01-07', decidedBy: 'maria' });
    const released = (await collect(practice.store.readStream('Stock-flu-vax-fridge-1'))).find(
      (e) => e.type === 'LotReleased',
    )!;
    const disposed = (await collect(practice.store.readStream('Stock-tdap-fridge-1'))).find(
      (e) => e.type === 'StockDisposed',
    )!;
    expect(released.metadata.causationId).toBe(decided.eventId);
    expect(disposed.metadata.causationId).toBe(decided.eventId);
    expect(disposed.data).toMatchObject({ reason: 'excursion', qty: 10, lotNo: 'T1' });
    expect((await stockOf(practice.readModels, 'flu-vax-fridge-1'))?.lots['F1']?.quarantined).toBe(false);
    expect((await stockOf(practice.readModels, 'tdap-fridge-1'))?.onHand).toBe(0);
    // The excursion's waste is counted by reason.
    const v = Object.fromEntries((await practice.kpis('2026-01')).lines.map((l) => [l.id, l.value]));
    expect(v['wasteExcursionCents']).toBe(20_000);
    // Decided once.
    expect(await disposition([])).toMatchObject({ ok: false, code: 'NoOpenExcursion' });
    await practice.close();
  });
});
