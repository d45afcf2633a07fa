import { accept, reject, type Decision } from '@praxis/core';
import type { PurchaseOrderCommand } from './commands.js';
import { events, type PurchaseOrderEvent, type ReceivedLine } from './events.js';
import type { PurchaseOrder } from './state.js';
export type { PurchaseOrderCommand } from './commands.js';

type D = Decision<PurchaseOrderEvent>;
type Cmd<K extends PurchaseOrderCommand['type']> = Extract<PurchaseOrderCommand, { type: K }>;

/**
 * A step dated before the step it follows is refused (`code`, naming `field`): an order is not
 * approved before it was submitted, nor received before it was approved. `since` undefined (an
 * order recorded before these dates were kept in the state) checks nothing.
 */
const notBefore = (
  on: string,
  field: string,
  since: string | undefined,
  code:
    'SubmittedBeforeDrafted' | 'ApprovedBeforeSubmitted' | 'SentBeforeApproved' | 'ReceivedBeforeApproved',
  what: string,
): D | undefined =>
  since !== undefined && on < since
    ? reject(code, `${field} ${on} is before the order was ${what} on ${since}`, field)
    : undefined;

/** A draft has at least one line and names each item once. */
const draft = (c: Cmd<'DraftPO'>, s: PurchaseOrder): D => {
  if (s.status !== 'none') return reject('POAlreadyExists', `purchase order ${c.poId} exists`, 'poId');
  if (c.lines.length === 0) return reject('NoLines', 'a purchase order needs at least one line', 'lines');
  const seen = new Set<string>();
  for (const [i, l] of c.lines.entries()) {
    if (seen.has(l.itemId))
      return reject('DuplicateLine', `${l.itemId} is ordered twice`, `lines.${i}.itemId`);
    seen.add(l.itemId);
  }
  if (c.initiativeId !== undefined) {
    const i = c.initiative;
    if (i === null)
      return reject('UnknownInitiative', `no initiative ${c.initiativeId.slice(0, 60)}`, 'initiativeId');
    if (i.status !== 'approved')
      return reject('InitiativeNotApproved', `initiative is ${i.status}, not approved`, 'initiativeId');
    if (i.budgetId !== c.budgetId || i.category !== c.category)
      return reject(
        'InitiativeLineMismatch',
        `the initiative spends against ${i.budgetId.slice(0, 60)}/${i.category.slice(0, 60)}`,
        'category',
      );
  }
  return accept(
    events.make('PODrafted', {
      poId: c.poId,
      vendorId: c.vendorId,
      locationId: c.locationId,
      budgetId: c.budgetId,
      category: c.category,
      lines: c.lines,
      totalCents: c.lines.reduce((n, l) => n + l.qty * l.unitPriceCents, 0),
      draftedOn: c.draftedOn,
      draftedBy: c.draftedBy,
      ...(c.initiativeId === undefined ? {} : { initiativeId: c.initiativeId }),
    }),
  );
};

/**
 * Approval (MODULES.md §3.3 R3): a submitted order (`PONotSubmitted`), within the approver's
 * limit (`ApprovalLimitExceeded`; `null` = no limit, the practice manager) and the budget line's
 * headroom — line total + approved variances − expenses − other open commitments ≥ PO total
 * (`BudgetLineExhausted`); the budget must be approved (`BudgetNotApproved`). Both facts are
 * frozen into `POApproved`.
 */
const approve = (c: Cmd<'ApprovePO'>, s: PurchaseOrder): D => {
  if (s.status !== 'submitted') return reject('PONotSubmitted', `purchase order ${s.poId} is ${s.status}`);
  const early = notBefore(
    c.approvedOn,
    'approvedOn',
    s.submittedOn ?? s.draftedOn,
    'ApprovedBeforeSubmitted',
    'submitted',
  );
  if (early !== undefined) return early;
  if (c.approvalLimitCents !== null && s.totalCents > c.approvalLimitCents)
    return reject(
      'ApprovalLimitExceeded',
      `${s.totalCents} cents is above the ${c.approverRole} approval limit of ${c.approvalLimitCents} cents`,
      'approvedBy',
    );
  const room = c.budgetRoom;
  if (room === null) return reject('BudgetNotFound', `no budget ${s.budgetId}`, 'budgetId');
  if (room.status !== 'approved')
    return reject('BudgetNotApproved', `budget ${s.budgetId} is ${room.status}, not approved`, 'budgetId');
  if (!room.lineExists)
    return reject('BudgetLineNotFound', `budget ${s.budgetId} has no ${s.category} line`, 'category');
  if (room.headroomCents < s.totalCents)
    return reject(
      'BudgetLineExhausted',
      `${s.category} has ${room.headroomCents} cents of room, the order needs ${s.totalCents}: approve a budget variance first`,
      'category',
    );
  return accept(
    events.make('POApproved', {
      poId: s.poId,
      approvedOn: c.approvedOn,
      approvedBy: c.approvedBy,
      approverRole: c.approverRole,
      totalCents: s.totalCents,
      budgetId: s.budgetId,
      category: s.category,
      locationId: s.locationId,
      lines: s.lines,
      headroomCents: room.headroomCents,
      ...(c.approvalLimitCents === null ? {} : { approvalLimitCents: c.approvalLimitCents }),
    }),
  );
};

