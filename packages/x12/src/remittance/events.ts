import * as t from 'io-ts';
import { Cents, defineEvents, ISODate, ISOInstant, NonEmptyString, struct, type EventOf } from '@praxis/core';

/** How a claim payment of the remittance was posted to its Claim. */
export const ClaimPosting = t.keyof({ payment: null, denial: null, reversal: null, 'no-posting': null });
export type ClaimPosting = t.TypeOf<typeof ClaimPosting>;

/** One CAS amount as recorded: group, CARC, amount (cents) and the procedure of its line. */
export const RecordedAdjustment = struct(
  {
    group: t.keyof({ CO: null, PR: null, OA: null, PI: null, CR: null }),
    carc: NonEmptyString,
    amount: Cents,
  },
  { procedureCode: NonEmptyString },
);
export type RecordedAdjustment = t.TypeOf<typeof RecordedAdjustment>;

/** One claim payment of a remittance (no patient name or member id: only the claim id). */
export const RemittanceClaim = struct(
  {
    claimId: NonEmptyString,
    /** CLP02. */
    status: NonEmptyString,
    charge: Cents,
    paid: Cents,
    patientResponsibility: Cents,
    posting: ClaimPosting,
    adjustments: t.array(RecordedAdjustment),
    /** RARC codes of the claim and its lines. */
    remarks: t.array(NonEmptyString),
  },
  { payerClaimNumber: NonEmptyString },
);
export type RemittanceClaim = t.TypeOf<typeof RemittanceClaim>;

/** One provider-level adjustment (PLB): reason, reference, amount (positive reduces the payment). */
export const RecordedProviderAdjustment = struct(
  { reason: NonEmptyString, amount: Cents },
  { reference: NonEmptyString },
);
export type RecordedProviderAdjustment = t.TypeOf<typeof RecordedProviderAdjustment>;

/** Every Remittance event. */
export const events = defineEvents({
  /**
   * An 835 was posted: the payment (BPR), its trace (TRN), every claim with its adjustments
   * by group and CARC and its remark codes, and the provider-level adjustments. Recorded
   * before the claims' postings, which follow with command ids derived from it.
   */
  RemittancePosted: struct(
    {
      remittanceId: NonEmptyString,
      /** TRN02. */
      traceNumber: NonEmptyString,
      /** TRN03. */
      originator: t.string,
      payerName: t.string,
      /** BPR01. */
      handling: NonEmptyString,
      /** BPR02, cents. */
      paymentAmount: Cents,
      /** BPR04. */
      paymentMethod: t.string,
      claims: t.array(RemittanceClaim),
      providerAdjustments: t.array(RecordedProviderAdjustment),
      at: ISOInstant,
    },
    { paymentDate: ISODate },
  ),
});

/** Any Remittance event. */
export type RemittanceEvent = EventOf<typeof events>;
