import { dollars } from '../money.js';
import { X12Error } from '../x12-error.js';
import type { AdjustmentGroup, ClaimPayment, RemittanceAdvice } from './model.js';

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** Every CAS amount of a claim, claim level and line level together (cents). */
export const adjustmentsOf = (c: ClaimPayment) => [
  ...c.adjustments,
  ...c.lines.flatMap((l) => l.adjustments),
];

/**
 * Checks the 835's balancing rules (005010X221A1 §1.10.2): each service line
 * SVC02 − SVC03 = Σ its CAS; each claim CLP03 − CLP04 = Σ its CAS (claim and lines) and
 * CLP05 = Σ CAS in group PR; the payment BPR02 = Σ CLP04 − Σ PLB amounts. Throws
 * `X12Error` (`unbalanced`) naming the first element that does not add up.
 */
export const checkBalance = (r: RemittanceAdvice): void => {
  for (const c of r.claims) {
    for (const l of c.lines) {
      const adj = sum(l.adjustments.map((a) => a.amount));
      if (l.charge - l.paid !== adj)
        throw new X12Error(
          'unbalanced',
          `the line charges ${dollars(l.charge)} and pays ${dollars(l.paid)}, so its adjustments (CAS) must total ${dollars(l.charge - l.paid)}, not ${dollars(adj)}`,
          { ...l.where, element: 'SVC03' },
        );
    }
    const all = adjustmentsOf(c);
    const adj = sum(all.map((a) => a.amount));
    if (c.charge - c.paid !== adj)
      throw new X12Error(
        'unbalanced',
        `claim ${c.claimId} charges ${dollars(c.charge)} and pays ${dollars(c.paid)}, so its adjustments (CAS) must total ${dollars(c.charge - c.paid)}, not ${dollars(adj)}`,
        { ...c.where, element: 'CLP04' },
      );
    const pr = sum(all.filter((a) => a.group === 'PR').map((a) => a.amount));
    if (c.patientResponsibility !== pr)
      throw new X12Error(
        'unbalanced',
        `claim ${c.claimId}: patient responsibility ${dollars(c.patientResponsibility)} must equal its PR adjustments, ${dollars(pr)}`,
        { ...c.where, element: 'CLP05' },
      );
  }
  const paid = sum(r.claims.map((c) => c.paid));
  const plb = sum(r.providerAdjustments.map((p) => p.amount));
  if (r.paymentAmount !== paid - plb)
    throw new X12Error(
      'unbalanced',
      `the payment ${dollars(r.paymentAmount)} must equal the claims' payments ${dollars(paid)} less provider adjustments (PLB) ${dollars(plb)} = ${dollars(paid - plb)}`,
      { ...r.where, element: 'BPR02' },
    );
};

/** What a remittance adds up to (cents): the dry run's figures and the import's reconciliation line. */
export interface RemittanceTotals {
  readonly claims: number;
  /** Σ CLP03. */
  readonly charges: number;
  /** Σ CLP04. */
  readonly paid: number;
  /** Σ CLP05. */
  readonly patientResponsibility: number;
  /** Σ CAS by group (`CO`, `PR`, `OA`, `PI`, `CR`). */
  readonly adjustmentsByGroup: Readonly<Partial<Record<AdjustmentGroup, number>>>;
  /** Σ CAS by group and CARC: `CO-45`. */
  readonly adjustmentsByReason: Readonly<Record<string, number>>;
  /** Σ PLB amounts (positive reduces the payment). */
  readonly providerAdjustments: number;
  /** BPR02. */
  readonly payment: number;
  /** Σ CLP04 − Σ PLB, which must equal BPR02. */
  readonly expectedPayment: number;
}

/** Adds up one remittance. */
export const totalsOf = (r: RemittanceAdvice): RemittanceTotals => {
  const byGroup: Partial<Record<AdjustmentGroup, number>> = {};
  const byReason: Record<string, number> = {};
  for (const c of r.claims) {
    for (const a of adjustmentsOf(c)) {
      byGroup[a.group] = (byGroup[a.group] ?? 0) + a.amount;
      const k = `${a.group}-${a.carc}`;
      byReason[k] = (byReason[k] ?? 0) + a.amount;
    }
  }
  const paid = sum(r.claims.map((c) => c.paid));
  const plb = sum(r.providerAdjustments.map((p) => p.amount));
  return {
    claims: r.claims.length,
    charges: sum(r.claims.map((c) => c.charge)),
    paid,
    patientResponsibility: sum(r.claims.map((c) => c.patientResponsibility)),
    adjustmentsByGroup: byGroup,
    adjustmentsByReason: byReason,
    providerAdjustments: plb,
    payment: r.paymentAmount,
    expectedPayment: paid - plb,
  };
};
