import { describe, expect, it } from 'vitest';
import { collect } from '@praxis/core';
import { createPractice } from '@praxis/practice';
import { stockOf } from '../index.js';

const manager = { id: 'maria', role: 'practice_manager' };
const open = () =>
  createPractice({ store: 'memory:', timeZone: 'America/Chicago', currency: 'USD', actor: manager });

const vaccine = {
  itemId: 'flu-vax',
  name: 'Influenza vaccine',
  category: 'vaccine',
  unit: 'dose',
  packSize: 10,
  perishable: true,
  storage: 'refrigerated' as const,
  unitCostCents: 1850,
  registeredOn: '2026-01-02',
};

describe('stock transfers between locations', () => {
  it('given a usable lot, a transfer moves its units with expiry and cost, and the destination records the arrival caused by it', async () => {
    const practice = await open();
    const r = practice.resources;
    await r.registerSupplyItem(vaccine);
    await r.receiveStock({
      stockId: 'flu-vax-main',
      itemId: 'flu-vax',
      locationId: 'main',
      receiptId: 'r1',
      lotNo: 'U1',
      qty: 40,
      unitCostCents: 1850,
      receivedOn: '2026-01-05',
      expiresOn: '2026-06-30',
    });
    const transfer = (extra: object) =>
      r.transferStock({
        stockId: 'flu-vax-main',
        transferId: 't1',
        toLocationId: 'north',
        lotNo: 'U1',
        qty: 15,
        transferredOn: '2026-01-10',
        ...extra,
      });
    expect(await transfer({ toLocationId: 'main' })).toMatchObject({ ok: false, code: 'SameLocation' });
    expect(await transfer({ qty: 41 })).toMatchObject({ ok: false, code: 'InsufficientStock' });
    expect(await transfer({ transferredOn: '2026-07-01' })).toMatchObject({ ok: false, code: 'LotExpired' });
    const out = await transfer({});
    expect(out).toMatchObject({ ok: true, decided: ['StockTransferredOut'] });
    expect(await transfer({})).toMatchObject({ ok: false, code: 'TransferAlreadyRecorded' });

    const from = await collect(practice.store.readStream('Stock-flu-vax-main'));
    const sent = from.find((e) => e.type === 'StockTransferredOut')!;
    const to = await collect(practice.store.readStream('Stock-flu-vax-north'));
    expect(to.map((e) => e.type)).toEqual(['StockTransferredIn']);
    expect(to[0]!.metadata.causationId).toBe(sent.eventId);
    expect(to[0]!.data).toMatchObject({ lotNo: 'U1', qty: 15, unitCostCents: 1850, expiresOn: '2026-06-30' });
    expect((await stockOf(practice.readModels, 'flu-vax-main'))?.onHand).toBe(25);
    expect((await stockOf(practice.readModels, 'flu-vax-north'))?.lots['U1']).toMatchObject({
      qty: 15,
      expiresOn: '2026-06-30',
    });
    // The units are usable at the destination, first-expired-first-out, and carry their expiry duty.
    expect(
      await r.consumeStock({
        stockId: 'flu-vax-north',
        consumptionId: 'c1',
        qty: 15,
        consumedOn: '2026-01-11',
        purpose: 'procedure',
      }),
    ).toMatchObject({ ok: true });
    const lotDuties = (await practice.calendar('2026-06-01')).filter((o) => o.kind === 'lot-expiry');
    expect(lotDuties.map((o) => [o.id, o.state])).toEqual(
      expect.arrayContaining([
        ['lot-expiry:flu-vax-north:U1', 'done'],
        ['lot-expiry:flu-vax-main:U1', 'due-soon'],
      ]),
    );
    // A quarantined lot does not move.
    await r.quarantineLot({
      stockId: 'flu-vax-main',
      lotNo: 'U1',
      reason: 'recall',
      quarantinedOn: '2026-01-12',
    });
    expect(await transfer({ transferId: 't2', transferredOn: '2026-01-12' })).toMatchObject({
      ok: false,
      code: 'LotQuarantined',
    });
    // The practice's inventory value does not change by moving stock (one turnover basis).
    const v = Object.fromEntries((await practice.kpis('2026-01')).lines.map((l) => [l.id, l.value]));
    expect(v['inventoryTurnover']).toBeCloseTo((15 * 1850) / ((0 + 25 * 1850) / 2), 10);
    await practice.close();
  });
});

