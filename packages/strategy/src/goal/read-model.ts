import {
  obligationKey,
  type DocUpdate,
  type Json,
  type Obligation,
  type Projection,
  type RecordedEvent,
} from '@praxis/core';
import { addDays, daysBetween } from '../periods.js';
import { events, type Direction, type GoalEvent, type GoalStanding } from './events.js';

/** Name of the goals read model. */
export const strategyGoalsName = 'strategy-goals';
/** Name of the strategy obligations read model (goal checkpoint reviews and deadlines, in the calendar). */
export const strategyObligationsName = 'strategy-obligations';

/** One checkpoint of a goal as the read model keeps it. */
export interface GoalCheckpointView {
  readonly period: string;
  readonly dueOn: string;
  readonly expected: number;
  /** The KPI for the period at its review (`null`: no value), absent before the review. */
  readonly actual?: number | null;
  readonly standing?: GoalStanding;
  readonly reviewedOn?: string;
}

/** A goal as `strategy-goals` keeps it, under `goal:<goalId>`. */
export interface GoalView {
  readonly goalId: string;
  readonly statement: string;
  readonly kpiId: string;
  readonly direction: Direction;
  readonly baselinePeriod: string;
  readonly baselineValue: number;
  readonly target: number;
  readonly deadline: string;
  readonly dueOn: string;
  readonly ownerId: string;
  readonly status: 'draft' | 'approved' | 'achieved' | 'missed' | 'withdrawn';
  readonly draftedOn: string;
  readonly approvedOn?: string;
  /** Day it was achieved, missed or withdrawn. */
  readonly closedOn?: string;
  readonly checkpoints: readonly GoalCheckpointView[];
  /** Standing at the latest review (`not-reviewed` before the first). */
  readonly standing: GoalStanding | 'not-reviewed';
  /** The latest reviewed KPI value (the baseline before any review). */
  readonly latestValue: number | null;
  /**
   * Linear forecast of the KPI at the deadline: least squares through the baseline (on the
   * drafting day) and every reviewed value (on its period's last day); `null` before a review.
   */
  readonly forecast: number | null;
  /** The actual of the deadline period, once closed as achieved or missed. */
  readonly actual?: number | null;
  /** Every target the goal had, oldest first, with the reason of each revision. */
  readonly revisions: readonly { readonly target: number; readonly reason: string; readonly on: string }[];
}

const goalKey = (goalId: string) => `goal:${goalId}`;
const day = (instant: string) => instant.slice(0, 10);

const forecastOf = (g: GoalView, checkpoints: readonly GoalCheckpointView[]): number | null => {
  const points: [number, number][] = [[0, g.baselineValue]];
  for (const c of checkpoints)
    if (typeof c.actual === 'number') points.push([daysBetween(g.draftedOn, c.dueOn), c.actual]);
  if (points.length < 2) return null;
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  if (sxx === 0) return my;
  const slope = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / sxx;
  return Math.round((my + slope * (daysBetween(g.draftedOn, g.dueOn) - mx)) * 1e4) / 1e4;
};

const update = (goalId: string, f: (g: GoalView) => GoalView): DocUpdate => ({
  key: goalKey(goalId),
  update: (cur) => (cur === undefined ? undefined : (f(cur as unknown as GoalView) as unknown as Json)),
});

const goalDoc = (ev: GoalEvent): readonly DocUpdate[] => {
  switch (ev.type) {
    case 'GoalDrafted': {
      const d = ev.data;
      const view: GoalView = {
        goalId: d.goalId,
        statement: d.statement,
        kpiId: d.kpiId,
        direction: d.direction,
        baselinePeriod: d.baselinePeriod,
        baselineValue: d.baselineValue,
        target: d.target,
        deadline: d.deadline,
        dueOn: d.dueOn,
        ownerId: d.ownerId,
        status: 'draft',
        draftedOn: day(d.draftedAt),
        checkpoints: d.checkpoints,
        standing: 'not-reviewed',
        latestValue: d.baselineValue,
        forecast: null,
        revisions: [{ target: d.target, reason: 'drafted', on: day(d.draftedAt) }],
      };
      return [{ key: goalKey(d.goalId), update: () => view as unknown as Json }];
    }
    case 'GoalApproved':
      return [
        update(ev.data.goalId, (g) => ({ ...g, status: 'approved', approvedOn: day(ev.data.approvedAt) })),
      ];
    case 'GoalTargetRevised': {
      const d = ev.data;
      return [
        update(d.goalId, (g) => {
          const reviewed = new Map(g.checkpoints.map((c) => [c.period, c]));
          const checkpoints = d.checkpoints.map((c) => ({ ...reviewed.get(c.period), ...c }));
          return {
            ...g,
            target: d.target,
            checkpoints,
            revisions: [...g.revisions, { target: d.target, reason: d.reason, on: day(d.revisedAt) }],
          };
        }),
      ];
    }
    case 'GoalReassigned':
      return [update(ev.data.goalId, (g) => ({ ...g, ownerId: ev.data.ownerId }))];
    case 'GoalCheckpointReviewed': {
      const d = ev.data;
      return [
        update(d.goalId, (g) => {
          const checkpoints = g.checkpoints.map((c) =>
            c.period === d.period
              ? { ...c, actual: d.actual, standing: d.standing, reviewedOn: day(d.reviewedAt) }
              : c,
          );
          return {
            ...g,
            checkpoints,
            standing: d.standing,
            latestValue: d.actual ?? g.latestValue,
            forecast: forecastOf(g, checkpoints),
          };
        }),
      ];
    }
    case 'GoalAchieved':
    case 'GoalMissed':
      return [
        update(ev.data.goalId, (g) => ({
          ...g,
          status: ev.type === 'GoalAchieved' ? 'achieved' : 'missed',
          closedOn: day(ev.data.closedAt),
          actual: ev.data.actual,
        })),
      ];
    case 'GoalWithdrawn':
      return [
        update(ev.data.goalId, (g) => ({ ...g, status: 'withdrawn', closedOn: day(ev.data.withdrawnAt) })),
      ];
  }
};

