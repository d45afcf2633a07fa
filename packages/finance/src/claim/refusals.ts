import { defineRefusals, staffOnRecordRefusals } from '@praxis/core';

/**
 * Every code a Claim refuses with, and its category (`invalid`, `not-found`, `conflict`,
 * `forbidden`, `rule`). Malformed input is refused before `decide` with the platform's codes
 * (`Required`, `InvalidDate`, `UnknownField`, …; see `platformRefusals`).
 */
export const refusals = defineRefusals({
  ...staffOnRecordRefusals,
  AppealWindowClosed: 'conflict',
  ClaimAlreadyExists: 'conflict',
  ClaimNotDenied: 'rule',
  ClaimNotFound: 'not-found',
  ClaimNotSubmitted: 'conflict',
  DateOfServiceInFuture: 'rule',
  DuplicateEntry: 'conflict',
  /** The payer's eligibility check found the coverage inactive for the date of service (override with a reason). */
  CoverageInactive: 'rule',
  /** The billing policy requires an eligibility check for the date of service, and none was recorded. */
  EligibilityNotChecked: 'rule',
  InvalidCharacters: 'invalid',
  InvalidDiagnosis: 'invalid',
  InvalidDiagnosisPointer: 'invalid',
  InvalidIcd10Code: 'invalid',
  InvalidModifier: 'invalid',
  InvalidPlaceOfService: 'invalid',
  TooLong: 'invalid',
  ExceedsBalance: 'rule',
  InvalidCarcCode: 'invalid',
  InvalidCptCode: 'invalid',
  PatientNotBilled: 'conflict',
  PaymentNotFound: 'not-found',
  TimelyFilingExpired: 'rule',
  UnknownCptCode: 'invalid',
});

/** A code a Claim refuses with. */
export type ClaimRefusal = keyof typeof refusals;
