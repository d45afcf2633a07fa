import { accept, reject, type Decision } from '@praxis/core';
import type { StockCommand } from './commands.js';
import { events, type LotDraw, type StockEvent } from './events.js';
import { isExpired, onHandBy, stockIdOf, type Lot, type Stock } from './state.js';
export type { StockCommand } from './commands.js';

type D = Decision<StockEvent>;
type Cmd<K extends StockCommand['type']> = Extract<StockCommand, { type: K }>;

/** Witnesses a controlled-substance destruction needs (DEA Form 41; 21 CFR 1317.95(d)). */
export const controlledDisposalWitnesses = 2;

/**
 * The lots a consumption may draw from on `on`, in first-expired-first-out order: units on hand
 * that had arrived by `on` (`onHandBy`: a lot received later is not there yet), not quarantined,
 * not expired; earliest expiry first, lots without expiry last, then by receipt. Each lot's `qty`
 * is what may be drawn on `on`.
 */
export const fefoOrder = (s: Stock, on: string): Lot[] =>
  Object.values(s.lots)
    .map((l) => ({ ...l, qty: onHandBy(l, on) }))
    .filter((l) => l.qty > 0 && !l.quarantined && !isExpired(l, on))
    .sort(
      (a, b) => (a.expiresOn ?? '9999-12-31').localeCompare(b.expiresOn ?? '9999-12-31') || a.seq - b.seq,
    );

/** Units a consumption on `on` could take (usable lots only). */
export const available = (s: Stock, on: string): number => fefoOrder(s, on).reduce((n, l) => n + l.qty, 0);

/**
 * Stock arrives for a registered item (`ItemNotFound`) under its own stream id (`StockIdMismatch`);
 * a perishable lot needs an expiry (`ExpiryRequired`) that has not passed (`LotExpired`); a lot
 * received again keeps one expiry (`LotExpiryMismatch`). MODULES.md §3.3 R2.
 */
const receive = (c: Cmd<'ReceiveStock'>, s: Stock): D => {
  if (c.stockId !== stockIdOf(c.itemId, c.locationId))
    return reject(
      'StockIdMismatch',
      `stock of ${c.itemId} at ${c.locationId} is ${stockIdOf(c.itemId, c.locationId)}`,
      'stockId',
    );
  if (s.status === 'open' && (s.itemId !== c.itemId || s.locationId !== c.locationId))
    return reject('StockIdMismatch', `stock ${s.stockId} holds ${s.itemId} at ${s.locationId}`, 'itemId');
  if (c.item === null) return reject('ItemNotFound', `no supply item ${c.itemId}`, 'itemId');
  if (s.seen[`receipt:${c.receiptId}`])
    return reject('ReceiptAlreadyRecorded', `receipt ${c.receiptId} is recorded`, 'receiptId');
  if (c.item.perishable && c.expiresOn === undefined)
    return reject('ExpiryRequired', `${c.itemId} is perishable: give the lot's expiry date`, 'expiresOn');
  if (c.expiresOn !== undefined && c.expiresOn < c.receivedOn)
    return reject('LotExpired', `lot ${c.lotNo} expired on ${c.expiresOn}`, 'expiresOn');
  const lot = s.lots[c.lotNo];
  if (lot !== undefined && lot.expiresOn !== c.expiresOn)
    return reject(
      'LotExpiryMismatch',
      `lot ${c.lotNo} is on hand with expiry ${lot.expiresOn ?? 'none'}`,
      'expiresOn',
    );
  const schedule = c.item.controlledSchedule;
  return accept(
    events.make('StockReceived', {
      stockId: c.stockId,
      itemId: c.itemId,
      locationId: c.locationId,
      receiptId: c.receiptId,
      lotNo: c.lotNo,
      qty: c.qty,
      unitCostCents: c.unitCostCents,
      receivedOn: c.receivedOn,
      perishable: c.item.perishable,
      ...(c.poId === undefined ? {} : { poId: c.poId }),
      ...(c.expiresOn === undefined ? {} : { expiresOn: c.expiresOn }),
      ...(schedule === null ? {} : { controlledSchedule: schedule }),
    }),
  );
};

