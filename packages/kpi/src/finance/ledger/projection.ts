import { DateTime } from 'luxon';
import type { DocUpdate, Json, Projection, ReadModelReader, RecordedEvent } from '@praxis/core';
import { exhaustive } from '@praxis/core';
import type { Budget, Overpayment } from '@praxis/finance';
import { Claim } from '@praxis/finance';
import { epochMs } from '../claims-projection.js';
import { entry, type JournalEntry } from './accounts.js';

/** Name of the general-ledger read model. */
export const LEDGER = 'finance-ledger';

/** The journal of one source aggregate (a claim or a budget): its entries, in order. */
export interface JournalDoc {
  readonly source: string;
  /** A claim: its payer and its charges as last posted (cents). */
  readonly payerId?: string;
  readonly charges?: number;
  /** A budget: its time zone (expenses are posted at the start of the day they were incurred). */
  readonly timeZone?: string;
  readonly entries: readonly JournalEntry[];
}

type ClaimData<T extends Claim.ClaimEvent['type']> = Extract<Claim.ClaimEvent, { type: T }>['data'];
type OverpaymentData<T extends Overpayment.OverpaymentEvent['type']> = Extract<
  Overpayment.OverpaymentEvent,
  { type: T }
>['data'];
type BudgetData<T extends Budget.BudgetEvent['type']> = Extract<Budget.BudgetEvent, { type: T }>['data'];

const base = (e: RecordedEvent, at: string, memo: string, n = 0) => ({
  id: `${e.eventId}:${n}`,
  at,
  t: epochMs(at),
  memo,
  streamId: e.streamId,
});

const post = (key: string, f: (d: JournalDoc) => JournalDoc): DocUpdate => ({
  key,
  update: (cur) => (cur === undefined ? undefined : (f(cur as unknown as JournalDoc) as unknown as Json)),
});
const append = (d: JournalDoc, ...entries: JournalEntry[]): JournalDoc => ({
  ...d,
  entries: [...d.entries, ...entries],
});

/** A change in a claim's charges: revenue recognised (or reversed) against A/R. */
const recharge = (e: RecordedEvent, d: JournalDoc, at: string, total: number, memo: string): JournalDoc => {
  const delta = total - (d.charges ?? 0);
  if (delta === 0) return d;
  const payer = d.payerId ?? '';
  const ar = { account: '1100', detail: payer } as const;
  const revenue = { account: '4000', detail: payer } as const;
  return {
    ...append(
      d,
      delta > 0
        ? entry(base(e, at, memo), delta, ar, revenue)
        : entry(base(e, at, memo), -delta, revenue, ar),
    ),
    charges: total,
  };
};

const claimKey = (claimId: string) => `journal:claim:${claimId}`;
const overpaymentKey = (overpaymentId: string) => `journal:overpayment:${overpaymentId}`;
const budgetKey = (budgetId: string) => `journal:budget:${budgetId}`;

