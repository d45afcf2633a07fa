import { describe, expect, it } from 'vitest';
import { createPractice } from '@praxis/practice';

const manager = { id: 'maria', role: 'practice_manager' };

describe('resources KPIs in the registry', () => {
  it('turnover, days on hand, stock-outs, fill rate, expiring value and waste match a hand computation', async () => {
    const practice = await createPractice({
      store: 'memory:',
      timeZone: 'America/Chicago',
      currency: 'USD',
      actor: manager,
    });
    const r = practice.resources;
    await r.registerSupplyItem({
      itemId: 'lido',
      name: 'Lidocaine 1% 10 mL',
      category: 'drug',
      unit: 'vial',
      packSize: 25,
      perishable: true,
      storage: 'ambient',
      unitCostCents: 100,
      registeredOn: '2026-02-01',
    });
    const receive = (lotNo: string, qty: number, expiresOn: string) =>
      r.receiveStock({
        stockId: 'lido-main',
        itemId: 'lido',
        locationId: 'main',
        receiptId: lotNo,
        lotNo,
        qty,
        unitCostCents: 100,
        receivedOn: '2026-02-15',
        expiresOn,
      });
    await receive('A', 60, '2026-03-20');
    await receive('B', 40, '2026-06-15');
    const consume = (consumptionId: string, qty: number, consumedOn: string) =>
      r.consumeStock({ stockId: 'lido-main', consumptionId, qty, consumedOn, purpose: 'procedure' });
    expect(await consume('c1', 30, '2026-03-05')).toMatchObject({ ok: true }); // from A (first to expire)
    expect(await consume('c2', 20, '2026-03-10')).toMatchObject({ ok: true }); // A again: 10 left
    expect(
      await r.disposeStock({
        stockId: 'lido-main',
        disposalId: 'd1',
        lotNo: 'A',
        qty: 10,
        reason: 'expired',
        method: 'pharmaceutical waste bin',
        disposedOn: '2026-03-25',
      }),
    ).toMatchObject({ ok: true });
    expect(await consume('c3', 50, '2026-03-26')).toMatchObject({ ok: false, code: 'InsufficientStock' });

    const report = await practice.kpis('2026-03');
    const v = Object.fromEntries(
      report.lines.filter((l) => l.area === 'resources').map((l) => [l.id, l.value]),
    );
    // Value at the end of February: 100 × 100 = 10 000 cents; end of March: B's 40 × 100 = 4 000.
    // Consumed in March: 50 × 100 = 5 000. Turnover = 5 000 ÷ ((10 000 + 4 000) ÷ 2) = 5 000 ÷ 7 000.
    expect(v['inventoryTurnover']).toBeCloseTo(5 / 7, 10);
    // Days on hand = 31 ÷ (5/7) = 43.4.
    expect(v['daysOnHand']).toBeCloseTo(43.4, 10);
    expect(v['stockOuts']).toBe(1);
    // Fill rate = 2 done ÷ 3 attempted.
    expect(v['fillRate']).toBeCloseTo(200 / 3, 10);
    // Expired waste = 1 000 ÷ (5 000 + 1 000) × 100.
    expect(v['expiredWastePercent']).toBeCloseTo(100 / 6, 10);
    expect(v['wasteExpiredCents']).toBe(1000);
    expect(v['wasteDamagedCents']).toBe(0);
    // B (4 000 cents) expires 2026-06-15: 76 days after 2026-03-31 — within 90, not 30 or 60.
    expect([v['expiringLotValue30'], v['expiringLotValue60'], v['expiringLotValue90']]).toEqual([0, 0, 4000]);
    // No order was completed in March.
    expect(v['poCycleTimeDays']).toBeUndefined();

    // Lot expiry duties: A (due 03-20) was emptied by the disposal on 03-25 — done, late; B (due
    // 06-15) is on the calendar from 30 days before.
    const lots = (asOf: string) =>
      practice
        .calendar(asOf)
        .then((cal) =>
          cal
            .filter((c) => c.kind === 'lot-expiry')
            .map((c) => [c.id, c.dueAt, c.completedAt ?? null, c.state]),
        );
    expect(await lots('2026-05-15')).toEqual([
      ['lot-expiry:lido-main:A', '2026-03-20', '2026-03-25', 'done'],
    ]);
    expect(await lots('2026-05-16')).toEqual([
      ['lot-expiry:lido-main:A', '2026-03-20', '2026-03-25', 'done'],
      ['lot-expiry:lido-main:B', '2026-06-15', null, 'due-soon'],
    ]);

    // The expiring value of a past period reads the lots as they stood at its end: B quarantined
    // and half used in April leaves March's figure as it was, and April's counts what was usable
    // on 30 April (nothing: quarantined).
    await consume('c4', 20, '2026-04-10');
    await r.quarantineLot({
      stockId: 'lido-main',
      lotNo: 'B',
      reason: 'recall',
      quarantinedOn: '2026-04-20',
    });
    const expiring = async (period: string) => {
      const lines = (await practice.kpis(period)).lines;
      return ['expiringLotValue30', 'expiringLotValue60', 'expiringLotValue90'].map(
        (id) => lines.find((l) => l.id === id)?.value,
      );
    };
    expect(await expiring('2026-03')).toEqual([0, 0, 4000]);
    expect(await expiring('2026-04')).toEqual([0, 0, 0]);
    // Released in May: on 31 May, 20 units × 100 expire 15 days later.
    await r.releaseLot({
      stockId: 'lido-main',
      lotNo: 'B',
      releasedOn: '2026-05-02',
      basis: 'recall closed',
    });
    expect(await expiring('2026-05')).toEqual([2000, 2000, 2000]);
    // And February (before any of it) had A and B on hand from 15 February: A (6 000) expires 20
    // March (within 30 days of 28 Feb), B (4 000) on 15 June (beyond 90).
    expect(await expiring('2026-02')).toEqual([6000, 6000, 6000]);
    await practice.close();
  });
});
