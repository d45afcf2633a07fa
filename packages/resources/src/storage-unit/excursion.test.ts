import { describe, expect, it } from 'vitest';
import { collect } from '@praxis/core';
import { createPractice } from '@praxis/practice';
import { stockOf } from '../index.js';

const manager = { id: 'maria', role: 'practice_manager' };
const nurse = { id: 'nina', role: 'staff' };

describe('vaccine storage temperature log', () => {
  it('a reading outside the range quarantines every lot in that unit, caused by the reading', async () => {
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
    const receive = (itemId: string, locationId: string, lotNo: string) =>
      r.receiveStock({
        stockId: `${itemId}-${locationId}`,
        itemId,
        locationId,
        receiptId: `r-${lotNo}`,
        lotNo,
        qty: 10,
        unitCostCents: 2000,
        receivedOn: '2026-01-05',
        expiresOn: '2026-12-31',
      });
    await receive('flu-vax', 'fridge-1', 'F1');
    await receive('flu-vax', 'fridge-1', 'F2');
    await receive('tdap', 'fridge-1', 'T1');
    await receive('tdap', 'fridge-2', 'T2'); // another unit: untouched
    await r.registerStorageUnit({
      unitId: 'fridge-1',
      kind: 'refrigerator',
      locationId: 'fridge-1',
      rangeMinC: 2,
      rangeMaxC: 8,
      registeredOn: '2026-01-02',
    });
    const n = practice.as(nurse).resources;
    expect(
      await n.recordTemperatureCheck({
        unitId: 'fridge-1',
        checkedOn: '2026-01-06',
        minC: 3,
        maxC: 7,
        currentC: 5,
      }),
    ).toMatchObject({ ok: true, decided: ['TemperatureChecked'] });
    expect(
      await n.recordTemperatureCheck({
        unitId: 'fridge-1',
        checkedOn: '2026-01-06',
        minC: 3,
        maxC: 7,
        currentC: 5,
      }),
    ).toMatchObject({ ok: false, code: 'AlreadyChecked' });
    const out = await n.recordTemperatureCheck({
      unitId: 'fridge-1',
      checkedOn: '2026-01-07',
      minC: 3,
      maxC: 9.5,
      currentC: 6,
    });
    expect(out).toMatchObject({ ok: true, decided: ['TemperatureChecked', 'TemperatureExcursionDetected'] });
    const unit = await collect(practice.store.readStream('StorageUnit-fridge-1'));
    const excursion = unit.find((e) => e.type === 'TemperatureExcursionDetected')!;

    for (const [stockId, lots] of [
      ['flu-vax-fridge-1', ['F1', 'F2']],
      ['tdap-fridge-1', ['T1']],
    ] as const) {
      const events = await collect(practice.store.readStream(`Stock-${stockId}`));
      const q = events.filter((e) => e.type === 'LotQuarantined');
      expect(q.map((e) => (e.data as { lotNo: string }).lotNo)).toEqual(lots);
      for (const e of q) {
        expect(e.metadata.causationId).toBe(excursion.eventId);
        expect(e.data).toMatchObject({ reason: 'temperature-excursion', quarantinedOn: '2026-01-07' });
      }
    }
    expect((await stockOf(practice.readModels, 'tdap-fridge-2'))?.lots['T2']?.quarantined).toBe(false);
    // Quarantined lots are never consumed.
    expect(
      await r.consumeStock({
        stockId: 'flu-vax-fridge-1',
        consumptionId: 'c1',
        qty: 1,
        consumedOn: '2026-01-07',
        purpose: 'procedure',
      }),
    ).toMatchObject({ ok: false, code: 'InsufficientStock' });
    await practice.close();
  });
});