const onClaim = (e: RecordedEvent): DocUpdate[] => {
  const type = e.type as Claim.ClaimEvent['type'];
  const claimId = (e.data as { claimId: string }).claimId;
  const key = claimKey(claimId);
  switch (type) {
    case 'ClaimChargesRegistered': {
      const x = e.data as ClaimData<'ClaimChargesRegistered'>;
      const doc: JournalDoc = { source: e.streamId, payerId: x.payerId, charges: 0, entries: [] };
      const posted = recharge(e, doc, x.at, Claim.chargesTotal(x.charges), `Charges on claim ${claimId}`);
      return [{ key, update: () => posted as unknown as Json }];
    }
    case 'ClaimChargesAdded': {
      const x = e.data as ClaimData<'ClaimChargesAdded'>;
      const more = Claim.chargesTotal(x.charges);
      return [
        post(key, (d) => recharge(e, d, x.at, (d.charges ?? 0) + more, `Charges added to claim ${claimId}`)),
      ];
    }
    case 'ClaimCreated': {
      const x = e.data as ClaimData<'ClaimCreated'>;
      return [post(key, (d) => recharge(e, d, x.at, x.totalCharges, `Claim ${claimId} created`))];
    }
    case 'ClaimCorrected': {
      const x = e.data as ClaimData<'ClaimCorrected'>;
      return [
        post(key, (d) => recharge(e, d, x.at, x.totalCharges, `Claim ${claimId} corrected: ${x.correction}`)),
      ];
    }
    case 'ClaimPaidByPayer': {
      const x = e.data as ClaimData<'ClaimPaidByPayer'>;
      return [
        post(key, (d) => {
          const ar = { account: '1100', detail: d.payerId ?? '' } as const;
          return append(
            d,
            ...(x.paid > 0
              ? [
                  entry(
                    base(e, x.at, `Payer payment ${x.paymentId} on claim ${claimId}`, 0),
                    x.paid,
                    { account: '1000', detail: d.payerId ?? '' },
                    ar,
                  ),
                ]
              : []),
            ...(x.contractualAdjustment > 0
              ? [
                  entry(
                    base(e, x.at, `Contractual adjustment on claim ${claimId}`, 1),
                    x.contractualAdjustment,
                    { account: '4100', detail: d.payerId ?? '' },
                    ar,
                  ),
                ]
              : []),
          );
        }),
      ];
    }
    case 'PayerPaymentReversed': {
      // The payment's entries, the other way round, dated when the payer took it back.
      const x = e.data as ClaimData<'PayerPaymentReversed'>;
      return [
        post(key, (d) => {
          const ar = { account: '1100', detail: d.payerId ?? '' } as const;
          return append(
            d,
            ...(x.paid > 0
              ? [
                  entry(
                    base(e, x.at, `Payer payment ${x.paymentId} on claim ${claimId} reversed`, 0),
                    x.paid,
                    ar,
                    { account: '1000', detail: d.payerId ?? '' },
                  ),
                ]
              : []),
            ...(x.contractualAdjustment > 0
              ? [
                  entry(
                    base(e, x.at, `Contractual adjustment on claim ${claimId} reversed`, 1),
                    x.contractualAdjustment,
                    ar,
                    { account: '4100', detail: d.payerId ?? '' },
                  ),
                ]
              : []),
          );
        }),
      ];
    }
    case 'PatientPaymentCollected': {
      const x = e.data as ClaimData<'PatientPaymentCollected'>;
      return [
        post(key, (d) =>
          append(
            d,
            entry(
              base(e, x.at, `Patient payment ${x.paymentId} on claim ${claimId}`),
              x.amount,
              { account: '1000', detail: 'patient' },
              { account: '1100', detail: d.payerId ?? '' },
            ),
          ),
        ),
      ];
    }
    case 'ClaimWrittenOff': {
      const x = e.data as ClaimData<'ClaimWrittenOff'>;
      return [
        post(key, (d) =>
          append(
            d,
            entry(
              base(e, x.at, `Write-off (${x.reason}) on claim ${claimId}`),
              x.amount,
              { account: '4200', detail: x.reason },
              { account: '1100', detail: d.payerId ?? '' },
            ),
          ),
        ),
      ];
    }
    // Status changes without money moving post nothing.
    case 'ClaimScrubbedClean':
    case 'ClaimHeld':
    case 'ClaimSubmitted':
    case 'ClaimAcceptedByPayer':
    case 'ClaimRejectedByPayer':
    case 'ClaimDenied':
    case 'ClaimAppealed':
    case 'PatientResponsibilityBilled':
    case 'ClaimEligibilityOverridden':
      return [];
    default:
      // Every claim event has its case: a new one fails to compile here until it is posted or ignored.
      return exhaustive(type, []);
  }
};

