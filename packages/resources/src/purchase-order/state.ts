import type { POLine, PurchaseOrderEvent } from './events.js';

/** Where a purchase order stands. */
export type POStatus =
  'none' | 'draft' | 'submitted' | 'approved' | 'sent' | 'received' | 'closed' | 'cancelled';

/** A purchase order as its events left it. JSON-serialisable. */
export interface PurchaseOrder {
  readonly status: POStatus;
  readonly poId: string;
  readonly vendorId: string;
  readonly locationId: string;
  readonly budgetId: string;
  readonly category: string;
  readonly lines: readonly POLine[];
  readonly totalCents: number;
  /** Units received so far, by item. */
  readonly received: Readonly<Record<string, number>>;
  readonly receipts: readonly string[];
  /** The strategy initiative the order is for, if any. */
  readonly initiativeId?: string;
  /** Business dates of the lifecycle so far (a later step may not be dated before an earlier one). */
  readonly draftedOn?: string;
  readonly submittedOn?: string;
  readonly approvedOn?: string;
}

/** No order yet. */
export const initialState: PurchaseOrder = {
  status: 'none',
  poId: '',
  vendorId: '',
  locationId: '',
  budgetId: '',
  category: '',
  lines: [],
  totalCents: 0,
  received: {},
  receipts: [],
};

/** Applies one event. Pure. */
export const evolve = (s: PurchaseOrder, e: PurchaseOrderEvent): PurchaseOrder => {
  switch (e.type) {
    case 'PODrafted':
      return {
        ...initialState,
        status: 'draft',
        poId: e.data.poId,
        vendorId: e.data.vendorId,
        locationId: e.data.locationId,
        budgetId: e.data.budgetId,
        category: e.data.category,
        lines: e.data.lines,
        totalCents: e.data.totalCents,
        draftedOn: e.data.draftedOn,
        ...(e.data.initiativeId === undefined ? {} : { initiativeId: e.data.initiativeId }),
      };
    case 'POSubmitted':
      return { ...s, status: 'submitted', submittedOn: e.data.submittedOn };
    case 'POApproved':
      return { ...s, status: 'approved', approvedOn: e.data.approvedOn };
    case 'POSent':
      return { ...s, status: 'sent' };
    case 'POReceived': {
      const received = { ...s.received };
      for (const l of e.data.lines) received[l.itemId] = (received[l.itemId] ?? 0) + l.qty;
      return {
        ...s,
        received,
        receipts: [...s.receipts, e.data.receiptId],
        status: e.data.complete ? 'received' : s.status,
      };
    }
    case 'POClosed':
      return { ...s, status: 'closed' };
    case 'POCancelled':
      return { ...s, status: 'cancelled' };
  }
};
