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
 * Checks one claim payment's balancing (005010X221A1 §1.10.2): each service line
 * SVC02 − SVC03 = Σ its CAS; the claim CLP03 − CLP04 = Σ its CAS (claim and lines) and
 * CLP05 = Σ CAS in group PR. Throws `X12Error` (`unbalanced`) naming the element.
 */
export const checkClaimBalance = (c: ClaimPayment): void => {
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
};

/** Checks BPR02 = Σ CLP04 − Σ PLB (cents); throws `X12Error` (`unbalanced`) at BPR02. */
export const checkPaymentBalance = (
  r: Pick<RemittanceAdvice, 'paymentAmount' | 'where'>,
  paid: number,
  plb: number,
): void => {
  if (r.paymentAmount !== paid - plb)
    throw new X12Error(
      'unbalanced',
      `the payment ${dollars(r.paymentAmount)} must equal the claims' payments ${dollars(paid)} less provider adjustments (PLB) ${dollars(plb)} = ${dollars(paid - plb)}`,
      { ...r.where, element: 'BPR02' },
    );
};

/**
 * Checks the 835's balancing rules (005010X221A1 §1.10.2): every claim (`checkClaimBalance`)
 * and the payment BPR02 = Σ CLP04 − Σ PLB amounts. Throws `X12Error` (`unbalanced`) naming the
 * first element that does not add up.
 */
export const checkBalance = (r: RemittanceAdvice): void => {
  for (const c of r.claims) checkClaimBalance(c);
  checkPaymentBalance(r, sum(r.claims.map((c) => c.paid)), sum(r.providerAdjustments.map((p) => p.amount)));
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
  /** The distinct RARCs (MOA, MIA, LQ*HE) of its claims, in order of appearance. */
  readonly remarkCodes: readonly string[];
  /** Σ PLB amounts (positive reduces the payment). */
  readonly providerAdjustments: number;
  /** BPR02. */
  readonly payment: number;
  /** Σ CLP04 − Σ PLB, which must equal BPR02. */
  readonly expectedPayment: number;
}

/**
 * Adds up a remittance claim by claim as it is read (memory: one entry per distinct group and
 * CARC, and per distinct RARC).
 */
export class TotalsAccumulator {
  private claims = 0;
  private charges = 0;
  private paid = 0;
  private pr = 0;
  private plb = 0;
  private readonly byGroup: Partial<Record<AdjustmentGroup, number>> = {};
  private readonly byReason: Record<string, number> = {};
  private readonly rarcs = new Set<string>();
  /** Adds one claim payment. */
  claim(c: ClaimPayment): void {
    this.claims++;
    this.charges += c.charge;
    this.paid += c.paid;
    this.pr += c.patientResponsibility;
    for (const a of adjustmentsOf(c)) {
      this.byGroup[a.group] = (this.byGroup[a.group] ?? 0) + a.amount;
      const k = `${a.group}-${a.carc}`;
      this.byReason[k] = (this.byReason[k] ?? 0) + a.amount;
    }
    for (const m of c.remarks) this.rarcs.add(m);
    for (const l of c.lines) for (const m of l.remarks) this.rarcs.add(m);
  }
  /** Adds provider-level adjustments (PLB). */
  providerAdjustment(amount: number): void {
    this.plb += amount;
  }
  /** Σ CLP04 so far. */
  get claimsPaid(): number {
    return this.paid;
  }
  /** Σ PLB so far. */
  get providerAdjustments(): number {
    return this.plb;
  }
  /** The totals, with BPR02 as `payment`. */
  totals(payment: number): RemittanceTotals {
    return {
      claims: this.claims,
      charges: this.charges,
      paid: this.paid,
      patientResponsibility: this.pr,
      adjustmentsByGroup: { ...this.byGroup },
      adjustmentsByReason: { ...this.byReason },
      remarkCodes: [...this.rarcs],
      providerAdjustments: this.plb,
      payment,
      expectedPayment: this.paid - this.plb,
    };
  }
}

/** Adds up one remittance. */
export const totalsOf = (r: RemittanceAdvice): RemittanceTotals => {
  const t = new TotalsAccumulator();
  for (const c of r.claims) t.claim(c);
  for (const p of r.providerAdjustments) t.providerAdjustment(p.amount);
  return t.totals(r.paymentAmount);
};
