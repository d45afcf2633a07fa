import type { KpiBreakdown, KpiPart } from '@praxis/core';
import { dateInPeriod, type Period } from '../period.js';
import type { ClaimDoc } from './claims-projection.js';
import { boundsOf, chargesAt, claimAROn, type Basis } from './revenue-cycle.js';

/**
 * What the finance KPIs are made of, claim by claim (for `practice.explain`, MODULES.md §4.5):
 * each part is one claim's share of the numerator and denominator of the formula in
 * revenue-cycle.ts, so the parts give back the KPI's value exactly. Grouped by payer, payer
 * kind and a reason as of the period's end. Claims carry no rendering provider, so there is no
 * provider dimension.
 */

const inPeriod = (t: number, p: Period): boolean => {
  const b = boundsOf(p);
  return t >= b.start && t < b.end;
};

/** Charges of a claim counted in the period's gross charges (date of service in it), as of its close. */
const grossOf = (c: ClaimDoc, p: Period, basis: Basis): number =>
  dateInPeriod(c.dateOfService, p) ? chargesAt(c, boundsOf(p).end, basis) : 0;

const ledgerOf = (c: ClaimDoc, p: Period, kinds: readonly string[]): number => {
  let t = 0;
  for (const l of c.ledger) if (kinds.includes(l.kind) && inPeriod(l.t, p)) t += l.amount;
  return t;
};

/** Adjusted charges of one claim in the period: its gross charges − contractual adjustments posted in it. */
const adjustedOf = (c: ClaimDoc, p: Period, basis: Basis): number =>
  grossOf(c, p, basis) - ledgerOf(c, p, ['contractual-adjustment']);

/** Why a claim still owes (or not) at an instant: what a practice manager would chase. */
export const arReason = (c: ClaimDoc, instant: number, lastDay: string, basis: Basis): string => {
  if (claimAROn(c, instant, lastDay, basis) === 0) return 'settled';
  const denial = [...c.denials].reverse().find((d) => d.t < instant);
  const paidAfter =
    denial !== undefined &&
    c.ledger.some((l) => l.kind === 'payer-payment' && l.t >= denial.t && l.t < instant);
  if (denial !== undefined && !paidAfter) return `denied ${denial.carcCode}`;
  if (c.ledger.some((l) => l.kind === 'payer-payment' && l.t < instant)) return 'patient balance';
  if (c.firstSubmittedAt === undefined || Date.parse(c.firstSubmittedAt) >= instant) return 'not submitted';
  return 'awaiting payer';
};

const part = (c: ClaimDoc, numerator: number, denominator: number, reason: string): KpiPart => ({
  key: `claim:${c.claimId}`,
  numerator,
  denominator,
  streamId: `Claim-${c.claimId}`,
  dimensions: { payer: c.payerId, payerKind: c.payerKind, reason },
});

const parts = (claims: readonly ClaimDoc[], f: (c: ClaimDoc) => KpiPart | undefined): KpiPart[] => {
  const out: KpiPart[] = [];
  for (const c of claims) {
    const x = f(c);
    if (x !== undefined && (x.numerator !== 0 || x.denominator !== 0)) out.push(x);
  }
  return out;
};

/**
 * Days in A/R by claim: numerator = the claim's A/R at the period's end, denominator = its
 * adjusted charges in the period ÷ days in the period; reason as of the period's end.
 */
export const daysInARBreakdown = (claims: readonly ClaimDoc[], p: Period, basis: Basis): KpiBreakdown => {
  const { end } = boundsOf(p);
  return {
    kind: 'ratio',
    scale: 1,
    parts: parts(claims, (c) =>
      part(
        c,
        claimAROn(c, end, p.lastDay, basis),
        adjustedOf(c, p, basis) / p.days,
        arReason(c, end, p.lastDay, basis),
      ),
    ),
  };
};

/** Net (adjusted) collection rate by claim: payments in the period ÷ its adjusted charges in the period × 100. */
export const adjustedCollectionRateBreakdown = (
  claims: readonly ClaimDoc[],
  p: Period,
  basis: Basis,
): KpiBreakdown => {
  const { end } = boundsOf(p);
  return {
    kind: 'ratio',
    scale: 100,
    parts: parts(claims, (c) =>
      part(
        c,
        ledgerOf(c, p, ['payer-payment', 'patient-payment']),
        adjustedOf(c, p, basis),
        arReason(c, end, p.lastDay, basis),
      ),
    ),
  };
};

/** Gross collection rate by claim: payments in the period ÷ its gross charges in the period × 100. */
export const grossCollectionRateBreakdown = (
  claims: readonly ClaimDoc[],
  p: Period,
  basis: Basis,
): KpiBreakdown => {
  const { end } = boundsOf(p);
  return {
    kind: 'ratio',
    scale: 100,
    parts: parts(claims, (c) =>
      part(
        c,
        ledgerOf(c, p, ['payer-payment', 'patient-payment']),
        grossOf(c, p, basis),
        arReason(c, end, p.lastDay, basis),
      ),
    ),
  };
};

/** Initial denial rate by claim: 1 ÷ 1 for a claim first adjudicated in the period as a denial, 0 ÷ 1 when paid. */
export const initialDenialRateBreakdown = (claims: readonly ClaimDoc[], p: Period): KpiBreakdown => ({
  kind: 'ratio',
  scale: 100,
  parts: parts(claims, (c) => {
    const first = c.firstAdjudication;
    if (first === undefined || !inPeriod(first.t, p)) return undefined;
    const carc = c.denials.find((d) => d.t >= first.t)?.carcCode ?? c.denials[0]?.carcCode;
    return part(c, first.denied ? 1 : 0, 1, first.denied ? `denied ${carc ?? ''}`.trim() : 'paid');
  }),
});

/** Gross charges by claim (a sum): charges of claims whose date of service is in the period. */
export const grossChargesBreakdown = (
  claims: readonly ClaimDoc[],
  p: Period,
  basis: Basis,
): KpiBreakdown => ({
  kind: 'sum',
  parts: parts(claims, (c) => part(c, grossOf(c, p, basis), 0, 'date of service in the period')),
});

/** Net collections by claim (a sum): payer and patient payments posted in the period. */
export const netCollectionsBreakdown = (claims: readonly ClaimDoc[], p: Period): KpiBreakdown => ({
  kind: 'sum',
  parts: parts(claims, (c) => {
    const payer = ledgerOf(c, p, ['payer-payment']);
    const patient = ledgerOf(c, p, ['patient-payment']);
    return part(c, payer + patient, 0, payer !== 0 ? 'payer payment' : 'patient payment');
  }),
});
