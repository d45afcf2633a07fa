import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collect } from '@praxis/core';
import { createPractice } from '@praxis/practice';
import { openCommitments, stockOf } from '../index.js';

const manager = { id: 'maria', role: 'practice_manager' };
const buyer = { id: 'ben', role: 'purchasing' };

const setUp = async () => {
  const practice = await createPractice({
    store: 'memory:',
    timeZone: 'America/Chicago',
    currency: 'USD',
    actor: manager,
  });
  const pm = practice.as(manager);
  await pm.finance.draftBudget({
    budgetId: 'fy26',
    fiscalYear: '2026',
    startsOn: '2026-01-01',
    timeZone: 'America/Chicago',
    currency: 'USD',
    projections: [],
    lines: [{ category: 'supplies', months: { '2026-01': 60_000, '2026-02': 40_000 } }],
  });
  await pm.finance.submitBudget({ budgetId: 'fy26' });
  expect(await pm.finance.approveBudget({ budgetId: 'fy26' })).toMatchObject({ ok: true });
  for (const [itemId, perishable] of [
    ['gloves', false],
    ['flu-vax', true],
  ] as const)
    await pm.resources.registerSupplyItem({
      itemId,
      name: itemId,
      category: 'clinical',
      unit: 'each',
      packSize: 1,
      perishable,
      storage: perishable ? 'refrigerated' : 'ambient',
      unitCostCents: 50,
      registeredOn: '2026-01-02',
    });
  expect(
    await pm.resources.setApprovalLimit({
      policyId: 'practice',
      role: 'purchasing',
      limitCents: 50_000,
      setOn: '2026-01-02',
    }),
  ).toMatchObject({ ok: true });
  return practice;
};

