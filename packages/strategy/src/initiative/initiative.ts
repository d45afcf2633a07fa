import * as t from 'io-ts';
import {
  accept,
  command,
  defineCommands,
  defineEvents,
  defineRefusals,
  ISODate,
  ISOInstant,
  NonEmptyString,
  NonNegativeCents,
  NonNegativeInt,
  PositiveCents,
  PositiveInt,
  reject,
  struct,
  type CommandOf,
  type Decider,
  type Decision,
  type EventOf,
} from '@praxis/core';
import { addMonths } from './obligations.js';

/** What an initiative is expected to bring each month (MODULES.md S3). */
export const MonthlyBenefit = t.type({
  visits: NonNegativeInt,
  netRevenuePerVisitCents: NonNegativeCents,
  costCents: NonNegativeCents,
});
export type MonthlyBenefit = t.TypeOf<typeof MonthlyBenefit>;

/** The budget line an initiative spends against. */
export const BudgetLine = t.type({
  budgetId: NonEmptyString,
  category: NonEmptyString,
  amountCents: PositiveCents,
});

/**
 * One linked goal's KPI as a benefits review found it: the KPI of the last full period (of the
 * goal's deadline kind) before the review's due date, beside the goal's frozen baseline and target.
 */
export const GoalKpiResult = t.type({
  goalId: t.string,
  kpiId: t.string,
  period: t.string,
  baselineValue: t.number,
  target: t.number,
  actual: t.union([t.number, t.null]),
});
export type GoalKpiResult = t.TypeOf<typeof GoalKpiResult>;

/**
 * What a benefits review compares, computed by the handler from the log (a fact, never typed in):
 * the linked goals' KPIs and the initiative's spending (cents, expenses carrying its
 * `initiativeId` incurred on or before the due date).
 */
export const BenefitsComparison = t.type({ goals: t.array(GoalKpiResult), spentCents: t.number });
export type BenefitsComparison = t.TypeOf<typeof BenefitsComparison>;

const Milestone = t.type({ milestoneId: NonEmptyString, title: NonEmptyString, dueOn: ISODate });

/** Every code an Initiative refuses with. */
export const refusals = defineRefusals({
  AnalysisNotGo: 'rule',
  ApproverIsOwner: 'forbidden',
  InitiativeClosed: 'conflict',
  InitiativeExists: 'conflict',
  InitiativeNotApproved: 'conflict',
  InitiativeNotFound: 'not-found',
  InitiativeNotProposed: 'conflict',
  InvalidHorizon: 'invalid',
  InvalidRate: 'invalid',
  MilestoneAlreadyCompleted: 'conflict',
  MilestoneNotFound: 'not-found',
  MilestonesOpen: 'rule',
  NotABenefitsReview: 'rule',
  ReviewNotDue: 'rule',
  ReviewAlreadyRecorded: 'conflict',
  OwnerNotActive: 'rule',
  ReasonRequired: 'invalid',
  UnknownGoal: 'not-found',
  UnknownBudget: 'not-found',
  UnknownBudgetLine: 'not-found',
});
export type InitiativeRefusal = keyof typeof refusals;

/** Every event of an initiative (`Initiative-<initiativeId>`). */
export const events = defineEvents({
  InitiativeProposed: struct(
    {
      initiativeId: NonEmptyString,
      title: NonEmptyString,
      goalIds: t.array(NonEmptyString),
      ownerId: NonEmptyString,
      budget: BudgetLine,
      milestones: t.array(Milestone),
      proposedBy: NonEmptyString,
      proposedAt: ISOInstant,
    },
    /** `analysisId`: the market analysis whose `go` the initiative carries out. */
    { capexCents: NonNegativeCents, monthlyBenefit: MonthlyBenefit, analysisId: NonEmptyString },
  ),
  /**
   * Approved, with its business case frozen: monthly net benefit, payback months (capex ÷ monthly
   * net benefit; `null` without a positive benefit) and NPV at the discount rate over the horizon.
   */
  InitiativeApproved: t.type({
    initiativeId: NonEmptyString,
    approvedBy: NonEmptyString,
    approvedAt: ISOInstant,
    discountRatePct: t.number,
    horizonMonths: PositiveInt,
    monthlyNetBenefitCents: t.number,
    paybackMonths: t.union([t.number, t.null]),
    npvCents: t.number,
  }),
  MilestoneCompleted: t.type({
    initiativeId: NonEmptyString,
    milestoneId: NonEmptyString,
    completedOn: ISODate,
    completedBy: NonEmptyString,
  }),
  /**
   * A benefits review (6 or 12 months after approval): the reviewer's findings, and — computed
   * from the log, frozen — the linked goals' KPIs against their baselines and the spending
   * against the allocation, beside the payback and NPV frozen at approval.
   */
  BenefitsReviewed: struct(
    {
      initiativeId: NonEmptyString,
      months: PositiveInt,
      findings: NonEmptyString,
      reviewedBy: NonEmptyString,
      reviewedAt: ISOInstant,
    },
    {
      dueOn: ISODate,
      goals: t.array(GoalKpiResult),
      spentCents: t.number,
      allocatedCents: t.number,
      paybackMonths: t.union([t.number, t.null]),
      npvCents: t.number,
    },
  ),
  InitiativeCompleted: t.type({
    initiativeId: NonEmptyString,
    completedOn: ISODate,
    completedBy: NonEmptyString,
  }),
  InitiativeCancelled: t.type({
    initiativeId: NonEmptyString,
    reason: NonEmptyString,
    cancelledBy: NonEmptyString,
    cancelledAt: ISOInstant,
  }),
});
export type InitiativeEvent = EventOf<typeof events>;

