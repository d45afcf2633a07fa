import type { DocUpdate, Json, Projection, RecordedEvent, ReadModelReader } from '@praxis/core';
import type { PurchaseOrderEvent } from '../purchase-order/events.js';

/** The name of the purchasing read model. */
export const resourcesPurchasingName = 'resources-purchasing';

/** A purchase order in the read model (`po:<poId>`). Money in cents. */
export interface PODoc {
  readonly poId: string;
  readonly status: string;
  readonly vendorId: string;
  readonly locationId: string;
  readonly budgetId: string;
  readonly category: string;
  readonly totalCents: number;
  readonly receivedCents: number;
  readonly draftedOn: string;
  readonly approvedOn: string | null;
  /** The day the last ordered unit arrived (the end of the PO cycle). */
  readonly completedOn: string | null;
  /** Units ordered and received, by item (for the fill rate). */
  readonly ordered: Readonly<Record<string, number>>;
  readonly received: Readonly<Record<string, number>>;
}

/**
 * Open commitments on a budget line (`commitments:<budgetId>:<category>`): per approved PO, the
 * value ordered and not yet received (cents). Closing or cancelling a PO releases its commitment.
 */
export type CommitmentsDoc = Readonly<Record<string, number>>;

export const purchasingKeys = {
  po: (poId: string) => `po:${poId}`,
  commitments: (budgetId: string, category: string) => `commitments:${budgetId}:${category}`,
};

type Data<K extends PurchaseOrderEvent['type']> = Extract<PurchaseOrderEvent, { type: K }>['data'];
const patchPo = (poId: string, f: (d: PODoc) => PODoc): DocUpdate => ({
  key: purchasingKeys.po(poId),
  update: (cur) => (cur === undefined ? cur : (f(cur as unknown as PODoc) as unknown as Json)),
});
const commit = (
  budgetId: string,
  category: string,
  poId: string,
  f: (open: number | undefined) => number | undefined,
): DocUpdate => ({
  key: purchasingKeys.commitments(budgetId, category),
  update: (cur) => {
    const doc = { ...((cur as CommitmentsDoc | undefined) ?? {}) };
    const next = f(doc[poId]);
    if (next === undefined || next <= 0) delete doc[poId];
    else doc[poId] = next;
    return doc as unknown as Json;
  },
});

const handlers: Record<string, (e: RecordedEvent) => DocUpdate[]> = {
  PODrafted: (e) => {
    const d = e.data as Data<'PODrafted'>;
    const doc: PODoc = {
      poId: d.poId,
      status: 'draft',
      vendorId: d.vendorId,
      locationId: d.locationId,
      budgetId: d.budgetId,
      category: d.category,
      totalCents: d.totalCents,
      receivedCents: 0,
      draftedOn: d.draftedOn,
      approvedOn: null,
      completedOn: null,
      ordered: Object.fromEntries(d.lines.map((l) => [l.itemId, l.qty])),
      received: {},
    };
    return [{ key: purchasingKeys.po(d.poId), update: () => doc as unknown as Json }];
  },
  POSubmitted: (e) => [patchPo((e.data as Data<'POSubmitted'>).poId, (p) => ({ ...p, status: 'submitted' }))],
  POApproved: (e) => {
    const d = e.data as Data<'POApproved'>;
    return [
      patchPo(d.poId, (p) => ({ ...p, status: 'approved', approvedOn: d.approvedOn })),
      commit(d.budgetId, d.category, d.poId, () => d.totalCents),
    ];
  },
  POSent: (e) => [patchPo((e.data as Data<'POSent'>).poId, (p) => ({ ...p, status: 'sent' }))],
  POReceived: (e) => {
    const d = e.data as Data<'POReceived'>;
    return [
      patchPo(d.poId, (p) => {
        const received = { ...p.received };
        for (const l of d.lines) received[l.itemId] = (received[l.itemId] ?? 0) + l.qty;
        return {
          ...p,
          received,
          receivedCents: p.receivedCents + d.amountCents,
          ...(d.complete ? { status: 'received', completedOn: d.receivedOn } : {}),
        };
      }),
      commit(d.budgetId, d.category, d.poId, (open) => (open ?? 0) - d.amountCents),
    ];
  },
  POClosed: (e) => {
    const d = e.data as Data<'POClosed'>;
    return [
      patchPo(d.poId, (p) => ({ ...p, status: 'closed' })),
      commit(d.budgetId, d.category, d.poId, () => undefined),
    ];
  },
  POCancelled: (e) => {
    const d = e.data as Data<'POCancelled'>;
    return [
      patchPo(d.poId, (p) => ({ ...p, status: 'cancelled' })),
      commit(d.budgetId, d.category, d.poId, () => undefined),
    ];
  },
};

/**
 * The `resources-purchasing` read model: purchase orders (`po:<poId>`) and the open commitments
 * on each budget line (`commitments:<budgetId>:<category>`).
 */
export const resourcesPurchasing: Projection = {
  name: resourcesPurchasingName,
  version: 1,
  eventTypes: Object.keys(handlers),
  handle: (e) => handlers[e.type]?.(e) ?? [],
};

/** Open commitments on a budget line (cents), leaving out `exceptPoId`. */
export const openCommitments = async (
  reader: ReadModelReader,
  budgetId: string,
  category: string,
  exceptPoId?: string,
): Promise<number> => {
  const doc = (await reader.get(resourcesPurchasingName, purchasingKeys.commitments(budgetId, category))) as
    CommitmentsDoc | undefined;
  return Object.entries(doc ?? {}).reduce((n, [po, c]) => (po === exceptPoId ? n : n + c), 0);
};
