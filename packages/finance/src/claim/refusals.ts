import { defineRefusals } from '@praxis/core';

/**
 * Every code a Claim refuses with, and its category (`invalid`, `not-found`, `conflict`,
 * `forbidden`, `rule`). Malformed input is refused before `decide` with the platform's codes
 * (`Required`, `InvalidDate`, `UnknownField`, …; see `platformRefusals`).
 */
export const refusals = defineRefusals({
  AppealWindowClosed: 'conflict',
  ClaimAlreadyExists: 'conflict',
  ClaimNotDenied: 'rule',
  ClaimNotFound: 'not-found',
  ClaimNotSubmitted: 'conflict',
  DateOfServiceInFuture: 'rule',
  DuplicateEntry: 'conflict',
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
