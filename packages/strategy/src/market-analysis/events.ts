import * as t from 'io-ts';
import {
  defineEvents,
  ISODate,
  ISOInstant,
  NonEmptyString,
  NonNegativeCents,
  NonNegativeInt,
  struct,
  type EventOf,
} from '@praxis/core';

/** The kinds of evidence MODULES.md S4 names; the handler computes `payer-mix` and `capacity`. */
export const EvidenceKind = t.keyof({
  'referral-sources': null,
  'payer-mix': null,
  capacity: null,
  'patient-origin': null,
  'no-show-by-area': null,
});
export type EvidenceKind = t.TypeOf<typeof EvidenceKind>;

/** One payer class's share of the period's claims (by date of service). */
export const PayerShare = t.type({
  payerKind: t.string,
  claims: NonNegativeInt,
  chargesCents: t.number,
  /** Share of the period's total charges, percent with one decimal. */
  sharePct: t.number,
});

/**
 * Evidence as the handler computed it from the log, frozen in `EvidenceAttached`:
 * - `payer-mix`: the claims with a date of service in the period, by payer kind (finance claims);
 * - `capacity`: the patients module's third next available (days, IHI) and provider utilisation
 *   (percent) for the period, `null` when the KPI has no value.
 */
export const Evidence = t.union([
  t.type({
    kind: t.literal('payer-mix'),
    claims: NonNegativeInt,
    chargesCents: t.number,
    byPayerKind: t.array(PayerShare),
  }),
  t.type({
    kind: t.literal('capacity'),
    thirdNextAvailableDays: t.union([t.number, t.null]),
    providerUtilisationPct: t.union([t.number, t.null]),
  }),
]);
export type Evidence = t.TypeOf<typeof Evidence>;

/** The business case a `go` is judged against (MODULES.md S4). */
export const Assumptions = t.type({
  visitsPerMonth: NonNegativeInt,
  netRevenuePerVisitCents: NonNegativeCents,
  startupCostCents: NonNegativeCents,
  rampMonths: NonNegativeInt,
});
export type Assumptions = t.TypeOf<typeof Assumptions>;

export const Scope = struct(
  { zips: t.array(t.string), serviceLines: t.array(t.string) },
  { demographics: t.string },
);

/** Every event of a market analysis (`MarketAnalysis-<analysisId>`). */
export const events = defineEvents({
  AnalysisOpened: t.type({
    analysisId: NonEmptyString,
    question: NonEmptyString,
    scope: Scope,
    openedBy: NonEmptyString,
    openedAt: ISOInstant,
  }),
  SourceAdded: t.type({
    analysisId: NonEmptyString,
    name: NonEmptyString,
    asOf: ISODate,
    ref: t.string,
    addedBy: NonEmptyString,
  }),
  /** Evidence computed from the log when attached; `evidenceId` = `<kind>:<period>`. */
  EvidenceAttached: t.type({
    analysisId: NonEmptyString,
    evidenceId: NonEmptyString,
    kind: EvidenceKind,
    period: NonEmptyString,
    evidence: Evidence,
    attachedBy: NonEmptyString,
    attachedAt: ISOInstant,
  }),
  SwotItemAdded: struct(
    {
      analysisId: NonEmptyString,
      kind: t.keyof({ strength: null, weakness: null, opportunity: null, threat: null }),
      text: NonEmptyString,
      addedBy: NonEmptyString,
    },
    { evidenceRef: NonEmptyString },
  ),
  /** The latest assumptions replace earlier ones; each set stays in the log. */
  AssumptionsSet: t.type({
    analysisId: NonEmptyString,
    assumptions: Assumptions,
    setBy: NonEmptyString,
  }),
  ScenarioAdded: struct(
    {
      analysisId: NonEmptyString,
      scenarioId: NonEmptyString,
      forkRef: NonEmptyString,
      addedBy: NonEmptyString,
    },
    { summary: NonEmptyString },
  ),
  /**
   * A data task delegated (MODULES.md S4 `DelegateDataTask`): a process manager makes it work
   * item `workItemId` owned by the delegator and delegated to `to`, accepted or declined by them.
   */
  DataTaskDelegated: t.type({
    analysisId: NonEmptyString,
    taskId: NonEmptyString,
    workItemId: NonEmptyString,
    title: NonEmptyString,
    to: NonEmptyString,
    expectations: NonEmptyString,
    dueOn: ISODate,
    delegatedBy: NonEmptyString,
    delegatedAt: ISOInstant,
  }),
  /** A data task the decision will do without, with the reason. */
  DataTaskWaived: t.type({
    analysisId: NonEmptyString,
    taskId: NonEmptyString,
    reason: NonEmptyString,
    waivedBy: NonEmptyString,
    waivedAt: ISOInstant,
  }),
  /**
   * The decision, with the assumptions in force frozen (`null` when none were set) and the data
   * tasks as they stood: done (their work item completed) or waived.
   */
  AnalysisDecided: struct(
    {
      analysisId: NonEmptyString,
      decision: t.keyof({ go: null, 'no-go': null, defer: null }),
      rationale: NonEmptyString,
      assumptions: t.union([Assumptions, t.null]),
      scenarioIds: t.array(NonEmptyString),
      decidedBy: NonEmptyString,
      decidedAt: ISOInstant,
    },
    { dataTasks: t.type({ done: t.array(t.string), waived: t.array(t.string) }) },
  ),
  /** The 12-month review of a `go`: the assumptions against what happened. */
  AnalysisReviewed: t.type({
    analysisId: NonEmptyString,
    findings: NonEmptyString,
    reviewedBy: NonEmptyString,
    reviewedAt: ISOInstant,
  }),
});
export type MarketAnalysisEvent = EventOf<typeof events>;
