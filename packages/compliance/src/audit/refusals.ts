import { defineRefusals, staffOnRecordRefusals } from '@praxis/core';

/**
 * Every code a Audit refuses with, and its category (`invalid`, `not-found`, `conflict`,
 * `forbidden`, `rule`). Malformed input is refused before `decide` with the platform's codes
 * (`Required`, `InvalidDate`, `UnknownField`, …; see `platformRefusals`).
 */
export const refusals = defineRefusals({
  ...staffOnRecordRefusals,
  AuditAlreadyPerformed: 'conflict',
  AuditAlreadyScheduled: 'conflict',
  AuditNotFound: 'not-found',
  AuditNotPerformed: 'conflict',
  ClosedBeforeVerified: 'rule',
  CompletedBeforeAssigned: 'rule',
  CorrectiveActionAlreadyAssigned: 'conflict',
  CorrectiveActionAlreadyCompleted: 'conflict',
  CorrectiveActionAlreadyVerified: 'conflict',
  CorrectiveActionNotCompleted: 'conflict',
  CorrectiveActionNotFound: 'not-found',
  CorrectiveActionsUnverified: 'rule',
  DueBeforeAssigned: 'rule',
  FindingAlreadyRecorded: 'conflict',
  FindingBeforeAudit: 'rule',
  FindingClosed: 'conflict',
  FindingHasNoCorrectiveAction: 'rule',
  FindingNotFound: 'not-found',
  FiscalYearRequired: 'invalid',
  NotAFinancialAudit: 'rule',
  PbcDueBeforeRequested: 'rule',
  PbcItemAlreadyProvided: 'conflict',
  PbcItemAlreadyRequested: 'conflict',
  PbcItemNotFound: 'not-found',
  PbcItemsOutstanding: 'rule',
  VerifiedBeforeCompleted: 'rule',
  VerifierIsOwner: 'rule',
});

/** A code a Audit refuses with. */
export type AuditRefusal = keyof typeof refusals;
