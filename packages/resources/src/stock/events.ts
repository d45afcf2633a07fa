import * as t from 'io-ts';
import {
  Cents,
  ISODate,
  NonEmptyString,
  NonNegativeCents,
  NonNegativeInt,
  PositiveInt,
  defineEvents,
  struct,
  type EventOf,
} from '@praxis/core';
import { ControlledSchedule } from '../supply-item/events.js';

/** Why stock was used. */
export const ConsumptionPurpose = t.keyof({ procedure: null, dispense: null, internal: null });
/** Why a quantity was corrected outside a count. */
export const AdjustmentReason = t.keyof({ damage: null, theft: null, loss: null, correction: null });
/** Why a lot is held back from use. */
export const QuarantineReason = t.keyof({ 'temperature-excursion': null, recall: null, damage: null });
/** Why stock was destroyed. */
export const DisposalReason = t.keyof({ expired: null, damaged: null, recalled: null, excursion: null });
export type DisposalReason = t.TypeOf<typeof DisposalReason>;

/** A signed, non-zero whole number of units (an adjustment: − removes, + adds). */
export const SignedQty = t.refinement(t.number, (n) => Number.isSafeInteger(n) && n !== 0, 'SignedQty');

/** One lot's share of a consumption: units, their cost (cents, the lot's unit cost × units), units left. */
export const LotDraw = t.type({
  lotNo: NonEmptyString,
  qty: PositiveInt,
  costCents: NonNegativeCents,
  /** Units of the lot left after the draw. */
  left: NonNegativeInt,
});
export type LotDraw = t.TypeOf<typeof LotDraw>;

/** One counted lot: what the stock said, what was counted, and the difference (counted − expected). */
export const CountVariance = t.type({
  lotNo: NonEmptyString,
  expected: NonNegativeInt,
  counted: NonNegativeInt,
  variance: t.number,
});

/**
 * Every event of a Stock (one item at one location, by lot; MODULES.md §3.3 R2). Quantities are
 * in the item's unit; money in integer cents.
 */
