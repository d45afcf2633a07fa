import type { Json, ReadModelReader } from '@praxis/core';
import type { Evidence } from './events.js';

/** The finance claims read model (`@praxis/kpi`), read by name: strategy does not depend on finance. */
export const financeClaimsName = 'finance-claims';

/** The fields of a finance claim document the payer mix reads. */
export interface ClaimForMix {
  readonly payerKind: string;
  readonly dateOfService: string;
  readonly totalCharges: number;
}

const isClaim = (d: Json): d is Json & ClaimForMix => {
  const x = d as Partial<ClaimForMix> | null;
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof x.payerKind === 'string' &&
    typeof x.dateOfService === 'string' &&
    typeof x.totalCharges === 'number' &&
    Number.isFinite(x.totalCharges)
  );
};

/**
 * The payer mix of the claims with a date of service from `firstDay` to `lastDay` (inclusive):
 * claims and total charges (cents) by payer kind, each with its share of the charges (percent,
 * one decimal), largest first.
 */
export const payerMixOf = (
  claims: readonly ClaimForMix[],
  firstDay: string,
  lastDay: string,
): Extract<Evidence, { kind: 'payer-mix' }> => {
  const by = new Map<string, { claims: number; chargesCents: number }>();
  let total = 0;
  let count = 0;
  for (const c of claims) {
    if (c.dateOfService < firstDay || c.dateOfService > lastDay) continue;
    const row = by.get(c.payerKind) ?? { claims: 0, chargesCents: 0 };
    by.set(c.payerKind, { claims: row.claims + 1, chargesCents: row.chargesCents + c.totalCharges });
    total += c.totalCharges;
    count++;
  }
  const byPayerKind = [...by.entries()]
    .map(([payerKind, r]) => ({
      payerKind,
      claims: r.claims,
      chargesCents: r.chargesCents,
      sharePct: total === 0 ? 0 : Math.round((r.chargesCents / total) * 1000) / 10,
    }))
    .sort((a, b) => b.chargesCents - a.chargesCents || a.payerKind.localeCompare(b.payerKind));
  return { kind: 'payer-mix', claims: count, chargesCents: total, byPayerKind };
};

/** Every claim document of the finance claims read model. */
export const readClaims = async (reader: ReadModelReader): Promise<ClaimForMix[]> => {
  const out: ClaimForMix[] = [];
  for await (const [, doc] of reader.list(financeClaimsName, 'claim:')) if (isClaim(doc)) out.push(doc);
  return out;
};
