import { describe, expect, it } from 'vitest';
import { collect } from '@praxis/core';
import { createPractice } from '@praxis/practice';

const manager = { id: 'maria', role: 'practice_manager' };

describe('controlled substances: the biennial inventory (21 CFR 1304.11)', () => {
  it('given controlled stock, an inventory lists its lots, and the next one falls due two years on in the calendar', async () => {
    const practice = await createPractice({
      store: 'memory:',
      timeZone: 'America/Chicago',
      currency: 'USD',
      actor: manager,
    });
    const r = practice.resources;
    for (const [itemId, schedule] of [
      ['hydrocodone', 'II'],
      ['gloves', undefined],
    ] as const)
      await r.registerSupplyItem({
        itemId,
        name: itemId,
        category: 'drug',
        unit: 'tablet',
        packSize: 100,
        perishable: false,
        storage: 'ambient',
        ...(schedule === undefined ? {} : { controlledSchedule: schedule }),
        unitCostCents: 30,
        registeredOn: '2026-01-02',
      });
    for (const [itemId, locationId, lotNo] of [
      ['hydrocodone', 'main', 'H1'],
      ['hydrocodone', 'main', 'H2'],
      ['hydrocodone', 'north', 'H3'],
      ['gloves', 'main', 'G1'],
    ] as const)
      await r.receiveStock({
        stockId: `${itemId}-${locationId}`,
        itemId,
        locationId,
        receiptId: lotNo,
        lotNo,
        qty: 50,
        unitCostCents: 30,
        receivedOn: '2026-01-05',
      });
    const take = (inventoryId: string, kind: 'initial' | 'biennial', takenOn: string) =>
      r.takeInventory({ registrationId: 'main', inventoryId, kind, takenOn, timing: 'closing' });
    expect(await take('i0', 'biennial', '2026-01-05')).toMatchObject({
      ok: false,
      code: 'InitialInventoryRequired',
    });
    expect(await take('i1', 'initial', '2026-01-05')).toMatchObject({ ok: true });
    const [taken] = await collect(practice.store.readStream('ControlledSubstanceRegister-main'));
    // Only the controlled lots at this registration's location; gloves and the north lot are not in it.
    expect(taken!.data).toMatchObject({
      kind: 'initial',
      takenBy: 'maria',
      nextDueOn: '2028-01-05',
      lines: [
        { itemId: 'hydrocodone', lotNo: 'H1', qty: 50, schedule: 'II' },
        { itemId: 'hydrocodone', lotNo: 'H2', qty: 50, schedule: 'II' },
      ],
    });
    expect(await take('i2', 'initial', '2026-02-01')).toMatchObject({
      ok: false,
      code: 'InitialAlreadyTaken',
    });
    expect(await take('i1', 'biennial', '2026-02-01')).toMatchObject({
      ok: false,
      code: 'InventoryAlreadyRecorded',
    });
    const biennial = async (asOf: string) =>
      (await practice.calendar(asOf))
        .filter((o) => o.kind === 'dea-biennial')
        .map((o) => [o.id, o.state, o.legalSource]);
    expect(await biennial('2027-10-06')).toEqual([]);
    expect(await biennial('2027-10-07')).toEqual([
      ['dea-biennial:main:2028-01-05', 'upcoming', '21 CFR 1304.11(c)'],
    ]);
    expect(await take('i3', 'biennial', '2025-12-01')).toMatchObject({
      ok: false,
      code: 'BeforePreviousInventory',
    });
    expect(await take('i3', 'biennial', '2027-12-15')).toMatchObject({ ok: true });
    expect(await biennial('2028-01-06')).toEqual([
      ['dea-biennial:main:2028-01-05', 'done', '21 CFR 1304.11(c)'],
    ]);
    expect((await practice.calendar('2029-12-01')).some((o) => o.id === 'dea-biennial:main:2029-12-15')).toBe(
      true,
    );
    await practice.close();
  });
});
