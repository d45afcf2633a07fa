import { defineRefusals } from '@praxis/core';

/**
 * Every code a OshaIncident refuses with, and its category (`invalid`, `not-found`, `conflict`,
 * `forbidden`, `rule`). Malformed input is refused before `decide` with the platform's codes
 * (`Required`, `InvalidDate`, `UnknownField`, …; see `platformRefusals`).
 */
export const refusals = defineRefusals({
  AlreadyLogged: 'conflict',
  AlreadyReported: 'conflict',
  IncidentAlreadyRecorded: 'conflict',
  IncidentNotFound: 'not-found',
  LearnedBeforeOutcome: 'rule',
  NotReportable: 'rule',
  OutcomeAlreadyRecorded: 'conflict',
  OutcomeBeforeIncident: 'rule',
  OutcomeNotWorse: 'rule',
  ReportedBeforeIncident: 'rule',
});

/** A code a OshaIncident refuses with. */
export type OshaIncidentRefusal = keyof typeof refusals;
