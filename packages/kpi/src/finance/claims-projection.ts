import { DateTime } from 'luxon';
import {
  exhaustive,
  type Json,
  type Projection,
  type ReadModelReader,
  type RecordedEvent,
} from '@praxis/core';
import { Claim } from '@praxis/finance';
import { reviseTotals, totalsKey } from './claim-totals.js';

/**
 * Epoch milliseconds of an ISO instant with offset, parsed once when the event is projected
 * so that no KPI query parses a date again.
 */
export const epochMs = (iso: string): number => {
  const fast = Date.parse(iso);
  return Number.isNaN(fast) ? DateTime.fromISO(iso, { setZone: true }).toMillis() : fast;
};

/** One money movement on a claim, dated by its business time. */
export interface LedgerEntry {
  readonly at: string;
  /** `at` in epoch milliseconds. */
  readonly t: number;
  readonly kind: 'payer-payment' | 'contractual-adjustment' | 'patient-payment' | 'write-off';
  readonly amount: number;
  /** Payer payments and adjustments: the CPT code of the remittance line. */
  readonly cptCode?: string;
  /** Patient payments: taken at the point of service. */
  readonly pointOfService?: boolean;
  /** Write-offs: why. */
  readonly reason?: string;
  /** A payer payment taken back (835 CLP02 = 22): the amount is negative. */
  readonly reversal?: boolean;
}

/** The read model of one claim: everything the revenue-cycle KPIs need, nothing more. */
export interface ClaimDoc {
  readonly claimId: string;
  readonly payerId: string;
  readonly payerKind: string;
  readonly dateOfService: string;
  readonly totalCharges: number;
  readonly charges: readonly Claim.ChargeLine[];
  readonly status: Claim.ClaimStatus;
  readonly filingDeadline?: string;
  readonly firstSubmittedAt?: string;
  /**
   * Every change of the claim's total charges, in order: business time (epoch ms) and the new
   * total (cents). Registration, added lines, creation and corrections each add one, so the
   * charges "as reported" at any instant are the last total recorded before it.
   */
  readonly chargeHistory: readonly ChargeRevision[];
  /** The claim's first scrub: when, and whether it passed (clean claim rate, HFMA CL-1). */
  readonly firstScrub?: { readonly at: string; readonly t: number; readonly clean: boolean };
  /** The claim's first adjudication: when, and whether it was a denial (initial denial rate). */
  readonly firstAdjudication?: { readonly at: string; readonly t: number; readonly denied: boolean };
  readonly denials: readonly {
    readonly at: string;
    readonly t: number;
    readonly carcCode: string;
    readonly amount: number;
  }[];
  readonly ledger: readonly LedgerEntry[];
}

/** A claim's total charges from a business instant on. */
export interface ChargeRevision {
  /** Business time of the change, epoch ms. */
  readonly t: number;
  /** The total from then on (cents). */
  readonly total: number;
}

const revised = (d: ClaimDoc, at: string, total: number): ClaimDoc => ({
  ...d,
  totalCharges: total,
  chargeHistory: [...d.chargeHistory, { t: epochMs(at), total }],
});

/** Name of the claims read model. */
export const CLAIMS = 'finance-claims';

type Data<T extends Claim.ClaimEvent['type']> = Extract<Claim.ClaimEvent, { type: T }>['data'];

const change =
  (f: (d: ClaimDoc) => ClaimDoc) =>
  (current: Json | undefined): Json | undefined =>
    current === undefined ? undefined : (f(current as unknown as ClaimDoc) as unknown as Json);

const withDeadline = (filingDeadline: string | undefined): { filingDeadline?: string } =>
  filingDeadline === undefined ? {} : { filingDeadline };

const ledger = (d: ClaimDoc, ...entries: LedgerEntry[]): ClaimDoc => ({
  ...d,
  ledger: [...d.ledger, ...entries],
});

