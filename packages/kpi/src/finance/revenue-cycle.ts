import { DateTime } from 'luxon';
import type { ReadModelReader } from '@praxis/core';
import { dateInPeriod, instantInPeriod, type Period } from '../period.js';
import { loadClaims, type ClaimDoc, type LedgerEntry } from './claims-projection.js';

/**
 * Revenue-cycle KPIs, exactly as DOMAIN.md "Precise definitions" states them (sources: MGMA
 * for days in A/R and collection ratios, HFMA MAP keys for the rest). Money is integer cents;
 * a percentage is a plain number (not rounded: round when displaying) and `undefined` when its
 * denominator is zero. "In the period" means the business date (`at`, or the date of service
 * for charges) falls in the period in the practice's time zone.
 */

const sum = (xs: Iterable<number>): number => {
  let t = 0;
  for (const x of xs) t += x;
  return t;
};
const pct = (num: number, den: number): number | undefined => (den === 0 ? undefined : (num / den) * 100);
const entriesIn = (claims: readonly ClaimDoc[], p: Period, kind: LedgerEntry['kind']) =>
  claims.flatMap((c) => c.ledger.filter((l) => l.kind === kind && instantInPeriod(l.at, p)));

/** Gross charges = sum of charges whose date of service is in the period. */
export const grossCharges = (claims: readonly ClaimDoc[], p: Period): number =>
  sum(claims.filter((c) => dateInPeriod(c.dateOfService, p)).map((c) => c.totalCharges));

/** Contractual adjustments = payer-contract allowances posted in the period (not write-offs). */
export const contractualAdjustments = (claims: readonly ClaimDoc[], p: Period): number =>
  sum(entriesIn(claims, p, 'contractual-adjustment').map((l) => l.amount));

/** Adjusted charges = gross charges − contractual adjustments (both for the period). */
export const adjustedCharges = (claims: readonly ClaimDoc[], p: Period): number =>
  grossCharges(claims, p) - contractualAdjustments(claims, p);

/** Net collections = all payments received in the period, payer and patient. */
export const netCollections = (claims: readonly ClaimDoc[], p: Period): number =>
  sum(entriesIn(claims, p, 'payer-payment').map((l) => l.amount)) +
  sum(entriesIn(claims, p, 'patient-payment').map((l) => l.amount));

/**
 * A/R of one claim at an instant: charges − payments − contractual adjustments − write-offs
 * recorded before it, never negative. A claim counts once its date of service has begun.
 */
export const claimARAt = (c: ClaimDoc, instant: DateTime, zone: string): number => {
  if (DateTime.fromISO(c.dateOfService, { zone }) >= instant) return 0;
  const applied = sum(
    c.ledger.filter((l) => DateTime.fromISO(l.at, { setZone: true }) < instant).map((l) => l.amount),
  );
  return Math.max(0, c.totalCharges - applied);
};

/** A/R at the end of the period (the first instant after it), summed over every claim. */
export const arAtEnd = (claims: readonly ClaimDoc[], p: Period): number =>
  sum(claims.map((c) => claimARAt(c, p.interval.end, p.zone)));

/** Days between a date of service and a later calendar date. */
export const ageInDays = (dateOfService: string, asOf: string): number =>
  Math.round(
    DateTime.fromISO(asOf, { zone: 'utc' }).diff(DateTime.fromISO(dateOfService, { zone: 'utc' }), 'days')
      .days,
  );

/**
 * Days in A/R = A/R at the end of the period ÷ (adjusted charges in the period ÷ days in the
 * period) (MGMA: total A/R ÷ (adjusted FFS charges × 1/365), here per period).
 */
export const daysInAR = (claims: readonly ClaimDoc[], p: Period): number | undefined => {
  const adjusted = adjustedCharges(claims, p);
  return adjusted <= 0 ? undefined : arAtEnd(claims, p) / (adjusted / p.days);
};

/** Adjusted (net) collection % = net collections ÷ adjusted charges × 100 (MGMA). */
export const adjustedCollectionRate = (claims: readonly ClaimDoc[], p: Period): number | undefined =>
  pct(netCollections(claims, p), adjustedCharges(claims, p));

/** Gross collection % = net collections ÷ gross charges × 100 (MGMA). */
export const grossCollectionRate = (claims: readonly ClaimDoc[], p: Period): number | undefined =>
  pct(netCollections(claims, p), grossCharges(claims, p));

/**
 * Aged A/R % = A/R on claims whose date of service is more than 90 days before the end of the
 * period ÷ total A/R at the end of the period × 100 (HFMA AR-1).
 */
export const agedARRate = (claims: readonly ClaimDoc[], p: Period): number | undefined => {
  const aged = sum(
    claims
      .filter((c) => ageInDays(c.dateOfService, p.lastDay) > 90)
      .map((c) => claimARAt(c, p.interval.end, p.zone)),
  );
  return pct(aged, arAtEnd(claims, p));
};

