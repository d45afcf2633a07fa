import { defineRefusals, staffOnRecordRefusals } from '@praxis/core';

/**
 * Every code a Policy refuses with, and its category (`invalid`, `not-found`, `conflict`,
 * `forbidden`, `rule`). Malformed input is refused before `decide` with the platform's codes
 * (`Required`, `InvalidDate`, `UnknownField`, …; see `platformRefusals`).
 */
export const refusals = defineRefusals({
  ...staffOnRecordRefusals,
  AcknowledgedBeforePublished: 'rule',
  ApprovedBeforeDrafted: 'rule',
  ApproverNotAuthorised: 'rule',
  AuditAlreadyRecorded: 'conflict',
  CriterionMissing: 'invalid',
  DuplicateCriterion: 'invalid',
  DuplicateProvider: 'invalid',
  InvalidSampleSize: 'invalid',
  NoCriteria: 'invalid',
  NoProviders: 'invalid',
  PassesOutOfRange: 'invalid',
  ProcessAlreadyGoverned: 'conflict',
  TooManyItems: 'invalid',
  UnknownCriterion: 'invalid',
  UnknownProcess: 'not-found',
  DraftAlreadyApproved: 'conflict',
  DraftAlreadyPending: 'conflict',
  EffectiveBeforeCurrentVersion: 'rule',
  EffectiveBeforePublished: 'rule',
  FindingAlreadyRecorded: 'conflict',
  FindingAlreadyResolved: 'conflict',
  FindingNotFound: 'not-found',
  HoursOutOfRange: 'invalid',
  NoApproverRoles: 'conflict',
  NoAttendees: 'conflict',
  NoDraftPending: 'conflict',
  NoReviewDue: 'conflict',
  NoRoles: 'conflict',
  PolicyAlreadyExists: 'conflict',
  PolicyNotApproved: 'conflict',
  PolicyNotAssignedToRole: 'rule',
  PolicyNotFound: 'not-found',
  PolicyRetired: 'conflict',
  PolicyVersionNotPublished: 'conflict',
  PolicyVersionSuperseded: 'conflict',
  PublishedBeforeApproved: 'rule',
  ResolvedBeforeRecorded: 'rule',
  TrainingSessionAlreadyRecorded: 'conflict',
});

/** A code a Policy refuses with. */
export type PolicyRefusal = keyof typeof refusals;
