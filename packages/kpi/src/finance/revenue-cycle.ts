import type { DateTime } from 'luxon';
import type { ReadModelReader } from '@praxis/core';
import { dateInPeriod, type Period } from '../period.js';
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

/**
 * Which view of a period's numbers: `as-reported` counts only what had been recorded (by
 * business time) by the period's close instant, so a closed month never changes; `restated`
 * applies every correction recorded since (a claim's charges corrected after the close, or
 * charges registered late for a date of service in the period). DOMAIN.md: "A/R at an
 * instant … recorded up to that instant" — the as-reported view, and the default.
 */
export type Basis = 'as-reported' | 'restated';

/** A period's bounds as epoch milliseconds (computed once per period). */
interface Bounds {
  readonly start: number;
  readonly end: number;
}
const boundsCache = new WeakMap<Period, Bounds>();
/** The first instant of the period and the first instant after it, in epoch ms. */
export const boundsOf = (p: Period): Bounds => {
  let b = boundsCache.get(p);
  if (b === undefined) {
    b = { start: p.interval.start.toMillis(), end: p.interval.end.toMillis() };
    boundsCache.set(p, b);
  }
  return b;
};
const within = (t: number, b: Bounds): boolean => t >= b.start && t < b.end;

/**
 * A claim's total charges at an instant (epoch ms): as reported, the last total recorded
 * before it (0 when the charges were not yet registered); restated, the latest total.
 */
export const chargesAt = (c: ClaimDoc, instant: number, basis: Basis = 'as-reported'): number => {
  if (basis === 'restated' || c.chargeHistory === undefined) return c.totalCharges;
  const [registered] = c.chargeHistory;
  if (registered === undefined || registered.t >= instant) return 0;
  // the last change recorded before the instant, in the claim's own order (as a replay folds it)
  let total = 0;
  for (const r of c.chargeHistory) if (r.t < instant) total = r.total;
  return total;
};

const ledgerSum = (
  claims: readonly ClaimDoc[],
  p: Period,
  kind: LedgerEntry['kind'],
  keep?: (l: LedgerEntry) => boolean,
): number => {
  const b = boundsOf(p);
  let total = 0;
  for (const c of claims)
    for (const l of c.ledger)
      if (l.kind === kind && within(l.t, b) && (keep === undefined || keep(l))) total += l.amount;
  return total;
};

/**
 * Gross charges = sum of charges whose date of service is in the period (as reported: the
 * charges recorded by the period's close).
 */
export const grossCharges = (
  claims: readonly ClaimDoc[],
  p: Period,
  basis: Basis = 'as-reported',
): number => {
  const { end } = boundsOf(p);
  let total = 0;
  for (const c of claims) if (dateInPeriod(c.dateOfService, p)) total += chargesAt(c, end, basis);
  return total;
};

/** Contractual adjustments = payer-contract allowances posted in the period (not write-offs). */
export const contractualAdjustments = (claims: readonly ClaimDoc[], p: Period): number =>
  ledgerSum(claims, p, 'contractual-adjustment');

/** Adjusted charges = gross charges − contractual adjustments (both for the period). */
export const adjustedCharges = (
  claims: readonly ClaimDoc[],
  p: Period,
  basis: Basis = 'as-reported',
): number => grossCharges(claims, p, basis) - contractualAdjustments(claims, p);

/** Net collections = all payments received in the period, payer and patient. */
export const netCollections = (claims: readonly ClaimDoc[], p: Period): number =>
  ledgerSum(claims, p, 'payer-payment') + ledgerSum(claims, p, 'patient-payment');

/**
 * A/R of one claim at an instant (epoch ms): charges − payments − contractual adjustments −
 * write-offs recorded before it, never negative. A claim counts once its date of service is
 * on or before `lastDay` (the last calendar day before the instant, in the practice zone).
 */
export const claimAROn = (
  c: ClaimDoc,
  instant: number,
  lastDay: string,
  basis: Basis = 'as-reported',
): number => {
  if (c.dateOfService > lastDay) return 0;
  let owed = chargesAt(c, instant, basis);
  for (const l of c.ledger) if (l.t < instant) owed -= l.amount;
  return owed > 0 ? owed : 0;
};

/**
 * A/R of one claim at an instant: charges − payments − contractual adjustments − write-offs
 * recorded before it, never negative. A claim counts once its date of service has begun.
 */