/**
 * Clean claim rate = claims that passed scrubbing on their first attempt ÷ claims first
 * scrubbed in the period × 100 (HFMA CL-1).
 */
export const cleanClaimRate = (claims: readonly ClaimDoc[], p: Period): number | undefined => {
  const first = claims.flatMap((c) =>
    c.firstScrub !== undefined && instantInPeriod(c.firstScrub.at, p) ? [c.firstScrub] : [],
  );
  return pct(first.filter((s) => s.clean).length, first.length);
};

/** Claims whose first adjudication fell in the period. */
const firstAdjudicatedIn = (claims: readonly ClaimDoc[], p: Period) =>
  claims.filter((c) => c.firstAdjudication !== undefined && instantInPeriod(c.firstAdjudication.at, p));

/**
 * Initial denial rate (count) = claims whose first adjudication in the period was a denial ÷
 * claims first adjudicated in the period × 100 (HFMA).
 */
export const initialDenialRate = (claims: readonly ClaimDoc[], p: Period): number | undefined => {
  const first = firstAdjudicatedIn(claims, p);
  return pct(first.filter((c) => c.firstAdjudication!.denied).length, first.length);
};

/**
 * Initial denial rate (dollars) = charges of those denied claims ÷ charges of all claims
 * first adjudicated in the period × 100 (HFMA).
 */
export const initialDenialRateByDollars = (claims: readonly ClaimDoc[], p: Period): number | undefined => {
  const first = firstAdjudicatedIn(claims, p);
  return pct(
    sum(first.filter((c) => c.firstAdjudication!.denied).map((c) => c.totalCharges)),
    sum(first.map((c) => c.totalCharges)),
  );
};

/** Denial write-offs: write-offs with reason "denial" posted in the period. */
export const denialWriteOffs = (claims: readonly ClaimDoc[], p: Period): number =>
  sum(
    entriesIn(claims, p, 'write-off')
      .filter((l) => l.reason === 'denial')
      .map((l) => l.amount),
  );

/**
 * Denial write-off % = write-offs with reason "denial" posted in the period ÷ net
 * collections in the period × 100 (HFMA AR-6).
 */
export const denialWriteOffRate = (claims: readonly ClaimDoc[], p: Period): number | undefined =>
  pct(denialWriteOffs(claims, p), netCollections(claims, p));

/**
 * POS collections % = patient payments taken at the point of service in the period ÷ all
 * patient payments in the period × 100 (HFMA PA-7).
 */
export const posCollectionRate = (claims: readonly ClaimDoc[], p: Period): number | undefined => {
  const payments = entriesIn(claims, p, 'patient-payment');
  return pct(
    sum(payments.filter((l) => l.pointOfService === true).map((l) => l.amount)),
    sum(payments.map((l) => l.amount)),
  );
};

/** What one payer paid for one CPT code in the period. */
export interface CptReimbursement {
  readonly payerId: string;
  readonly cptCode: string;
  /** Cents paid by the payer on remittance lines dated in the period. */
  readonly paid: number;
  /** Cents allowed away by contract on those lines. */
  readonly contractualAdjustment: number;
  /** Remittance lines that paid this code. */
  readonly paidLines: number;
  /** `paid ÷ paidLines`, in cents (rounded), `undefined` without paid lines. */
  readonly averagePaid: number | undefined;
}

/** Reimbursement by CPT code per payer: payer payments and adjustments posted in the period. */
export const reimbursementByCpt = (claims: readonly ClaimDoc[], p: Period): CptReimbursement[] => {
  const rows = new Map<string, { payerId: string; cptCode: string; paid: number; adj: number; n: number }>();
  for (const c of claims)
    for (const l of c.ledger) {
      if ((l.kind !== 'payer-payment' && l.kind !== 'contractual-adjustment') || !instantInPeriod(l.at, p))
        continue;
      const key = `${c.payerId}\u0000${l.cptCode ?? ''}`;
      const r = rows.get(key) ?? { payerId: c.payerId, cptCode: l.cptCode ?? '', paid: 0, adj: 0, n: 0 };
      if (l.kind === 'payer-payment') {
        r.paid += l.amount;
        r.n += 1;
      } else r.adj += l.amount;
      rows.set(key, r);
    }
  return [...rows.values()]
    .sort((a, b) => a.payerId.localeCompare(b.payerId) || a.cptCode.localeCompare(b.cptCode))
    .map((r) => ({
      payerId: r.payerId,
      cptCode: r.cptCode,
      paid: r.paid,
      contractualAdjustment: r.adj,
      paidLines: r.n,
      averagePaid: r.n === 0 ? undefined : Math.round(r.paid / r.n),
    }));
};

