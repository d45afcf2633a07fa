import * as t from 'io-ts';
import {
  ISODate,
  NonEmptyString,
  NonNegativeCents,
  PositiveInt,
  defineEvents,
  struct,
  type EventOf,
} from '@praxis/core';

/** One ordered line: units of an item at a unit price (cents). */
export const POLine = t.type({ itemId: NonEmptyString, qty: PositiveInt, unitPriceCents: NonNegativeCents });
export type POLine = t.TypeOf<typeof POLine>;

/** One received line, priced from the order. */
export const ReceivedLine = struct(
  {
    itemId: NonEmptyString,
    qty: PositiveInt,
    lotNo: NonEmptyString,
    unitPriceCents: NonNegativeCents,
    amountCents: NonNegativeCents,
  },
  { expiresOn: ISODate },
);
export type ReceivedLine = t.TypeOf<typeof ReceivedLine>;

/** Every event of a PurchaseOrder (MODULES.md §3.3 R3). Money in integer cents. */
export const events = defineEvents({
  /** A purchase order was drafted against a budget line (`budgetId` + `category`). */
  PODrafted: struct(
    {
      poId: NonEmptyString,
      vendorId: NonEmptyString,
      locationId: NonEmptyString,
      budgetId: NonEmptyString,
      category: NonEmptyString,
      lines: t.readonlyArray(POLine),
      totalCents: NonNegativeCents,
      draftedOn: ISODate,
      draftedBy: NonEmptyString,
    },
    /** The strategy initiative the order is for (on its own budget line). */
    { initiativeId: NonEmptyString },
  ),
  POSubmitted: t.type({ poId: NonEmptyString, submittedOn: ISODate, submittedBy: NonEmptyString }),
  /**
   * Approved: the approver's role and limit, and the budget line's headroom when approved, are
   * frozen here (headroom = line total + approved variances − expenses − other open commitments).
   */
  POApproved: struct(
    {
      poId: NonEmptyString,
      approvedOn: ISODate,
      approvedBy: NonEmptyString,
      approverRole: NonEmptyString,
      totalCents: NonNegativeCents,
      budgetId: NonEmptyString,
      category: NonEmptyString,
      locationId: NonEmptyString,
      lines: t.readonlyArray(POLine),
      headroomCents: t.number,
    },
    { approvalLimitCents: NonNegativeCents },
  ),
  POSent: t.type({ poId: NonEmptyString, sentOn: ISODate }),
  /** Goods arrived: a process manager stocks each lot and posts the expense to the budget line. */
  POReceived: struct(
    {
      poId: NonEmptyString,
      receiptId: NonEmptyString,
      receivedOn: ISODate,
      receivedBy: NonEmptyString,
      vendorId: NonEmptyString,
      locationId: NonEmptyString,
      budgetId: NonEmptyString,
      category: NonEmptyString,
      lines: t.readonlyArray(ReceivedLine),
      amountCents: NonNegativeCents,
      /** True when every ordered unit has now arrived. */
      complete: t.boolean,
    },
    /** The initiative of the order: its expense is the initiative's spending. */
    { initiativeId: NonEmptyString },
  ),
  /** Closed: what was not received is no longer expected (its commitment is released). */
  POClosed: t.type({
    poId: NonEmptyString,
    budgetId: NonEmptyString,
    category: NonEmptyString,
    locationId: NonEmptyString,
    itemIds: t.readonlyArray(NonEmptyString),
    closedOn: ISODate,
  }),
  POCancelled: t.type({
    poId: NonEmptyString,
    budgetId: NonEmptyString,
    category: NonEmptyString,
    locationId: NonEmptyString,
    itemIds: t.readonlyArray(NonEmptyString),
    cancelledOn: ISODate,
    reason: NonEmptyString,
  }),
});

/** Every PurchaseOrder event. */
export type PurchaseOrderEvent = EventOf<typeof events>;