const onBudget = (e: RecordedEvent): DocUpdate[] => {
  const type = e.type as Budget.BudgetEvent['type'];
  switch (type) {
    case 'BudgetDrafted': {
      const x = e.data as BudgetData<'BudgetDrafted'>;
      const doc: JournalDoc = { source: e.streamId, timeZone: x.timeZone, entries: [] };
      return [{ key: budgetKey(x.budgetId), update: (cur) => cur ?? (doc as unknown as Json) }];
    }
    case 'BudgetExpenseRecorded': {
      const x = e.data as BudgetData<'BudgetExpenseRecorded'>;
      return [
        post(budgetKey(x.budgetId), (d) => {
          // an expense is dated by the day it was incurred (its start, in the budget's zone)
          const at = DateTime.fromISO(x.incurredOn, { zone: d.timeZone ?? 'UTC' }).toISO()!;
          return append(
            d,
            entry(
              base(e, at, `Expense ${x.expenseId} (${x.category}): ${x.description}`),
              x.amount,
              { account: '5000', detail: x.category },
              { account: '1000', detail: x.category },
            ),
          );
        }),
      ];
    }
    case 'BudgetExpenseCorrected': {
      // An increase is paid like an expense; a decrease (a vendor credit) comes back to cash.
      const x = e.data as BudgetData<'BudgetExpenseCorrected'>;
      return [
        post(budgetKey(x.budgetId), (d) => {
          const at = DateTime.fromISO(x.incurredOn, { zone: d.timeZone ?? 'UTC' }).toISO()!;
          const b = base(
            e,
            at,
            `Correction ${x.correctionId} of expense ${x.corrects} (${x.category}): ${x.reason}`,
          );
          const expense = { account: '5000', detail: x.category } as const;
          const cash = { account: '1000', detail: x.category } as const;
          return append(
            d,
            x.amount > 0 ? entry(b, x.amount, expense, cash) : entry(b, -x.amount, cash, expense),
          );
        }),
      ];
    }
    // Plans, approvals and variances move no money: only expenses are posted.
    case 'BudgetLineSet':
    case 'BudgetSubmitted':
    case 'BudgetReturned':
    case 'BudgetApproved':
    case 'BudgetRevised':
    case 'BudgetForecastRevised':
    case 'BudgetVarianceRequested':
    case 'BudgetVarianceApproved':
    case 'BudgetYearClosed':
      return [];
    default:
      return exhaustive(type, []);
  }
};

/** A change in what an overpayment owes: revenue given back, owed to the payer until refunded. */
const reowe = (e: RecordedEvent, d: JournalDoc, at: string, amount: number, memo: string): JournalDoc => {
  const delta = amount - (d.charges ?? 0);
  if (delta === 0) return d;
  const payer = d.payerId ?? '';
  const contra = { account: '4300', detail: payer } as const;
  const payable = { account: '2100', detail: payer } as const;
  return {
    ...append(
      d,
      delta > 0
        ? entry(base(e, at, memo), delta, contra, payable)
        : entry(base(e, at, memo), -delta, payable, contra),
    ),
    charges: amount,
  };
};