export const claimARAt = (
  c: ClaimDoc,
  instant: DateTime,
  zone: string,
  basis: Basis = 'as-reported',
): number =>
  claimAROn(c, instant.toMillis(), instant.setZone(zone).minus({ milliseconds: 1 }).toISODate()!, basis);

/** A/R at the end of the period (the first instant after it), summed over every claim. */
export const arAtEnd = (claims: readonly ClaimDoc[], p: Period, basis: Basis = 'as-reported'): number => {
  const { end } = boundsOf(p);
  let total = 0;
  for (const c of claims) total += claimAROn(c, end, p.lastDay, basis);
  return total;
};

const DAY_MS = 86_400_000;
/** Days between a date of service and a later calendar date (both `YYYY-MM-DD`). */
export const ageInDays = (dateOfService: string, asOf: string): number =>
  Math.round((Date.parse(asOf) - Date.parse(dateOfService)) / DAY_MS);

/**
 * Days in A/R = A/R at the end of the period ÷ (adjusted charges in the period ÷ days in the
 * period) (MGMA: total A/R ÷ (adjusted FFS charges × 1/365), here per period).
 */
export const daysInAR = (
  claims: readonly ClaimDoc[],
  p: Period,
  basis: Basis = 'as-reported',
): number | undefined => {
  const adjusted = adjustedCharges(claims, p, basis);
  return adjusted <= 0 ? undefined : arAtEnd(claims, p, basis) / (adjusted / p.days);
};

/** Adjusted (net) collection % = net collections ÷ adjusted charges × 100 (MGMA). */
export const adjustedCollectionRate = (
  claims: readonly ClaimDoc[],
  p: Period,
  basis: Basis = 'as-reported',
): number | undefined => pct(netCollections(claims, p), adjustedCharges(claims, p, basis));

/** Gross collection % = net collections ÷ gross charges × 100 (MGMA). */
export const grossCollectionRate = (
  claims: readonly ClaimDoc[],
  p: Period,
  basis: Basis = 'as-reported',
): number | undefined => pct(netCollections(claims, p), grossCharges(claims, p, basis));

/**
 * Aged A/R % = A/R on claims whose date of service is more than 90 days before the end of the
 * period ÷ total A/R at the end of the period × 100 (HFMA AR-1).
 */
export const agedARRate = (
  claims: readonly ClaimDoc[],
  p: Period,
  basis: Basis = 'as-reported',
): number | undefined => {
  const { end } = boundsOf(p);
  const cutoff = Date.parse(p.lastDay) - 90 * DAY_MS;
  let aged = 0;
  let total = 0;
  for (const c of claims) {
    const ar = claimAROn(c, end, p.lastDay, basis);
    total += ar;
    if (Date.parse(c.dateOfService) < cutoff) aged += ar;
  }
  return pct(aged, total);
};

/**
 * Clean claim rate = claims that passed scrubbing on their first attempt ÷ claims first
 * scrubbed in the period × 100 (HFMA CL-1).
 */
export const cleanClaimRate = (claims: readonly ClaimDoc[], p: Period): number | undefined => {
  const b = boundsOf(p);
  let first = 0;
  let clean = 0;
  for (const c of claims)
    if (c.firstScrub !== undefined && within(c.firstScrub.t, b)) {
      first++;
      if (c.firstScrub.clean) clean++;
    }
  return pct(clean, first);
};

/** Claims whose first adjudication fell in the period. */
const firstAdjudicatedIn = (claims: readonly ClaimDoc[], p: Period) => {
  const b = boundsOf(p);
  return claims.filter((c) => c.firstAdjudication !== undefined && within(c.firstAdjudication.t, b));
};

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
 * first adjudicated in the period × 100 (HFMA). As reported, each claim's charges as recorded
 * by the period's close.
 */
export const initialDenialRateByDollars = (
  claims: readonly ClaimDoc[],
  p: Period,
  basis: Basis = 'as-reported',
): number | undefined => {
  const { end } = boundsOf(p);
  const first = firstAdjudicatedIn(claims, p);
  return pct(
    sum(first.filter((c) => c.firstAdjudication!.denied).map((c) => chargesAt(c, end, basis))),
    sum(first.map((c) => chargesAt(c, end, basis))),
  );
};

