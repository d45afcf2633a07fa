import type { DocUpdate, Json, Projection, RecordedEvent } from '@praxis/core';
import type { SupplyItemEvent } from '../supply-item/events.js';
import type { StockEvent } from '../stock/events.js';
import type { PurchaseOrderEvent } from '../purchase-order/events.js';

/** The name of the stock read model. */
export const resourcesStockName = 'resources-stock';

/** A lot in the stock read model. */
export interface LotDoc {
  readonly qty: number;
  readonly expiresOn: string | null;
  readonly quarantined: boolean;
  /** Why it is quarantined (absent when not, or when recorded before version 2). */
  readonly quarantineReason?: string;
  readonly unitCostCents: number;
}

/**
 * One item at one location (`stock:<stockId>`): its lots, units on hand, units on order (by PO),
 * units consumed per day (the last 400 days, for the reorder computation) and refused
 * consumptions (`InsufficientStock`, from the audit trail) per day — the stock-outs.
 */
export interface StockDoc {
  readonly stockId: string;
  readonly itemId: string;
  readonly locationId: string;
  readonly lots: Readonly<Record<string, LotDoc>>;
  readonly onHand: number;
  readonly onOrder: Readonly<Record<string, number>>;
  readonly daily: Readonly<Record<string, number>>;
  readonly stockOuts: Readonly<Record<string, number>>;
}

/** A supply item in the read model (`item:<itemId>`). */
export interface ItemDoc {
  readonly itemId: string;
  readonly name: string;
  readonly category: string;
  readonly unit: string;
  readonly packSize: number;
  readonly perishable: boolean;
  readonly controlledSchedule: string | null;
  readonly unitCostCents: number;
  readonly status: 'active' | 'discontinued';
  readonly policy: Json | null;
}

/**
 * One month (`month:<YYYY-MM>`): cost consumed, consumptions done and refused for want of stock,
 * cost disposed by reason, units received (cents in integer cents).
 */
export interface MonthDoc {
  readonly consumedCents: number;
  readonly consumptions: number;
  readonly stockOuts: number;
  readonly disposedCents: Readonly<Record<string, number>>;
  readonly adjustedCents: Readonly<Record<string, number>>;
}

/** Inventory value (`valuation`): the running value and the closing value of each month with activity. */
export interface ValuationDoc {
  readonly valueCents: number;
  readonly closing: Readonly<Record<string, number>>;
}

/**
 * The dated history of the lots with an expiry date at one stock (`lots:<stockId>`), for the
 * expiring-value KPIs as of any day: per lot its expiry, unit cost, net change of units per
 * business date and quarantine changes in log order (`[date, quarantined]`).
 */
export interface LotHistoryDoc {
  readonly stockId: string;
  readonly lots: Readonly<
    Record<
      string,
      {
        readonly expiresOn: string;
        readonly unitCostCents: number;
        readonly changes: Readonly<Record<string, number>>;
        readonly quarantine: readonly (readonly [string, boolean])[];
      }
    >
  >;
}

/** How many days of consumption history a stock document keeps (longest window + margin). */
export const historyDays = 400;

export const keys = {
  stock: (stockId: string) => `stock:${stockId}`,
  item: (itemId: string) => `item:${itemId}`,
  month: (month: string) => `month:${month}`,
  valuation: 'valuation',
  lotHistory: (stockId: string) => `lots:${stockId}`,
};

type LotHistory = LotHistoryDoc['lots'][string];
/** Records a change to one lot's history (`init` creates the lot; others skip lots not tracked). */
const lotHistory = (
  stockId: string,
  lotNo: string,
  f: (lot: LotHistory) => LotHistory,
  init?: { expiresOn: string; unitCostCents: number },
): DocUpdate => ({
  key: keys.lotHistory(stockId),
  update: (cur) => {
    const doc = (cur as LotHistoryDoc | undefined) ?? { stockId, lots: {} };
    const lot =
      doc.lots[lotNo] ??
      (init === undefined
        ? undefined
        : { ...init, changes: {}, quarantine: [] as (readonly [string, boolean])[] });
    if (lot === undefined) return cur;
    return { ...doc, lots: { ...doc.lots, [lotNo]: f(lot) } } as unknown as Json;
  },
});
const lotChange = (
  stockId: string,
  lotNo: string,
  on: string,
  delta: number,
  init?: { expiresOn: string; unitCostCents: number },
): DocUpdate =>
  lotHistory(
    stockId,
    lotNo,
    (l) => ({ ...l, changes: { ...l.changes, [on]: (l.changes[on] ?? 0) + delta } }),
    init,
  );
