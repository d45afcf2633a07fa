import type { ControlledSchedule } from '../supply-item/events.js';
import type { StockEvent } from './events.js';

/** One lot as the stock holds it. */
export interface Lot {
  readonly lotNo: string;
  readonly qty: number;
  readonly expiresOn?: string;
  readonly quarantined: boolean;
  /** Cost of one unit of this lot (cents), from its (first) receipt. */
  readonly unitCostCents: number;
  /** Order of first receipt (breaks ties between lots expiring the same day, and non-perishables). */
  readonly seq: number;
  /** Each receipt or transfer in of the lot: its business date and units, oldest first. */
  readonly arrivals?: readonly { readonly on: string; readonly qty: number }[];
}

/**
 * Units of a lot a consumption dated `on` may draw: the units on hand less those that arrived
 * after `on` (a backdated consumption cannot use goods not yet delivered), never below 0.
 */
export const onHandBy = (lot: Lot, on: string): number =>
  Math.max(0, lot.qty - (lot.arrivals ?? []).reduce((n, a) => (a.on > on ? n + a.qty : n), 0));

/** One item at one location, by lot. JSON-serialisable. */
export interface Stock {
  readonly status: 'none' | 'open';
  readonly stockId: string;
  readonly itemId: string;
  readonly locationId: string;
  readonly controlledSchedule?: ControlledSchedule;
  /** Frozen from the SupplyItem at the first receipt (or transfer in). */
  readonly perishable?: boolean;
  readonly lots: Readonly<Record<string, Lot>>;
  /** Ids already used (receipts, consumptions, counts, adjustments, disposals): `kind:id`. */
  readonly seen: Readonly<Record<string, true>>;
}

/** No stock yet. */
export const initialState: Stock = {
  status: 'none',
  stockId: '',
  itemId: '',
  locationId: '',
  lots: {},
  seen: {},
};

/**
 * The stream id part of a stock: `<itemId>-<locationId>` (streams `Stock-<itemId>-<locationId>`,
 * MODULES.md §3.3 R2).
 */
export const stockIdOf = (itemId: string, locationId: string): string => `${itemId}-${locationId}`;

/** A lot is expired on `on` when its expiry date is before that day (usable through its expiry date). */
export const isExpired = (lot: Pick<Lot, 'expiresOn'>, on: string): boolean =>
  lot.expiresOn !== undefined && lot.expiresOn < on;

const setQty = (s: Stock, lotNo: string, delta: number): Stock => {
  const lot = s.lots[lotNo];
  return lot === undefined ? s : { ...s, lots: { ...s.lots, [lotNo]: { ...lot, qty: lot.qty + delta } } };
};
const seen = (s: Stock, key: string): Stock => ({ ...s, seen: { ...s.seen, [key]: true } });

/** Applies one event. Pure. */
export const evolve = (s: Stock, e: StockEvent): Stock => {
  switch (e.type) {
    case 'StockReceived': {
      const d = e.data;
      const lot = s.lots[d.lotNo];
      const base: Stock =
        s.status === 'none'
          ? {
              ...s,
              status: 'open',
              stockId: d.stockId,
              itemId: d.itemId,
              locationId: d.locationId,
              perishable: d.perishable,
              ...(d.controlledSchedule === undefined ? {} : { controlledSchedule: d.controlledSchedule }),
            }
          : s;
      const next: Lot =
        lot === undefined
          ? {
              lotNo: d.lotNo,
              qty: d.qty,
              quarantined: false,
              unitCostCents: d.unitCostCents,
              seq: Object.keys(s.lots).length,
              arrivals: [{ on: d.receivedOn, qty: d.qty }],
              ...(d.expiresOn === undefined ? {} : { expiresOn: d.expiresOn }),
            }
          : {
              ...lot,
              qty: lot.qty + d.qty,
              arrivals: [...(lot.arrivals ?? []), { on: d.receivedOn, qty: d.qty }],
            };
      return seen({ ...base, lots: { ...base.lots, [d.lotNo]: next } }, `receipt:${d.receiptId}`);
    }
    case 'StockConsumed':
      return seen(
        e.data.lots.reduce((acc, l) => setQty(acc, l.lotNo, -l.qty), s),
        `consumption:${e.data.consumptionId}`,
      );
    case 'StockCounted':
      return seen(
        e.data.variances.reduce((acc, v) => setQty(acc, v.lotNo, v.variance), s),
        `count:${e.data.countId}`,
      );
    case 'StockAdjusted':
      return seen(setQty(s, e.data.lotNo, e.data.qty), `adjustment:${e.data.adjustmentId}`);
    case 'LotQuarantined':
    case 'LotReleased': {
      const lot = s.lots[e.data.lotNo];
      return lot === undefined
        ? s
        : {
            ...s,
            lots: { ...s.lots, [e.data.lotNo]: { ...lot, quarantined: e.type === 'LotQuarantined' } },
          };
    }
    case 'StockDisposed':
      return seen(setQty(s, e.data.lotNo, -e.data.qty), `disposal:${e.data.disposalId}`);
    case 'StockTransferredOut':
      return seen(setQty(s, e.data.lotNo, -e.data.qty), `transfer-out:${e.data.transferId}`);
    case 'StockTransferredIn': {
      const d = e.data;
      const lot = s.lots[d.lotNo];
      const base: Stock =
        s.status === 'none'
          ? {
              ...s,
              status: 'open',
              stockId: d.stockId,
              itemId: d.itemId,
              locationId: d.locationId,
              perishable: d.perishable,
              ...(d.controlledSchedule === undefined ? {} : { controlledSchedule: d.controlledSchedule }),
            }
          : s;
      const next: Lot =
        lot === undefined
          ? {
              lotNo: d.lotNo,
              qty: d.qty,
              quarantined: false,
              unitCostCents: d.unitCostCents,
              seq: Object.keys(s.lots).length,
              arrivals: [{ on: d.transferredOn, qty: d.qty }],
              ...(d.expiresOn === undefined ? {} : { expiresOn: d.expiresOn }),
            }
          : {
              ...lot,
              qty: lot.qty + d.qty,
              arrivals: [...(lot.arrivals ?? []), { on: d.transferredOn, qty: d.qty }],
            };
      return seen({ ...base, lots: { ...base.lots, [d.lotNo]: next } }, `transfer-in:${d.transferId}`);
    }
    case 'ReorderPointReached':
      return s;
  }
};
