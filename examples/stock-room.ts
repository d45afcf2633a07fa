// A vaccine refrigerator from order to excursion: a purchase order approved against the supplies
// budget, its receipt stocking the lots and posting the expense, first-expired-first-out use, a
// stock-out, a temperature excursion that quarantines the fridge, and the reorder list.
// Run it with `node --import tsx examples/stock-room.ts`; stock-room.test.ts checks what it prints.
import { fileURLToPath } from 'node:url';
import { createPractice } from '@praxis/practice';
import { reorderList, stockOf } from '@praxis/resources';

export const stockRoom = async (store = 'memory:') => {
  const practice = await createPractice({ store, timeZone: 'America/Chicago', currency: 'USD' });
  const maria = practice.as({ id: 'maria', role: 'practice_manager' });
  const ben = practice.as({ id: 'ben', role: 'purchasing' });
  const nina = practice.as({ id: 'nina', role: 'staff' });
  const out: string[] = [];
  const say = (line: string) => {
    out.push(line);
    console.log(line);
  };

  // prettier-ignore
  {
    await maria.finance.draftBudget({ budgetId: 'fy26', fiscalYear: '2026', startsOn: '2026-01-01',
      timeZone: 'America/Chicago', currency: 'USD', projections: [],
      lines: [{ category: 'vaccines', months: { '2026-01': 100_000 } }] });
    await maria.finance.submitBudget({ budgetId: 'fy26' });
    await maria.finance.approveBudget({ budgetId: 'fy26' });
    await maria.resources.setApprovalLimit({ policyId: 'practice', role: 'purchasing', limitCents: 50_000, setOn: '2026-01-02' });
    await maria.resources.registerSupplyItem({ itemId: 'flu-vax', name: 'Influenza vaccine', category: 'vaccine',
      unit: 'dose', packSize: 10, perishable: true, storage: 'refrigerated', unitCostCents: 1800, registeredOn: '2026-01-02' });
    await maria.resources.setReorderPolicy({ itemId: 'flu-vax', mode: 'computed', reviewPeriodDays: 7,
      leadTimeDays: 3, serviceLevel: 0.95, setOn: '2026-01-02' });
    await maria.resources.registerStorageUnit({ unitId: 'fridge-1', kind: 'refrigerator', locationId: 'fridge-1',
      rangeMinC: 2, rangeMaxC: 8, registeredOn: '2026-01-02' });
    await ben.resources.draftPO({ poId: 'po-1', vendorId: 'sanofi', locationId: 'fridge-1', budgetId: 'fy26',
      category: 'vaccines', lines: [{ itemId: 'flu-vax', qty: 20, unitPriceCents: 1800 }], draftedOn: '2026-01-05' });
    await ben.resources.submitPO({ poId: 'po-1', submittedOn: '2026-01-05' });
  }
  say((await ben.resources.approvePO({ poId: 'po-1', approvedOn: '2026-01-05' })).summary);
  // prettier-ignore
  say((await ben.resources.receivePO({ poId: 'po-1', receiptId: 'rc-1', receivedOn: '2026-01-08', lines: [
    { itemId: 'flu-vax', qty: 10, lotNo: 'LATE', expiresOn: '2026-09-30' },
    { itemId: 'flu-vax', qty: 10, lotNo: 'SOON', expiresOn: '2026-03-31' },
  ] })).summary);
  const budget = await practice.load<{ lines: Record<string, { spent: number }> }>('Budget', 'fy26');
  say(`vaccines spent: ${budget.found ? budget.state.lines['vaccines']?.spent : 0} cents`);

  const use = (consumptionId: string, qty: number, consumedOn: string) =>
    nina.resources.consumeStock({
      stockId: 'flu-vax-fridge-1',
      consumptionId,
      qty,
      consumedOn,
      purpose: 'procedure',
    });
  say((await use('visit-1', 12, '2026-01-09')).summary);
  say((await use('visit-2', 9, '2026-01-09')).summary);
  // prettier-ignore
  say((await nina.resources.recordTemperatureCheck({ unitId: 'fridge-1', checkedOn: '2026-01-12',
    minC: 1.2, maxC: 6.5, currentC: 4.1 })).summary);
  const stock = await stockOf(practice.readModels, 'flu-vax-fridge-1');
  for (const [lotNo, lot] of Object.entries(stock?.lots ?? {}))
    say(`lot ${lotNo}: ${lot.qty} left${lot.quarantined ? ', quarantined' : ''}`);
  for (const l of await reorderList(practice.readModels, '2026-01-12'))
    say(`reorder ${l.name}: ${l.suggestedQty} ${l.unit}s (position ${l.position} ≤ min ${l.min})`);
  await practice.close();
  return out;
};

if (process.argv[1] === fileURLToPath(import.meta.url)) await stockRoom();
