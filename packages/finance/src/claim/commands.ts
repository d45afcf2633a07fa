import type { ChargeLine, ClaimIssue, PayerKind, RemittanceLine, WriteOffReason } from './events.js';

/** Register an encounter's charges: opens the claim. */
export interface RegisterCharges {
  readonly type: 'RegisterCharges';
  readonly claimId: string;
  readonly encounterId: string;
  readonly patientId: string;
  readonly payerId: string;
  readonly payerKind: PayerKind;
  readonly dateOfService: string;
  /** The practice's IANA time zone (deadlines are counted in it). */
  readonly timeZone: string;
  readonly charges: readonly ChargeLine[];
  /** The payer's filing limit in months, when it is not the usual 12. */
  readonly timelyFilingMonths?: number;
  /** The payer's appeal window in days (Medicare: 120 when not given). */
  readonly appealWindowDays?: number;
  readonly at: string;
}
/** Add charge lines before the claim is created. */
export interface AddCharges {
  readonly type: 'AddCharges';
  readonly charges: readonly ChargeLine[];
  readonly at: string;
}
/** Create the claim from the registered charges. */
export interface CreateClaim {
  readonly type: 'CreateClaim';
  readonly at: string;
}
/** Record the scrubber's result: the edits that failed (none = clean claim). */
export interface ScrubClaim {
  readonly type: 'ScrubClaim';
  readonly failedEdits: readonly ClaimIssue[];
  readonly at: string;
}
/** Correct a held, rejected or denied claim (optionally replacing its charges). */
export interface CorrectClaim {
  readonly type: 'CorrectClaim';
  readonly correction: string;
  readonly charges?: readonly ChargeLine[];
  readonly at: string;
}
/** Submit a clean claim to the payer (a resubmission after a correction too). */
export interface SubmitClaim {
  readonly type: 'SubmitClaim';
  readonly at: string;
}
/** The payer accepted the claim into adjudication. */
export interface RecordPayerAcceptance {
  readonly type: 'RecordPayerAcceptance';
  readonly payerClaimNumber?: string;
  readonly at: string;
}
/** The payer's front end rejected the claim. */
export interface RecordPayerRejection {
  readonly type: 'RecordPayerRejection';
  readonly reasons: readonly ClaimIssue[];
  readonly at: string;
}
/** The payer denied the claim with a CARC code and amount. */
export interface RecordDenial {
  readonly type: 'RecordDenial';
  readonly carcCode: string;
  readonly amount: number;
  readonly at: string;
}
/** Appeal a denial (Medicare: redetermination request). */
export interface AppealDenial {
  readonly type: 'AppealDenial';
  readonly note: string;
  readonly at: string;
}
/** Post a payer remittance: paid and contractual adjustment per CPT code. */
export interface RecordPayerPayment {
  readonly type: 'RecordPayerPayment';
  readonly paymentId: string;
  readonly lines: readonly RemittanceLine[];
  /** What the payer says the patient owes (copay, coinsurance, deductible). */
  readonly patientResponsibility: number;
  readonly at: string;
}
/** Send the patient a statement for their share. */
export interface BillPatient {
  readonly type: 'BillPatient';
  readonly statementId: string;
  readonly amount: number;
  readonly at: string;
}
/** Take a patient payment, flagging one taken at the point of service. */
export interface CollectPatientPayment {
  readonly type: 'CollectPatientPayment';
  readonly paymentId: string;
  readonly amount: number;
  readonly pointOfService: boolean;
  readonly at: string;
}
/** Write off part or all of the balance, with a reason. */
export interface WriteOffBalance {
  readonly type: 'WriteOffBalance';
  readonly writeOffId: string;
  readonly amount: number;
  readonly reason: WriteOffReason;
  readonly at: string;
}

/** Every command a Claim accepts. */
export type ClaimCommand =
  | RegisterCharges
  | AddCharges
  | CreateClaim
  | ScrubClaim
  | CorrectClaim
  | SubmitClaim
  | RecordPayerAcceptance
  | RecordPayerRejection
  | RecordDenial
  | AppealDenial
  | RecordPayerPayment
  | BillPatient
  | CollectPatientPayment
  | WriteOffBalance;
