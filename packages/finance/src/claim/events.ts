import * as t from 'io-ts';
import {
  defineEvents,
  ISODate,
  ISOInstant,
  NonEmptyString,
  NonNegativeCents,
  personal,
  PositiveCents,
  PositiveInt,
  StaffNamed,
  struct,
  subject,
  TimeZone,
  type EventOf,
} from '@praxis/core';

/** Who pays the claim; Medicare claims get the Medicare deadlines (42 CFR 424.44, 405.942). */
export const PayerKind = t.keyof({
  medicare: null,
  medicaid: null,
  commercial: null,
  'self-pay': null,
  other: null,
});
export type PayerKind = t.TypeOf<typeof PayerKind>;

/**
 * One charge line: a CPT/HCPCS code, units and the practice's charge (cents); optionally up to
 * four CPT/HCPCS modifiers (`25`, `GT`: 837P SV101-3…6) and the claim's diagnoses this service
 * treats, as 1-based pointers into the claim's `diagnoses` (at most four, the first primary:
 * 837P SV107).
 */
export const ChargeLine = struct(
  { cptCode: NonEmptyString, units: PositiveInt, amount: PositiveCents },
  { modifiers: t.readonlyArray(NonEmptyString), diagnosisPointers: t.readonlyArray(PositiveInt) },
);
export type ChargeLine = t.TypeOf<typeof ChargeLine>;

/**
 * The subscriber (insured) as the payer knows them: 837P loop 2010BA NM103/NM104. Praxis bills
 * the patient as the subscriber (SBR02 `18`, self).
 */
export const Subscriber = t.type({ lastName: NonEmptyString, firstName: NonEmptyString });
export type Subscriber = t.TypeOf<typeof Subscriber>;

/** A reason a claim was held by the scrubber or rejected by the payer's front end, as a command gives it. */
export const ClaimIssue = t.type({ code: NonEmptyString, message: NonEmptyString });
export type ClaimIssue = t.TypeOf<typeof ClaimIssue>;

/**
 * A claim issue as stored: the code in clear (what reports group by), the message sealed under
 * the claim's patient — it is free text and may quote the patient ("member id 8812 not found").
 */
const StoredClaimIssue = t.type({ code: NonEmptyString, message: personal(NonEmptyString) });

/** The claim's patient, in every event that carries personal data about them (their subject). */
const PatientId = subject('patient', NonEmptyString);

/** What the payer paid and allowed away, per CPT code, on one remittance. */
export const RemittanceLine = t.type({
  cptCode: NonEmptyString,
  paid: NonNegativeCents,
  contractualAdjustment: NonNegativeCents,
});
export type RemittanceLine = t.TypeOf<typeof RemittanceLine>;

/** Why a balance was written off. `denial` counts in the denial write-off KPI (HFMA AR-6). */
export const WriteOffReason = t.keyof({
  'bad-debt': null,
  denial: null,
  'timely-filing': null,
  'small-balance': null,
  charity: null,
  administrative: null,
});
export type WriteOffReason = t.TypeOf<typeof WriteOffReason>;