describe('purchase orders against the budget', () => {
  it('approve within the role limit and the budget line; overspending needs an approved variance', async () => {
    const practice = await setUp();
    const b = practice.as(buyer).resources;
    const pm = practice.as(manager);
    const draft = (poId: string, lines: { itemId: string; qty: number; unitPriceCents: number }[]) =>
      b.draftPO({
        poId,
        vendorId: 'henry-schein',
        locationId: 'main',
        budgetId: 'fy26',
        category: 'supplies',
        lines,
        draftedOn: '2026-01-05',
      });
    // PO1: 100 × 50 + 20 × 2000 = 45 000 cents.
    await draft('po1', [
      { itemId: 'gloves', qty: 100, unitPriceCents: 50 },
      { itemId: 'flu-vax', qty: 20, unitPriceCents: 2000 },
    ]);
    await b.submitPO({ poId: 'po1', submittedOn: '2026-01-05' });
    const a1 = await b.approvePO({ poId: 'po1', approvedOn: '2026-01-06' });
    expect(a1).toMatchObject({ ok: true });

    // PO2: 60 000 cents — above the purchasing limit (50 000) …
    await draft('po2', [{ itemId: 'gloves', qty: 1200, unitPriceCents: 50 }]);
    await b.submitPO({ poId: 'po2', submittedOn: '2026-01-06' });
    expect(await b.approvePO({ poId: 'po2', approvedOn: '2026-01-06' })).toMatchObject({
      ok: false,
      code: 'ApprovalLimitExceeded',
      category: 'forbidden',
    });
    // … and above the line's room for the manager: 100 000 − 45 000 committed = 55 000 < 60 000.
    expect(await pm.resources.approvePO({ poId: 'po2', approvedOn: '2026-01-06' })).toMatchObject({
      ok: false,
      code: 'BudgetLineExhausted',
      field: 'category',
    });
    expect(await openCommitments(practice.readModels, 'fy26', 'supplies')).toBe(45_000);
    // An approved variance of 10 000 makes room: 110 000 − 45 000 = 65 000 ≥ 60 000.
    await pm.finance.requestVariance({
      budgetId: 'fy26',
      varianceId: 'v1',
      category: 'supplies',
      amount: 10_000,
      reason: 'flu season',
    });
    await pm.finance.approveVariance({ budgetId: 'fy26', varianceId: 'v1' });
    const approved = await pm.resources.approvePO({ poId: 'po2', approvedOn: '2026-01-07' });
    expect(approved).toMatchObject({ ok: true });
    const [po2] = await collect(practice.store.readStream('PurchaseOrder-po2', { fromRevision: 2n }));
    expect(po2?.data).toMatchObject({ headroomCents: 65_000, approverRole: 'practice_manager' });
    expect((await stockOf(practice.readModels, 'gloves-main'))?.onOrder).toEqual({ po1: 100, po2: 1200 });
    await practice.close();
  });

  it('closing an order releases what was not received', async () => {
    const practice = await setUp();
    const r = practice.as(manager).resources;
    await r.draftPO({
      poId: 'po1',
      vendorId: 'henry-schein',
      locationId: 'main',
      budgetId: 'fy26',
      category: 'supplies',
      lines: [{ itemId: 'gloves', qty: 100, unitPriceCents: 50 }],
      draftedOn: '2026-01-05',
    });
    await r.submitPO({ poId: 'po1', submittedOn: '2026-01-05' });
    await r.approvePO({ poId: 'po1', approvedOn: '2026-01-05' });
    await r.receivePO({
      poId: 'po1',
      receiptId: 'rc1',
      receivedOn: '2026-01-09',
      lines: [{ itemId: 'gloves', qty: 60, lotNo: 'G1' }],
    });
    expect(await openCommitments(practice.readModels, 'fy26', 'supplies')).toBe(2000);
    expect((await stockOf(practice.readModels, 'gloves-main'))?.onOrder).toEqual({ po1: 40 });
    await r.closePO({ poId: 'po1', closedOn: '2026-01-31' });
    expect(await openCommitments(practice.readModels, 'fy26', 'supplies')).toBe(0);
    expect((await stockOf(practice.readModels, 'gloves-main'))?.onOrder).toEqual({});
    await practice.close();
  });

  it('receipt stocks the lots and posts the expense to the budget line, both caused by the receipt', async () => {
    const practice = await setUp();
    const r = practice.as(manager).resources;
    await r.draftPO({
      poId: 'po1',
      vendorId: 'henry-schein',
      locationId: 'main',
      budgetId: 'fy26',
      category: 'supplies',
      lines: [
        { itemId: 'gloves', qty: 100, unitPriceCents: 50 },
        { itemId: 'flu-vax', qty: 20, unitPriceCents: 2000 },
      ],
      draftedOn: '2026-01-05',
    });
    await r.submitPO({ poId: 'po1', submittedOn: '2026-01-05' });
    await r.approvePO({ poId: 'po1', approvedOn: '2026-01-05' });
    await r.sendPO({ poId: 'po1', sentOn: '2026-01-05' });
    expect(
      await r.receivePO({
        poId: 'po1',
        receiptId: 'rc1',
        receivedOn: '2026-01-09',
        lines: [{ itemId: 'gloves', qty: 120, lotNo: 'G1' }],
      }),
    ).toMatchObject({ ok: false, code: 'OverReceipt', field: 'lines.0.qty' });
    const received = await r.receivePO({
      poId: 'po1',
      receiptId: 'rc1',
      receivedOn: '2026-01-09',
      lines: [
        { itemId: 'gloves', qty: 100, lotNo: 'G1' },
        { itemId: 'flu-vax', qty: 10, lotNo: 'V1', expiresOn: '2026-06-30' },
      ],
    });
    expect(received).toMatchObject({ ok: true });
    const [receipt] = await collect(practice.store.readStream('PurchaseOrder-po1', { fromRevision: 4n }));
    expect(receipt?.type).toBe('POReceived');

    const budget = await collect(practice.store.readStream('Budget-fy26'));
    const expense = budget.find((e) => e.type === 'BudgetExpenseRecorded');
    expect(expense?.data).toMatchObject({
      expenseId: 'po:po1:rc1',
      category: 'supplies',
      amount: 100 * 50 + 10 * 2000,
      vendor: 'henry-schein',
    });
    expect(expense?.metadata.causationId).toBe(receipt?.eventId);
    const loaded = await practice.load<{ lines: Record<string, { spent: number }> }>('Budget', 'fy26');
    expect(loaded.found && loaded.state.lines['supplies']?.spent).toBe(25_000);
    // … and so into the general ledger (finance-ledger posts every budget expense).
    const journal = (await practice.readModels.get('finance-ledger', 'journal:budget:fy26')) as {
      entries: { memo: string }[];
    };
    expect(journal.entries.map((e) => e.memo)).toEqual([
      'Expense po:po1:rc1 (supplies): Purchase order po1, receipt rc1',
    ]);

    const vax = await collect(practice.store.readStream('Stock-flu-vax-main'));
    expect(vax.map((e) => [e.type, (e.data as { lotNo: string }).lotNo, e.metadata.causationId])).toEqual([
      ['StockReceived', 'V1', receipt?.eventId],
    ]);
    expect(await stockOf(practice.readModels, 'flu-vax-main')).toMatchObject({
      onHand: 10,
      onOrder: { po1: 10 },
      lots: { V1: { qty: 10, expiresOn: '2026-06-30', unitCostCents: 2000 } },
    });
    // Still committed: the 10 vaccines not yet received (20 000 cents).
    expect(await openCommitments(practice.readModels, 'fy26', 'supplies')).toBe(20_000);
    // The rest arrives on 2026-01-12: the order is complete 7 days after it was drafted.
    await r.receivePO({
      poId: 'po1',
      receiptId: 'rc2',
      receivedOn: '2026-01-12',
      lines: [{ itemId: 'flu-vax', qty: 10, lotNo: 'V2', expiresOn: '2026-07-31' }],
    });
    expect(await openCommitments(practice.readModels, 'fy26', 'supplies')).toBe(0);
    expect((await stockOf(practice.readModels, 'flu-vax-main'))?.onOrder).toEqual({});
    const kpis = await practice.kpis('2026-01');
    expect(kpis.lines.find((l) => l.id === 'poCycleTimeDays')?.value).toBe(7);
    await practice.close();
  });
});