/** Facts the handler computes: goals that do not exist, whether the owner is on staff. */
export const facts = {
  /** `analysisDecision`: the decision of the market analysis named (`null`: none, or undecided). */
  ProposeInitiative: {
    unknownGoalIds: t.array(t.string),
    ownerActive: t.boolean,
    /** Whether the budget named exists and has the category as a line. */
    budgetLine: t.keyof({ found: null, 'no-budget': null, 'no-category': null }),
    analysisDecision: t.union([t.string, t.null]),
  },
  RecordBenefitsReview: { comparison: BenefitsComparison },
} as const;

/** Every command of an Initiative. */
export const commands = defineCommands('initiativeId', {
  ProposeInitiative: command(
    {
      initiativeId: NonEmptyString,
      title: NonEmptyString,
      goalIds: t.readonlyArray(NonEmptyString),
      ownerId: NonEmptyString,
      budget: BudgetLine,
      milestones: t.readonlyArray(Milestone),
    },
    { capexCents: NonNegativeCents, monthlyBenefit: MonthlyBenefit, analysisId: NonEmptyString },
    { stamps: { proposedBy: 'actor', at: 'time' }, facts: facts.ProposeInitiative },
  ),
  /** `discountRatePct`: the practice's annual discount rate (0–100); `horizonMonths`: the NPV horizon. */
  ApproveInitiative: command(
    { discountRatePct: t.number, horizonMonths: PositiveInt },
    {},
    { stamps: { approvedBy: 'actor', at: 'time' } },
  ),
  CompleteMilestone: command(
    { milestoneId: NonEmptyString, completedOn: ISODate },
    {},
    { businessTime: 'completedOn', stamps: { completedBy: 'actor' } },
  ),
  /**
   * Records the benefits review due `months` (6 or 12) after approval, on or after that day. The
   * handler computes what it compares (`comparison`, a fact); the reviewer adds the findings.
   */
  RecordBenefitsReview: command(
    { months: PositiveInt, findings: t.string },
    {},
    { stamps: { reviewedBy: 'actor', at: 'time' }, facts: facts.RecordBenefitsReview },
  ),
  CompleteInitiative: command(
    { completedOn: ISODate },
    {},
    { businessTime: 'completedOn', stamps: { completedBy: 'actor' } },
  ),
  CancelInitiative: command({ reason: t.string }, {}, { stamps: { cancelledBy: 'actor', at: 'time' } }),
});
export type InitiativeCommand = CommandOf<typeof commands>;

/** An initiative as its events left it. */
export interface Initiative {
  readonly status: 'none' | 'proposed' | 'approved' | 'completed' | 'cancelled';
  readonly initiativeId: string;
  readonly ownerId: string;
  readonly goalIds: readonly string[];
  /** The budget line it spends against, and its allocation (cents). */
  readonly budget?: { readonly budgetId: string; readonly category: string; readonly amountCents: number };
  /** The business day of the approval (`YYYY-MM-DD`), and the case frozen then. */
  readonly approvedOn?: string;
  readonly paybackMonths?: number | null;
  readonly npvCents?: number;
  readonly capexCents: number;
  readonly monthlyBenefit?: MonthlyBenefit;
  readonly milestones: readonly string[];
  readonly completed: readonly string[];
  /** Months of the benefits reviews recorded. */
  readonly reviewed: readonly number[];
}

export const initialState: Initiative = {
  status: 'none',
  initiativeId: '',
  ownerId: '',
  goalIds: [],
  capexCents: 0,
  milestones: [],
  completed: [],
  reviewed: [],
};

