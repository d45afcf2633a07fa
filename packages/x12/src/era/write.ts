import { decimal } from '../money.js';
import { writeInterchange, type SegmentDraft } from '../write.js';
import type { AdjustmentGroup } from './model.js';

/** An adjustment to write: group, CARC, cents. */
export interface AdjustmentDraft {
  readonly group: AdjustmentGroup;
  readonly carc: string;
  readonly amount: number;
}

/** A claim payment to write (cents). `lines` may be empty (claim-level adjudication). */
export interface ClaimPaymentDraft {
  readonly claimId: string;
  /** CLP02 (default `1`). */
  readonly status?: string;
  readonly charge: number;
  readonly paid: number;
  readonly patientResponsibility: number;
  readonly adjustments?: readonly AdjustmentDraft[];
  readonly lines: readonly {
    readonly code: string;
    readonly charge: number;
    readonly paid: number;
    readonly units?: number;
    /** YYYY-MM-DD. */
    readonly serviceDate?: string;
    readonly adjustments: readonly AdjustmentDraft[];
    readonly remarks?: readonly string[];
  }[];
}

/** An 835 to write. BPR02 is computed: Σ CLP04 − Σ PLB. */
export interface RemittanceDraft {
  readonly payerName: string;
  /** TRN03 (`1` + the payer's tax id, by convention). */
  readonly payerId: string;
  readonly payeeName: string;
  readonly payeeNpi: string;
  readonly traceNumber: string;
  /** BPR16 and DTM*405 (YYYY-MM-DD). */
  readonly paymentDate: string;
  /** BPR04 (default `CHK`). */
  readonly paymentMethod?: 'CHK' | 'ACH' | 'NON';
  readonly controlNumber: number;
  readonly claims: readonly ClaimPaymentDraft[];
  readonly providerAdjustments?: readonly {
    readonly reason: string;
    readonly reference?: string;
    readonly amount: number;
  }[];
}

const ymd = (d: string) => d.replaceAll('-', '');

const cas = (as: readonly AdjustmentDraft[]): SegmentDraft[] => {
  const byGroup = new Map<string, AdjustmentDraft[]>();
  for (const a of as) byGroup.set(a.group, [...(byGroup.get(a.group) ?? []), a]);
  const out: SegmentDraft[] = [];
  for (const [group, list] of byGroup) {
    for (let i = 0; i < list.length; i += 6)
      out.push(['CAS', group, ...list.slice(i, i + 6).flatMap((a) => [a.carc, decimal(a.amount), ''])]);
  }
  return out;
};

/**
 * Writes a 005010X221A1 835 (for tests, benchmarks and replaying a practice's payments as
 * the payer would send them): BPR, TRN, payer and payee, one LX with every CLP, its CAS,
 * SVC lines with their CAS and LQ*HE remark codes, then PLB.
 */
export const write835 = (r: RemittanceDraft): string => {
  const plb = r.providerAdjustments ?? [];
  const payment = r.claims.reduce((a, c) => a + c.paid, 0) - plb.reduce((a, p) => a + p.amount, 0);
  const segments: SegmentDraft[] = [
    [
      'BPR',
      'I',
      decimal(payment),
      'C',
      r.paymentMethod ?? 'CHK',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      ymd(r.paymentDate),
    ],
    ['TRN', '1', r.traceNumber, r.payerId],
    ['DTM', '405', ymd(r.paymentDate)],
    ['N1', 'PR', r.payerName],
    ['N1', 'PE', r.payeeName, 'XX', r.payeeNpi],
    ['LX', '1'],
  ];
  for (const c of r.claims) {
    segments.push([
      'CLP',
      c.claimId,
      c.status ?? '1',
      decimal(c.charge),
      decimal(c.paid),
      c.patientResponsibility === 0 ? '' : decimal(c.patientResponsibility),
      '12',
      `P${c.claimId}`,
    ]);
    segments.push(...cas(c.adjustments ?? []));
    for (const l of c.lines) {
      segments.push([
        'SVC',
        `HC:${l.code}`,
        decimal(l.charge),
        decimal(l.paid),
        '',
        l.units === undefined ? '' : String(l.units),
      ]);
      if (l.serviceDate !== undefined) segments.push(['DTM', '472', ymd(l.serviceDate)]);
      segments.push(...cas(l.adjustments));
      for (const rarc of l.remarks ?? []) segments.push(['LQ', 'HE', rarc]);
    }
  }
  if (plb.length > 0)
    segments.push([
      'PLB',
      r.payeeNpi,
      `${r.paymentDate.slice(0, 4)}1231`,
      ...plb.flatMap((p) => [
        p.reference === undefined ? p.reason : `${p.reason}:${p.reference}`,
        decimal(p.amount),
      ]),
    ]);
  return writeInterchange({
    sender: r.payerId,
    receiver: r.payeeNpi,
    controlNumber: r.controlNumber,
    createdAt: `${r.paymentDate}T12:00`,
    functionalCode: 'HP',
    version: '005010X221A1',
    transactions: [{ setId: '835', controlNumber: '0001', segments }],
  });
};