export const events = defineEvents({
  /** Units of one lot arrived (from a purchase order when `poId` is set). */
  StockReceived: struct(
    {
      stockId: NonEmptyString,
      itemId: NonEmptyString,
      locationId: NonEmptyString,
      receiptId: NonEmptyString,
      lotNo: NonEmptyString,
      qty: PositiveInt,
      unitCostCents: NonNegativeCents,
      receivedOn: ISODate,
      /** Frozen from the SupplyItem at receipt. */
      perishable: t.boolean,
    },
    { poId: NonEmptyString, expiresOn: ISODate, controlledSchedule: ControlledSchedule },
  ),
  /** Units were used, drawn from the lots listed (first-expired-first-out unless a lot was named). */
  StockConsumed: struct(
    {
      stockId: NonEmptyString,
      itemId: NonEmptyString,
      locationId: NonEmptyString,
      consumptionId: NonEmptyString,
      qty: PositiveInt,
      consumedOn: ISODate,
      purpose: ConsumptionPurpose,
      lots: t.readonlyArray(LotDraw),
      /** Cost of the units consumed (cents). */
      costCents: NonNegativeCents,
      /** True when no lot was named and the lots were chosen first-expired-first-out. */
      fefo: t.boolean,
      consumedBy: NonEmptyString,
    },
    { appointmentId: NonEmptyString, controlledSchedule: ControlledSchedule },
  ),
  /** A physical count: each counted lot now holds what was counted. */
  StockCounted: t.type({
    stockId: NonEmptyString,
    countId: NonEmptyString,
    countedOn: ISODate,
    countedBy: NonEmptyString,
    variances: t.readonlyArray(CountVariance),
    /** Value of the variances (cents, signed: each lot's unit cost × its variance). */
    valueCents: Cents,
  }),
  /** A lot's quantity was corrected (`qty` signed: − for damage, theft, loss). */
  StockAdjusted: struct(
    {
      stockId: NonEmptyString,
      itemId: NonEmptyString,
      locationId: NonEmptyString,
      adjustmentId: NonEmptyString,
      lotNo: NonEmptyString,
      qty: SignedQty,
      reason: AdjustmentReason,
      adjustedOn: ISODate,
      adjustedBy: NonEmptyString,
      /** Value of the change (cents, signed like qty). */
      costCents: Cents,
      /** Units of the lot left after the adjustment. */
      left: NonNegativeInt,
      /** A theft, or a loss the practice judged significant (21 CFR 1301.76(b)). */
      significant: t.boolean,
    },
    { controlledSchedule: ControlledSchedule },
  ),
  /** A lot may not be used until released. */
  LotQuarantined: t.type({
    stockId: NonEmptyString,
    itemId: NonEmptyString,
    locationId: NonEmptyString,
    lotNo: NonEmptyString,
    reason: QuarantineReason,
    quarantinedOn: ISODate,
    qty: NonNegativeInt,
  }),
  /** A quarantined lot may be used again, on the stated basis. */
  LotReleased: t.type({
    stockId: NonEmptyString,
    lotNo: NonEmptyString,
    releasedOn: ISODate,
    basis: NonEmptyString,
    releasedBy: NonEmptyString,
  }),
  /** Units of a lot were destroyed (controlled: the DEA Form 41 record with its witnesses). */
  StockDisposed: struct(
    {
      stockId: NonEmptyString,
      itemId: NonEmptyString,
      locationId: NonEmptyString,
      disposalId: NonEmptyString,
      lotNo: NonEmptyString,
      qty: PositiveInt,
      reason: DisposalReason,
      method: NonEmptyString,
      disposedOn: ISODate,
      disposedBy: NonEmptyString,
      witnesses: t.readonlyArray(NonEmptyString),
      costCents: NonNegativeCents,
      /** Units of the lot left after the disposal. */
      left: NonNegativeInt,
    },
    { controlledSchedule: ControlledSchedule },
  ),
  /**
   * Units of a lot left for another location (`toStockId`); the lot keeps its expiry and unit cost.
   * The receiving stock records `StockTransferredIn` (process manager, caused by this event).
   */
  StockTransferredOut: struct(
    {
      stockId: NonEmptyString,
      itemId: NonEmptyString,
      locationId: NonEmptyString,
      transferId: NonEmptyString,
      toLocationId: NonEmptyString,
      toStockId: NonEmptyString,
      lotNo: NonEmptyString,
      qty: PositiveInt,
      unitCostCents: NonNegativeCents,
      transferredOn: ISODate,
      transferredBy: NonEmptyString,
      /** Units of the lot left here after the transfer. */
      left: NonNegativeInt,
      perishable: t.boolean,
    },
    { expiresOn: ISODate, controlledSchedule: ControlledSchedule },
  ),
  /** Units of a lot arrived from another location of the practice. */
  StockTransferredIn: struct(
    {
      stockId: NonEmptyString,
      itemId: NonEmptyString,
      locationId: NonEmptyString,
      transferId: NonEmptyString,
      fromStockId: NonEmptyString,
      fromLocationId: NonEmptyString,
      lotNo: NonEmptyString,
      qty: PositiveInt,
      unitCostCents: NonNegativeCents,
      transferredOn: ISODate,
      perishable: t.boolean,
    },
    { expiresOn: ISODate, controlledSchedule: ControlledSchedule },
  ),
  /**
   * The inventory position fell to the reorder point (MODULES.md §3.3 "Obligations"): the numbers
   * of the reorder computation on that day, frozen, and `dueOn` — the day on-hand units would reach
   * the safety stock at the mean daily use (d̄).
   */
  ReorderPointReached: t.type({
    stockId: NonEmptyString,
    itemId: NonEmptyString,
    locationId: NonEmptyString,
    flaggedOn: ISODate,
    onHand: NonNegativeInt,
    position: NonNegativeInt,
    min: NonNegativeInt,
    max: NonNegativeInt,
    safetyStock: t.number,
    dailyMean: t.number,
    suggestedQty: NonNegativeInt,
    dueOn: ISODate,
  }),
});

/** Every Stock event. */
export type StockEvent = EventOf<typeof events>;
