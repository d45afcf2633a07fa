import * as t from 'io-ts';
import {
  command,
  defineCommands,
  ISODate,
  NonEmptyString,
  NonNegativeCents,
  NonNegativeInt,
  PositiveInt,
  type CommandOf,
} from '@praxis/core';
import { ControlledSchedule } from '../supply-item/events.js';
import {
  AdjustmentReason,
  ConsumptionPurpose,
  DisposalReason,
  QuarantineReason,
  SignedQty,
} from './events.js';

/** What a receipt needs to know of its SupplyItem (`null`: not registered). Frozen into the event. */
export const ItemFacts = t.union([
  t.type({
    perishable: t.boolean,
    discontinued: t.boolean,
    controlledSchedule: t.union([ControlledSchedule, t.null]),
  }),
  t.null,
]);
export type ItemFacts = t.TypeOf<typeof ItemFacts>;

/** What a reorder flag needs to know: the reorder line on the day, or `null` when the item has no policy. */
export const ReorderFacts = t.union([
  t.type({
    onHand: NonNegativeInt,
    position: NonNegativeInt,
    min: NonNegativeInt,
    max: NonNegativeInt,
    safetyStock: t.number,
    dailyMean: t.number,
    suggestedQty: NonNegativeInt,
    /** A reorder obligation for this stock is still open. */
    open: t.boolean,
  }),
  t.null,
]);
export type ReorderFacts = t.TypeOf<typeof ReorderFacts>;

/**
 * Every command of a Stock (`Stock-<itemId>-<locationId>`, see `stockIdOf`), as exact codecs.
 * The acting person (`…By`) comes from the call; facts (`item`, `deaRegistered`) are looked up by
 * the facade, never sent.
 */
export const commands = defineCommands('stockId', {
  /** Receive `qty` units of a lot at `unitCostCents` each. */
  ReceiveStock: command(
    {
      stockId: NonEmptyString,
      itemId: NonEmptyString,
      locationId: NonEmptyString,
      receiptId: NonEmptyString,
      lotNo: NonEmptyString,
      qty: PositiveInt,
      unitCostCents: NonNegativeCents,
      receivedOn: ISODate,
    },
    { poId: NonEmptyString, expiresOn: ISODate },
    { businessTime: 'receivedOn', facts: { item: ItemFacts } },
  ),
  /** Use `qty` units; without `lotNo` the lots are drawn first-expired-first-out. */
  ConsumeStock: command(
    { consumptionId: NonEmptyString, qty: PositiveInt, consumedOn: ISODate, purpose: ConsumptionPurpose },
    { appointmentId: NonEmptyString, lotNo: NonEmptyString },
    { businessTime: 'consumedOn', stamps: { consumedBy: 'actor' }, facts: { deaRegistered: t.boolean } },
  ),
  /** Record a physical count of some lots. */
  CountStock: command(
    {
      countId: NonEmptyString,
      countedOn: ISODate,
      lines: t.readonlyArray(t.type({ lotNo: NonEmptyString, counted: NonNegativeInt })),
    },
    {},
    { businessTime: 'countedOn', stamps: { countedBy: 'actor' } },
  ),
  /**
   * Correct a lot by a signed `qty`. `significant` marks a loss the practice judges significant
   * (a theft always is) — for a controlled item it opens the one-business-day DEA notice.
   */
  AdjustStock: command(
    {
      adjustmentId: NonEmptyString,
      lotNo: NonEmptyString,
      qty: SignedQty,
      reason: AdjustmentReason,
      adjustedOn: ISODate,
    },
    { significant: t.boolean },
    { businessTime: 'adjustedOn', stamps: { adjustedBy: 'actor' } },
  ),
  /** Hold a lot back from use. */
  QuarantineLot: command(
    { lotNo: NonEmptyString, reason: QuarantineReason, quarantinedOn: ISODate },
    {},
    { businessTime: 'quarantinedOn' },
  ),
  /** Release a quarantined lot, on a basis (manufacturer guidance, recall closed). */
  ReleaseLot: command(
    { lotNo: NonEmptyString, releasedOn: ISODate, basis: NonEmptyString },
    {},
    { businessTime: 'releasedOn', stamps: { releasedBy: 'actor' } },
  ),
  /** Destroy units of a lot; controlled items need two witnesses (DEA Form 41, 21 CFR 1317.95). */
  DisposeStock: command(
    {
      disposalId: NonEmptyString,
      lotNo: NonEmptyString,
      qty: PositiveInt,
      reason: DisposalReason,
      method: NonEmptyString,
      disposedOn: ISODate,
    },
    { witnesses: t.readonlyArray(NonEmptyString) },
    { businessTime: 'disposedOn', stamps: { disposedBy: 'actor' } },
  ),
  /**
   * Move units of a usable lot to another location of the practice (`SameLocation`, `LotQuarantined`,
   * `LotExpired`, `InsufficientStock`). The destination records the arrival (process manager).
   */
  TransferStock: command(
    {
      transferId: NonEmptyString,
      toLocationId: NonEmptyString,
      lotNo: NonEmptyString,
      qty: PositiveInt,
      transferredOn: ISODate,
    },
    {},
    { businessTime: 'transferredOn', stamps: { transferredBy: 'actor' } },
  ),
  /** Record units arriving from another location (issued by the transfer's process manager). */
  ReceiveTransfer: command(
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
    { businessTime: 'transferredOn' },
  ),
  /**
   * Flag that the position reached the reorder point on `flaggedOn` (issued by a process manager
   * after each movement; the numbers are facts from the reorder computation, never sent).
   */
  FlagReorder: command(
    { flaggedOn: ISODate },
    {},
    { businessTime: 'flaggedOn', facts: { reorder: ReorderFacts } },
  ),
});

/** Every Stock command, as `decide` sees it. */
export type StockCommand = CommandOf<typeof commands>;
