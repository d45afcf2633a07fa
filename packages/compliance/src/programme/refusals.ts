import { defineRefusals, staffOnRecordRefusals } from '@praxis/core';

/**
 * Every code a Programme refuses with, and its category (`invalid`, `not-found`, `conflict`,
 * `forbidden`, `rule`). Malformed input is refused before `decide` with the platform's codes
 * (`Required`, `InvalidDate`, `UnknownField`, …; see `platformRefusals`).
 */
export const refusals = defineRefusals({
  ...staffOnRecordRefusals,
  EvidenceRequired: 'invalid',
  InvalidRegulation: 'invalid',
  MetOutOfOrder: 'rule',
  ProgrammeAlreadyExists: 'conflict',
  ProgrammeNotFound: 'not-found',
  RecurrenceTooLong: 'rule',
  RegulationSourceRequired: 'invalid',
  RequirementAlreadyExists: 'conflict',
  RequirementNotFound: 'not-found',
  RequirementWithdrawn: 'conflict',
  StandardOfAnotherRegulation: 'rule',
});

/** A code a Programme refuses with. */
export type ProgrammeRefusal = keyof typeof refusals;
