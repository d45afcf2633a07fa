import type { ChargeLine, ClaimEvent, PayerKind, RemittanceLine } from './events.js';

/** Where a claim stands in the revenue cycle. */
export type ClaimStatus =
  | 'none'
  | 'charges-registered'
  | 'created'
  | 'held'
  | 'clean'
  | 'submitted'
  | 'accepted'
  | 'rejected'
  | 'denied'
  | 'appealed'
  | 'adjudicated';

/** The state a Claim decides on. Money in cents. */
export interface State {
  readonly status: ClaimStatus;
  readonly claimId: string;
  /** The patient's opaque id (the subject of the claim's personal fields). */
  readonly patientId: string;
  readonly encounterId: string;
  readonly payerId: string;
  readonly payerKind: PayerKind;
  /** What an 837P needs (RegisterCharges' optional fields). Personal ones hold vault tokens until revealed. */
  readonly billing: {
    readonly memberId?: string;
    readonly subscriber?: { readonly lastName: string; readonly firstName: string };
    /** ICD-10-CM, dotted, principal first. */
    readonly diagnoses: readonly string[];
    readonly renderingProviderId?: string;
    readonly priorAuthorizationNumber?: string;
    readonly placeOfService?: string;
  };
  readonly dateOfService: string;
  readonly timeZone: string;
  readonly timelyFilingMonths: number | undefined;
  readonly appealWindowDays: number | undefined;
  readonly charges: readonly ChargeLine[];
  readonly totalCharges: number;
  /** Last day to file with the payer; `undefined` when the claim has no filing limit. */
  readonly filingDeadline: string | undefined;
  readonly payerPaid: number;
  readonly patientPaid: number;
  readonly contractualAdjustments: number;
  readonly writtenOff: number;
  readonly patientBilled: number;
  readonly scrubAttempts: number;
  readonly submissions: number;
  readonly appeals: number;
  /** A payer has decided on the claim (paid or denied) at least once. */
  readonly adjudicated: boolean;
  readonly everDenied: boolean;
  readonly appealDeadline: string | undefined;
  /** Payment, statement and write-off ids already used (idempotency within the claim). */
  readonly ids: readonly string[];
  /** Payer payments posted and not reversed, by payment id (what a reversal takes back). */
  readonly payerPayments: Readonly<
    Record<
      string,
      {
        readonly paid: number;
        readonly contractualAdjustment: number;
        readonly lines: readonly RemittanceLine[];
      }
    >
  >;
}

/** A claim whose charges were never registered. */
export const initialState: State = {
  status: 'none',
  claimId: '',
  patientId: '',
  encounterId: '',
  payerId: '',
  payerKind: 'other',
  billing: { diagnoses: [] },
  dateOfService: '',
  timeZone: 'UTC',
  timelyFilingMonths: undefined,
  appealWindowDays: undefined,
  charges: [],
  totalCharges: 0,
  filingDeadline: undefined,
  payerPaid: 0,
  patientPaid: 0,
  contractualAdjustments: 0,
  writtenOff: 0,
  patientBilled: 0,
  scrubAttempts: 0,
  submissions: 0,
  appeals: 0,
  adjudicated: false,
  everDenied: false,
  appealDeadline: undefined,
  ids: [],
  payerPayments: {},
};

/** Sum of charge amounts (cents). */
export const chargesTotal = (lines: readonly ChargeLine[]): number => lines.reduce((a, l) => a + l.amount, 0);

/** What is still owed on the claim: charges − payments − contractual adjustments − write-offs. */
export const balanceOf = (s: State): number =>
  s.totalCharges - s.payerPaid - s.patientPaid - s.contractualAdjustments - s.writtenOff;

/** Money already applied to the claim (payments, adjustments, write-offs). */
export const appliedOf = (s: State): number =>
  s.payerPaid + s.patientPaid + s.contractualAdjustments + s.writtenOff;

