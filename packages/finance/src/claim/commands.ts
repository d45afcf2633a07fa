import * as t from 'io-ts';
import {
  command,
  defineCommands,
  ISODate,
  NonEmptyString,
  NonNegativeCents,
  OpaqueId,
  PositiveCents,
  PositiveInt,
  StaffNamed,
  TimeZone,
  type CommandOf,
} from '@praxis/core';
import { ChargeLine, ClaimIssue, PayerKind, RemittanceLine, Subscriber, WriteOffReason } from './events.js';

/**
 * What the submission rule knows about eligibility (a fact: the facade fills it in from the
 * practice's BillingPolicy and the patient's Eligibility stream; a caller cannot send it).
 * `required`: the policy asks for a check before submission; `check`: the latest check of this
 * patient with this payer for the claim's date of service, or null.
 */
export const EligibilityFact = t.type({
  required: t.boolean,
  check: t.union([t.null, t.type({ checkId: NonEmptyString, coverageActive: t.boolean })]),
});
export type EligibilityFact = t.TypeOf<typeof EligibilityFact>;

/**
 * Where an open claim stood in the old system at go-live (`RecordOpeningClaim`):
 * - `unbilled`: charges entered, the claim created, not yet sent;
 * - `submitted`: sent to the payer, no answer yet;
 * - `accepted`: taken into adjudication by the payer;
 * - `denied`: denied (with its CARC code; the denied amount defaults to the open balance);
 * - `adjudicated`: the payer has paid or adjusted; the rest is the patient's.
 */
export const OpeningStatus = t.keyof({
  unbilled: null,
  submitted: null,
  accepted: null,
  denied: null,
  adjudicated: null,
});

/** `unbilled`, `submitted`, `accepted`, `denied` or `adjudicated`. */
export type OpeningStatus = t.TypeOf<typeof OpeningStatus>;

/** Business time (`at`) is stamped from the call (`{ at }` or the practice clock), never the payload. */
const when = { stamps: { at: 'time' } as Record<'at', 'time'> };