/**
 * Consumption: a named lot must be usable (`LotNotFound`, `LotQuarantined`, `LotExpired`) and hold
 * the units; without a lot the units are drawn first-expired-first-out from usable lots. More than
 * is available is `InsufficientStock` (recorded in the audit trail: a stock-out). A controlled item
 * only by someone with a current DEA registration (`NoDeaRegistration`, 21 CFR 1301.11).
 */
const consume = (c: Cmd<'ConsumeStock'>, s: Stock): D => {
  if (s.seen[`consumption:${c.consumptionId}`])
    return reject(
      'ConsumptionAlreadyRecorded',
      `consumption ${c.consumptionId} is recorded`,
      'consumptionId',
    );
  if (s.controlledSchedule !== undefined && !c.deaRegistered)
    return reject(
      'NoDeaRegistration',
      `${s.itemId} is a schedule ${s.controlledSchedule} controlled substance: only a DEA registrant may use it`,
      'consumedBy',
    );
  let draws: LotDraw[];
  if (c.lotNo !== undefined) {
    const lot = s.lots[c.lotNo];
    if (lot === undefined) return reject('LotNotFound', `no lot ${c.lotNo} in ${s.stockId}`, 'lotNo');
    if (lot.quarantined) return reject('LotQuarantined', `lot ${c.lotNo} is quarantined`, 'lotNo');
    if (isExpired(lot, c.consumedOn))
      return reject('LotExpired', `lot ${c.lotNo} expired on ${lot.expiresOn}`, 'lotNo');
    const by = onHandBy(lot, c.consumedOn);
    if (by < c.qty)
      return reject(
        'InsufficientStock',
        by < lot.qty
          ? `lot ${c.lotNo} held ${by} on ${c.consumedOn} (later units arrived after), ${c.qty} asked`
          : `lot ${c.lotNo} holds ${lot.qty}, ${c.qty} asked`,
        'qty',
      );
    draws = [{ lotNo: lot.lotNo, qty: c.qty, costCents: lot.unitCostCents * c.qty, left: lot.qty - c.qty }];
  } else {
    const lots = fefoOrder(s, c.consumedOn);
    const usable = lots.reduce((n, l) => n + l.qty, 0);
    if (usable < c.qty) return reject('InsufficientStock', `${usable} usable on hand, ${c.qty} asked`, 'qty');
    draws = [];
    let left = c.qty;
    for (const l of lots) {
      if (left === 0) break;
      const take = Math.min(left, l.qty);
      draws.push({
        lotNo: l.lotNo,
        qty: take,
        costCents: take * l.unitCostCents,
        left: (s.lots[l.lotNo]?.qty ?? l.qty) - take,
      });
      left -= take;
    }
  }
  return accept(
    events.make('StockConsumed', {
      stockId: s.stockId,
      itemId: s.itemId,
      locationId: s.locationId,
      consumptionId: c.consumptionId,
      qty: c.qty,
      consumedOn: c.consumedOn,
      purpose: c.purpose,
      lots: draws,
      costCents: draws.reduce((n, d) => n + d.costCents, 0),
      fefo: c.lotNo === undefined,
      consumedBy: c.consumedBy,
      ...(c.appointmentId === undefined ? {} : { appointmentId: c.appointmentId }),
      ...(s.controlledSchedule === undefined ? {} : { controlledSchedule: s.controlledSchedule }),
    }),
  );
};