/**
 * Goods received against an approved or sent order; per item never more than ordered
 * (`OverReceipt`); each lot shelvable: not expired on the receipt day (`LotExpired`), with an
 * expiry when the item is perishable (`ExpiryRequired`), both naming `lines.<i>.expiresOn`.
 */
const receive = (c: Cmd<'ReceivePO'>, s: PurchaseOrder): D => {
  if (s.status !== 'approved' && s.status !== 'sent')
    return reject('PONotApproved', `purchase order ${s.poId} is ${s.status}`);
  if (s.receipts.includes(c.receiptId))
    return reject('ReceiptAlreadyRecorded', `receipt ${c.receiptId} is recorded`, 'receiptId');
  const early = notBefore(c.receivedOn, 'receivedOn', s.approvedOn, 'ReceivedBeforeApproved', 'approved');
  if (early !== undefined) return early;
  if (c.lines.length === 0) return reject('NoLines', 'a receipt needs at least one line', 'lines');
  const received = { ...s.received };
  const lines: ReceivedLine[] = [];
  for (const [i, l] of c.lines.entries()) {
    const ordered = s.lines.find((o) => o.itemId === l.itemId);
    if (ordered === undefined)
      return reject('ItemNotOnOrder', `${l.itemId} is not on order ${s.poId}`, `lines.${i}.itemId`);
    // Stock refuses such a lot (stock/decide.ts `receive`): refuse the receipt before it is charged.
    if (l.expiresOn === undefined && c.perishableItemIds.includes(l.itemId))
      return reject(
        'ExpiryRequired',
        `${l.itemId} is perishable: give lot ${l.lotNo}'s expiry date`,
        `lines.${i}.expiresOn`,
      );
    if (l.expiresOn !== undefined && l.expiresOn < c.receivedOn)
      return reject(
        'LotExpired',
        `lot ${l.lotNo} expired on ${l.expiresOn}, before it was received: refuse the delivery or return it`,
        `lines.${i}.expiresOn`,
      );
    received[l.itemId] = (received[l.itemId] ?? 0) + l.qty;
    if (received[l.itemId]! > ordered.qty)
      return reject(
        'OverReceipt',
        `${received[l.itemId]} of ${l.itemId} received, ${ordered.qty} ordered`,
        `lines.${i}.qty`,
      );
    lines.push({
      itemId: l.itemId,
      qty: l.qty,
      lotNo: l.lotNo,
      unitPriceCents: ordered.unitPriceCents,
      amountCents: l.qty * ordered.unitPriceCents,
      ...(l.expiresOn === undefined ? {} : { expiresOn: l.expiresOn }),
    });
  }
  return accept(
    events.make('POReceived', {
      poId: s.poId,
      receiptId: c.receiptId,
      receivedOn: c.receivedOn,
      receivedBy: c.receivedBy,
      vendorId: s.vendorId,
      locationId: s.locationId,
      budgetId: s.budgetId,
      category: s.category,
      lines,
      amountCents: lines.reduce((n, l) => n + l.amountCents, 0),
      complete: s.lines.every((o) => (received[o.itemId] ?? 0) >= o.qty),
      ...(s.initiativeId === undefined ? {} : { initiativeId: s.initiativeId }),
    }),
  );
};

const ends = (s: PurchaseOrder) => ({
  poId: s.poId,
  budgetId: s.budgetId,
  category: s.category,
  locationId: s.locationId,
  itemIds: s.lines.map((l) => l.itemId),
});

/** Decides a PurchaseOrder command. Pure. */
export const decide = (c: PurchaseOrderCommand, s: PurchaseOrder): D => {
  if (c.type === 'DraftPO') return draft(c, s);
  if (s.status === 'none') return reject('PONotFound', 'draft the purchase order first', 'poId');
  switch (c.type) {
    case 'SubmitPO':
      return s.status !== 'draft'
        ? reject('PONotDraft', `purchase order ${s.poId} is ${s.status}`)
        : (notBefore(c.submittedOn, 'submittedOn', s.draftedOn, 'SubmittedBeforeDrafted', 'drafted') ??
            accept(
              events.make('POSubmitted', {
                poId: s.poId,
                submittedOn: c.submittedOn,
                submittedBy: c.submittedBy,
              }),
            ));
    case 'ApprovePO':
      return approve(c, s);
    case 'SendPO':
      return s.status !== 'approved'
        ? reject('PONotApproved', `purchase order ${s.poId} is ${s.status}`)
        : (notBefore(c.sentOn, 'sentOn', s.approvedOn, 'SentBeforeApproved', 'approved') ??
            accept(events.make('POSent', { poId: s.poId, sentOn: c.sentOn })));
    case 'ReceivePO':
      return receive(c, s);
    case 'ClosePO':
      return s.status === 'closed' || s.status === 'cancelled'
        ? reject('POClosed', `purchase order ${s.poId} is ${s.status}`)
        : accept(events.make('POClosed', { ...ends(s), closedOn: c.closedOn }));
    case 'CancelPO':
      return s.status === 'closed' || s.status === 'cancelled'
        ? reject('POClosed', `purchase order ${s.poId} is ${s.status}`)
        : s.receipts.length > 0
          ? reject('POPartlyReceived', 'goods were received: close the order instead')
          : accept(
              events.make('POCancelled', {
                ...ends(s),
                cancelledOn: c.cancelledOn,
                reason: c.reason,
              }),
            );
  }
};