export const evolve = (s: Initiative, e: InitiativeEvent): Initiative => {
  switch (e.type) {
    case 'InitiativeProposed':
      return {
        ...initialState,
        status: 'proposed',
        initiativeId: e.data.initiativeId,
        ownerId: e.data.ownerId,
        goalIds: e.data.goalIds,
        budget: e.data.budget,
        capexCents: e.data.capexCents ?? 0,
        milestones: e.data.milestones.map((m) => m.milestoneId),
        ...(e.data.monthlyBenefit === undefined ? {} : { monthlyBenefit: e.data.monthlyBenefit }),
      };
    case 'InitiativeApproved':
      return {
        ...s,
        status: 'approved',
        approvedOn: e.data.approvedAt.slice(0, 10),
        paybackMonths: e.data.paybackMonths,
        npvCents: e.data.npvCents,
      };
    case 'MilestoneCompleted':
      return { ...s, completed: [...s.completed, e.data.milestoneId] };
    case 'BenefitsReviewed':
      return { ...s, reviewed: [...s.reviewed, e.data.months] };
    case 'InitiativeCompleted':
      return { ...s, status: 'completed' };
    case 'InitiativeCancelled':
      return { ...s, status: 'cancelled' };
  }
};

/**
 * The business case (the seed: "feasibility of purchasing new equipment or hiring additional
 * staff"): monthly net benefit = visits × net revenue per visit − cost; payback = capex ÷ monthly
 * net benefit (months, `null` when the benefit is not positive); NPV = −capex + Σₘ₌₁..H benefit ÷
 * (1 + rate/12)ᵐ, in cents, rounded.
 */
export const businessCase = (
  capexCents: number,
  benefit: MonthlyBenefit | undefined,
  discountRatePct: number,
  horizonMonths: number,
): { monthlyNetBenefitCents: number; paybackMonths: number | null; npvCents: number } => {
  const net =
    benefit === undefined ? 0 : benefit.visits * benefit.netRevenuePerVisitCents - benefit.costCents;
  const monthly = discountRatePct / 100 / 12;
  let pv = 0;
  for (let m = 1; m <= horizonMonths; m++) pv += net / (1 + monthly) ** m;
  return {
    monthlyNetBenefitCents: net,
    paybackMonths: net > 0 ? Math.round((capexCents / net) * 100) / 100 : null,
    npvCents: Math.round(pv - capexCents),
  };
};

type D = Decision<InitiativeEvent>;

/** The longest NPV horizon: 30 years. */
export const maxHorizonMonths = 360;

const open = (s: Initiative): D | undefined =>
  s.status === 'none'
    ? reject('InitiativeNotFound', 'no such initiative', 'initiativeId')
    : s.status === 'completed' || s.status === 'cancelled'
      ? reject('InitiativeClosed', `the initiative is ${s.status}`)
      : undefined;

