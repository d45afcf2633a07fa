import type { ProcessManager, Reaction } from '@praxis/core';
import type { PurchaseOrderEvent } from './purchase-order/events.js';
import { stockIdOf } from './stock/state.js';
import type { StockEvent } from './stock/events.js';
import { resourcesStockName, type StockDoc } from './stock-model/projection.js';

type StockData<K extends StockEvent['type']> = Extract<StockEvent, { type: K }>['data'];

type Data<K extends PurchaseOrderEvent['type']> = Extract<PurchaseOrderEvent, { type: K }>['data'];

/**
 * Goods received on a purchase order become stock: one `ReceiveStock` per received line, at the
 * order's location and unit price, receipt id `<receiptId>:<line index>` (MODULES.md §3.3 R3).
 */
export const stockOnPoReceipt: ProcessManager = {
  name: 'resources-stock-on-po-receipt',
  eventTypes: ['POReceived'],
  grants: ['Stock.ReceiveStock'],
  react: (event) => {
    const d = event.data as Data<'POReceived'>;
    const out: Reaction[] = [];
    for (const [i, l] of d.lines.entries()) {
      const command: Reaction['command'] & Record<string, unknown> = {
        type: 'ReceiveStock',
        stockId: stockIdOf(l.itemId, d.locationId),
        itemId: l.itemId,
        locationId: d.locationId,
        receiptId: `${d.receiptId}:${i}`,
        poId: d.poId,
        lotNo: l.lotNo,
        qty: l.qty,
        unitCostCents: l.unitPriceCents,
        receivedOn: d.receivedOn,
        ...(l.expiresOn === undefined ? {} : { expiresOn: l.expiresOn }),
      };
      out.push({ aggregate: 'Stock', command });
    }
    return out;
  },
};

/**
 * A receipt is spent money: the budget line records the expense through finance's own
 * `RecordExpense` (one source of truth; its `LineOverspent` rule applies), expense id
 * `po:<poId>:<receiptId>`, the vendor named (MODULES.md §3.3 R3).
 */
export const budgetExpenseOnPoReceipt: ProcessManager = {
  name: 'resources-budget-expense-on-po-receipt',
  eventTypes: ['POReceived'],
  grants: ['Budget.RecordExpense'],
  react: (event) => {
    const d = event.data as Data<'POReceived'>;
    if (d.amountCents <= 0) return [];
    const command: Reaction['command'] & Record<string, unknown> = {
      type: 'RecordExpense',
      budgetId: d.budgetId,
      expenseId: `po:${d.poId}:${d.receiptId}`,
      category: d.category,
      amount: d.amountCents,
      incurredOn: d.receivedOn,
      description: `Purchase order ${d.poId}, receipt ${d.receiptId}`,
      vendor: d.vendorId,
    };
    return [{ aggregate: 'Budget', command }];
  },
};

/**
 * A temperature excursion quarantines every lot stored in the unit (MODULES.md §3.3 R5; CDC:
 * label the vaccines "do not use" and keep them in the unit until the manufacturer is asked
 * [IMMUNIZE]): one `QuarantineLot` per lot on hand at the unit's location that is not already
 * quarantined. Each command's causation is the excursion event of the reading.
 */
export const quarantineOnExcursion: ProcessManager = {
  name: 'resources-quarantine-on-excursion',
  eventTypes: ['TemperatureExcursionDetected'],
  grants: ['Stock.QuarantineLot'],
  react: async (event, { reader }) => {
    const d = event.data as { locationId: string; detectedOn: string };
    const out: Reaction[] = [];
    for await (const [, doc] of reader.list(resourcesStockName, 'stock:')) {
      const s = doc as unknown as StockDoc;
      if (s.locationId !== d.locationId) continue;
      for (const [lotNo, lot] of Object.entries(s.lots)) {
        if (lot.qty <= 0 || lot.quarantined) continue;
        const command: Reaction['command'] & Record<string, unknown> = {
          type: 'QuarantineLot',
          stockId: s.stockId,
          lotNo,
          reason: 'temperature-excursion',
          quarantinedOn: d.detectedOn,
        };
        out.push({ aggregate: 'Stock', command });
      }
    }
    return out;
  },
};

/**
 * A theft, or a loss judged significant, of a controlled substance found by a stock adjustment
 * is recorded on the location's controlled-substance register, which opens the one-business-day
 * DEA notice (21 CFR 1301.76(b)).
 */
export const deaLossOnAdjustment: ProcessManager = {
  name: 'resources-dea-loss-on-adjustment',
  eventTypes: ['StockAdjusted'],
  grants: ['ControlledSubstanceRegister.RecordTheftOrLoss'],
  react: (event) => {
    const d = event.data as StockData<'StockAdjusted'>;
    if (d.controlledSchedule === undefined || !d.significant || d.qty >= 0) return [];
    if (d.reason !== 'theft' && d.reason !== 'loss') return [];
    const command: Reaction['command'] & Record<string, unknown> = {
      type: 'RecordTheftOrLoss',
      registrationId: d.locationId,
      lossId: `${d.stockId}:${d.adjustmentId}`,
      kind: d.reason,
      discoveredOn: d.adjustedOn,
      items: [{ itemId: d.itemId, qty: -d.qty }],
      significant: true,
    };
    return [{ aggregate: 'ControlledSubstanceRegister', command }];
  },
};
