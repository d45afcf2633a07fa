import { describe, expect, it } from 'vitest';
import { obligationKey, type Obligation } from '@praxis/core';
import { runThrough } from '../test-support.js';
import { strategyObligations } from '../obligations.js';
import { decider, maxTextLength, payerMixOf, type MarketAnalysisCommand } from './index.js';

const at = '2026-04-02T09:00:00-04:00';
const yearOn = '2027-04-02T09:00:00-04:00';
const c = (x: Record<string, unknown>) => ({ at, ...x }) as unknown as MarketAnalysisCommand;
const openIt = (over: Record<string, unknown> = {}) =>
  c({
    type: 'OpenAnalysis',
    analysisId: 'peds',
    question: 'Should we open a paediatric clinic on Saturdays?',
    scope: { zips: ['02139', '02140-1234'], serviceLines: ['paediatrics'], demographics: 'families' },
    openedBy: 'pm',
    ...over,
  });
const payerMix = {
  kind: 'payer-mix',
  claims: 2,
  chargesCents: 30_000,
  byPayerKind: [
    { payerKind: 'commercial', claims: 1, chargesCents: 20_000, sharePct: 66.7 },
    { payerKind: 'medicaid', claims: 1, chargesCents: 10_000, sharePct: 33.3 },
  ],
};
const attach = (over: Record<string, unknown> = {}) =>
  c({
    type: 'AttachEvidence',
    kind: 'payer-mix',
    period: '2026-Q1',
    evidence: payerMix,
    attachedBy: 'pm',
    ...over,
  });
const assumptions = {
  visitsPerMonth: 120,
  netRevenuePerVisitCents: 9_500,
  startupCostCents: 2_500_000,
  rampMonths: 6,
};
const setAssumptions = c({ type: 'SetAssumptions', ...assumptions, setBy: 'pm' });
const scenario = c({ type: 'AddScenario', scenarioId: 'sat-3', forkRef: 'whatif:sat-3', addedBy: 'pm' });
const decide = (over: Record<string, unknown> = {}) =>
  c({ type: 'Decide', decision: 'go', rationale: 'Saturday demand is unmet', decidedBy: 'pm', ...over });

/** Given the history, when the command: the refusal `[code, field]` or the events. */
const outcome = (history: MarketAnalysisCommand[], cmd: MarketAnalysisCommand): unknown => {
  let s = decider.initialState;
  for (const h of history) {
    const r = decider.decide(h, s);
    if (r._tag === 'Left') throw new Error(`${h.type}: ${r.left.code}`);
    for (const e of r.right) s = decider.evolve(s, e);
  }
  const r = decider.decide(cmd, s);
  return r._tag === 'Left' ? [r.left.code, r.left.field] : r.right;
};

describe('MarketAnalysis: opening (MODULES.md S4)', () => {
  it('opens with a question and a scope; the actor and time are the call’s', () => {
    expect(outcome([], openIt())).toEqual([
      {
        type: 'AnalysisOpened',
        data: {
          analysisId: 'peds',
          question: 'Should we open a paediatric clinic on Saturdays?',
          scope: { zips: ['02139', '02140-1234'], serviceLines: ['paediatrics'], demographics: 'families' },
          openedBy: 'pm',
          openedAt: at,
        },
      },
    ]);
  });
  it('refuses an empty question, a bad ZIP, a second opening', () => {
    expect(outcome([], openIt({ question: '  ' }))).toEqual(['QuestionRequired', 'question']);
    expect(outcome([], openIt({ scope: { zips: ['2139'], serviceLines: [] } }))).toEqual([
      'InvalidZip',
      'scope.zips',
    ]);
    expect(outcome([openIt()], openIt())).toEqual(['AnalysisExists', 'analysisId']);
  });
  it('refuses work on an analysis never opened', () => {
    expect(outcome([], setAssumptions)).toEqual(['AnalysisNotFound', 'analysisId']);
  });
});

