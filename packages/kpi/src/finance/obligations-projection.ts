import { obligationKey, type DocUpdate, type Json, type Obligation, type Projection } from '@praxis/core';
import { Claim } from '@praxis/finance';

/** Name of the finance obligations read model (shown by the compliance calendar). */
export const FINANCE_OBLIGATIONS = 'finance-obligations';

type Data<T extends Claim.ClaimEvent['type']> = Extract<Claim.ClaimEvent, { type: T }>['data'];

const put = (id: string, o: Obligation): DocUpdate => ({
  key: obligationKey(id),
  update: () => o as unknown as Json,
});
const edit = (id: string, f: (o: Obligation) => Obligation): DocUpdate => ({
  key: obligationKey(id),
  update: (cur) => (cur === undefined ? undefined : (f(cur as unknown as Obligation) as unknown as Json)),
});
const complete = (id: string, at: string): DocUpdate =>
  edit(id, (o) => (o.completedAt === undefined ? { ...o, completedAt: at } : o));

/** Id of a claim's timely-filing obligation. */
export const timelyFilingId = (claimId: string): string => `claim-timely-filing:${claimId}`;
/** Id of a claim's appeal obligation (the latest appealable denial). */
export const appealId = (claimId: string): string => `claim-appeal:${claimId}`;

/**
 * `finance-obligations`: the claim deadlines as `Obligation` documents.
 *
 * - Timely filing (`claim-timely-filing`): arises on the date of service, due on the
 *   filing deadline (12 months from the date of service unless the payer sets another,
 *   42 CFR 424.44), met when the claim is first submitted.
 * - Appeal (`claim-appeal`): arises at a denial that has an appeal window, due on its last
 *   day (Medicare redetermination: 120 days, 42 CFR 405.942), met when the denial is
 *   appealed, or settled another way (corrected for resubmission, or written off as a denial).
 */
export const financeObligationsProjection: Projection = {
  name: FINANCE_OBLIGATIONS,
  version: 1,
  eventTypes: [
    'ClaimChargesRegistered',
    'ClaimCreated',
    'ClaimSubmitted',
    'ClaimDenied',
    'ClaimAppealed',
    'ClaimCorrected',
    'ClaimWrittenOff',
  ],
  handle: (e) => {
    switch (e.type as Claim.ClaimEvent['type']) {
      case 'ClaimChargesRegistered': {
        const x = e.data as Data<'ClaimChargesRegistered'>;
        return [
          put(timelyFilingId(x.claimId), {
            id: timelyFilingId(x.claimId),
            module: 'finance',
            kind: 'claim-timely-filing',
            label: `File claim ${x.claimId} with ${x.payerId} (date of service ${x.dateOfService})`,
            streamId: e.streamId,
            arisesAt: x.dateOfService,
            dueAt: Claim.filingDeadline(x.dateOfService, x.timelyFilingMonths),
            legalSource:
              x.timelyFilingMonths === undefined
                ? '42 CFR 424.44'
                : `payer filing limit (${x.timelyFilingMonths} months)`,
          }),
        ];
      }
      case 'ClaimCreated': {
        const x = e.data as Data<'ClaimCreated'>;
        return [edit(timelyFilingId(x.claimId), (o) => ({ ...o, dueAt: x.filingDeadline }))];
      }
      case 'ClaimSubmitted': {
        const x = e.data as Data<'ClaimSubmitted'>;
        return [complete(timelyFilingId(x.claimId), x.at)];
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
      case 'ClaimAppealed':
      case 'ClaimCorrected': {
        const x = e.data as Data<'ClaimAppealed'>;
        return [complete(appealId(x.claimId), x.at)];
      }
      case 'ClaimWrittenOff': {
        const x = e.data as Data<'ClaimWrittenOff'>;
        return x.reason === 'denial' ? [complete(appealId(x.claimId), x.at)] : [];
      }
      default:
        return [];
    }
  },
};
