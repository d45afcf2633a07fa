import type { ReadModelReader } from '@praxis/core';
import type { Period } from '../period.js';
import { loadClaims, type ClaimDoc } from './claims-projection.js';
import { ageInDays, boundsOf, claimAROn, type Basis } from './revenue-cycle.js';

/** A/R aging buckets, counted in days from the date of service (DOMAIN.md). */
export interface AgingBuckets {
  readonly '0-30': number;
  readonly '31-60': number;
  readonly '61-90': number;
  readonly '91-120': number;
  readonly '120+': number;
}

/** One payer's A/R at the end of the period, by age. Cents. */
export interface PayerAging {
  readonly payerId: string;
  readonly buckets: AgingBuckets;
  readonly total: number;
}

/** A/R aging by payer, with the practice total. */
export interface ARAging {
  readonly period: string;
  /** As reported at the period's close, or restated with later corrections. */
  readonly basis: Basis;
  /** The day ages are counted to: the last day of the period. */
  readonly asOf: string;
  readonly payers: readonly PayerAging[];
  readonly totals: PayerAging;
}

const empty = (): Record<keyof AgingBuckets, number> => ({
  '0-30': 0,
  '31-60': 0,
  '61-90': 0,
  '91-120': 0,
  '120+': 0,
});

/** The bucket of an age in days: 0–30, 31–60, 61–90, 91–120, >120. */
export const bucketOf = (days: number): keyof AgingBuckets =>
  days <= 30 ? '0-30' : days <= 60 ? '31-60' : days <= 90 ? '61-90' : days <= 120 ? '91-120' : '120+';

/**
 * A/R aging (pure): each claim's A/R at the end of the period (charges − payments − contractual
 * adjustments − write-offs, never negative), placed by its age from the date of service to the
 * period's last day, grouped by payer. Claims with no A/R are left out.
 */
export const arAgingOf = (claims: readonly ClaimDoc[], p: Period, basis: Basis = 'as-reported'): ARAging => {
  const byPayer = new Map<string, Record<keyof AgingBuckets, number>>();
  const totals = empty();
  const { end } = boundsOf(p);
  for (const c of claims) {
    const ar = claimAROn(c, end, p.lastDay, basis);
    if (ar === 0) continue;
    const bucket = bucketOf(ageInDays(c.dateOfService, p.lastDay));
    const b = byPayer.get(c.payerId) ?? empty();
    b[bucket] += ar;
    totals[bucket] += ar;
    byPayer.set(c.payerId, b);
  }
  const total = (b: AgingBuckets) => Object.values(b).reduce((x: number, y: number) => x + y, 0);
  return {
    period: p.label,
    basis,
    asOf: p.lastDay,
    payers: [...byPayer.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([payerId, buckets]) => ({ payerId, buckets, total: total(buckets) })),
    totals: { payerId: '*', buckets: totals, total: total(totals) },
  };
};

/**
 * A/R aging buckets by payer at the end of a period, from the `finance-claims` read model.
 *
 * @example
 * const aging = await arAging(reader, periodOf('2026-03', 'America/New_York'));
 * aging.totals.buckets['91-120'];
 */
export const arAging = async (
  reader: ReadModelReader,
  period: Period,
  basis: Basis = 'as-reported',
): Promise<ARAging> => arAgingOf(await loadClaims(reader), period, basis);