describe('MarketAnalysis: sources, evidence and SWOT', () => {
  it('keeps a source once by name', () => {
    const src = c({
      type: 'AddSource',
      name: 'ACS 2024 5-year',
      asOf: '2025-12-01',
      ref: 'census.gov',
      addedBy: 'pm',
    });
    expect(outcome([openIt()], src)).toMatchObject([
      { type: 'SourceAdded', data: { name: 'ACS 2024 5-year' } },
    ]);
    expect(outcome([openIt(), src], src)).toEqual(['SourceExists', 'name']);
  });
  it('freezes the evidence the handler computed, keyed by kind and period', () => {
    expect(outcome([openIt()], attach())).toMatchObject([
      {
        type: 'EvidenceAttached',
        data: { evidenceId: 'payer-mix:2026-Q1', period: '2026-Q1', evidence: payerMix },
      },
    ]);
    expect(outcome([openIt(), attach()], attach())).toEqual(['EvidenceExists', 'kind']);
  });
  it('refuses a period that is not one or has not ended, and evidence the log cannot give', () => {
    expect(outcome([openIt()], attach({ period: '2026-13' }))).toEqual(['InvalidPeriod', 'period']);
    // Evidence of a period still running (or to come) would freeze an empty or partial picture.
    expect(outcome([openIt()], attach({ period: '2026-Q2' }))).toEqual(['PeriodNotEnded', 'period']);
    expect(outcome([openIt()], attach({ period: '2026-12' }))).toEqual(['PeriodNotEnded', 'period']);
    expect(outcome([openIt()], attach({ kind: 'patient-origin', evidence: null }))).toEqual([
      'EvidenceUnavailable',
      'kind',
    ]);
  });
  it('takes a SWOT item with bounded free text, its evidence reference checked', () => {
    const swot = (over: Record<string, unknown>) =>
      c({
        type: 'AddSwotItem',
        kind: 'opportunity',
        text: 'No Saturday paediatrics within 5 miles',
        addedBy: 'pm',
        ...over,
      });
    expect(outcome([openIt(), attach()], swot({ evidenceRef: 'payer-mix:2026-Q1' }))).toMatchObject([
      { type: 'SwotItemAdded', data: { kind: 'opportunity', evidenceRef: 'payer-mix:2026-Q1' } },
    ]);
    expect(outcome([openIt()], swot({ evidenceRef: 'payer-mix:2026-Q1' }))).toEqual([
      'UnknownEvidence',
      'evidenceRef',
    ]);
    expect(outcome([openIt()], swot({ text: ' ' }))).toEqual(['TextRequired', 'text']);
    expect(outcome([openIt()], swot({ text: 'x'.repeat(maxTextLength + 1) }))).toEqual([
      'TextTooLong',
      'text',
    ]);
  });
});