const apply = (e: RecordedEvent): ((d: ClaimDoc) => ClaimDoc) | ClaimDoc | undefined => {
  const type = e.type as Claim.ClaimEvent['type'];
  switch (type) {
    case 'ClaimChargesRegistered': {
      const x = e.data as Data<'ClaimChargesRegistered'>;
      return {
        claimId: x.claimId,
        payerId: x.payerId,
        payerKind: x.payerKind,
        dateOfService: x.dateOfService,
        totalCharges: Claim.chargesTotal(x.charges),
        chargeHistory: [{ t: epochMs(x.at), total: Claim.chargesTotal(x.charges) }],
        charges: x.charges,
        status: 'charges-registered',
        // the filing clock runs from the date of service, before the claim is created
        ...withDeadline(Claim.filingDeadlineOf(x.payerKind, x.dateOfService, x.timelyFilingMonths)),
        denials: [],
        ledger: [],
      };
    }
    case 'ClaimChargesAdded': {
      const x = e.data as Data<'ClaimChargesAdded'>;
      return (d) => {
        const charges = [...d.charges, ...x.charges];
        return { ...revised(d, x.at, Claim.chargesTotal(charges)), charges };
      };
    }
    case 'ClaimCreated': {
      const x = e.data as Data<'ClaimCreated'>;
      return (d) => ({
        ...(d.totalCharges === x.totalCharges ? d : revised(d, x.at, x.totalCharges)),
        status: 'created',
        ...withDeadline(x.filingDeadline),
      });
    }
    case 'ClaimScrubbedClean':
    case 'ClaimHeld': {
      const x = e.data as Data<'ClaimHeld'>;
      const clean = e.type === 'ClaimScrubbedClean';
      return (d) => ({
        ...d,
        status: clean ? 'clean' : 'held',
        ...(d.firstScrub === undefined ? { firstScrub: { at: x.at, t: epochMs(x.at), clean } } : {}),
      });
    }
    case 'ClaimCorrected': {
      const x = e.data as Data<'ClaimCorrected'>;
      return (d) => ({
        ...(d.totalCharges === x.totalCharges ? d : revised(d, x.at, x.totalCharges)),
        status: 'created',
        charges: x.charges ?? d.charges,
      });
    }
    case 'ClaimSubmitted': {
      const x = e.data as Data<'ClaimSubmitted'>;
      return (d) => ({
        ...d,
        status: 'submitted',
        ...(d.firstSubmittedAt === undefined ? { firstSubmittedAt: x.at } : {}),
      });
    }
    case 'ClaimAcceptedByPayer':
      return (d) => ({ ...d, status: 'accepted' });
    case 'ClaimRejectedByPayer':
      return (d) => ({ ...d, status: 'rejected' });
    case 'ClaimAppealed':
      return (d) => ({ ...d, status: 'appealed' });
    case 'ClaimDenied': {
      const x = e.data as Data<'ClaimDenied'>;
      return (d) => ({
        ...d,
        status: 'denied',
        denials: [...d.denials, { at: x.at, t: epochMs(x.at), carcCode: x.carcCode, amount: x.amount }],
        ...(d.firstAdjudication === undefined
          ? { firstAdjudication: { at: x.at, t: epochMs(x.at), denied: true } }
          : {}),
      });
    }
    case 'ClaimPaidByPayer': {
      const x = e.data as Data<'ClaimPaidByPayer'>;
      const t = epochMs(x.at);
      const entries = x.lines.flatMap((l): LedgerEntry[] => [
        ...(l.paid > 0
          ? [{ at: x.at, t, kind: 'payer-payment' as const, amount: l.paid, cptCode: l.cptCode }]
          : []),
        ...(l.contractualAdjustment > 0
          ? [
              {
                at: x.at,
                t,
                kind: 'contractual-adjustment' as const,
                amount: l.contractualAdjustment,
                cptCode: l.cptCode,
              },
            ]
          : []),
      ]);
      return (d) => ({
        ...ledger(d, ...entries),
        status: 'adjudicated',
        ...(d.firstAdjudication === undefined ? { firstAdjudication: { at: x.at, t, denied: false } } : {}),
      });
    }
    case 'PayerPaymentReversed': {
      // The reversal posts negative entries when it happens: the period of the original payment
      // keeps what it reported, and the period of the reversal shows the money going back.
      const x = e.data as Data<'PayerPaymentReversed'>;
      const t = epochMs(x.at);
      const entries = x.lines.flatMap((l): LedgerEntry[] => [
        ...(l.paid > 0
          ? [
              {
                at: x.at,
                t,
                kind: 'payer-payment' as const,
                amount: -l.paid,
                cptCode: l.cptCode,
                reversal: true,
              },
            ]
          : []),
        ...(l.contractualAdjustment > 0
          ? [
              {
                at: x.at,
                t,
                kind: 'contractual-adjustment' as const,
                amount: -l.contractualAdjustment,
                cptCode: l.cptCode,
                reversal: true,
              },
            ]
          : []),
      ]);
      return (d) => ({ ...ledger(d, ...entries), status: 'accepted' });
    }
    case 'PatientResponsibilityBilled':
    case 'ClaimEligibilityOverridden':
      return undefined;
    case 'PatientPaymentCollected': {
      const x = e.data as Data<'PatientPaymentCollected'>;
      return (d) =>
        ledger(d, {
          at: x.at,
          t: epochMs(x.at),
          kind: 'patient-payment',
          amount: x.amount,
          pointOfService: x.pointOfService,
        });
    }
    case 'ClaimWrittenOff': {
      const x = e.data as Data<'ClaimWrittenOff'>;
      return (d) =>
        ledger(d, { at: x.at, t: epochMs(x.at), kind: 'write-off', amount: x.amount, reason: x.reason });
    }
    default:
      // Every claim event has its case above: a new one fails to compile here.
      return exhaustive(type, undefined);
  }
};

