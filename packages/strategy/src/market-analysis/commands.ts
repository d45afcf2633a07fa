import * as t from 'io-ts';
import {
  command,
  defineCommands,
  ISODate,
  NonEmptyString,
  NonNegativeCents,
  NonNegativeInt,
  type CommandOf,
} from '@praxis/core';
import { Evidence, EvidenceKind } from './events.js';

/** The longest free text a SWOT item or a finding may carry (characters). */
export const maxTextLength = 2_000;

const Scope = t.intersection([
  t.type({ zips: t.readonlyArray(t.string), serviceLines: t.readonlyArray(t.string) }),
  t.partial({ demographics: t.string }),
]);

/**
 * Facts the handler computes: the evidence for a kind and period, from the log (`null` when the
 * practice keeps no read model it can be computed from, or for a kind not computed yet).
 */
export const facts = {
  AttachEvidence: { evidence: t.union([Evidence, t.null]) },
  /** Whether the delegate is on staff (hired, not separated). */
  DelegateDataTask: { delegateActive: t.boolean },
  /** The data tasks whose work item is completed (or verified), from `strategy-work-queue`. */
  Decide: { dataTasksDone: t.array(t.string) },
} as const;

/** The work item a data task becomes: `analysis-<analysisId>-<taskId>`. */
export const dataTaskWorkItemId = (analysisId: string, taskId: string): string =>
  `analysis-${analysisId}-${taskId}`;

/**
 * Every command of a MarketAnalysis (MODULES.md S4). The actor and the business time come from
 * the call: `openedBy`, `attachedBy`, `decidedBy`… are stamps, never payload.
 */
export const commands = defineCommands('analysisId', {
  /** `scope.zips`: US ZIP codes (`12345` or `12345-6789`). */
  OpenAnalysis: command(
    { analysisId: NonEmptyString, question: t.string, scope: Scope },
    {},
    { stamps: { openedBy: 'actor', at: 'time' } },
  ),
  /** An outside source (census table, payer directory, competitor list), `asOf` its date. */
  AddSource: command({ name: t.string, asOf: ISODate, ref: t.string }, {}, { stamps: { addedBy: 'actor' } }),
  /** `period`: a month, quarter or year label (`2026-03`, `2026-Q1`, `2026`). */
  AttachEvidence: command(
    { kind: EvidenceKind, period: t.string },
    {},
    { stamps: { attachedBy: 'actor', at: 'time' }, facts: facts.AttachEvidence },
  ),
  /** `evidenceRef`: an attached evidence id (`payer-mix:2026-Q1`) or a source's name. */
  AddSwotItem: command(
    {
      kind: t.keyof({ strength: null, weakness: null, opportunity: null, threat: null }),
      text: t.string,
    },
    { evidenceRef: t.string },
    { stamps: { addedBy: 'actor' } },
  ),
  SetAssumptions: command(
    {
      visitsPerMonth: NonNegativeInt,
      netRevenuePerVisitCents: NonNegativeCents,
      startupCostCents: NonNegativeCents,
      rampMonths: NonNegativeInt,
    },
    {},
    { stamps: { setBy: 'actor' } },
  ),
  /** A what-if run on a fork of the log (`forkRef` names it), kept as one scenario of the analysis. */
  AddScenario: command(
    { scenarioId: NonEmptyString, forkRef: NonEmptyString },
    { summary: t.string },
    { stamps: { addedBy: 'actor' } },
  ),
  /**
   * Delegate gathering data for the analysis (MODULES.md S4): it becomes a work item delegated
   * to `to` (active staff, not the delegator), with a definition of done and a due date.
   */
  DelegateDataTask: command(
    { taskId: NonEmptyString, title: t.string, to: NonEmptyString, expectations: t.string, dueOn: ISODate },
    {},
    { stamps: { delegatedBy: 'actor', at: 'time' }, facts: facts.DelegateDataTask },
  ),
  /** Decide without a data task, saying why. */
  WaiveDataTask: command(
    { taskId: NonEmptyString, reason: t.string },
    {},
    { stamps: { waivedBy: 'actor', at: 'time' } },
  ),
  /** Needs ≥ 1 scenario and every data task done or waived (`AnalysisIncomplete`). */
  Decide: command(
    { decision: t.keyof({ go: null, 'no-go': null, defer: null }), rationale: t.string },
    {},
    { stamps: { decidedBy: 'actor', at: 'time' }, facts: facts.Decide },
  ),
  /** Meets the 12-month review of a `go`: what the assumptions promised against what happened. */
  RecordAnalysisReview: command({ findings: t.string }, {}, { stamps: { reviewedBy: 'actor', at: 'time' } }),
});
export type MarketAnalysisCommand = CommandOf<typeof commands>;
