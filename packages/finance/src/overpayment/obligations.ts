import {
  defineKpis,
  obligationKey,
  type DocUpdate,
  type Json,
  type KpiContext,
  type Obligation,
  type Projection,
} from '@praxis/core';
import type { OverpaymentEvent } from './events.js';

/** Name of the overpayment obligations read model (shown by `practice.calendar()`). */
export const overpaymentObligationsName = 'overpayment-obligations';

/** The report-and-return duty of one overpayment, with what is owed and returned (cents). */
export interface OverpaymentObligation extends Obligation {
  readonly program: string;
  readonly payerId: string;
  readonly amount: number;
  readonly refunded: number;
  /** Each refund's day and amount (cents). */
  readonly refunds: readonly { readonly refundedOn: string; readonly amount: number }[];
  readonly reportedOn?: string;
}

type Data<K extends OverpaymentEvent['type']> = Extract<OverpaymentEvent, { type: K }>['data'];
/** Id of an overpayment's report-and-return obligation. */
export const overpaymentObligationId = (overpaymentId: string): string => `overpayment:${overpaymentId}`;

const edit = (id: string, f: (o: OverpaymentObligation) => OverpaymentObligation): DocUpdate => ({
  key: obligationKey(overpaymentObligationId(id)),
  update: (cur) =>
    cur === undefined ? undefined : (f(cur as unknown as OverpaymentObligation) as unknown as Json),
});

/**
 * `overpayment-obligations`: each identified Medicare or Medicaid overpayment's duty to report
 * and return it (`overpayment:<id>`, kind `overpayment-return`, impact `legal`): arises on
 * identification, due 60 days later (or as the suspension for an investigation moves it), met
 * on the day the refunds reach the amount owed.
 */
export const overpaymentObligations: Projection = {
  name: overpaymentObligationsName,
  version: 1,
  eventTypes: [
    'OverpaymentIdentified',
    'OverpaymentDeadlineSuspended',
    'OverpaymentInvestigationConcluded',
    'OverpaymentReported',
    'OverpaymentRefunded',
  ],
  handle: (e) => {
    switch (e.type as OverpaymentEvent['type']) {
      case 'OverpaymentIdentified': {
        const d = e.data as Data<'OverpaymentIdentified'>;
        const o: OverpaymentObligation = {
          id: overpaymentObligationId(d.overpaymentId),
          module: 'finance',
          kind: 'overpayment-return',
          label: `Report and return the ${d.program} overpayment ${d.overpaymentId} to ${d.payerId}`,
          streamId: e.streamId,
          owner: d.identifiedBy,
          arisesAt: d.identifiedOn,
          dueAt: d.dueOn,
          legalSource: d.legalSource,
          impact: 'legal',
          program: d.program,
          payerId: d.payerId,
          amount: d.amount,
          refunded: 0,
          refunds: [],
        };
        return [{ key: obligationKey(o.id), update: () => o as unknown as Json }];
      }
      case 'OverpaymentDeadlineSuspended': {
        const d = e.data as Data<'OverpaymentDeadlineSuspended'>;
        return [
          edit(d.overpaymentId, (o) => ({
            ...o,
            dueAt: d.dueOn,
            legalSource: `${o.legalSource}; ${d.legalSource}`,
          })),
        ];
      }
      case 'OverpaymentInvestigationConcluded': {
        const d = e.data as Data<'OverpaymentInvestigationConcluded'>;
        return [edit(d.overpaymentId, (o) => ({ ...o, dueAt: d.dueOn, amount: d.amount }))];
      }
      case 'OverpaymentReported': {
        const d = e.data as Data<'OverpaymentReported'>;
        return [edit(d.overpaymentId, (o) => ({ ...o, reportedOn: d.reportedOn }))];
      }
      case 'OverpaymentRefunded': {
        const d = e.data as Data<'OverpaymentRefunded'>;
        return [
          edit(d.overpaymentId, (o) => ({
            ...o,
            refunded: o.refunded + d.amount,
            refunds: [...o.refunds, { refundedOn: d.refundedOn, amount: d.amount }],
            ...(d.remaining === 0 && o.completedAt === undefined ? { completedAt: d.refundedOn } : {}),
          })),
        ];
      }
      default:
        return [];
    }
  },
};

const duties = (c: KpiContext): Promise<OverpaymentObligation[]> =>
  c.memo('finance:overpayment-duties', async () => {
    const out: OverpaymentObligation[] = [];
    for await (const [, doc] of c.reader.list(overpaymentObligationsName, 'obligation:'))
      out.push(doc as unknown as OverpaymentObligation);
    return out;
  });

/** The overpayment KPIs (area `finance`). */
export const overpaymentKpis = defineKpis([
  {
    id: 'overpaymentsReturnedOnTime',
    label: 'Overpayments returned on time %',
    area: 'finance',
    unit: 'percent',
    direction: 'higher-is-better',
    formula:
      'overpayments whose report-and-return deadline fell in the period and that were fully refunded by it ÷ overpayments due in the period × 100',
    source: '42 CFR 401.305(b); 42 U.S.C. 1320a-7k(d)',
    compute: async (c) => {
      const due = (await duties(c)).filter(
        (o) => o.dueAt >= c.period.firstDay && o.dueAt <= c.period.lastDay,
      );
      if (due.length === 0) return undefined;
      return (
        (due.filter((o) => o.completedAt !== undefined && o.completedAt <= o.dueAt).length / due.length) * 100
      );
    },
  },
  {
    id: 'overpaymentsOutstandingCents',
    label: 'Identified overpayments not yet returned',
    area: 'finance',
    unit: 'cents',
    direction: 'lower-is-better',
    formula:
      'amount owed − refunds made by the period’s last day, over overpayments identified by then (the amount as last quantified)',
    source: '42 CFR 401.305',
    compute: async (c) =>
      (await duties(c))
        .filter((o) => o.arisesAt <= c.period.lastDay)
        .reduce(
          (n, o) =>
            n +
            Math.max(
              0,
              o.amount -
                o.refunds.filter((r) => r.refundedOn <= c.period.lastDay).reduce((x, r) => x + r.amount, 0),
            ),
          0,
        ),
  },
  {
    id: 'overpaymentsOverdue',
    label: 'Overpayments past their 60-day deadline',
    area: 'finance',
    unit: 'count',
    direction: 'lower-is-better',
    formula: 'overpayments due before the period’s last day and not fully refunded by then',
    source: '42 CFR 401.305(b)',
    compute: async (c) =>
      (await duties(c)).filter(
        (o) =>
          o.dueAt < c.period.lastDay && (o.completedAt === undefined || o.completedAt > c.period.lastDay),
      ).length,
  },
]);
