import type { ProcessManager, Reaction } from '@praxis/core';
import type { PurchaseOrderEvent } from './purchase-order/events.js';
import { stockIdOf } from './stock/state.js';

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
