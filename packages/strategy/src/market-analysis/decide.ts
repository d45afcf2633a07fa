import { accept, reject, type Decider, type Decision } from '@praxis/core';
import { periodDays } from '../periods.js';
import { addMonths } from '../initiative/obligations.js';
import { commands, dataTaskWorkItemId, maxTextLength, type MarketAnalysisCommand } from './commands.js';
import { analysisReviewMonths } from './obligations.js';
import { events, type Assumptions, type MarketAnalysisEvent } from './events.js';
import { refusals, type MarketAnalysisRefusal } from './refusals.js';

/** A market analysis as its events left it. */
export interface MarketAnalysis {
  readonly status: 'none' | 'open' | 'decided' | 'reviewed';
  readonly analysisId: string;
  readonly sources: readonly string[];
  readonly evidenceIds: readonly string[];
  readonly scenarioIds: readonly string[];
  readonly assumptions: Assumptions | null;
  readonly decision?: 'go' | 'no-go' | 'defer';
  /** Data tasks delegated, and those waived. */
  readonly dataTasks: readonly string[];
  readonly waived: readonly string[];
  /** The business day of the decision. */
  readonly decidedOn?: string;
}

export const initialState: MarketAnalysis = {
  status: 'none',
  analysisId: '',
  sources: [],
  evidenceIds: [],
  scenarioIds: [],
  assumptions: null,
  dataTasks: [],
  waived: [],
};

export const evolve = (s: MarketAnalysis, e: MarketAnalysisEvent): MarketAnalysis => {
  switch (e.type) {
    case 'AnalysisOpened':
      return { ...initialState, status: 'open', analysisId: e.data.analysisId };
    case 'SourceAdded':
      return { ...s, sources: [...s.sources, e.data.name] };
    case 'EvidenceAttached':
      return { ...s, evidenceIds: [...s.evidenceIds, e.data.evidenceId] };
    case 'SwotItemAdded':
      return s;
    case 'AssumptionsSet':
      return { ...s, assumptions: e.data.assumptions };
    case 'ScenarioAdded':
      return { ...s, scenarioIds: [...s.scenarioIds, e.data.scenarioId] };
    case 'DataTaskDelegated':
      return { ...s, dataTasks: [...s.dataTasks, e.data.taskId] };
    case 'DataTaskWaived':
      return { ...s, waived: [...s.waived, e.data.taskId] };
    case 'AnalysisDecided':
      return {
        ...s,
        status: 'decided',
        decision: e.data.decision,
        decidedOn: e.data.decidedAt.slice(0, 10),
      };
    case 'AnalysisReviewed':
      return { ...s, status: 'reviewed' };
  }
};

type D = Decision<MarketAnalysisEvent>;

/** The longest ramp to full volume the assumptions may state: ten years. */
export const maxRampMonths = 120;

