import { describe, expect, it } from 'vitest';
import { createPractice } from '@praxis/practice';
import { resourcesStockName, stockOf, type MonthDoc } from './index.js';

const manager = { id: 'maria', role: 'practice_manager' };
const open = () =>
  createPractice({ store: 'memory:', timeZone: 'America/Chicago', currency: 'USD', actor: manager });

describe('resources through the facade', () => {
  it('counts consumptions refused for want of stock as stock-outs, from the audit trail', async () => {
    const practice = await open();
    const r = practice.resources;
    expect(
      await r.registerSupplyItem({
        itemId: 'gauze',
        name: 'Gauze 4x4',
        category: 'wound-care',
        unit: 'pad',
        packSize: 200,
        perishable: false,
        storage: 'ambient',
        unitCostCents: 4,
        registeredOn: '2026-03-02',
      }),
    ).toMatchObject({ ok: true });
    const received = await r.receiveStock({
      stockId: 'gauze-main',
      itemId: 'gauze',
      locationId: 'main',
      receiptId: 'r1',
      lotNo: 'G1',
      qty: 10,
      unitCostCents: 4,
      receivedOn: '2026-03-02',
    });
    expect(received).toMatchObject({ ok: true });
    const use = (consumptionId: string, qty: number) =>
      r.consumeStock({
        stockId: 'gauze-main',
        consumptionId,
        qty,
        consumedOn: '2026-03-03',
        purpose: 'procedure',
      });
    expect(await use('c1', 6)).toMatchObject({ ok: true });
    expect(await use('c2', 6)).toMatchObject({ ok: false, code: 'InsufficientStock', field: 'qty' });
    expect(await use('c3', 5)).toMatchObject({ ok: false, code: 'InsufficientStock' });
    expect(await use('c4', 4)).toMatchObject({ ok: true });
    const stock = await stockOf(practice.readModels, 'gauze-main');
    expect(stock).toMatchObject({ onHand: 0, stockOuts: { '2026-03-03': 2 }, daily: { '2026-03-03': 10 } });
    const month = (await practice.readModels.get(resourcesStockName, 'month:2026-03')) as unknown as MonthDoc;
    expect(month).toMatchObject({ consumptions: 2, stockOuts: 2, consumedCents: 40 });
    await practice.close();
  });
});