describe('a receipt is charged only for lots that can be stocked', () => {
  it('refuses an expired lot or a perishable one without expiry, naming the line; an accepted receipt is always stocked (property)', async () => {
    const practice = await setUp();
    const r = practice.as(manager).resources;
    await r.draftPO({
      poId: 'po1',
      vendorId: 'henry-schein',
      locationId: 'main',
      budgetId: 'fy26',
      category: 'supplies',
      lines: [
        { itemId: 'gloves', qty: 1000, unitPriceCents: 1 },
        { itemId: 'flu-vax', qty: 1000, unitPriceCents: 1 },
      ],
      draftedOn: '2026-01-05',
    });
    await r.submitPO({ poId: 'po1', submittedOn: '2026-01-05' });
    expect(await r.approvePO({ poId: 'po1', approvedOn: '2026-01-05' })).toMatchObject({ ok: true });
    const day = (n: number) => new Date(Date.UTC(2026, 0, 6) + n * 86_400_000).toISOString().slice(0, 10);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 40 }),
        fc.array(
          fc.record({
            itemId: fc.constantFrom('gloves', 'flu-vax'),
            expires: fc.option(fc.integer({ min: -20, max: 60 }), { nil: undefined }),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        async (received, lines) => {
          const receiptId = `rc${n++}`;
          const receivedOn = day(received);
          const input = lines.map((l, i) => ({
            itemId: l.itemId,
            qty: 1,
            lotNo: `${receiptId}-${i}`,
            ...(l.expires === undefined ? {} : { expiresOn: day(received + l.expires) }),
          }));
          const spentBefore = await spent(practice);
          const res = await r.receivePO({ poId: 'po1', receiptId, receivedOn, lines: input });
          const bad = input.findIndex(
            (l) =>
              (l.expiresOn === undefined && l.itemId === 'flu-vax') ||
              (l.expiresOn !== undefined && l.expiresOn < receivedOn),
          );
          if (bad >= 0) {
            expect(res).toMatchObject({ ok: false, field: `lines.${bad}.expiresOn` });
            expect(['LotExpired', 'ExpiryRequired']).toContain(res.ok ? '' : res.code);
            expect(await spent(practice)).toBe(spentBefore);
          } else {
            expect(res.ok, res.summary).toBe(true);
            expect(await spent(practice)).toBe(spentBefore + input.length);
            for (const l of input) {
              const events = await collect(practice.store.readStream(`Stock-${l.itemId}-main`));
              expect(events.some((e) => (e.data as { lotNo?: string }).lotNo === l.lotNo)).toBe(true);
            }
          }
        },
      ),
      { numRuns: 25 },
    );
    await practice.close();
  });
});

const spent = async (practice: Awaited<ReturnType<typeof setUp>>) => {
  const b = await practice.load<{ lines: Record<string, { spent: number }> }>('Budget', 'fy26');
  return b.found ? (b.state.lines['supplies']?.spent ?? 0) : 0;
};