const zip = /^\d{5}(-\d{4})?$/;
const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}...` : s);

/** Refuses unless the analysis is open (opened and not decided yet). */
const isOpen = (s: MarketAnalysis): D | undefined =>
  s.status === 'none'
    ? reject('AnalysisNotFound', 'no such market analysis', 'analysisId')
    : s.status !== 'open'
      ? reject('AnalysisClosed', 'the analysis is decided')
      : undefined;

/** Free text: trimmed, non-empty, at most `maxTextLength` characters. */
const text = (value: string, field: string, what: string): D | undefined =>
  value.trim() === ''
    ? reject('TextRequired', `say ${what}`, field)
    : value.length > maxTextLength
      ? reject('TextTooLong', `${field} is at most ${maxTextLength} characters`, field)
      : undefined;

/** Decides a MarketAnalysis command (MODULES.md S4). Pure. */
export const decide = (c: MarketAnalysisCommand, s: MarketAnalysis): D => {
  switch (c.type) {
    case 'OpenAnalysis': {
      if (s.status !== 'none')
        return reject('AnalysisExists', `analysis ${clip(c.analysisId)} exists`, 'analysisId');
      if (c.question.trim() === '')
        return reject('QuestionRequired', 'say what the analysis should answer', 'question');
      if (c.question.length > maxTextLength)
        return reject('TextTooLong', `question is at most ${maxTextLength} characters`, 'question');
      const badZip = c.scope.zips.find((z) => !zip.test(z));
      if (badZip !== undefined)
        return reject('InvalidZip', `${clip(badZip)} is not a US ZIP code`, 'scope.zips');
      const badLine = c.scope.serviceLines.find((l) => l.trim() === '' || l.length > 200);
      if (badLine !== undefined)
        return reject(
          'TextRequired',
          'each service line is a name of 1–200 characters',
          'scope.serviceLines',
        );
      return accept(
        events.make('AnalysisOpened', {
          analysisId: c.analysisId,
          question: c.question.trim(),
          scope: {
            zips: [...c.scope.zips],
            serviceLines: c.scope.serviceLines.map((l) => l.trim()),
            ...(c.scope.demographics === undefined || c.scope.demographics.trim() === ''
              ? {}
              : { demographics: c.scope.demographics.trim().slice(0, maxTextLength) }),
          },
          openedBy: c.openedBy,
          openedAt: c.at,
        }),
      );
    }
    case 'AddSource': {
      const bad = isOpen(s) ?? text(c.name, 'name', 'what the source is');
      if (bad !== undefined) return bad;
      const name = c.name.trim();
      if (s.sources.includes(name)) return reject('SourceExists', `source ${clip(name)} is listed`, 'name');
      return accept(
        events.make('SourceAdded', {
          analysisId: s.analysisId,
          name,
          asOf: c.asOf,
          ref: c.ref.trim().slice(0, maxTextLength),
          addedBy: c.addedBy,
        }),
      );
    }
    case 'AttachEvidence': {
      const bad = isOpen(s);
      if (bad !== undefined) return bad;
      const p = periodDays(c.period);
      if (p === undefined)
        return reject('InvalidPeriod', `${clip(c.period)} is not a month, quarter or year`, 'period');
      if (p.lastDay >= c.at.slice(0, 10))
        return reject(
          'PeriodNotEnded',
          `${p.label} has not ended: evidence is frozen only for a period that is over`,
          'period',
        );
      const evidenceId = `${c.kind}:${p.label}`;
      if (s.evidenceIds.includes(evidenceId))
        return reject('EvidenceExists', `${evidenceId} is attached`, 'kind');
      if (c.evidence === null || c.evidence.kind !== c.kind)
        return reject('EvidenceUnavailable', `the log holds nothing to compute ${c.kind} from`, 'kind');
      return accept(
        events.make('EvidenceAttached', {
          analysisId: s.analysisId,
          evidenceId,
          kind: c.kind,
          period: p.label,
          evidence: c.evidence,
          attachedBy: c.attachedBy,
          attachedAt: c.at,
        }),
      );
    }
    case 'AddSwotItem': {
      const bad = isOpen(s) ?? text(c.text, 'text', 'what the item is');
      if (bad !== undefined) return bad;
      const ref = c.evidenceRef?.trim();
      if (ref !== undefined && ref !== '' && !s.evidenceIds.includes(ref) && !s.sources.includes(ref))
        return reject(
          'UnknownEvidence',
          `no evidence or source ${clip(ref)} in this analysis`,
          'evidenceRef',
        );
      return accept(
        events.make('SwotItemAdded', {
          analysisId: s.analysisId,
          kind: c.kind,
          text: c.text.trim(),
          addedBy: c.addedBy,
          ...(ref === undefined || ref === '' ? {} : { evidenceRef: ref }),
        }),
      );
    }
    case 'SetAssumptions': {
      const bad = isOpen(s);
      if (bad !== undefined) return bad;
      if (c.rampMonths > maxRampMonths)
        return reject('RampTooLong', `rampMonths is at most ${maxRampMonths}`, 'rampMonths');
      return accept(
        events.make('AssumptionsSet', {
          analysisId: s.analysisId,
          assumptions: {
            visitsPerMonth: c.visitsPerMonth,
            netRevenuePerVisitCents: c.netRevenuePerVisitCents,
            startupCostCents: c.startupCostCents,
            rampMonths: c.rampMonths,
          },
          setBy: c.setBy,
        }),
      );
    }
    case 'AddScenario': {
      const bad = isOpen(s);
      if (bad !== undefined) return bad;
      if (s.scenarioIds.includes(c.scenarioId))
        return reject('ScenarioExists', `scenario ${clip(c.scenarioId)} is added`, 'scenarioId');
      if (c.summary !== undefined && c.summary.length > maxTextLength)
        return reject('TextTooLong', `summary is at most ${maxTextLength} characters`, 'summary');
      const summary = c.summary?.trim();
      return accept(
        events.make('ScenarioAdded', {
          analysisId: s.analysisId,
          scenarioId: c.scenarioId,
          forkRef: c.forkRef,
          addedBy: c.addedBy,
          ...(summary === undefined || summary === '' ? {} : { summary }),
        }),
      );
    }
    case 'DelegateDataTask': {
      const bad = isOpen(s) ?? text(c.title, 'title', 'what the task is');
      if (bad !== undefined) return bad;
      if (s.dataTasks.includes(c.taskId))
        return reject('TaskExists', `data task ${clip(c.taskId)} is delegated`, 'taskId');
      if (c.expectations.trim() === '')
        return reject('ExpectationsMissing', 'say what done looks like (expectations)', 'expectations');
      if (c.expectations.length > maxTextLength)
        return reject('TextTooLong', `expectations is at most ${maxTextLength} characters`, 'expectations');
      if (c.to === c.delegatedBy) return reject('DelegateIsSelf', 'delegate to someone else', 'to');
      if (!c.delegateActive) return reject('DelegateNotActive', `${clip(c.to)} is not active staff`, 'to');
      return accept(
        events.make('DataTaskDelegated', {
          analysisId: s.analysisId,
          taskId: c.taskId,
          workItemId: dataTaskWorkItemId(s.analysisId, c.taskId),
          title: c.title.trim(),
          to: c.to,
          expectations: c.expectations.trim(),
          dueOn: c.dueOn,
          delegatedBy: c.delegatedBy,
          delegatedAt: c.at,
        }),
      );
    }
    case 'WaiveDataTask': {
      const bad = isOpen(s);
      if (bad !== undefined) return bad;
      if (!s.dataTasks.includes(c.taskId))
        return reject('TaskNotFound', `no data task ${clip(c.taskId)}`, 'taskId');
      if (s.waived.includes(c.taskId))
        return reject('TaskAlreadyWaived', `data task ${clip(c.taskId)} is waived`, 'taskId');
      const why = text(c.reason, 'reason', 'why the decision can do without it');
      if (why !== undefined) return reject('ReasonRequired', 'say why the task is waived', 'reason');
      return accept(
        events.make('DataTaskWaived', {
          analysisId: s.analysisId,
          taskId: c.taskId,
          reason: c.reason.trim(),
          waivedBy: c.waivedBy,
          waivedAt: c.at,
        }),
      );
    }
    case 'Decide': {
      const bad = isOpen(s);
      if (bad !== undefined) return bad;
      if (s.scenarioIds.length === 0)
        return reject('AnalysisIncomplete', 'add at least one what-if scenario before deciding', 'scenarios');
      const done = s.dataTasks.filter((t) => (c.dataTasksDone ?? []).includes(t));
      const waived = s.dataTasks.filter((t) => s.waived.includes(t) && !done.includes(t));
      const open = s.dataTasks.filter((t) => !done.includes(t) && !waived.includes(t));
      if (open.length > 0)
        return reject(
          'AnalysisIncomplete',
          `data tasks neither done nor waived: ${clip(open.join(', '))}`,
          'dataTasks',
        );
      if (c.decision === 'go' && s.assumptions === null)
        return reject('AnalysisIncomplete', 'set the assumptions a go is judged against', 'assumptions');
      if (c.rationale.trim() === '') return reject('RationaleRequired', 'say why', 'rationale');
      if (c.rationale.length > maxTextLength)
        return reject('TextTooLong', `rationale is at most ${maxTextLength} characters`, 'rationale');
      return accept(
        events.make('AnalysisDecided', {
          analysisId: s.analysisId,
          decision: c.decision,
          rationale: c.rationale.trim(),
          assumptions: s.assumptions,
          scenarioIds: [...s.scenarioIds],
          decidedBy: c.decidedBy,
          decidedAt: c.at,
          ...(s.dataTasks.length === 0 ? {} : { dataTasks: { done, waived } }),
        }),
      );
    }
    case 'RecordAnalysisReview': {
      if (s.status === 'none') return reject('AnalysisNotFound', 'no such market analysis', 'analysisId');
      if (s.status === 'reviewed') return reject('ReviewAlreadyRecorded', 'the review is recorded');
      if (s.status !== 'decided' || s.decision !== 'go')
        return reject('NotAGoDecision', 'only a go decision is reviewed against its assumptions');
      const dueOn = addMonths(s.decidedOn ?? c.at.slice(0, 10), analysisReviewMonths);
      if (c.at.slice(0, 10) < dueOn)
        return reject(
          'ReviewNotDue',
          `the review is due on ${dueOn}, ${analysisReviewMonths} months after the decision`,
        );
      const bad = text(c.findings, 'findings', 'what the review found');
      if (bad !== undefined) return bad;
      return accept(
        events.make('AnalysisReviewed', {
          analysisId: s.analysisId,
          findings: c.findings.trim(),
          reviewedBy: c.reviewedBy,
          reviewedAt: c.at,
        }),
      );
    }
  }
};

/**
 * A market analysis (MODULES.md S4): a question, its scope, evidence computed from the log and
 * frozen, a SWOT, the assumptions and what-if scenarios, and a go / no-go / defer decision that
 * freezes the assumptions a `go` is reviewed against 12 months later (`strategy-obligations`).
 */
export const decider: Decider<
  MarketAnalysisCommand,
  MarketAnalysisEvent,
  MarketAnalysis,
  MarketAnalysisRefusal
> = {
  name: 'MarketAnalysis',
  stateVersion: 1,
  initialState,
  evolve,
  decide,
  events,
  commands,
  refusals,
};
