import type { ReadModelReader } from '@praxis/core';
import type { ReorderPolicy, ServiceLevel } from '../supply-item/events.js';
import { keys, resourcesStockName, type ItemDoc, type StockDoc } from './projection.js';

/** z for a cycle service level (standard normal quantile, as tabulated in [SS]). */
export const zScores: Readonly<Record<ServiceLevel, number>> = {
  0.9: 1.28,
  0.95: 1.65,
  0.98: 2.05,
  0.99: 2.33,
};

/** What the formulas give for one stock, in the item's unit (unrounded). */
export interface ReorderComputation {
  /** W: the days looked back over, ending on the as-of day. */
  readonly windowDays: number;
  /** Units consumed in the window. */
  readonly consumed: number;
  /** d̄ = consumed ÷ W (units per day). */
  readonly dailyMean: number;
  /** σ_d: population standard deviation of the W daily totals (days without use count as 0). */
  readonly dailyStdDev: number;
  /** SS = z × σ_d × √L. */
  readonly safetyStock: number;
  /** ROP = d̄ × L + SS. */
  readonly reorderPoint: number;
  /** S = d̄ × (R + L) + SS. */
  readonly parLevel: number;
}

const dayMs = 86_400_000;
const addDays = (date: string, n: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * dayMs).toISOString().slice(0, 10);

/**
 * Safety stock, reorder point and par level from daily consumption (MODULES.md §3.3, [SS]):
 * d̄ = units in W ÷ W; σ_d over the W daily totals; SS = z × σ_d × √L; ROP = d̄ × L + SS;
 * S = d̄ × (R + L) + SS. The window is the W days ending on `asOf` (inclusive).
 *
 * @example
 * computeReorder({ '2026-03-31': 9 }, '2026-03-31', { windowDays: 90, leadTimeDays: 5, reviewPeriodDays: 7, serviceLevel: 0.95 })
 */
export const computeReorder = (
  daily: Readonly<Record<string, number>>,
  asOf: string,
  policy: Pick<ReorderPolicy, 'windowDays' | 'leadTimeDays' | 'reviewPeriodDays' | 'serviceLevel'>,
): ReorderComputation => {
  const W = policy.windowDays;
  const first = addDays(asOf, -(W - 1));
  let sum = 0;
  let sumSq = 0;
  // for…in over the day keys: no entry arrays are allocated (this loop runs for every stock).
  for (const d in daily) {
    if (d < first || d > asOf) continue;
    const q = daily[d]!;
    sum += q;
    sumSq += q * q;
  }
  const mean = sum / W;
  // Population variance over W days, zero days included: E[x²] − mean².
  const variance = Math.max(0, sumSq / W - mean * mean);
  const sd = Math.sqrt(variance);
  const L = policy.leadTimeDays;
  const R = policy.reviewPeriodDays;
  const ss = zScores[policy.serviceLevel] * sd * Math.sqrt(L);
  return {
    windowDays: W,
    consumed: sum,
    dailyMean: mean,
    dailyStdDev: sd,
    safetyStock: ss,
    reorderPoint: mean * L + ss,
    parLevel: mean * (R + L) + ss,
  };
};

/** One stock on the reorder list. Quantities in the item's unit. */
export interface ReorderLine {
  readonly stockId: string;
  readonly itemId: string;
  readonly locationId: string;
  readonly name: string;
  readonly unit: string;
  readonly packSize: number;
  readonly mode: ReorderPolicy['mode'];
  /** Usable units on hand on the as-of day (not quarantined, not expired). */
  readonly onHand: number;
  /** Units on approved or sent purchase orders not yet received. */
  readonly onOrder: number;
  /** Inventory position = on hand + on order. */
  readonly position: number;
  /** What the formulas give, always shown — beside a manual min/max when one overrides. */
  readonly computed: ReorderComputation;
  /** The min in force: the manual min, or ⌈ROP⌉ for a computed policy. */
  readonly min: number;
  /** The max (order-up-to) in force: the manual max, or ⌈S⌉ for a computed policy. */
  readonly max: number;
  /** True when position ≤ min: order now. */
  readonly reorder: boolean;
  /** Units to order: max − position rounded up to whole packs (0 when no reorder is due). */
  readonly suggestedQty: number;
}

/** The line for one stock document and its item, on `asOf`; undefined when the item has no policy. */
export const reorderLine = (stock: StockDoc, item: ItemDoc, asOf: string): ReorderLine | undefined => {
  const policy = item.policy as ReorderPolicy | null;
  if (policy === null || item.status === 'discontinued') return undefined;
  const computed = computeReorder(stock.daily, asOf, policy);
  const onHand = Object.values(stock.lots).reduce(
    (n, l) => (l.quarantined || (l.expiresOn !== null && l.expiresOn < asOf) ? n : n + l.qty),
    0,
  );
  const onOrder = Object.values(stock.onOrder).reduce((n, q) => n + q, 0);
  const position = onHand + onOrder;
  const manual = policy.mode !== 'computed' && policy.min !== undefined && policy.max !== undefined;
  const min = manual ? policy.min! : Math.ceil(computed.reorderPoint);
  const max = manual ? policy.max! : Math.ceil(computed.parLevel);
  const reorder = position <= min && max > 0;
  const shortfall = Math.max(0, max - position);
  return {
    stockId: stock.stockId,
    itemId: stock.itemId,
    locationId: stock.locationId,
    name: item.name,
    unit: item.unit,
    packSize: item.packSize,
    mode: policy.mode,
    onHand,
    onOrder,
    position,
    computed,
    min,
    max,
    reorder,
    suggestedQty: reorder ? Math.ceil(shortfall / item.packSize) * item.packSize : 0,
  };
};

/**
 * The reorder list on `asOf` (YYYY-MM-DD): every stock whose item has a reorder policy and whose
 * position is at or below its min, with the quantity to order; `{ all: true }` lists every stock
 * with a policy. Sorted by item then location.
 */
export const reorderList = async (
  reader: ReadModelReader,
  asOf: string,
  options: { readonly all?: boolean } = {},
): Promise<ReorderLine[]> => {
  const items = new Map<string, ItemDoc>();
  for await (const [, doc] of reader.list(resourcesStockName, 'item:'))
    items.set((doc as unknown as ItemDoc).itemId, doc as unknown as ItemDoc);
  const out: ReorderLine[] = [];
  for await (const [, doc] of reader.list(resourcesStockName, 'stock:')) {
    const stock = doc as unknown as StockDoc;
    const item = items.get(stock.itemId);
    if (item === undefined) continue;
    const line = reorderLine(stock, item, asOf);
    if (line !== undefined && (options.all === true || line.reorder)) out.push(line);
  }
  return out.sort((a, b) => a.itemId.localeCompare(b.itemId) || a.locationId.localeCompare(b.locationId));
};

/** The stock of one item at one location, or undefined. */
export const stockOf = async (reader: ReadModelReader, stockId: string): Promise<StockDoc | undefined> =>
  (await reader.get(resourcesStockName, keys.stock(stockId))) as unknown as StockDoc | undefined;