/** Denials in the period for one CARC code. */
export interface CarcDenials {
  readonly carcCode: string;
  readonly count: number;
  /** Cents denied. */
  readonly amount: number;
}

/** Denials by CARC code: every denial dated in the period (first or later), most frequent first. */
export const denialsByCarc = (claims: readonly ClaimDoc[], p: Period): CarcDenials[] => {
  const rows = new Map<string, { count: number; amount: number }>();
  for (const c of claims)
    for (const d of c.denials) {
      if (!instantInPeriod(d.at, p)) continue;
      const r = rows.get(d.carcCode) ?? { count: 0, amount: 0 };
      rows.set(d.carcCode, { count: r.count + 1, amount: r.amount + d.amount });
    }
  return [...rows.entries()]
    .map(([carcCode, r]) => ({ carcCode, ...r }))
    .sort((a, b) => b.count - a.count || a.carcCode.localeCompare(b.carcCode));
};

/** Every revenue-cycle KPI of one period. */
export interface RevenueCycleKpis {
  readonly period: string;
  readonly grossCharges: number;
  readonly contractualAdjustments: number;
  readonly adjustedCharges: number;
  readonly netCollections: number;
  readonly arAtEnd: number;
  readonly daysInAR: number | undefined;
  readonly adjustedCollectionRate: number | undefined;
  readonly grossCollectionRate: number | undefined;
  readonly agedARRate: number | undefined;
  readonly cleanClaimRate: number | undefined;
  readonly initialDenialRate: number | undefined;
  readonly initialDenialRateByDollars: number | undefined;
  readonly denialWriteOffRate: number | undefined;
  readonly posCollectionRate: number | undefined;
  readonly reimbursementByCpt: readonly CptReimbursement[];
  readonly denialsByCarc: readonly CarcDenials[];
}

/** Computes every revenue-cycle KPI of a period from claim documents (pure). */
export const revenueCycleKpisOf = (claims: readonly ClaimDoc[], p: Period): RevenueCycleKpis => ({
  period: p.label,
  grossCharges: grossCharges(claims, p),
  contractualAdjustments: contractualAdjustments(claims, p),
  adjustedCharges: adjustedCharges(claims, p),
  netCollections: netCollections(claims, p),
  arAtEnd: arAtEnd(claims, p),
  daysInAR: daysInAR(claims, p),
  adjustedCollectionRate: adjustedCollectionRate(claims, p),
  grossCollectionRate: grossCollectionRate(claims, p),
  agedARRate: agedARRate(claims, p),
  cleanClaimRate: cleanClaimRate(claims, p),
  initialDenialRate: initialDenialRate(claims, p),
  initialDenialRateByDollars: initialDenialRateByDollars(claims, p),
  denialWriteOffRate: denialWriteOffRate(claims, p),
  posCollectionRate: posCollectionRate(claims, p),
  reimbursementByCpt: reimbursementByCpt(claims, p),
  denialsByCarc: denialsByCarc(claims, p),
});

/**
 * Every revenue-cycle KPI of a period, read from the `finance-claims` read model.
 *
 * @example
 * const kpis = await revenueCycleKpis(reader, periodOf('2026-Q1', 'America/New_York'));
 * kpis.daysInAR; // e.g. 38.2
 */
export const revenueCycleKpis = async (reader: ReadModelReader, period: Period): Promise<RevenueCycleKpis> =>
  revenueCycleKpisOf(await loadClaims(reader), period);

/** A claim close to (or past) its timely-filing deadline and not yet submitted. */
export interface FilingDeadlineAlert {
  readonly claimId: string;
  readonly payerId: string;
  readonly dateOfService: string;
  readonly filingDeadline: string;
  /** Days from `asOf` to the deadline (negative: missed). */
  readonly daysLeft: number;
}

/**
 * Claims never submitted whose timely-filing deadline (42 CFR 424.44 for Medicare: 12 months
 * from the date of service) is within `withinDays` of `asOf` (a date) or already past,
 * soonest first.
 */
export const claimsNearFilingDeadline = async (
  reader: ReadModelReader,
  asOf: string,
  withinDays = 30,
): Promise<FilingDeadlineAlert[]> =>
  (await loadClaims(reader))
    .filter((c) => c.firstSubmittedAt === undefined && c.filingDeadline !== undefined && c.status !== 'none')
    .map((c) => ({
      claimId: c.claimId,
      payerId: c.payerId,
      dateOfService: c.dateOfService,
      filingDeadline: c.filingDeadline!,
      daysLeft: ageInDays(asOf, c.filingDeadline!),
    }))
    .filter((a) => a.daysLeft <= withinDays)
    .sort((a, b) => a.daysLeft - b.daysLeft || a.claimId.localeCompare(b.claimId));
