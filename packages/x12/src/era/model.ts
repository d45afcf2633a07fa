import type { X12Location } from '../x12-error.js';

/**
 * CAS01, the claim adjustment group: `CO` contractual obligation (the provider absorbs it),
 * `PR` patient responsibility, `OA` other adjustment, `PI` payer-initiated reduction,
 * `CR` correction and reversal (retired in 5010 but still sent).
 */
export type AdjustmentGroup = 'CO' | 'PR' | 'OA' | 'PI' | 'CR';

/** One CAS reason triplet: group, CARC and amount (cents; negative on reversals). */
export interface Adjustment {
  readonly group: AdjustmentGroup;
  /** Claim Adjustment Reason Code (CARC), e.g. `45`, `A2`. */
  readonly carc: string;
  readonly amount: number;
  readonly where: X12Location;
}

/** One service line (SVC loop 2110). Money in cents. */
export interface ServicePayment {
  /** SVC01-1: `HC` (CPT/HCPCS), `AD`, `NU`… */
  readonly qualifier: string;
  /** SVC01-2: the procedure code. */
  readonly code: string;
  /** SVC01-3…6. */
  readonly modifiers: readonly string[];
  /** SVC02. */
  readonly charge: number;
  /** SVC03. */
  readonly paid: number;
  /** SVC05, when sent (default 1). */
  readonly units: number | undefined;
  /** DTM*472 / DTM*150 (YYYY-MM-DD), when sent. */
  readonly serviceDate: string | undefined;
  readonly adjustments: readonly Adjustment[];
  /** Remittance Advice Remark Codes (RARC) from LQ*HE. */
  readonly remarks: readonly string[];
  readonly where: X12Location;
}

/**
 * CLP02 claim status: 1/2/3 processed as primary/secondary/tertiary, 4 denied, 19/20/21
 * processed and forwarded, 22 reversal of a previous payment, 23 not our claim, 25 predetermination.
 */
export const CLAIM_STATUS: Readonly<Record<string, string>> = {
  '1': 'processed as primary',
  '2': 'processed as secondary',
  '3': 'processed as tertiary',
  '4': 'denied',
  '19': 'processed as primary, forwarded',
  '20': 'processed as secondary, forwarded',
  '21': 'processed as tertiary, forwarded',
  '22': 'reversal of previous payment',
  '23': 'not our claim, forwarded',
  '25': 'predetermination pricing only, no payment',
};

/** One claim payment (CLP loop 2100). Money in cents. */
export interface ClaimPayment {
  /** CLP01: the provider's claim id (the 837's CLM01 — Praxis's claimId). */
  readonly claimId: string;
  /** CLP02. */
  readonly status: string;
  /** CLP03. */
  readonly charge: number;
  /** CLP04. */
  readonly paid: number;
  /** CLP05 (0 when absent). */
  readonly patientResponsibility: number;
  /** CLP07: the payer's claim control number. */
  readonly payerClaimNumber: string | undefined;
  /** Claim-level CAS. */
  readonly adjustments: readonly Adjustment[];
  /** RARCs at claim level (MOA03–MOA07, MIA05, MIA20–MIA24). */
  readonly remarks: readonly string[];
  readonly lines: readonly ServicePayment[];
  readonly where: X12Location;
}

/** One provider-level adjustment (a PLB reason/amount pair). Positive reduces the payment. */
export interface ProviderAdjustment {
  /** PLB01: the provider identifier. */
  readonly provider: string;
  /** PLB03-1: `WO` overpayment recovery, `L6` interest, `FB` forwarding balance, `72` authorized return… */
  readonly reason: string;
  /** PLB03-2, when sent. */
  readonly reference: string | undefined;
  readonly amount: number;
  readonly where: X12Location;
}

/** One 835 transaction set: a payment (or notice) from one payer to one payee. */
export interface RemittanceAdvice {
  /** ST02. */
  readonly controlNumber: string;
  /** ISA13 of the interchange. */
  readonly interchangeControlNumber: string;
  /** BPR01: `I` remittance with payment, `H` notification only, `C` payment only… */
  readonly handling: string;
  /** BPR02: the total actual payment (cents). */
  readonly paymentAmount: number;
  /** BPR04: `ACH`, `CHK`, `NON`, `BOP`, `FWT`. */
  readonly paymentMethod: string;
  /** BPR16 (YYYY-MM-DD): the check issue or EFT effective date. */
  readonly paymentDate: string | undefined;
  /** TRN02: the check or EFT trace number; with TRN03 it names the remittance. */
  readonly traceNumber: string;
  /** TRN03: the payer's identifier (1 + tax id, usually). */
  readonly originator: string;
  /** N1*PR name. */
  readonly payerName: string;
  /** N1*PE name, and its NPI (N1*PE*…*XX). */
  readonly payeeName: string;
  readonly payeeNpi: string | undefined;
  readonly claims: readonly ClaimPayment[];
  readonly providerAdjustments: readonly ProviderAdjustment[];
  readonly where: X12Location;
}