/**
 * Read model `strategy-goals`: one `GoalView` per goal under `goal:<goalId>` — its checkpoint
 * path with the reviewed values, standing (on-track / at-risk / off-track), latest value, linear
 * forecast at the deadline, and every target revision.
 */
export const strategyGoals: Projection = {
  name: strategyGoalsName,
  version: 1,
  eventTypes: events.types,
  handle: (e: RecordedEvent) => goalDoc(e as unknown as GoalEvent),
};

/** Days after a checkpoint period ends by which its review is due. */
export const checkpointReviewDays = 14;
/** Days after the deadline period ends by which the goal is due to be closed (judged). */
export const closeGoalDays = 30;

const obligationIds = {
  checkpoint: (goalId: string, period: string) => `goal-checkpoint:${goalId}:${period}`,
  deadline: (goalId: string) => `goal-deadline:${goalId}`,
};

const putObligation = (o: Obligation): DocUpdate => ({
  key: obligationKey(o.id),
  update: () => o as unknown as Json,
});
const completeObligation = (id: string, at: string): DocUpdate => ({
  key: obligationKey(id),
  update: (cur) => (cur === undefined ? undefined : ({ ...(cur as object), completedAt: at } as Json)),
});
const dropOpen = (id: string): DocUpdate => ({
  key: obligationKey(id),
  update: (cur) =>
    cur !== undefined && (cur as { completedAt?: string }).completedAt !== undefined ? cur : undefined,
});

const obligationsOf = (e: RecordedEvent, ev: GoalEvent): readonly DocUpdate[] => {
  switch (ev.type) {
    case 'GoalDrafted': {
      const d = ev.data;
      const short = d.statement.length > 60 ? `${d.statement.slice(0, 57)}...` : d.statement;
      return [
        ...d.checkpoints.map((c) =>
          putObligation({
            id: obligationIds.checkpoint(d.goalId, c.period),
            module: 'strategy',
            kind: 'goal-checkpoint',
            label: `Review goal "${short}" for ${c.period} (${d.kpiId} expected ${c.expected})`,
            streamId: e.streamId,
            owner: d.ownerId,
            arisesAt: addDays(c.dueOn, 1),
            dueAt: addDays(c.dueOn, checkpointReviewDays),
            impact: 'operational',
          }),
        ),
        putObligation({
          id: obligationIds.deadline(d.goalId),
          module: 'strategy',
          kind: 'goal-deadline',
          label: `Close goal "${short}": ${d.kpiId} ${d.target} in ${d.deadline}`,
          streamId: e.streamId,
          owner: d.ownerId,
          arisesAt: day(d.draftedAt),
          dueAt: addDays(d.dueOn, closeGoalDays),
          impact: 'operational',
        }),
      ];
    }
    case 'GoalReassigned': {
      const d = ev.data;
      const owner = (id: string): DocUpdate => ({
        key: obligationKey(id),
        update: (cur) => (cur === undefined ? undefined : ({ ...(cur as object), owner: d.ownerId } as Json)),
      });
      return [
        ...d.openCheckpoints.map((p) => owner(obligationIds.checkpoint(d.goalId, p))),
        owner(obligationIds.deadline(d.goalId)),
      ];
    }
    case 'GoalCheckpointReviewed':
      return [
        completeObligation(obligationIds.checkpoint(ev.data.goalId, ev.data.period), ev.data.reviewedAt),
      ];
    case 'GoalAchieved':
    case 'GoalMissed':
      return [
        ...ev.data.openCheckpoints.map((p) => dropOpen(obligationIds.checkpoint(ev.data.goalId, p))),
        completeObligation(obligationIds.deadline(ev.data.goalId), ev.data.closedAt),
      ];
    case 'GoalWithdrawn':
      return [
        ...ev.data.openCheckpoints.map((p) => dropOpen(obligationIds.checkpoint(ev.data.goalId, p))),
        dropOpen(obligationIds.deadline(ev.data.goalId)),
      ];
    default:
      return [];
  }
};

/**
 * Read model `strategy-obligations`: each goal's checkpoint reviews (`goal-checkpoint:<goal>:<period>`,
 * due 14 days after the period ends) and its closing (`goal-deadline:<goal>`, due 30 days after the
 * deadline period ends), as `Obligation`s `practice.calendar()` lists.
 */
export const goalObligations = (e: RecordedEvent): readonly DocUpdate[] =>
  obligationsOf(e, e as unknown as GoalEvent);