/** Denial write-offs: write-offs with reason "denial" posted in the period. */
export const denialWriteOffs = (claims: readonly ClaimDoc[], p: Period): number =>
  ledgerSum(claims, p, 'write-off', (l) => l.reason === 'denial');

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
export const posCollectionRate = (claims: readonly ClaimDoc[], p: Period): number | undefined =>
  pct(
    ledgerSum(claims, p, 'patient-payment', (l) => l.pointOfService === true),
    ledgerSum(claims, p, 'patient-payment'),
  );

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
  const b = boundsOf(p);
  const rows = new Map<string, { payerId: string; cptCode: string; paid: number; adj: number; n: number }>();
  for (const c of claims)
    for (const l of c.ledger) {
      if ((l.kind !== 'payer-payment' && l.kind !== 'contractual-adjustment') || !within(l.t, b)) continue;
      const key = `${c.payerId}\u0000${l.cptCode ?? ''}`;
      const r = rows.get(key) ?? { payerId: c.payerId, cptCode: l.cptCode ?? '', paid: 0, adj: 0, n: 0 };
      if (l.kind === 'payer-payment') {
        r.paid += l.amount;
        // A reversal takes its paid line back out of the count.
        r.n += l.reversal === true ? -1 : 1;
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
      averagePaid: r.n <= 0 ? undefined : Math.round(r.paid / r.n),
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
  const b = boundsOf(p);
  const rows = new Map<string, { count: number; amount: number }>();
  for (const c of claims)
    for (const d of c.denials) {
      if (!within(d.t, b)) continue;
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
  /** Which view these are: as reported at the period's close, or restated with later corrections. */
  readonly basis: Basis;
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
export const revenueCycleKpisOf = (
  claims: readonly ClaimDoc[],
  p: Period,
  basis: Basis = 'as-reported',
): RevenueCycleKpis => {
  // Each base sum is computed once and the ratios derived from it (the formulas are the
  // exported functions above; this only avoids scanning every claim a dozen times).
  const gross = grossCharges(claims, p, basis);
  const contractual = contractualAdjustments(claims, p);
  const adjusted = gross - contractual;
  const collected = netCollections(claims, p);
  const ar = arAtEnd(claims, p, basis);
  return {
    period: p.label,
    basis,
    grossCharges: gross,
    contractualAdjustments: contractual,
    adjustedCharges: adjusted,
    netCollections: collected,
    arAtEnd: ar,
    daysInAR: adjusted <= 0 ? undefined : ar / (adjusted / p.days),
    adjustedCollectionRate: pct(collected, adjusted),
    grossCollectionRate: pct(collected, gross),
    agedARRate: agedARRate(claims, p, basis),
    cleanClaimRate: cleanClaimRate(claims, p),
    initialDenialRate: initialDenialRate(claims, p),
    initialDenialRateByDollars: initialDenialRateByDollars(claims, p, basis),
    denialWriteOffRate: pct(denialWriteOffs(claims, p), collected),
    posCollectionRate: posCollectionRate(claims, p),
    reimbursementByCpt: reimbursementByCpt(claims, p),
    denialsByCarc: denialsByCarc(claims, p),
  };
};

/**
 * Every revenue-cycle KPI of a period, read from the `finance-claims` read model.
 *
 * @example
 * const kpis = await revenueCycleKpis(reader, periodOf('2026-Q1', 'America/New_York'));
 * kpis.daysInAR; // e.g. 38.2
 */
export const revenueCycleKpis = async (
  reader: ReadModelReader,
  period: Period,
  basis: Basis = 'as-reported',
): Promise<RevenueCycleKpis> => revenueCycleKpisOf(await loadClaims(reader), period, basis);

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
 * Claims never submitted, with a balance still owed, whose timely-filing deadline (Medicare:
 * 12 months from the date of service, 42 CFR 424.44; other payers their own limit; self-pay
 * none) is within `withinDays` of `asOf` (a date) or already past, soonest first.
 */
export const claimsNearFilingDeadline = async (
  reader: ReadModelReader,
  asOf: string,
  withinDays = 30,
): Promise<FilingDeadlineAlert[]> =>
  (await loadClaims(reader))
    .filter(
      (c) =>
        c.firstSubmittedAt === undefined &&
        c.filingDeadline !== undefined &&
        c.status !== 'none' &&
        c.totalCharges - sum(c.ledger.map((l) => l.amount)) > 0,
    )
    .map((c) => ({
      claimId: c.claimId,
      payerId: c.payerId,
      dateOfService: c.dateOfService,
      filingDeadline: c.filingDeadline!,
      daysLeft: ageInDays(asOf, c.filingDeadline!),
    }))
    .filter((a) => a.daysLeft <= withinDays)
    .sort((a, b) => a.daysLeft - b.daysLeft || a.claimId.localeCompare(b.claimId));