/** A count sets each counted lot to what was counted; each lot once per count (`DuplicateLine`). */
const count = (c: Cmd<'CountStock'>, s: Stock): D => {
  if (s.seen[`count:${c.countId}`])
    return reject('CountAlreadyRecorded', `count ${c.countId} is recorded`, 'countId');
  const lots = new Set<string>();
  const variances = [];
  for (const [i, line] of c.lines.entries()) {
    if (lots.has(line.lotNo))
      return reject('DuplicateLine', `lot ${line.lotNo} is counted twice`, `lines.${i}`);
    lots.add(line.lotNo);
    const lot = s.lots[line.lotNo];
    if (lot === undefined) return reject('LotNotFound', `no lot ${line.lotNo}`, `lines.${i}.lotNo`);
    variances.push({
      lotNo: line.lotNo,
      expected: lot.qty,
      counted: line.counted,
      variance: line.counted - lot.qty,
    });
  }
  return accept(
    events.make('StockCounted', {
      stockId: s.stockId,
      countId: c.countId,
      countedOn: c.countedOn,
      countedBy: c.countedBy,
      variances,
      valueCents: variances.reduce((n, v) => n + v.variance * (s.lots[v.lotNo]?.unitCostCents ?? 0), 0),
    }),
  );
};

const lotOf = (s: Stock, lotNo: string): Lot | D =>
  s.lots[lotNo] ?? reject('LotNotFound', `no lot ${lotNo} in ${s.stockId}`, 'lotNo');
const isDecision = (x: Lot | D): x is D => '_tag' in x;

/**
 * An adjustment never takes a lot below zero (`InsufficientStock`). A theft is always
 * significant; a loss when the practice says so (21 CFR 1301.76(b)).
 */
const adjust = (c: Cmd<'AdjustStock'>, s: Stock): D => {
  if (s.seen[`adjustment:${c.adjustmentId}`])
    return reject('AdjustmentAlreadyRecorded', `adjustment ${c.adjustmentId} is recorded`, 'adjustmentId');
  const lot = lotOf(s, c.lotNo);
  if (isDecision(lot)) return lot;
  if (lot.qty + c.qty < 0)
    return reject('InsufficientStock', `lot ${c.lotNo} holds ${lot.qty}; cannot remove ${-c.qty}`, 'qty');
  return accept(
    events.make('StockAdjusted', {
      stockId: s.stockId,
      itemId: s.itemId,
      locationId: s.locationId,
      adjustmentId: c.adjustmentId,
      lotNo: c.lotNo,
      qty: c.qty,
      reason: c.reason,
      adjustedOn: c.adjustedOn,
      adjustedBy: c.adjustedBy,
      costCents: c.qty * lot.unitCostCents,
      left: lot.qty + c.qty,
      significant: c.reason === 'theft' || (c.reason === 'loss' && c.significant === true),
      ...(s.controlledSchedule === undefined ? {} : { controlledSchedule: s.controlledSchedule }),
    }),
  );
};

/**
 * Disposal of units of a lot with a reason and method. A controlled item needs two distinct
 * witnesses other than the person disposing (`WitnessesRequired`; DEA Form 41, 21 CFR 1317.95(d)).
 */
const dispose = (c: Cmd<'DisposeStock'>, s: Stock): D => {
  if (s.seen[`disposal:${c.disposalId}`])
    return reject('DisposalAlreadyRecorded', `disposal ${c.disposalId} is recorded`, 'disposalId');
  const lot = lotOf(s, c.lotNo);
  if (isDecision(lot)) return lot;
  if (lot.qty < c.qty) return reject('InsufficientStock', `lot ${c.lotNo} holds ${lot.qty}`, 'qty');
  const witnesses = [...new Set(c.witnesses ?? [])].filter((w) => w !== c.disposedBy);
  if (s.controlledSchedule !== undefined && witnesses.length < controlledDisposalWitnesses)
    return reject(
      'WitnessesRequired',
      `destroying a controlled substance needs ${controlledDisposalWitnesses} witnesses besides the person disposing`,
      'witnesses',
    );
  return accept(
    events.make('StockDisposed', {
      stockId: s.stockId,
      itemId: s.itemId,
      locationId: s.locationId,
      disposalId: c.disposalId,
      lotNo: c.lotNo,
      qty: c.qty,
      reason: c.reason,
      method: c.method,
      disposedOn: c.disposedOn,
      disposedBy: c.disposedBy,
      witnesses,
      costCents: c.qty * lot.unitCostCents,
      left: lot.qty - c.qty,
      ...(s.controlledSchedule === undefined ? {} : { controlledSchedule: s.controlledSchedule }),
    }),
  );
};