const lotQuarantine = (stockId: string, lotNo: string, on: string, quarantined: boolean): DocUpdate =>
  lotHistory(stockId, lotNo, (l) => ({ ...l, quarantine: [...l.quarantine, [on, quarantined] as const] }));
const arrival = (
  d: { stockId: string; lotNo: string; qty: number; unitCostCents: number; expiresOn?: string },
  on: string,
) =>
  d.expiresOn === undefined
    ? []
    : [lotChange(d.stockId, d.lotNo, on, d.qty, { expiresOn: d.expiresOn, unitCostCents: d.unitCostCents })];

const day = (iso: string): string => iso.slice(0, 10);
const minusDays = (date: string, n: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

const emptyStock = (stockId: string, itemId = '', locationId = ''): StockDoc => ({
  stockId,
  itemId,
  locationId,
  lots: {},
  onHand: 0,
  onOrder: {},
  daily: {},
  stockOuts: {},
});
const emptyMonth: MonthDoc = {
  consumedCents: 0,
  consumptions: 0,
  stockOuts: 0,
  disposedCents: {},
  adjustedCents: {},
};

const onStock =
  (
    stockId: string,
    f: (d: StockDoc) => StockDoc,
    itemId?: string,
    locationId?: string,
  ): DocUpdate['update'] =>
  (cur) => {
    const d = (cur as StockDoc | undefined) ?? emptyStock(stockId, itemId, locationId);
    const next = f(d);
    const onHand = Object.values(next.lots).reduce((n, l) => n + l.qty, 0);
    return { ...next, onHand } as unknown as Json;
  };
const stockUpdate = (
  stockId: string,
  f: (d: StockDoc) => StockDoc,
  itemId?: string,
  locationId?: string,
): DocUpdate => ({
  key: keys.stock(stockId),
  update: onStock(stockId, f, itemId, locationId),
});
const monthUpdate = (date: string, f: (m: MonthDoc) => MonthDoc): DocUpdate => ({
  key: keys.month(date.slice(0, 7)),
  update: (cur) => f((cur as MonthDoc | undefined) ?? emptyMonth) as unknown as Json,
});
const valuationUpdate = (date: string, delta: number): DocUpdate => ({
  key: keys.valuation,
  update: (cur) => {
    const v = (cur as ValuationDoc | undefined) ?? { valueCents: 0, closing: {} };
    const valueCents = v.valueCents + delta;
    return { valueCents, closing: { ...v.closing, [date.slice(0, 7)]: valueCents } } as unknown as Json;
  },
});
const addLotQty = (d: StockDoc, lotNo: string, delta: number): StockDoc => {
  const lot = d.lots[lotNo];
  return lot === undefined ? d : { ...d, lots: { ...d.lots, [lotNo]: { ...lot, qty: lot.qty + delta } } };
};
const bump = (m: Readonly<Record<string, number>>, k: string, n: number) => ({ ...m, [k]: (m[k] ?? 0) + n });

/** Adds a day's consumption and drops days older than `historyDays` before the newest. */
const addDaily = (daily: Readonly<Record<string, number>>, on: string, qty: number) => {
  const next = bump(daily, on, qty);
  const newest = Object.keys(next).reduce((a, b) => (a > b ? a : b), on);
  const cutoff = minusDays(newest, historyDays);
  return Object.fromEntries(Object.entries(next).filter(([k]) => k > cutoff));
};

type ItemData<K extends SupplyItemEvent['type']> = Extract<SupplyItemEvent, { type: K }>['data'];
type StockData<K extends StockEvent['type']> = Extract<StockEvent, { type: K }>['data'];
type POData<K extends PurchaseOrderEvent['type']> = Extract<PurchaseOrderEvent, { type: K }>['data'];
const stockIdOf = (itemId: string, locationId: string) => `${itemId}-${locationId}`;
type Refused = { commandType: string; aggregate: string; targetStream: string; code: string };
const patchItem = (itemId: string, f: (d: ItemDoc) => ItemDoc): DocUpdate => ({
  key: keys.item(itemId),
  update: (cur) => (cur === undefined ? cur : (f(cur as unknown as ItemDoc) as unknown as Json)),
});

/** A closed or cancelled order is no longer expected at its location. */
const clearOrder = (d: { poId: string; locationId: string; itemIds: readonly string[] }): DocUpdate[] =>
  d.itemIds.map((itemId) =>
    stockUpdate(
      stockIdOf(itemId, d.locationId),
      (s) => {
        const { [d.poId]: _, ...rest } = s.onOrder;
        return { ...s, onOrder: rest };
      },
      itemId,
      d.locationId,
    ),
  );

/** Handlers of the stock read model, by event type (PO events are added by the purchasing module). */
export const stockHandlers: Record<string, (e: RecordedEvent) => DocUpdate[]> = {
  SupplyItemRegistered: (e) => {
    const d = e.data as ItemData<'SupplyItemRegistered'>;
    const doc: ItemDoc = {
      itemId: d.itemId,
      name: d.name,
      category: d.category,
      unit: d.unit,
      packSize: d.packSize,
      perishable: d.perishable,
      controlledSchedule: d.controlledSchedule ?? null,
      unitCostCents: d.unitCostCents,
      status: 'active',
      policy: null,
    };
    return [{ key: keys.item(d.itemId), update: () => doc as unknown as Json }];
  },
  ReorderPolicySet: (e) => {
    const d = e.data as ItemData<'ReorderPolicySet'>;
    return [patchItem(d.itemId, (i) => ({ ...i, policy: d.policy as unknown as Json }))];
  },
  UnitCostChanged: (e) => {
    const d = e.data as ItemData<'UnitCostChanged'>;
    return [patchItem(d.itemId, (i) => ({ ...i, unitCostCents: d.unitCostCents }))];
  },
  SupplyItemDiscontinued: (e) => {
    const d = e.data as ItemData<'SupplyItemDiscontinued'>;
    return [patchItem(d.itemId, (i) => ({ ...i, status: 'discontinued' }))];
  },
  StockReceived: (e) => {
    const d = e.data as StockData<'StockReceived'>;
    return [
      stockUpdate(
        d.stockId,
        (s) => {
          const lot = s.lots[d.lotNo];
          return {
            ...s,
            lots: {
              ...s.lots,
              [d.lotNo]:
                lot === undefined
                  ? {
                      qty: d.qty,
                      expiresOn: d.expiresOn ?? null,
                      quarantined: false,
                      unitCostCents: d.unitCostCents,
                    }
                  : { ...lot, qty: lot.qty + d.qty },
            },
          };
        },
        d.itemId,
        d.locationId,
      ),
      valuationUpdate(d.receivedOn, d.qty * d.unitCostCents),
      ...arrival(d, d.receivedOn),
    ];
  },
  StockConsumed: (e) => {
    const d = e.data as StockData<'StockConsumed'>;
    return [
      stockUpdate(d.stockId, (s) => ({
        ...d.lots.reduce((acc, l) => addLotQty(acc, l.lotNo, -l.qty), s),
        daily: addDaily(s.daily, d.consumedOn, d.qty),
      })),
      monthUpdate(d.consumedOn, (m) => ({
        ...m,
        consumedCents: m.consumedCents + d.costCents,
        consumptions: m.consumptions + 1,
      })),
      valuationUpdate(d.consumedOn, -d.costCents),
      ...d.lots.map((l) => lotChange(d.stockId, l.lotNo, d.consumedOn, -l.qty)),
    ];
  },
  StockCounted: (e) => {
    const d = e.data as StockData<'StockCounted'>;
    return [
      stockUpdate(d.stockId, (s) => d.variances.reduce((acc, v) => addLotQty(acc, v.lotNo, v.variance), s)),
      monthUpdate(d.countedOn, (m) => ({
        ...m,
        adjustedCents: bump(m.adjustedCents, 'count', d.valueCents),
      })),
      valuationUpdate(d.countedOn, d.valueCents),
      ...d.variances.map((v) => lotChange(d.stockId, v.lotNo, d.countedOn, v.variance)),
    ];
  },
  StockAdjusted: (e) => {
    const d = e.data as StockData<'StockAdjusted'>;
    return [
      stockUpdate(d.stockId, (s) => addLotQty(s, d.lotNo, d.qty)),
      monthUpdate(d.adjustedOn, (m) => ({
        ...m,
        adjustedCents: bump(m.adjustedCents, d.reason, d.costCents),
      })),
      valuationUpdate(d.adjustedOn, d.costCents),
      lotChange(d.stockId, d.lotNo, d.adjustedOn, d.qty),
    ];
  },
  LotQuarantined: (e) => {
    const d = e.data as StockData<'LotQuarantined'>;
    return [
      stockUpdate(d.stockId, (s) => {
        const lot = s.lots[d.lotNo];
        return lot === undefined
          ? s
          : {
              ...s,
              lots: { ...s.lots, [d.lotNo]: { ...lot, quarantined: true, quarantineReason: d.reason } },
            };
      }),
      lotQuarantine(d.stockId, d.lotNo, d.quarantinedOn, true),
    ];
  },
  LotReleased: (e) => {
    const d = e.data as StockData<'LotReleased'>;
    return [
      stockUpdate(d.stockId, (s) => {
        const lot = s.lots[d.lotNo];
        if (lot === undefined) return s;
        const { quarantineReason: _, ...released } = lot;
        return { ...s, lots: { ...s.lots, [d.lotNo]: { ...released, quarantined: false } } };
      }),
      lotQuarantine(d.stockId, d.lotNo, d.releasedOn, false),
    ];
  },
  StockDisposed: (e) => {
    const d = e.data as StockData<'StockDisposed'>;
    return [
      stockUpdate(d.stockId, (s) => addLotQty(s, d.lotNo, -d.qty)),
      monthUpdate(d.disposedOn, (m) => ({
        ...m,
        disposedCents: bump(m.disposedCents, d.reason, d.costCents),
      })),
      valuationUpdate(d.disposedOn, -d.costCents),
      lotChange(d.stockId, d.lotNo, d.disposedOn, -d.qty),
    ];
  },
  // A transfer moves units between locations: the practice's inventory value does not change.
  StockTransferredOut: (e) => {
    const d = e.data as StockData<'StockTransferredOut'>;
    return [
      stockUpdate(d.stockId, (s) => addLotQty(s, d.lotNo, -d.qty)),
      lotChange(d.stockId, d.lotNo, d.transferredOn, -d.qty),
    ];
  },
  StockTransferredIn: (e) => {
    const d = e.data as StockData<'StockTransferredIn'>;
    return [
      stockUpdate(
        d.stockId,
        (s) => {
          const lot = s.lots[d.lotNo];
          return {
            ...s,
            lots: {
              ...s.lots,
              [d.lotNo]:
                lot === undefined
                  ? {
                      qty: d.qty,
                      expiresOn: d.expiresOn ?? null,
                      quarantined: false,
                      unitCostCents: d.unitCostCents,
                    }
                  : { ...lot, qty: lot.qty + d.qty },
            },
          };
        },
        d.itemId,
        d.locationId,
      ),
      ...arrival(d, d.transferredOn),
    ];
  },
  // Units on order: approved lines, less what arrives; closing or cancelling the order clears them.
  POApproved: (e) => {
    const d = e.data as POData<'POApproved'>;
    return d.lines.map((l) =>
      stockUpdate(
        stockIdOf(l.itemId, d.locationId),
        (s) => ({ ...s, onOrder: { ...s.onOrder, [d.poId]: l.qty } }),
        l.itemId,
        d.locationId,
      ),
    );
  },
  POReceived: (e) => {
    const d = e.data as POData<'POReceived'>;
    return d.lines.map((l) =>
      stockUpdate(
        stockIdOf(l.itemId, d.locationId),
        (s) => {
          const left = (s.onOrder[d.poId] ?? 0) - l.qty;
          const { [d.poId]: _, ...rest } = s.onOrder;
          return { ...s, onOrder: left > 0 ? { ...rest, [d.poId]: left } : rest };
        },
        l.itemId,
        d.locationId,
      ),
    );
  },
  POClosed: (e) => clearOrder(e.data as POData<'POClosed'>),
  POCancelled: (e) => clearOrder(e.data as POData<'POCancelled'>),
  /** Unserved demand is data (MODULES.md 4.10): a consumption refused for want of stock is a stock-out. */
  CommandRefused: (e) => {
    const d = e.data as Refused;
    if (d.aggregate !== 'Stock' || d.commandType !== 'ConsumeStock' || d.code !== 'InsufficientStock')
      return [];
    if (!d.targetStream.startsWith('Stock-')) return [];
    const stockId = d.targetStream.slice('Stock-'.length);
    const on = day(e.metadata.occurredAt);
    return [
      stockUpdate(stockId, (s) => ({ ...s, stockOuts: bump(s.stockOuts, on, 1) })),
      monthUpdate(on, (m) => ({ ...m, stockOuts: m.stockOuts + 1 })),
    ];
  },
};

/**
 * The `resources-stock` read model: supply items, stock by lot and location with consumption
 * history, monthly totals and inventory value. Queries: `reorderList`, `stockOf`.
 */
export const makeStockProjection = (
  extra: Record<string, (e: RecordedEvent) => DocUpdate[]> = {},
): Projection => {
  const handlers = { ...stockHandlers, ...extra };
  return {
    name: resourcesStockName,
    // 2: transfers; the quarantine reason on lots; dated lot histories (lots:<stockId>)
    version: 2,
    eventTypes: Object.keys(handlers),
    handle: (e) => handlers[e.type]?.(e) ?? [],
  };
};
