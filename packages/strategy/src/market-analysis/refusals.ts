import { defineRefusals } from '@praxis/core';

/**
 * Every code a MarketAnalysis refuses with, and its category. Malformed input is refused before
 * `decide` with the platform's codes (`Required`, `UnknownField`, `InvalidValue`, …).
 */
export const refusals = defineRefusals({
  AnalysisClosed: 'conflict',
  AnalysisExists: 'conflict',
  AnalysisIncomplete: 'rule',
  DelegateIsSelf: 'rule',
  DelegateNotActive: 'rule',
  ExpectationsMissing: 'invalid',
  TaskExists: 'conflict',
  TaskNotFound: 'not-found',
  TaskAlreadyWaived: 'conflict',
  ReasonRequired: 'invalid',
  AnalysisNotFound: 'not-found',
  EvidenceExists: 'conflict',
  EvidenceUnavailable: 'rule',
  InvalidPeriod: 'invalid',
  InvalidZip: 'invalid',
  NotAGoDecision: 'rule',
  PeriodNotEnded: 'rule',
  ReviewNotDue: 'rule',
  QuestionRequired: 'invalid',
  RampTooLong: 'invalid',
  RationaleRequired: 'invalid',
  ReviewAlreadyRecorded: 'conflict',
  ScenarioExists: 'conflict',
  SourceExists: 'conflict',
  TextRequired: 'invalid',
  TextTooLong: 'invalid',
  UnknownEvidence: 'not-found',
});

/** A code a MarketAnalysis refuses with. */
export type MarketAnalysisRefusal = keyof typeof refusals;