/**
 * A transfer moves units of a usable lot (not quarantined, not expired) to another location of
 * the practice; the lot keeps its expiry and unit cost at the destination.
 */
const transfer = (c: Cmd<'TransferStock'>, s: Stock): D => {
  if (s.seen[`transfer-out:${c.transferId}`])
    return reject('TransferAlreadyRecorded', `transfer ${c.transferId} is recorded`, 'transferId');
  if (c.toLocationId === s.locationId)
    return reject('SameLocation', `the stock is already at ${s.locationId}`, 'toLocationId');
  const lot = lotOf(s, c.lotNo);
  if (isDecision(lot)) return lot;
  if (lot.quarantined) return reject('LotQuarantined', `lot ${c.lotNo} is quarantined`, 'lotNo');
  if (isExpired(lot, c.transferredOn))
    return reject('LotExpired', `lot ${c.lotNo} expired on ${lot.expiresOn}`, 'lotNo');
  if (lot.qty < c.qty) return reject('InsufficientStock', `lot ${c.lotNo} holds ${lot.qty}`, 'qty');
  return accept(
    events.make('StockTransferredOut', {
      stockId: s.stockId,
      itemId: s.itemId,
      locationId: s.locationId,
      transferId: c.transferId,
      toLocationId: c.toLocationId,
      toStockId: stockIdOf(s.itemId, c.toLocationId),
      lotNo: c.lotNo,
      qty: c.qty,
      unitCostCents: lot.unitCostCents,
      transferredOn: c.transferredOn,
      transferredBy: c.transferredBy,
      left: lot.qty - c.qty,
      perishable: s.perishable ?? lot.expiresOn !== undefined,
      ...(lot.expiresOn === undefined ? {} : { expiresOn: lot.expiresOn }),
      ...(s.controlledSchedule === undefined ? {} : { controlledSchedule: s.controlledSchedule }),
    }),
  );
};

/** The arrival of a transfer, under the destination's own stream id, once per transfer. */
const receiveTransfer = (c: Cmd<'ReceiveTransfer'>, s: Stock): D => {
  if (c.stockId !== stockIdOf(c.itemId, c.locationId))
    return reject(
      'StockIdMismatch',
      `stock of ${c.itemId} at ${c.locationId} is ${stockIdOf(c.itemId, c.locationId)}`,
      'stockId',
    );
  if (s.status === 'open' && (s.itemId !== c.itemId || s.locationId !== c.locationId))
    return reject('StockIdMismatch', `stock ${s.stockId} holds ${s.itemId} at ${s.locationId}`, 'itemId');
  if (c.locationId === c.fromLocationId)
    return reject('SameLocation', `the stock is already at ${c.locationId}`, 'fromLocationId');
  if (s.seen[`transfer-in:${c.transferId}`])
    return reject('TransferAlreadyRecorded', `transfer ${c.transferId} is recorded`, 'transferId');
  const lot = s.lots[c.lotNo];
  if (lot !== undefined && lot.expiresOn !== c.expiresOn)
    return reject(
      'LotExpiryMismatch',
      `lot ${c.lotNo} is on hand with expiry ${lot.expiresOn ?? 'none'}`,
      'expiresOn',
    );
  return accept(
    events.make('StockTransferredIn', {
      stockId: c.stockId,
      itemId: c.itemId,
      locationId: c.locationId,
      transferId: c.transferId,
      fromStockId: c.fromStockId,
      fromLocationId: c.fromLocationId,
      lotNo: c.lotNo,
      qty: c.qty,
      unitCostCents: c.unitCostCents,
      transferredOn: c.transferredOn,
      perishable: c.perishable,
      ...(c.expiresOn === undefined ? {} : { expiresOn: c.expiresOn }),
      ...(c.controlledSchedule === undefined ? {} : { controlledSchedule: c.controlledSchedule }),
    }),
  );
};