/** Every Claim event, with its codec. Every event carries its business time `at`. */
export const events = defineEvents({
  ClaimChargesRegistered: struct(
    {
      claimId: NonEmptyString,
      encounterId: NonEmptyString,
      /**
       * The patient, as the opaque id the practice software gives them (never a name, an MRN
       * or another identifier): the subject (`patient:<patientId>`) of any personal field a
       * claim carries, sealed by the vault.
       */
      patientId: PatientId,
      payerId: NonEmptyString,
      payerKind: PayerKind,
      dateOfService: ISODate,
      timeZone: TimeZone,
      charges: t.array(ChargeLine),
      at: ISOInstant,
    },
    {
      timelyFilingMonths: PositiveInt,
      appealWindowDays: PositiveInt,
      /**
       * The subscriber's member id on the payer's card (837 NM109 of loop 2010BA): a health
       * plan beneficiary number, so personal — sealed by the vault.
       */
      memberId: personal(NonEmptyString),
      /** The subscriber's name (837P 2010BA NM103/NM104), each part sealed by the vault. */
      subscriber: t.type({ lastName: personal(NonEmptyString), firstName: personal(NonEmptyString) }),
      /** ICD-10-CM codes in dotted form (`E11.9`), principal first (837P HI, at most 12). */
      diagnoses: t.array(NonEmptyString),
      /** The rendering provider: a staff member on record on the date of service (837P 2310B). */
      renderingProviderId: NonEmptyString,
      /** The payer's prior-authorization number (837P 2300 REF*G1), sealed (it identifies the patient's care). */
      priorAuthorizationNumber: personal(NonEmptyString),
      /** CMS place-of-service code (`11` office, `02` telehealth): 837P CLM05-1. */
      placeOfService: NonEmptyString,
      /** The staff record's answer for the rendering provider, frozen when the charges were registered. */
      staffOnRecord: StaffNamed,
    },
  ),
  ClaimChargesAdded: struct({ claimId: NonEmptyString, charges: t.array(ChargeLine), at: ISOInstant }),
  ClaimCreated: struct(
    { claimId: NonEmptyString, totalCharges: PositiveCents, at: ISOInstant },
    {
      /**
       * Last day to file: date of service + the payer's filing limit (Medicare 12 months,
       * 42 CFR 424.44; others as the payer sets). Absent when the claim has no filing limit
       * (self-pay, or a payer whose limit was not given).
       */
      filingDeadline: ISODate,
    },
  ),
  ClaimScrubbedClean: struct({ claimId: NonEmptyString, attempt: PositiveInt, at: ISOInstant }),
  ClaimHeld: struct({
    claimId: NonEmptyString,
    patientId: PatientId,
    attempt: PositiveInt,
    reasons: t.array(StoredClaimIssue),
    at: ISOInstant,
  }),
  ClaimCorrected: struct(
    {
      claimId: NonEmptyString,
      patientId: PatientId,
      /** What was corrected: free text, sealed (it may name the patient). */
      correction: personal(NonEmptyString),
      totalCharges: PositiveCents,
      at: ISOInstant,
    },
    { charges: t.array(ChargeLine) },
  ),
  ClaimSubmitted: struct(
    { claimId: NonEmptyString, submission: PositiveInt, at: ISOInstant },
    {
      /**
       * The eligibility check the submission relied on (frozen from the patient's Eligibility
       * stream), when the practice's billing policy asks for one and one was recorded.
       */
      eligibilityCheckId: NonEmptyString,
    },
  ),
  /**
   * A submission the eligibility rule would have refused (`EligibilityNotChecked`,
   * `CoverageInactive`) went ahead because the submitter gave a reason: recorded beside the
   * `ClaimSubmitted` it allowed. The reason is free text, sealed under the patient.
   */
  ClaimEligibilityOverridden: struct({
    claimId: NonEmptyString,
    patientId: PatientId,
    /** The refusal the override bypassed. */
    refusal: t.keyof({ EligibilityNotChecked: null, CoverageInactive: null }),
    reason: personal(NonEmptyString),
    at: ISOInstant,
  }),
  ClaimAcceptedByPayer: struct(
    { claimId: NonEmptyString, at: ISOInstant },
    { payerClaimNumber: NonEmptyString },
  ),
  ClaimRejectedByPayer: struct({
    claimId: NonEmptyString,
    patientId: PatientId,
    reasons: t.array(StoredClaimIssue),
    at: ISOInstant,
  }),
  ClaimDenied: struct(
    {
      claimId: NonEmptyString,
      /** Claim Adjustment Reason Code (X12 CARC), e.g. `50` (not medically necessary). */
      carcCode: NonEmptyString,
      amount: PositiveCents,
      /** True when this is the claim's first adjudication (initial denial rate, HFMA). */
      firstAdjudication: t.boolean,
      at: ISOInstant,
    },
    {
      /** Last day to appeal, when the payer has an appeal window (Medicare: 120 days). */
      appealDeadline: ISODate,
      /** Where that window comes from, e.g. `42 CFR 405.942 (Medicare redetermination, 120 days)`. */
      appealRule: NonEmptyString,
    },
  ),
  ClaimAppealed: struct({
    claimId: NonEmptyString,
    patientId: PatientId,
    level: PositiveInt,
    /** The appeal's note: free text, sealed (it may describe the patient's care). */
    note: personal(NonEmptyString),
    at: ISOInstant,
  }),
  ClaimPaidByPayer: struct({
    claimId: NonEmptyString,
    paymentId: NonEmptyString,
    lines: t.array(RemittanceLine),
    paid: NonNegativeCents,
    contractualAdjustment: NonNegativeCents,
    patientResponsibility: NonNegativeCents,
    outcome: t.keyof({ 'paid-in-full': null, 'paid-in-part': null }),
    firstAdjudication: t.boolean,
    at: ISOInstant,
  }),
  /** A payer payment taken back (835 CLP02 = 22): its amounts come off the claim at `at`. */
  PayerPaymentReversed: struct({
    claimId: NonEmptyString,
    paymentId: NonEmptyString,
    reversalId: NonEmptyString,
    lines: t.array(RemittanceLine),
    paid: NonNegativeCents,
    contractualAdjustment: NonNegativeCents,
    at: ISOInstant,
  }),
  PatientResponsibilityBilled: struct({
    claimId: NonEmptyString,
    statementId: NonEmptyString,
    amount: PositiveCents,
    at: ISOInstant,
  }),
  PatientPaymentCollected: struct({
    claimId: NonEmptyString,
    paymentId: NonEmptyString,
    amount: PositiveCents,
    /** Taken at the visit (check-in/check-out), for the POS collections KPI (HFMA PA-7). */
    pointOfService: t.boolean,
    at: ISOInstant,
  }),
  ClaimWrittenOff: struct({
    claimId: NonEmptyString,
    writeOffId: NonEmptyString,
    amount: PositiveCents,
    reason: WriteOffReason,
    at: ISOInstant,
  }),
});

/** Any Claim event. */
export type ClaimEvent = EventOf<typeof events>;