describe('reorder obligations', () => {
  it('given a policy, the position reaching the reorder point opens reorder:<item>:<location>, due when on hand would reach safety stock; an approved order covering it meets it', async () => {
    const practice = await open();
    const r = practice.resources;
    await r.registerSupplyItem({
      ...vaccine,
      itemId: 'gloves',
      perishable: false,
      storage: 'ambient',
      unitCostCents: 10,
    });
    // Manual min 30, max 100: no dispersion in use, so SS = 0 and the computed values sit beside.
    await r.setReorderPolicy({
      itemId: 'gloves',
      mode: 'min-max',
      min: 30,
      max: 100,
      reviewPeriodDays: 7,
      leadTimeDays: 4,
      serviceLevel: 0.95,
      setOn: '2026-01-02',
    });
    await r.receiveStock({
      stockId: 'gloves-main',
      itemId: 'gloves',
      locationId: 'main',
      receiptId: 'r1',
      lotNo: 'G1',
      qty: 100,
      unitCostCents: 10,
      receivedOn: '2026-01-02',
    });
    const use = (consumptionId: string, qty: number, consumedOn: string) =>
      r.consumeStock({ stockId: 'gloves-main', consumptionId, qty, consumedOn, purpose: 'internal' });
    await use('c1', 60, '2026-03-30'); // 40 left: above the min
    const reorder = async (asOf: string) =>
      (await practice.calendar(asOf)).find((o) => o.id === 'reorder:gloves:main');
    expect(await reorder('2026-03-30')).toBeUndefined();
    await use('c2', 15, '2026-03-31'); // 25 left ≤ min 30
    const flags = (await collect(practice.store.readStream('Stock-gloves-main'))).filter(
      (e) => e.type === 'ReorderPointReached',
    );
    expect(flags).toHaveLength(1);
    // d̄ over the 90 days ending 03-31 = 75 ÷ 90; σ_d = √(E[x²] − d̄²) with E[x²] = (60² + 15²) ÷ 90.
    const mean = 75 / 90;
    const sd = Math.sqrt((60 * 60 + 15 * 15) / 90 - mean * mean);
    const ss = 1.65 * sd * Math.sqrt(4);
    expect(flags[0]!.data).toMatchObject({ onHand: 25, position: 25, min: 30, max: 100, suggestedQty: 80 });
    expect((flags[0]!.data as { safetyStock: number }).safetyStock).toBeCloseTo(ss, 10);
    // SS ≈ 21.3: on hand 25 reaches it in ⌊(25 − SS) ÷ d̄⌋ = 4 days, due 2026-04-04.
    const dueIn = Math.floor((25 - ss) / mean);
    const due = new Date(Date.parse('2026-03-31T00:00:00Z') + dueIn * 86_400_000).toISOString().slice(0, 10);
    expect(await reorder('2026-03-31')).toMatchObject({
      dueAt: due,
      kind: 'reorder',
      arisesAt: '2026-03-31',
    });
    // Using more while it is open does not flag it again.
    await use('c3', 5, '2026-04-01');
    expect(
      (await collect(practice.store.readStream('Stock-gloves-main'))).filter(
        (e) => e.type === 'ReorderPointReached',
      ),
    ).toHaveLength(1);
    // An order for fewer than suggested does not meet it; one for the suggested 80 does, on approval.
    await practice.finance.draftBudget({
      budgetId: 'fy26',
      fiscalYear: '2026',
      startsOn: '2026-01-01',
      timeZone: 'America/Chicago',
      currency: 'USD',
      projections: [],
      lines: [{ category: 'supplies', months: { '2026-04': 100_000 } }],
    });
    await practice.finance.submitBudget({ budgetId: 'fy26' });
    await practice.finance.approveBudget({ budgetId: 'fy26' });
    for (const [poId, qty] of [
      ['po-small', 20],
      ['po-full', 80],
    ] as const) {
      await r.draftPO({
        poId,
        vendorId: 'medline',
        locationId: 'main',
        budgetId: 'fy26',
        category: 'supplies',
        lines: [{ itemId: 'gloves', qty, unitPriceCents: 10 }],
        draftedOn: '2026-04-01',
      });
      await r.submitPO({ poId, submittedOn: '2026-04-01' });
      expect(await r.approvePO({ poId, approvedOn: '2026-04-02' })).toMatchObject({ ok: true });
      expect((await reorder('2026-04-02'))?.state === 'done').toBe(poId === 'po-full');
    }
    expect(await reorder('2026-04-02')).toMatchObject({ completedAt: '2026-04-02' });
    // Refused when sent by hand above the reorder point or while one is open.
    expect(await r.flagReorder({ stockId: 'gloves-main', flaggedOn: '2026-04-02' })).toMatchObject({
      ok: false,
      code: 'AboveReorderPoint', // position 20 + 100 on order
    });
    await practice.close();
  });
});
