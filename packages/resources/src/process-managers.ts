import type { ProcessManager, Reaction } from '@praxis/core';
import type { PurchaseOrderEvent } from './purchase-order/events.js';
import { stockIdOf } from './stock/state.js';
import type { StockEvent } from './stock/events.js';
import { keys, resourcesStockName, type ItemDoc, type StockDoc } from './stock-model/projection.js';
import { reorderLine } from './stock-model/reorder.js';
import { resourceObligationIds, resourcesObligationsName } from './obligations/index.js';
import { obligationKey, type Obligation } from '@praxis/core';
import { Roster } from '@praxis/staff';

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
      ...(d.initiativeId === undefined ? {} : { initiativeId: d.initiativeId }),
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

/**
 * The receiving location records a transfer's arrival (MODULES.md §3.3 R2 `TransferStock`): one
 * `ReceiveTransfer` at `toStockId`, the lot's expiry and unit cost kept, caused by the transfer out.
 */
export const transferInOnTransferOut: ProcessManager = {
  name: 'resources-transfer-in',
  eventTypes: ['StockTransferredOut'],
  grants: ['Stock.ReceiveTransfer'],
  react: (event) => {
    const d = event.data as StockData<'StockTransferredOut'>;
    const command: Reaction['command'] & Record<string, unknown> = {
      type: 'ReceiveTransfer',
      stockId: d.toStockId,
      itemId: d.itemId,
      locationId: d.toLocationId,
      transferId: d.transferId,
      fromStockId: d.stockId,
      fromLocationId: d.locationId,
      lotNo: d.lotNo,
      qty: d.qty,
      unitCostCents: d.unitCostCents,
      transferredOn: d.transferredOn,
      perishable: d.perishable,
      ...(d.expiresOn === undefined ? {} : { expiresOn: d.expiresOn }),
      ...(d.controlledSchedule === undefined ? {} : { controlledSchedule: d.controlledSchedule }),
    };
    return [{ aggregate: 'Stock', command }];
  },
};

/** Whether a reorder obligation of the stock is open (arisen and not met). */
export const reorderOpen = async (
  reader: { get(name: string, key: string): Promise<unknown> },
  itemId: string,
  locationId: string,
): Promise<boolean> => {
  const o = (await reader.get(
    resourcesObligationsName,
    obligationKey(resourceObligationIds.reorder(itemId, locationId)),
  )) as Obligation | undefined;
  return o !== undefined && o.completedAt === undefined;
};

/** The day of a stock movement. */
const movedOn = (event: { type: string; data: unknown }): string | undefined => {
  const d = event.data as Record<string, unknown>;
  const on =
    d['consumedOn'] ??
    d['adjustedOn'] ??
    d['disposedOn'] ??
    d['transferredOn'] ??
    d['countedOn'] ??
    d['quarantinedOn'];
  return typeof on === 'string' ? on : undefined;
};

/**
 * After a movement that lowers the usable stock, flag a reorder when the position is at or below
 * the reorder point (or the manual min) and no reorder of that stock is open — the
 * `reorder:<item>:<location>` obligation (MODULES.md §3.3 "Obligations").
 */
export const reorderOnMovement: ProcessManager = {
  name: 'resources-reorder-point',
  eventTypes: [
    'StockConsumed',
    'StockAdjusted',
    'StockDisposed',
    'StockTransferredOut',
    'StockCounted',
    'LotQuarantined',
  ],
  grants: ['Stock.FlagReorder'],
  react: async (event, { reader }) => {
    const stockId = (event.data as { stockId: string }).stockId;
    const on = movedOn(event);
    if (on === undefined) return [];
    const stock = (await reader.get(resourcesStockName, keys.stock(stockId))) as unknown as
      StockDoc | undefined;
    if (stock === undefined) return [];
    const item = (await reader.get(resourcesStockName, keys.item(stock.itemId))) as unknown as
      ItemDoc | undefined;
    if (item === undefined) return [];
    const line = reorderLine(stock, item, on);
    if (line === undefined || !line.reorder) return [];
    if (await reorderOpen(reader, stock.itemId, stock.locationId)) return [];
    const command: Reaction['command'] & Record<string, unknown> = {
      type: 'FlagReorder',
      stockId,
      flaggedOn: on,
    };
    return [{ aggregate: 'Stock', command }];
  },
};

/**
 * An excursion's disposition is carried out lot by lot (MODULES.md §3.3 R5): a `usable` lot is
 * released on the manufacturer's guidance, a `discard` lot disposed of (reason `excursion`), each
 * caused by the disposition event.
 */
export const excursionDisposition: ProcessManager = {
  name: 'resources-excursion-disposition',
  eventTypes: ['ExcursionDispositioned'],
  grants: ['Stock.ReleaseLot', 'Stock.DisposeStock'],
  react: (event) => {
    const d = event.data as {
      unitId: string;
      excursionOn: string;
      decidedOn: string;
      guidanceRef: string;
      method: string;
      lots: readonly { stockId: string; lotNo: string; qty: number; decision: 'usable' | 'discard' }[];
    };
    return d.lots.flatMap((l): Reaction[] => {
      if (l.decision === 'usable')
        return [
          {
            aggregate: 'Stock',
            command: {
              type: 'ReleaseLot',
              stockId: l.stockId,
              lotNo: l.lotNo,
              releasedOn: d.decidedOn,
              basis: `manufacturer guidance ${d.guidanceRef} after the excursion of ${d.excursionOn} at ${d.unitId}`,
            } as Reaction['command'],
          },
        ];
      if (l.qty <= 0) return [];
      return [
        {
          aggregate: 'Stock',
          command: {
            type: 'DisposeStock',
            stockId: l.stockId,
            disposalId: `excursion:${d.unitId}:${d.excursionOn}:${l.lotNo}`,
            lotNo: l.lotNo,
            qty: l.qty,
            reason: 'excursion',
            method: d.method,
            disposedOn: d.decidedOn,
          } as Reaction['command'],
        },
      ];
    });
  },
};

/**
 * A project's required course is assigned to everyone on staff in its roles on the day it was
 * required (MODULES.md §3.3 R9 "a process manager assigns staff training"): the staff module's own
 * `AssignTraining`, training id `project-<projectId>-<course>`, required, due the project's date.
 */
export const trainingOnProjectRequirement: ProcessManager = {
  name: 'resources-project-training',
  eventTypes: ['TrainingRequired'],
  grants: ['StaffMember.AssignTraining'],
  react: async (event, { reader }) => {
    const d = event.data as {
      projectId: string;
      course: string;
      roles: readonly string[];
      requiredOn: string;
      dueOn: string;
    };
    const out: Reaction[] = [];
    for (const r of await Roster.listRoster(reader)) {
      if (!Roster.isActiveOn(r, d.requiredOn) || !d.roles.includes(Roster.roleOn(r, d.requiredOn) ?? ''))
        continue;
      out.push({
        aggregate: 'StaffMember',
        command: {
          type: 'AssignTraining',
          staffId: r.staffId,
          trainingId: `project-${d.projectId}-${d.course}`,
          course: d.course,
          assignedOn: d.requiredOn,
          dueOn: d.dueOn,
          required: true,
        } as Reaction['command'],
      });
    }
    return out;
  },
};
