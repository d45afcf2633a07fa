import * as t from 'io-ts';
import { Budget } from '@praxis/finance';
import { command, defineCommands, ISODate, NonEmptyString, PositiveInt, type CommandOf } from '@praxis/core';
import { POLine } from './events.js';

/**
 * The budget line a PO is approved against, as the facade finds it (`null`: no such budget):
 * its status and headroom in cents = line total + approved variances − expenses − open
 * commitments of other approved POs on the line.
 */
export const BudgetRoom = t.union([
  t.type({ status: t.string, lineExists: t.boolean, headroomCents: t.number }),
  t.null,
]);
export type BudgetRoom = t.TypeOf<typeof BudgetRoom>;

/**
 * Every command of a PurchaseOrder, as exact codecs. Who acts comes from the call; the facts
 * (`approvalLimitCents`, `budgetRoom`) are looked up by the facade.
 */
export const commands = defineCommands('poId', {
  /**
   * Draft an order of lines (units × unit price in cents) against a budget line, for a location.
   * With `initiativeId`, an order for a strategy initiative: only on the initiative's own line
   * (fact `initiative`; `UnknownInitiative`, `InitiativeNotApproved`, `InitiativeLineMismatch`).
   */
  DraftPO: command(
    {
      poId: NonEmptyString,
      vendorId: NonEmptyString,
      locationId: NonEmptyString,
      budgetId: NonEmptyString,
      category: NonEmptyString,
      lines: t.readonlyArray(POLine),
      draftedOn: ISODate,
    },
    { initiativeId: NonEmptyString },
    {
      businessTime: 'draftedOn',
      stamps: { draftedBy: 'actor' },
      facts: { initiative: Budget.InitiativeLine },
    },
  ),
  SubmitPO: command(
    { submittedOn: ISODate },
    {},
    { businessTime: 'submittedOn', stamps: { submittedBy: 'actor' } },
  ),
  /**
   * Approve within the approver's limit (`ApprovalLimitExceeded`) and the budget line's headroom
   * (`BudgetLineExhausted`; an approved budget variance adds headroom).
   */
  ApprovePO: command(
    // poId is listed so the fact provider sees which order it prices (the id field is not passed on otherwise).
    { poId: NonEmptyString, approvedOn: ISODate },
    {},
    {
      businessTime: 'approvedOn',
      stamps: { approvedBy: 'actor', approverRole: 'role' },
      facts: { approvalLimitCents: t.union([t.number, t.null]), budgetRoom: BudgetRoom },
    },
  ),
  SendPO: command({ sentOn: ISODate }, {}, { businessTime: 'sentOn' }),
  /**
   * Record goods received: each line's lot (and expiry for perishables); never more than ordered.
   * A lot that has already expired (`LotExpired`) or a perishable one without an expiry
   * (`ExpiryRequired`) is refused here, naming the line, so nothing is charged for stock that
   * could not be shelved. Fact `perishableItemIds`: the lines' items registered as perishable.
   */
  ReceivePO: command(
    {
      receiptId: NonEmptyString,
      receivedOn: ISODate,
      lines: t.readonlyArray(
        t.intersection([
          t.type({ itemId: NonEmptyString, qty: PositiveInt, lotNo: NonEmptyString }),
          t.partial({ expiresOn: ISODate }),
        ]),
      ),
    },
    {},
    {
      businessTime: 'receivedOn',
      stamps: { receivedBy: 'actor' },
      facts: { perishableItemIds: t.readonlyArray(t.string) },
    },
  ),
  ClosePO: command({ closedOn: ISODate }, {}, { businessTime: 'closedOn' }),
  CancelPO: command({ cancelledOn: ISODate, reason: NonEmptyString }, {}, { businessTime: 'cancelledOn' }),
});

/** Every PurchaseOrder command, as `decide` sees it. */
export type PurchaseOrderCommand = CommandOf<typeof commands>;
