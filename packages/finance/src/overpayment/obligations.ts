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
  /**
   * Each change of what is owed or when, in the order recorded: the business date it took
   * effect (`identifiedOn`, the suspension's `startedOn`, the investigation's `concludedOn`),
   * the amount owed from then on (cents) and the deadline from then on. The KPIs "as reported"
   * at a period's close read the last revision dated by its last day, as the ledger posts them.
   */
  readonly revisions?: readonly OverpaymentRevision[];
}

/** What an overpayment's obligation said from a business date on. */
export interface OverpaymentRevision {
  readonly on: string;
  /** Cents owed from `on`. */
  readonly amount: number;
  /** The report-and-return deadline from `on`. */
  readonly dueAt: string;
}

/**
 * An overpayment as it stood at the end of `lastDay`: as reported, the last revision dated by
 * then (undefined when it was not yet identified); restated, the amount and deadline as last
 * recorded (later quantifications and deadlines applied to the past).
 */
export const overpaymentAsOf = (
  o: OverpaymentObligation,
  lastDay: string,
  basis: 'as-reported' | 'restated',
): { readonly amount: number; readonly dueAt: string } | undefined => {
  if (o.arisesAt > lastDay) return undefined;
  if (basis === 'restated' || o.revisions === undefined) return { amount: o.amount, dueAt: o.dueAt };
  let known: OverpaymentRevision | undefined;
  for (const r of o.revisions) if (r.on <= lastDay) known = r;
  return known === undefined ? undefined : { amount: known.amount, dueAt: known.dueAt };
};

const revise = (o: OverpaymentObligation, r: OverpaymentRevision): readonly OverpaymentRevision[] => [
  ...(o.revisions ?? []),
  r,
];

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
  // 2: revisions (amount and deadline by business date) for the as-reported KPIs
  version: 2,
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
          revisions: [{ on: d.identifiedOn, amount: d.amount, dueAt: d.dueOn }],
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
            revisions: revise(o, { on: d.startedOn, amount: o.amount, dueAt: d.dueOn }),
          })),
        ];
      }
      case 'OverpaymentInvestigationConcluded': {
        const d = e.data as Data<'OverpaymentInvestigationConcluded'>;
        return [
          edit(d.overpaymentId, (o) => ({
            ...o,
            dueAt: d.dueOn,
            amount: d.amount,
            revisions: revise(o, { on: d.concludedOn, amount: d.amount, dueAt: d.dueOn }),
          })),
        ];
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
  c.shared('finance:overpayment-duties', async (reader) => {
    const out: OverpaymentObligation[] = [];
    for await (const [, doc] of reader.list(overpaymentObligationsName, 'obligation:'))
      out.push(doc as unknown as OverpaymentObligation);
    return out;
  });

/** Cents refunded on or before `day`. */
const refundedBy = (o: OverpaymentObligation, day: string): number => {
  let n = 0;
  for (const r of o.refunds) if (r.refundedOn <= day) n += r.amount;
  return n;
};

/**
 * The overpayment KPIs (area `finance`). As reported (the default), each overpayment counts as
 * recorded by the period's last day: identified by then, with the amount and deadline as last
 * revised by then (so a closed month agrees with the ledger's overpayments payable at its close);
 * restated, with the amount and deadline as last recorded.
 */
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
      let due = 0;
      let onTime = 0;
      for (const o of await duties(c)) {
        const known = overpaymentAsOf(o, c.period.lastDay, c.basis);
        if (known === undefined || known.dueAt < c.period.firstDay || known.dueAt > c.period.lastDay)
          continue;
        due++;
        if (refundedBy(o, known.dueAt) >= known.amount) onTime++;
      }
      return due === 0 ? undefined : (onTime / due) * 100;
    },
  },
  {
    id: 'overpaymentsOutstandingCents',
    label: 'Identified overpayments not yet returned',
    area: 'finance',
    unit: 'cents',
    direction: 'lower-is-better',
    formula:
      'amount owed − refunds made by the period’s last day, over overpayments identified by then (as reported: the amount as quantified by then, as the ledger’s overpayments payable shows it; restated: as last quantified)',
    source: '42 CFR 401.305',
    compute: async (c) => {
      let owed = 0;
      for (const o of await duties(c)) {
        const known = overpaymentAsOf(o, c.period.lastDay, c.basis);
        if (known !== undefined) owed += Math.max(0, known.amount - refundedBy(o, c.period.lastDay));
      }
      return owed;
    },
  },
  {
    id: 'overpaymentsOverdue',
    label: 'Overpayments past their 60-day deadline',
    area: 'finance',
    unit: 'count',
    direction: 'lower-is-better',
    formula: 'overpayments due before the period’s last day and not fully refunded by then',
    source: '42 CFR 401.305(b)',
    compute: async (c) => {
      let overdue = 0;
      for (const o of await duties(c)) {
        const known = overpaymentAsOf(o, c.period.lastDay, c.basis);
        if (
          known !== undefined &&
          known.dueAt < c.period.lastDay &&
          refundedBy(o, c.period.lastDay) < known.amount
        )
          overdue++;
      }
      return overdue;
    },
  },
]);