/** Decides an Initiative command (MODULES.md S3). Pure. */
export const decide = (c: InitiativeCommand, s: Initiative): D => {
  switch (c.type) {
    case 'ProposeInitiative': {
      if (s.status !== 'none')
        return reject('InitiativeExists', `initiative ${c.initiativeId} exists`, 'initiativeId');
      if (c.unknownGoalIds.length > 0)
        return reject('UnknownGoal', `no goal ${c.unknownGoalIds[0]!.slice(0, 60)}`, 'goalIds');
      if (!c.ownerActive) return reject('OwnerNotActive', `${c.ownerId} is not active staff`, 'ownerId');
      if (c.budgetLine === 'no-budget')
        return reject('UnknownBudget', `no budget ${c.budget.budgetId.slice(0, 60)}`, 'budget.budgetId');
      if (c.budgetLine === 'no-category')
        return reject(
          'UnknownBudgetLine',
          `budget ${c.budget.budgetId.slice(0, 60)} has no ${c.budget.category.slice(0, 60)} line`,
          'budget.category',
        );
      if (c.analysisId !== undefined && c.analysisDecision !== 'go')
        return reject(
          'AnalysisNotGo',
          `market analysis ${c.analysisId.slice(0, 60)} was not decided go (${c.analysisDecision ?? 'no decision'})`,
          'analysisId',
        );
      return accept(
        events.make('InitiativeProposed', {
          initiativeId: c.initiativeId,
          title: c.title.trim(),
          goalIds: [...c.goalIds],
          ownerId: c.ownerId,
          budget: c.budget,
          milestones: [...c.milestones],
          proposedBy: c.proposedBy,
          proposedAt: c.at,
          ...(c.capexCents === undefined ? {} : { capexCents: c.capexCents }),
          ...(c.monthlyBenefit === undefined ? {} : { monthlyBenefit: c.monthlyBenefit }),
          ...(c.analysisId === undefined ? {} : { analysisId: c.analysisId }),
        }),
      );
    }
    case 'ApproveInitiative': {
      if (s.status === 'none') return reject('InitiativeNotFound', 'no such initiative', 'initiativeId');
      if (s.status !== 'proposed') return reject('InitiativeNotProposed', `the initiative is ${s.status}`);
      if (c.approvedBy === s.ownerId)
        return reject('ApproverIsOwner', 'the initiative’s owner cannot approve it', 'approvedBy');
      if (c.horizonMonths > maxHorizonMonths)
        return reject(
          'InvalidHorizon',
          `the NPV horizon is at most ${maxHorizonMonths} months`,
          'horizonMonths',
        );
      if (!Number.isFinite(c.discountRatePct) || c.discountRatePct < 0 || c.discountRatePct > 100)
        return reject('InvalidRate', 'discountRatePct is a percentage from 0 to 100', 'discountRatePct');
      return accept(
        events.make('InitiativeApproved', {
          initiativeId: s.initiativeId,
          approvedBy: c.approvedBy,
          approvedAt: c.at,
          discountRatePct: c.discountRatePct,
          horizonMonths: c.horizonMonths,
          ...businessCase(s.capexCents, s.monthlyBenefit, c.discountRatePct, c.horizonMonths),
        }),
      );
    }
    case 'CompleteMilestone': {
      const bad = open(s);
      if (bad !== undefined) return bad;
      if (s.status !== 'approved') return reject('InitiativeNotApproved', 'approve the initiative first');
      if (!s.milestones.includes(c.milestoneId))
        return reject('MilestoneNotFound', `no milestone ${c.milestoneId}`, 'milestoneId');
      if (s.completed.includes(c.milestoneId))
        return reject('MilestoneAlreadyCompleted', `${c.milestoneId} is done`, 'milestoneId');
      return accept(
        events.make('MilestoneCompleted', {
          initiativeId: s.initiativeId,
          milestoneId: c.milestoneId,
          completedOn: c.completedOn,
          completedBy: c.completedBy,
        }),
      );
    }
    case 'RecordBenefitsReview': {
      if (s.status === 'none') return reject('InitiativeNotFound', 'no such initiative', 'initiativeId');
      if (s.status === 'proposed' || s.status === 'cancelled')
        return reject('InitiativeNotApproved', `the initiative is ${s.status}`);
      if (c.months !== 6 && c.months !== 12)
        return reject('NotABenefitsReview', 'benefits are reviewed 6 and 12 months after approval', 'months');
      if (s.reviewed.includes(c.months))
        return reject('ReviewAlreadyRecorded', `the ${c.months}-month review is recorded`, 'months');
      const dueOn = addMonths(s.approvedOn ?? c.at.slice(0, 10), c.months);
      if (c.at.slice(0, 10) < dueOn)
        return reject(
          'ReviewNotDue',
          `the ${c.months}-month review is due on ${dueOn}: its KPIs are not in yet`,
          'months',
        );
      if (c.findings.trim() === '') return reject('ReasonRequired', 'say what the review found', 'findings');
      return accept(
        events.make('BenefitsReviewed', {
          initiativeId: s.initiativeId,
          months: c.months,
          findings: c.findings.trim(),
          reviewedBy: c.reviewedBy,
          reviewedAt: c.at,
          dueOn,
          goals: c.comparison.goals,
          spentCents: c.comparison.spentCents,
          allocatedCents: s.budget?.amountCents ?? 0,
          paybackMonths: s.paybackMonths ?? null,
          npvCents: s.npvCents ?? 0,
        }),
      );
    }
    case 'CompleteInitiative': {
      const bad = open(s);
      if (bad !== undefined) return bad;
      if (s.status !== 'approved') return reject('InitiativeNotApproved', 'approve the initiative first');
      const left = s.milestones.filter((m) => !s.completed.includes(m));
      if (left.length > 0)
        return reject('MilestonesOpen', `milestones not done: ${left.join(', ').slice(0, 120)}`);
      return accept(
        events.make('InitiativeCompleted', {
          initiativeId: s.initiativeId,
          completedOn: c.completedOn,
          completedBy: c.completedBy,
        }),
      );
    }
    case 'CancelInitiative':
      return (
        open(s) ??
        (c.reason.trim() === ''
          ? reject('ReasonRequired', 'say why the initiative is cancelled', 'reason')
          : accept(
              events.make('InitiativeCancelled', {
                initiativeId: s.initiativeId,
                reason: c.reason.trim(),
                cancelledBy: c.cancelledBy,
                cancelledAt: c.at,
              }),
            ))
      );
  }
};

/**
 * An initiative (MODULES.md S3): a funded piece of work toward goals, its payback and NPV frozen
 * at approval, its benefits reviewed 6 and 12 months later (`strategy-obligations`).
 */
export const decider: Decider<InitiativeCommand, InitiativeEvent, Initiative, InitiativeRefusal> = {
  name: 'Initiative',
  stateVersion: 2,
  initialState,
  evolve,
  decide,
  events,
  commands,
  refusals,
};
