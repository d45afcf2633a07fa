import { obligationKey, type DocUpdate, type Json, type Obligation, type Projection } from '@praxis/core';
import { Claim } from '@praxis/finance';

/** Name of the finance obligations read model (shown by the compliance calendar). */
export const FINANCE_OBLIGATIONS = 'finance-obligations';

type Data<T extends Claim.ClaimEvent['type']> = Extract<Claim.ClaimEvent, { type: T }>['data'];

/**
 * A claim's timely-filing duty: an `Obligation` plus the claim's running balance (cents),
 * so the duty ends when nothing is left to file for.
 */
export interface FilingObligation extends Obligation {
  /** Charges on the claim (cents). */
  readonly charges: number;
  /** Payments, contractual adjustments and write-offs applied to it (cents). */
  readonly applied: number;
  /** Why it closed: the claim was filed with the payer, or its balance reached zero. */
  readonly closedBy?: 'filed' | 'settled';
}

const put = (id: string, o: Obligation): DocUpdate => ({
  key: obligationKey(id),
  update: () => o as unknown as Json,
});
const edit = <O extends Obligation>(id: string, f: (o: O) => O): DocUpdate => ({
  key: obligationKey(id),
  update: (cur) => (cur === undefined ? undefined : (f(cur as unknown as O) as unknown as Json)),
});
const complete = (id: string, at: string): DocUpdate =>
  edit(id, (o) => (o.completedAt === undefined ? { ...o, completedAt: at } : o));

/**
 * Moves a filing duty's balance: closed as `settled` when nothing is owed (unless already
 * filed), reopened when a settled claim owes again (a correction raised its charges).
 */
const rebalance = (id: string, at: string, f: (o: FilingObligation) => FilingObligation): DocUpdate =>
  edit<FilingObligation>(id, (before) => {
    const o = f(before);
    if (o.closedBy === 'filed') return o;
    if (o.charges - o.applied <= 0)
      return o.completedAt === undefined ? { ...o, completedAt: at, closedBy: 'settled' } : o;
    if (o.closedBy === 'settled') {
      const { completedAt: _c, closedBy: _b, ...open } = o;
      return open;
    }
    return o;
  });

/** Id of a claim's timely-filing obligation. */
export const timelyFilingId = (claimId: string): string => `claim-timely-filing:${claimId}`;
/** Id of a claim's appeal obligation (the latest appealable denial). */
export const appealId = (claimId: string): string => `claim-appeal:${claimId}`;

/**
 * `finance-obligations`: the claim deadlines as `Obligation` documents.
 *
 * - Timely filing (`claim-timely-filing`): only for a claim that has a filing limit —
 *   Medicare 12 months from the date of service (42 CFR 424.44), Medicaid and commercial
 *   payers the limit given with the charges; none for self-pay. It arises on the date of
 *   service, is due on the filing deadline, and closes when the claim is first filed
 *   (`closedBy: 'filed'`) or its balance reaches zero (`closedBy: 'settled'`, e.g. paid in
 *   full at the visit or written off); a correction that makes a settled claim owe again
 *   reopens it.
 * - Appeal (`claim-appeal`): arises at a denial that has an appeal window, due on its last
 *   day (Medicare redetermination: 120 days, 42 CFR 405.942), met when the denial is
 *   appealed, or settled another way (corrected for resubmission, or written off as a denial).
 */
export const financeObligationsProjection: Projection = {
  name: FINANCE_OBLIGATIONS,
  version: 2,
  eventTypes: [
    'ClaimChargesRegistered',
    'ClaimChargesAdded',
    'ClaimCreated',
    'ClaimCorrected',
    'ClaimSubmitted',
    'ClaimDenied',
    'ClaimAppealed',
    'ClaimPaidByPayer',
    'PatientPaymentCollected',
    'ClaimWrittenOff',
  ],
  handle: (e) => {
    switch (e.type as Claim.ClaimEvent['type']) {
      case 'ClaimChargesRegistered': {
        const x = e.data as Data<'ClaimChargesRegistered'>;
        const limit = Claim.filingLimitOf(x.payerKind, x.timelyFilingMonths);
        if (limit === undefined) return [];
        const o: FilingObligation = {
          id: timelyFilingId(x.claimId),
          module: 'finance',
          kind: 'claim-timely-filing',
          label: `File claim ${x.claimId} with ${x.payerId} (date of service ${x.dateOfService})`,
          streamId: e.streamId,
          arisesAt: x.dateOfService,
          dueAt: Claim.filingDeadline(x.dateOfService, limit.months),
          legalSource: limit.source,
          charges: Claim.chargesTotal(x.charges),
          applied: 0,
        };
        return [put(timelyFilingId(x.claimId), o)];
      }
      case 'ClaimChargesAdded': {
        const x = e.data as Data<'ClaimChargesAdded'>;
        const more = Claim.chargesTotal(x.charges);
        return [rebalance(timelyFilingId(x.claimId), x.at, (o) => ({ ...o, charges: o.charges + more }))];
      }
      case 'ClaimCreated': {
        const x = e.data as Data<'ClaimCreated'>;
        return [
          rebalance(timelyFilingId(x.claimId), x.at, (o) => ({
            ...o,
            charges: x.totalCharges,
            ...(x.filingDeadline === undefined ? {} : { dueAt: x.filingDeadline }),
          })),
        ];
      }
      case 'ClaimSubmitted': {
        const x = e.data as Data<'ClaimSubmitted'>;
        return [
          edit<FilingObligation>(timelyFilingId(x.claimId), (o) => ({
            ...o,
            completedAt: o.completedAt ?? x.at,
            closedBy: 'filed',
          })),
        ];
      }
      case 'ClaimPaidByPayer': {
        const x = e.data as Data<'ClaimPaidByPayer'>;
        return [
          rebalance(timelyFilingId(x.claimId), x.at, (o) => ({
            ...o,
            applied: o.applied + x.paid + x.contractualAdjustment,
          })),
        ];
      }
      case 'PatientPaymentCollected': {
        const x = e.data as Data<'PatientPaymentCollected'>;
        return [rebalance(timelyFilingId(x.claimId), x.at, (o) => ({ ...o, applied: o.applied + x.amount }))];
      }
      case 'ClaimDenied': {
        const x = e.data as Data<'ClaimDenied'>;
        if (x.appealDeadline === undefined) return [];
        return [
          put(appealId(x.claimId), {
            id: appealId(x.claimId),
            module: 'finance',
            kind: 'claim-appeal',
            label: `Appeal the denial of claim ${x.claimId} (CARC ${x.carcCode})`,
            streamId: e.streamId,
            arisesAt: x.at,
            dueAt: x.appealDeadline,
            ...(x.appealRule === undefined ? {} : { legalSource: x.appealRule }),
          }),
        ];
      }
      case 'ClaimAppealed': {
        const x = e.data as Data<'ClaimAppealed'>;
        return [complete(appealId(x.claimId), x.at)];
      }
      case 'ClaimCorrected': {
        const x = e.data as Data<'ClaimCorrected'>;
        return [
          complete(appealId(x.claimId), x.at),
          rebalance(timelyFilingId(x.claimId), x.at, (o) => ({ ...o, charges: x.totalCharges })),
        ];
      }
      case 'ClaimWrittenOff': {
        const x = e.data as Data<'ClaimWrittenOff'>;
        return [
          ...(x.reason === 'denial' ? [complete(appealId(x.claimId), x.at)] : []),
          rebalance(timelyFilingId(x.claimId), x.at, (o) => ({ ...o, applied: o.applied + x.amount })),
        ];
      }
      default:
        return [];
    }
  },
};