describe('MarketAnalysis: the decision', () => {
  it('needs at least one scenario (AnalysisIncomplete)', () => {
    expect(outcome([openIt(), setAssumptions], decide())).toEqual(['AnalysisIncomplete', 'scenarios']);
  });
  it('needs assumptions for a go, not for a no-go', () => {
    expect(outcome([openIt(), scenario], decide())).toEqual(['AnalysisIncomplete', 'assumptions']);
    expect(outcome([openIt(), scenario], decide({ decision: 'no-go' }))).toMatchObject([
      { type: 'AnalysisDecided', data: { decision: 'no-go', assumptions: null } },
    ]);
  });
  it('freezes the assumptions in force and the scenarios in the decision', () => {
    const later = c({ type: 'SetAssumptions', ...assumptions, visitsPerMonth: 80, setBy: 'pm' });
    expect(outcome([openIt(), setAssumptions, later, scenario], decide())).toEqual([
      {
        type: 'AnalysisDecided',
        data: {
          analysisId: 'peds',
          decision: 'go',
          rationale: 'Saturday demand is unmet',
          assumptions: { ...assumptions, visitsPerMonth: 80 },
          scenarioIds: ['sat-3'],
          decidedBy: 'pm',
          decidedAt: at,
        },
      },
    ]);
  });
  it('refuses an empty rationale, a duplicate scenario, a ramp over ten years, changes after deciding', () => {
    expect(outcome([openIt(), setAssumptions, scenario], decide({ rationale: '' }))).toEqual([
      'RationaleRequired',
      'rationale',
    ]);
    expect(outcome([openIt(), scenario], scenario)).toEqual(['ScenarioExists', 'scenarioId']);
    expect(
      outcome([openIt()], c({ type: 'SetAssumptions', ...assumptions, rampMonths: 121, setBy: 'pm' })),
    ).toEqual(['RampTooLong', 'rampMonths']);
    expect(outcome([openIt(), setAssumptions, scenario, decide()], setAssumptions)).toEqual([
      'AnalysisClosed',
      undefined,
    ]);
  });
  it('reviews only a go, once', () => {
    const review = c({
      type: 'RecordAnalysisReview',
      findings: '90 visits a month, not 120',
      reviewedBy: 'pm',
      at: yearOn,
    });
    expect(outcome([openIt(), scenario, decide({ decision: 'defer' })], review)).toEqual([
      'NotAGoDecision',
      undefined,
    ]);
    const went = [openIt(), setAssumptions, scenario, decide()];
    expect(outcome(went, review)).toMatchObject([{ type: 'AnalysisReviewed' }]);
    // Not the same minute as the decision, nor a day before the 12 months are over.
    expect(outcome(went, { ...review, at } as MarketAnalysisCommand)).toEqual(['ReviewNotDue', undefined]);
    expect(outcome(went, { ...review, at: '2027-04-01T17:00:00-04:00' } as MarketAnalysisCommand)).toEqual([
      'ReviewNotDue',
      undefined,
    ]);
    expect(outcome([...went, review], review)).toEqual(['ReviewAlreadyRecorded', undefined]);
  });
});

describe('MarketAnalysis: the 12-month review of a go (strategy-obligations)', () => {
  it('is due 12 months after the decision, names the assumptions, and is met by the review', async () => {
    const r = runThrough(decider, [strategyObligations]);
    for (const cmd of [openIt(), setAssumptions, scenario, decide()]) r.send('peds', cmd, at);
    const key = obligationKey('analysis-review:peds');
    const o = (await r.model.get('strategy-obligations', key)) as unknown as Obligation;
    expect(o).toMatchObject({ kind: 'analysis-review', arisesAt: '2027-03-02', dueAt: '2027-04-02' });
    expect(o.label).toContain('120 visits/month at $95.00 net');
    expect(o.completedAt).toBeUndefined();
    r.send(
      'peds',
      c({ type: 'RecordAnalysisReview', findings: 'on plan', reviewedBy: 'pm', at: yearOn }),
      yearOn,
    );
    expect(await r.model.get('strategy-obligations', key)).toMatchObject({ completedAt: yearOn });
  });
  it('is not raised by a no-go', async () => {
    const r = runThrough(decider, [strategyObligations]);
    for (const cmd of [openIt(), scenario, decide({ decision: 'no-go' })]) r.send('peds', cmd, at);
    expect(await r.model.get('strategy-obligations', obligationKey('analysis-review:peds'))).toBeUndefined();
  });
});

describe('payerMixOf: the claims of the period by payer kind', () => {
  it('counts claims and charges by date of service, shares of the charges', () => {
    const claims = [
      { payerKind: 'commercial', dateOfService: '2026-01-10', totalCharges: 30_000 },
      { payerKind: 'medicare', dateOfService: '2026-03-31', totalCharges: 10_000 },
      { payerKind: 'self-pay', dateOfService: '2026-04-01', totalCharges: 5_000 },
    ];
    expect(payerMixOf(claims, '2026-01-01', '2026-03-31')).toEqual({
      kind: 'payer-mix',
      claims: 2,
      chargesCents: 40_000,
      byPayerKind: [
        { payerKind: 'commercial', claims: 1, chargesCents: 30_000, sharePct: 75 },
        { payerKind: 'medicare', claims: 1, chargesCents: 10_000, sharePct: 25 },
      ],
    });
    expect(payerMixOf([], '2026-01-01', '2026-03-31')).toEqual({
      kind: 'payer-mix',
      claims: 0,
      chargesCents: 0,
      byPayerKind: [],
    });
  });
});