const onOverpayment = (e: RecordedEvent): DocUpdate[] => {
  const type = e.type as Overpayment.OverpaymentEvent['type'];
  switch (type) {
    case 'OverpaymentIdentified': {
      const x = e.data as OverpaymentData<'OverpaymentIdentified'>;
      // Dated at the start of the day it was identified (in the zone of the recording instant).
      const doc: JournalDoc = { source: e.streamId, payerId: x.payerId, charges: 0, entries: [] };
      const posted = reowe(
        e,
        doc,
        dayStart(e, x.identifiedOn),
        x.amount,
        `Overpayment ${x.overpaymentId} identified (${x.program})`,
      );
      return [{ key: overpaymentKey(x.overpaymentId), update: () => posted as unknown as Json }];
    }
    case 'OverpaymentInvestigationConcluded': {
      const x = e.data as OverpaymentData<'OverpaymentInvestigationConcluded'>;
      return [
        post(overpaymentKey(x.overpaymentId), (d) =>
          reowe(e, d, dayStart(e, x.concludedOn), x.amount, `Overpayment ${x.overpaymentId} quantified`),
        ),
      ];
    }
    case 'OverpaymentRefunded': {
      const x = e.data as OverpaymentData<'OverpaymentRefunded'>;
      return [
        post(overpaymentKey(x.overpaymentId), (d) =>
          append(
            d,
            entry(
              base(
                e,
                dayStart(e, x.refundedOn),
                `Refund ${x.refundId} of overpayment ${x.overpaymentId} (${x.method})`,
              ),
              x.amount,
              { account: '2100', detail: x.payerId },
              { account: '1000', detail: x.payerId },
            ),
          ),
        ),
      ];
    }
    case 'OverpaymentDeadlineSuspended':
    case 'OverpaymentReported':
      return [];
    default:
      return exhaustive(type, []);
  }
};

/** The start of a business day, in the offset of the instant the event was recorded at. */
const dayStart = (e: RecordedEvent, day: string): string => {
  const recorded = DateTime.fromISO(e.metadata.occurredAt, { setZone: true });
  return DateTime.fromISO(day, { zone: recorded.isValid ? recorded.zone : 'UTC' }).toISO()!;
};

/**
 * `finance-ledger`: the general ledger as a projection. Every financial event posts a
 * balanced journal entry, kept per source aggregate (`journal:claim:<id>`,
 * `journal:budget:<id>`):
 *
 * | event | debit | credit |
 * |---|---|---|
 * | charges registered, added, or raised by a correction | 1100 A/R (payer) | 4000 revenue (payer) |
 * | charges lowered by a correction | 4000 revenue | 1100 A/R |
 * | payer payment | 1000 cash | 1100 A/R |
 * | contractual adjustment | 4100 contractual adjustments (payer) | 1100 A/R |
 * | patient payment | 1000 cash | 1100 A/R |
 * | write-off | 4200 write-offs (reason) | 1100 A/R |
 * | budget expense | 5000 expenses (category) | 1000 cash (paid when incurred) |
 * | expense corrected up (down: the other way round) | 5000 expenses (category) | 1000 cash |
 * | overpayment identified (or quantified higher) | 4300 overpayment refunds (payer) | 2100 overpayments payable (payer) |
 * | overpayment refunded | 2100 overpayments payable | 1000 cash (payer) |
 *
 * The income statement, balance sheet and cash flow are all read from these entries, so they
 * reconcile by construction. Postings are dated by business time: a correction recorded in
 * April is posted in April, so a closed month is never reopened.
 */
export const ledgerProjection: Projection = {
  name: LEDGER,
  // 2: payer payment reversals; 3: overpayments
  version: 3,
  eventTypes: [
    'ClaimChargesRegistered',
    'ClaimChargesAdded',
    'ClaimCreated',
    'ClaimCorrected',
    'ClaimPaidByPayer',
    'PayerPaymentReversed',
    'PatientPaymentCollected',
    'ClaimWrittenOff',
    'BudgetDrafted',
    'BudgetExpenseRecorded',
    'BudgetExpenseCorrected',
    'OverpaymentIdentified',
    'OverpaymentInvestigationConcluded',
    'OverpaymentRefunded',
  ],
  handle: (e) =>
    e.type.startsWith('Budget')
      ? onBudget(e)
      : e.type.startsWith('Overpayment')
        ? onOverpayment(e)
        : onClaim(e),
};

/** Every journal entry of the ledger, in business-time order (then id). */
export const loadJournal = async (reader: ReadModelReader): Promise<JournalEntry[]> => {
  const out: JournalEntry[] = [];
  for await (const [, doc] of reader.list(LEDGER, 'journal:'))
    out.push(...(doc as unknown as JournalDoc).entries);
  return out.sort((a, b) => a.t - b.t || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
};