/** Every command a Claim accepts, as exact codecs (unknown fields are refused). Amounts in cents. */
export const commands = defineCommands('claimId', {
  /** Register an encounter's charges: opens the claim. */
  RegisterCharges: command(
    {
      claimId: NonEmptyString,
      encounterId: NonEmptyString,
      /**
       * The patient as an opaque id (`OpaqueId`: never a name, an MRN, an SSN, a member or phone
       * number — `NotOpaque` otherwise); it stays in the log after the patient is forgotten.
       */
      patientId: OpaqueId,
      payerId: NonEmptyString,
      payerKind: PayerKind,
      dateOfService: ISODate,
      /** The practice's IANA time zone (deadlines are counted in it). */
      timeZone: TimeZone,
      charges: t.readonlyArray(ChargeLine),
    },
    {
      /** The payer's filing limit in months, when it is not the usual 12. */
      timelyFilingMonths: PositiveInt,
      /** The payer's appeal window in days (Medicare: 120 when not given). */
      appealWindowDays: PositiveInt,
      /** The subscriber's member id (sealed by the vault under the patient). */
      memberId: NonEmptyString,
      /** The subscriber's name as on the payer's card (each part sealed under the patient; at most 60/35 characters). */
      subscriber: Subscriber,
      /**
       * ICD-10-CM diagnosis codes, principal first, dotted or not (`E11.9`, `E119`; stored dotted):
       * 1–12 (837P HI). Charge lines point into this list with `diagnosisPointers`.
       */
      diagnoses: t.readonlyArray(NonEmptyString),
      /** The rendering provider: the id of a staff member on record on the date of service. */
      renderingProviderId: NonEmptyString,
      /** The payer's prior-authorization number (at most 50 characters; sealed under the patient). */
      priorAuthorizationNumber: NonEmptyString,
      /** CMS place-of-service code, two digits (`11` office when not given). */
      placeOfService: NonEmptyString,
    },
    { ...when, facts: { staffOnRecord: StaffNamed } },
  ),
  /** Add charge lines before the claim is created. */
  AddCharges: command({ charges: t.readonlyArray(ChargeLine) }, {}, when),
  /** Create the claim from the registered charges. */
  CreateClaim: command({}, {}, when),
  /** Record the scrubber's result: the edits that failed (none = clean claim). */
  ScrubClaim: command({ failedEdits: t.readonlyArray(ClaimIssue) }, {}, when),
  /** Correct a held, rejected or denied claim (optionally replacing its charges). */
  CorrectClaim: command({ correction: NonEmptyString }, { charges: t.readonlyArray(ChargeLine) }, when),
  /**
   * Submit a clean claim to the payer (a resubmission after a correction too). When the
   * practice's billing policy requires eligibility checks, a claim whose patient's coverage with
   * this payer was not checked for the date of service is refused `EligibilityNotChecked` (checked
   * and inactive: `CoverageInactive`) unless `eligibilityOverrideReason` says why it goes anyway
   * (recorded as `ClaimEligibilityOverridden`, the reason sealed).
   */
  SubmitClaim: command(
    {},
    { eligibilityOverrideReason: NonEmptyString },
    { ...when, facts: { eligibility: EligibilityFact } },
  ),
  /** The payer accepted the claim into adjudication. */
  RecordPayerAcceptance: command({}, { payerClaimNumber: NonEmptyString }, when),
  /** The payer's front end rejected the claim. */
  RecordPayerRejection: command({ reasons: t.readonlyArray(ClaimIssue) }, {}, when),
  /** The payer denied the claim with a CARC code and amount. */
  RecordDenial: command({ carcCode: NonEmptyString, amount: PositiveCents }, {}, when),
  /** Appeal a denial (Medicare: redetermination request). */
  AppealDenial: command({ note: NonEmptyString }, {}, when),
  /** Post a payer remittance: paid and contractual adjustment per CPT code. */
  RecordPayerPayment: command(
    {
      paymentId: NonEmptyString,
      lines: t.readonlyArray(RemittanceLine),
      /** What the payer says the patient owes (copay, coinsurance, deductible). */
      patientResponsibility: NonNegativeCents,
    },
    {},
    when,
  ),
  /**
   * Reverse a payer payment posted earlier (X12 835 CLP02 = 22, "reversal of previous payment"):
   * its paid amount and contractual adjustment come off the claim, which is payable again.
   */
  ReversePayerPayment: command({ paymentId: NonEmptyString, reversalId: NonEmptyString }, {}, when),
  /** Send the patient a statement for their share. */
  BillPatient: command({ statementId: NonEmptyString, amount: PositiveCents }, {}, when),
  /** Take a patient payment, flagging one taken at the point of service. */
  CollectPatientPayment: command(
    { paymentId: NonEmptyString, amount: PositiveCents, pointOfService: t.boolean },
    {},
    when,
  ),
  /** Write off part or all of the balance, with a reason. */
  WriteOffBalance: command(
    { writeOffId: NonEmptyString, amount: PositiveCents, reason: WriteOffReason },
    {},
    when,
  ),
  /**
   * Go-live: a claim already in flight in the old system, with its balances (an opening
   * balance; see `recordOpeningClaim` in ./opening.ts). Amounts in cents; `status` is where it
   * stood: `unbilled`, `submitted`, `accepted`, `denied` (with `carcCode`) or `adjudicated`.
   */
  RecordOpeningClaim: command(
    {
      claimId: NonEmptyString,
      encounterId: NonEmptyString,
      patientId: OpaqueId,
      payerId: NonEmptyString,
      payerKind: PayerKind,
      dateOfService: ISODate,
      timeZone: TimeZone,
      charges: t.readonlyArray(ChargeLine),
      status: OpeningStatus,
    },
    {
      /** What the payer has paid so far (status `adjudicated`). */
      payerPaid: NonNegativeCents,
      /** The payer's contractual adjustment so far (status `adjudicated`). */
      contractualAdjustment: NonNegativeCents,
      /** What the payer left to the patient (billed to the patient at the opening). */
      patientResponsibility: NonNegativeCents,
      /** What the patient has paid so far (a copay at the visit, or against a statement). */
      patientPaid: NonNegativeCents,
      /** The denial's CARC code (status `denied`). */
      carcCode: NonEmptyString,
      /** The amount denied (default: the whole open balance). */
      deniedAmount: PositiveCents,
      timelyFilingMonths: PositiveInt,
      appealWindowDays: PositiveInt,
      /** The claim's data as `RegisterCharges` takes it (an 837P from the old system carries it). */
      memberId: NonEmptyString,
      subscriber: Subscriber,
      diagnoses: t.readonlyArray(NonEmptyString),
      /** The rendering provider: a staff member on record on the date of service. */
      renderingProviderId: NonEmptyString,
      priorAuthorizationNumber: NonEmptyString,
      placeOfService: NonEmptyString,
    },
    { ...when, facts: { staffOnRecord: StaffNamed } },
  ),
});

/** Every command a Claim accepts, as `decide` sees it (`at` filled in). */
export type ClaimCommand = CommandOf<typeof commands>;
type Cmd<K extends ClaimCommand['type']> = Extract<ClaimCommand, { type: K }>;
export type RegisterCharges = Cmd<'RegisterCharges'>;
export type AddCharges = Cmd<'AddCharges'>;
export type CreateClaim = Cmd<'CreateClaim'>;
export type ScrubClaim = Cmd<'ScrubClaim'>;
export type CorrectClaim = Cmd<'CorrectClaim'>;
export type SubmitClaim = Cmd<'SubmitClaim'>;
export type RecordPayerAcceptance = Cmd<'RecordPayerAcceptance'>;
export type RecordPayerRejection = Cmd<'RecordPayerRejection'>;
export type RecordDenial = Cmd<'RecordDenial'>;
export type AppealDenial = Cmd<'AppealDenial'>;
export type RecordPayerPayment = Cmd<'RecordPayerPayment'>;
export type ReversePayerPayment = Cmd<'ReversePayerPayment'>;
export type BillPatient = Cmd<'BillPatient'>;
export type CollectPatientPayment = Cmd<'CollectPatientPayment'>;
export type WriteOffBalance = Cmd<'WriteOffBalance'>;
export type RecordOpeningClaim = Cmd<'RecordOpeningClaim'>;