const dayMs = 86_400_000;
const plusDays = (date: string, n: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * dayMs).toISOString().slice(0, 10);

/**
 * The reorder point was reached: position ≤ min (`AboveReorderPoint`), an item with a policy
 * (`NoReorderPolicy`), once until the open obligation is met (`ReorderAlreadyOpen`). Due the day
 * on-hand units would reach the safety stock at d̄: flagged + ⌊(on hand − SS) ÷ d̄⌋ days (the same
 * day when already at or below SS, or nothing is used).
 */
const flagReorder = (c: Cmd<'FlagReorder'>, s: Stock): D => {
  const r = c.reorder;
  if (r === null) return reject('NoReorderPolicy', `${s.itemId} has no reorder policy`, 'stockId');
  if (r.open) return reject('ReorderAlreadyOpen', `a reorder of ${s.stockId} is open`, 'stockId');
  if (r.position > r.min || r.max <= 0)
    return reject(
      'AboveReorderPoint',
      `position ${r.position} is above the reorder point ${r.min}`,
      'stockId',
    );
  const days = r.dailyMean > 0 && r.onHand > r.safetyStock ? (r.onHand - r.safetyStock) / r.dailyMean : 0;
  return accept(
    events.make('ReorderPointReached', {
      stockId: s.stockId,
      itemId: s.itemId,
      locationId: s.locationId,
      flaggedOn: c.flaggedOn,
      onHand: r.onHand,
      position: r.position,
      min: r.min,
      max: r.max,
      safetyStock: r.safetyStock,
      dailyMean: r.dailyMean,
      suggestedQty: r.suggestedQty,
      dueOn: plusDays(c.flaggedOn, Math.min(3650, Math.floor(days))),
    }),
  );
};

/** Decides a Stock command. Pure. */
export const decide = (c: StockCommand, s: Stock): D => {
  if (c.type === 'ReceiveStock') return receive(c, s);
  if (c.type === 'ReceiveTransfer') return receiveTransfer(c, s);
  if (s.status === 'none')
    return c.type === 'ConsumeStock'
      ? reject('InsufficientStock', 'nothing has been received at this location', 'qty')
      : reject('LotNotFound', 'nothing has been received at this location', 'lotNo');
  switch (c.type) {
    case 'ConsumeStock':
      return consume(c, s);
    case 'CountStock':
      return count(c, s);
    case 'AdjustStock':
      return adjust(c, s);
    case 'QuarantineLot': {
      const lot = lotOf(s, c.lotNo);
      if (isDecision(lot)) return lot;
      return lot.quarantined
        ? reject('LotAlreadyQuarantined', `lot ${c.lotNo} is already quarantined`, 'lotNo')
        : accept(
            events.make('LotQuarantined', {
              stockId: s.stockId,
              itemId: s.itemId,
              locationId: s.locationId,
              lotNo: c.lotNo,
              reason: c.reason,
              quarantinedOn: c.quarantinedOn,
              qty: lot.qty,
            }),
          );
    }
    case 'ReleaseLot': {
      const lot = lotOf(s, c.lotNo);
      if (isDecision(lot)) return lot;
      return !lot.quarantined
        ? reject('LotNotQuarantined', `lot ${c.lotNo} is not quarantined`, 'lotNo')
        : accept(
            events.make('LotReleased', {
              stockId: s.stockId,
              lotNo: c.lotNo,
              releasedOn: c.releasedOn,
              basis: c.basis,
              releasedBy: c.releasedBy,
            }),
          );
    }
    case 'DisposeStock':
      return dispose(c, s);
    case 'TransferStock':
      return transfer(c, s);
    case 'FlagReorder':
      return flagReorder(c, s);
  }
};