/** Applies one Claim event. Pure. */
export const evolve = (s: State, e: ClaimEvent): State => {
  switch (e.type) {
    case 'ClaimChargesRegistered':
      return {
        ...initialState,
        status: 'charges-registered',
        claimId: e.data.claimId,
        patientId: e.data.patientId,
        encounterId: e.data.encounterId,
        payerId: e.data.payerId,
        payerKind: e.data.payerKind,
        billing: {
          diagnoses: e.data.diagnoses ?? [],
          ...(e.data.memberId === undefined ? {} : { memberId: e.data.memberId }),
          ...(e.data.subscriber === undefined ? {} : { subscriber: e.data.subscriber }),
          ...(e.data.renderingProviderId === undefined
            ? {}
            : { renderingProviderId: e.data.renderingProviderId }),
          ...(e.data.priorAuthorizationNumber === undefined
            ? {}
            : { priorAuthorizationNumber: e.data.priorAuthorizationNumber }),
          ...(e.data.placeOfService === undefined ? {} : { placeOfService: e.data.placeOfService }),
        },
        dateOfService: e.data.dateOfService,
        timeZone: e.data.timeZone,
        timelyFilingMonths: e.data.timelyFilingMonths,
        appealWindowDays: e.data.appealWindowDays,
        charges: e.data.charges,
        totalCharges: chargesTotal(e.data.charges),
      };
    case 'ClaimChargesAdded': {
      const charges = [...s.charges, ...e.data.charges];
      return { ...s, charges, totalCharges: chargesTotal(charges) };
    }
    case 'ClaimCreated':
      return {
        ...s,
        status: 'created',
        filingDeadline: e.data.filingDeadline,
        totalCharges: e.data.totalCharges,
      };
    case 'ClaimScrubbedClean':
      return { ...s, status: 'clean', scrubAttempts: e.data.attempt };
    case 'ClaimHeld':
      return { ...s, status: 'held', scrubAttempts: e.data.attempt };
    case 'ClaimCorrected':
      return {
        ...s,
        status: 'created',
        charges: e.data.charges ?? s.charges,
        totalCharges: e.data.totalCharges,
      };
    case 'ClaimSubmitted':
      return { ...s, status: 'submitted', submissions: e.data.submission };
    case 'ClaimAcceptedByPayer':
      return { ...s, status: 'accepted' };
    case 'ClaimRejectedByPayer':
      return { ...s, status: 'rejected' };
    case 'ClaimDenied':
      return {
        ...s,
        status: 'denied',
        adjudicated: true,
        everDenied: true,
        appealDeadline: e.data.appealDeadline,
      };
    case 'ClaimAppealed':
      return { ...s, status: 'appealed', appeals: e.data.level };
    case 'ClaimPaidByPayer':
      return {
        ...s,
        status: 'adjudicated',
        adjudicated: true,
        payerPaid: s.payerPaid + e.data.paid,
        contractualAdjustments: s.contractualAdjustments + e.data.contractualAdjustment,
        ids: [...s.ids, e.data.paymentId],
        payerPayments: {
          ...s.payerPayments,
          [e.data.paymentId]: {
            paid: e.data.paid,
            contractualAdjustment: e.data.contractualAdjustment,
            lines: e.data.lines,
          },
        },
      };
    case 'PayerPaymentReversed': {
      const { [e.data.paymentId]: _reversed, ...rest } = s.payerPayments;
      return {
        ...s,
        // The payer owes a new adjudication: the claim is payable again.
        status: 'accepted',
        payerPaid: s.payerPaid - e.data.paid,
        contractualAdjustments: s.contractualAdjustments - e.data.contractualAdjustment,
        ids: [...s.ids, e.data.reversalId],
        payerPayments: rest,
      };
    }
    case 'ClaimEligibilityOverridden':
      return s;
    case 'PatientResponsibilityBilled':
      return { ...s, patientBilled: s.patientBilled + e.data.amount, ids: [...s.ids, e.data.statementId] };
    case 'PatientPaymentCollected':
      return { ...s, patientPaid: s.patientPaid + e.data.amount, ids: [...s.ids, e.data.paymentId] };
    case 'ClaimWrittenOff':
      return { ...s, writtenOff: s.writtenOff + e.data.amount, ids: [...s.ids, e.data.writeOffId] };
  }
};