/**
 * `finance-claims`: one document per claim (`claim:<claimId>`) with its charges, payer,
 * first scrub and first adjudication, denials and a dated ledger of payments, contractual
 * adjustments and write-offs, and the history of its total charges (for KPIs "as reported"
 * at a period's close). Every instant is stored parsed (`t`, epoch ms) beside its ISO text.
 * Every revenue-cycle KPI is computed from these documents for any period, so a new period
 * never needs a rebuild.
 */
export const claimsProjection: Projection = {
  name: CLAIMS,
  // 3: payer payment reversals; 5: the claim totals shards (`totals:NN`); 6: 64 shards, not 4;
  // 7: a shard's cells as two lists (`keys`, `sums`), not an object
  version: 7,
  eventTypes: Claim.events.types,
  handle: (e) => {
    const claimId = (e.data as { claimId: string }).claimId;
    const r = apply(e);
    if (r === undefined) return [];
    const next = typeof r === 'function' ? change(r) : () => r as unknown as Json;
    // The claim's document changes first; its shard of the totals then takes back the claim's
    // old cells and adds its new ones (both updates of one event run in order, once each).
    let before: ClaimDoc | undefined;
    let after: ClaimDoc | undefined;
    return [
      {
        key: `claim:${claimId}`,
        update: (cur) => {
          const doc = next(cur);
          before = cur as unknown as ClaimDoc | undefined;
          after = doc as unknown as ClaimDoc | undefined;
          return doc;
        },
      },
      { key: totalsKey(claimId), update: (shard) => reviseTotals(shard, before, after) },
    ];
  },
};

/** Every claim document, in claim-id order. */
export const loadClaims = async (reader: ReadModelReader): Promise<ClaimDoc[]> => {
  const out: ClaimDoc[] = [];
  for await (const [, doc] of reader.list(CLAIMS, 'claim:')) out.push(doc as unknown as ClaimDoc);
  return out;
};
