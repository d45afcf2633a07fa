import { describe, expect, it } from 'vitest';
import { createPractice } from '@praxis/practice';
import { computeReorder, reorderList } from '../index.js';

const manager = { id: 'maria', role: 'practice_manager' };
const dayOf = (i: number) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);

describe('reorder point and par level from 90 days of consumption', () => {
  it('match the hand computation, and a manual min/max overrides with the computed values beside', async () => {
    const practice = await createPractice({
      store: 'memory:',
      timeZone: 'America/Chicago',
      currency: 'USD',
      actor: manager,
    });
    const r = practice.resources;
    await r.registerSupplyItem({
      itemId: 'syringe-3ml',
      name: 'Syringe 3 mL',
      category: 'injection',
      unit: 'syringe',
      packSize: 10,
      perishable: false,
      storage: 'ambient',
      unitCostCents: 25,
      registeredOn: '2025-12-01',
    });
    expect(
      await r.setReorderPolicy({
        itemId: 'syringe-3ml',
        mode: 'computed',
        reviewPeriodDays: 7,
        leadTimeDays: 4,
        serviceLevel: 0.95,
        setOn: '2025-12-01',
      }),
    ).toMatchObject({ ok: true });
    await r.receiveStock({
      stockId: 'syringe-3ml-main',
      itemId: 'syringe-3ml',
      locationId: 'main',
      receiptId: 'r1',
      lotNo: 'S1',
      qty: 1000,
      unitCostCents: 25,
      receivedOn: '2025-12-30',
    });
    const consume = (consumptionId: string, qty: number, consumedOn: string) =>
      r.consumeStock({
        stockId: 'syringe-3ml-main',
        consumptionId,
        qty,
        consumedOn,
        purpose: 'procedure',
      });
    // Outside the window (the day before it opens): must not count.
    expect(await consume('before', 100, '2025-12-31')).toMatchObject({ ok: true });
    // The window: 2026-01-01 … 2026-03-31 = 31 + 28 + 31 = 90 days. 6 units on even-numbered
    // days of the window, 2 on odd ones: 45 days × 6 + 45 days × 2 = 270 + 90 = 360 units.
    for (let i = 0; i < 90; i++) {
      const out = await consume(`c${i}`, i % 2 === 0 ? 6 : 2, dayOf(i));
      expect(out.ok).toBe(true);
    }
    // On hand: 1000 − 100 − 360 = 540; bring it to 20 with a correction.
    await r.adjustStock({
      stockId: 'syringe-3ml-main',
      adjustmentId: 'a1',
      lotNo: 'S1',
      qty: -520,
      reason: 'correction',
      adjustedOn: '2026-03-31',
    });

    // By hand:
    //   d̄   = 360 ÷ 90 = 4 units/day
    //   σ_d  = √(E[x²] − d̄²) = √((45 × 36 + 45 × 4) ÷ 90 − 16) = √(20 − 16) = 2
    //   SS   = z(95 %) × σ_d × √L = 1.65 × 2 × √4 = 6.6
    //   ROP  = d̄ × L + SS = 4 × 4 + 6.6 = 22.6  → min 23
    //   S    = d̄ × (R + L) + SS = 4 × (7 + 4) + 6.6 = 50.6  → max 51
    //   position 20 ≤ 23: order 51 − 20 = 31, rounded up to packs of 10 → 40
    const [line] = await reorderList(practice.readModels, '2026-03-31');
    expect(line).toBeDefined();
    expect(line!.computed.consumed).toBe(360);
    expect(line!.computed.dailyMean).toBeCloseTo(4, 10);
    expect(line!.computed.dailyStdDev).toBeCloseTo(2, 10);
    expect(line!.computed.safetyStock).toBeCloseTo(6.6, 10);
    expect(line!.computed.reorderPoint).toBeCloseTo(22.6, 10);
    expect(line!.computed.parLevel).toBeCloseTo(50.6, 10);
    expect(line).toMatchObject({
      onHand: 20,
      onOrder: 0,
      position: 20,
      min: 23,
      max: 51,
      reorder: true,
      suggestedQty: 40,
    });

    // A manual min/max overrides; the computed values stay beside it.
    await r.setReorderPolicy({
      itemId: 'syringe-3ml',
      mode: 'min-max',
      min: 30,
      max: 100,
      reviewPeriodDays: 7,
      leadTimeDays: 4,
      serviceLevel: 0.95,
      setOn: '2026-03-31',
    });
    const [manual] = await reorderList(practice.readModels, '2026-03-31');
    expect(manual).toMatchObject({ mode: 'min-max', min: 30, max: 100, suggestedQty: 80 });
    expect(manual!.computed.reorderPoint).toBeCloseTo(22.6, 10);

    // Above the min nothing is listed, unless every line is asked for.
    await r.receiveStock({
      stockId: 'syringe-3ml-main',
      itemId: 'syringe-3ml',
      locationId: 'main',
      receiptId: 'r2',
      lotNo: 'S2',
      qty: 50,
      unitCostCents: 25,
      receivedOn: '2026-03-31',
    });
    expect(await reorderList(practice.readModels, '2026-03-31')).toEqual([]);
    expect(await reorderList(practice.readModels, '2026-03-31', { all: true })).toMatchObject([
      { position: 70, reorder: false, suggestedQty: 0 },
    ]);
    await practice.close();
  });

  it('counts days without use as zero, and a 99 % service level uses z = 2.33', () => {
    // One use of 90 units on the last day of a 90-day window: d̄ = 1; E[x²] = 8100 ÷ 90 = 90;
    // σ = √(90 − 1) = √89; SS = 2.33 × √89 × √9 = 6.99 × √89.
    const c = computeReorder({ '2026-03-31': 90 }, '2026-03-31', {
      windowDays: 90,
      leadTimeDays: 9,
      reviewPeriodDays: 1,
      serviceLevel: 0.99,
    });
    expect(c.dailyMean).toBe(1);
    expect(c.dailyStdDev).toBeCloseTo(Math.sqrt(89), 10);
    expect(c.safetyStock).toBeCloseTo(6.99 * Math.sqrt(89), 10);
    expect(c.reorderPoint).toBeCloseTo(9 + 6.99 * Math.sqrt(89), 10);
    expect(c.parLevel).toBeCloseTo(10 + 6.99 * Math.sqrt(89), 10);
  });
});
