import { accept, reject } from '@praxis/core';
import { quarterBounds } from '../dates.js';
import { events } from './events.js';
import type { StaffMember } from './state.js';
import { notOnStaff, type StaffDecision } from './rules.js';
import type { SetSmartGoal, CloseSmartGoal, RecordQuarterlyReview } from './commands.js';
export type { SetSmartGoal, CloseSmartGoal, RecordQuarterlyReview } from './commands.js';

const smartParts = [
  ['specific', 'a specific description of what is to be achieved'],
  ['metric', 'a metric'],
  ['target', 'a measurable target value'],
  ['deadline', 'a deadline'],
] as const;

/**
 * A SMART goal needs every part: specific description, metric, measurable (numeric)
 * target and a deadline after the day it is set. The rejection names the missing part.
 */
export const setSmartGoal = (c: SetSmartGoal, s: StaffMember): StaffDecision => {
  const off = notOnStaff(s);
  if (off !== undefined) return off;
  if (c.kpiId !== undefined && c.kpi === null)
    return reject('UnknownKpi', `no KPI ${c.kpiId} is registered in this practice`, 'kpiId');
  const kpi = c.kpiId === undefined ? null : c.kpi;
  const metric = c.metric ?? kpi?.label;
  const unit = c.unit ?? kpi?.unit;
  for (const [part, words] of smartParts) {
    const v = part === 'metric' ? metric : c[part];
    // Each part is optional in the codec (non-empty when given); a SMART goal needs them all.
    const missing = typeof v === 'number' ? !Number.isFinite(v) : v === undefined;
    if (missing)
      return reject('SmartGoalIncomplete', `a SMART goal needs ${words} (${part} is missing)`, part);
  }
  const deadline = c.deadline!;
  if (deadline <= c.setOn)
    return reject('DeadlineNotInFuture', `the deadline must be after ${c.setOn}`, 'deadline');
  if (s.goals[c.goalId] !== undefined)
    return reject('GoalExists', `goal ${c.goalId} already exists`, 'goalId');
  return accept(
    events.make('SmartGoalSet', {
      staffId: s.staffId,
      goalId: c.goalId,
      specific: c.specific!,
      metric: metric!,
      target: c.target!,
      deadline,
      setOn: c.setOn,
      ...(unit === undefined ? {} : { unit }),
      ...(kpi === null ? {} : { kpiId: c.kpiId!, direction: kpi.direction }),
    }),
  );
};

/** Whether `actual` meets `target` in the KPI's better direction. */
const meets = (actual: number, target: number, direction: string): boolean =>
  direction === 'lower-is-better' ? actual <= target : actual >= target;

/**
 * A goal on a KPI is judged by the log: not before its deadline, with the KPI's value for the
 * deadline's month as the actual (a typed-in `actual` is refused), and the outcome must be what
 * that value says against the target.
 */
const closeKpiGoal = (
  c: CloseSmartGoal,
  s: StaffMember,
  g: { deadline: string; kpi: { kpiId: string; target: number; direction: string } },
): StaffDecision => {
  if (c.actual !== undefined)
    return reject(
      'ActualFromKpi',
      `the actual of a goal on ${g.kpi.kpiId} is computed from the log`,
      'actual',
    );
  if (c.closedOn < g.deadline)
    return reject('DeadlineNotReached', `the goal is judged at its deadline, ${g.deadline}`, 'closedOn');
  const measured = c.kpiActual;
  if (measured === null || measured.value === null)
    return reject(
      'KpiValueMissing',
      `${g.kpi.kpiId} has no value for ${measured?.period ?? 'the deadline'}`,
      'goalId',
    );
  const achieved = meets(measured.value, g.kpi.target, g.kpi.direction);
  if ((c.outcome === 'achieved') !== achieved)
    return reject(
      'OutcomeContradictsKpi',
      `${g.kpi.kpiId} was ${measured.value} for ${measured.period} against a target of ${g.kpi.target}: the goal was ${achieved ? 'achieved' : 'missed'}`,
      'outcome',
    );
  return accept(
    events.make('SmartGoalClosed', {
      staffId: s.staffId,
      goalId: c.goalId,
      closedOn: c.closedOn,
      outcome: c.outcome,
      actual: measured.value,
      kpiPeriod: measured.period,
    }),
  );
};

/**
 * An open goal closes once; achieved or missed must state the measured value — or, for a goal
 * on a KPI, have it computed from the log (`closeKpiGoal`).
 */
export const closeSmartGoal = (c: CloseSmartGoal, s: StaffMember): StaffDecision => {
  const off = notOnStaff(s);
  if (off !== undefined) return off;
  const g = s.goals[c.goalId];
  if (g === undefined) return reject('GoalNotFound', `no goal ${c.goalId}`, 'goalId');
  if (g.outcome !== undefined)
    return reject('GoalAlreadyClosed', `goal ${c.goalId} was ${g.outcome}`, 'goalId');
  if (c.closedOn < g.setOn) return reject('ClosedBeforeSet', `the goal was set on ${g.setOn}`, 'closedOn');
  if (g.kpi !== undefined && c.outcome !== 'withdrawn')
    return closeKpiGoal(c, s, { deadline: g.deadline, kpi: g.kpi });
  if (c.outcome !== 'withdrawn' && (c.actual === undefined || !Number.isFinite(c.actual)))
    return reject('ActualMissing', 'an achieved or missed goal needs the measured value', 'actual');
  return accept(
    events.make('SmartGoalClosed', {
      staffId: s.staffId,
      goalId: c.goalId,
      closedOn: c.closedOn,
      outcome: c.outcome,
      ...(c.actual === undefined ? {} : { actual: c.actual }),
    }),
  );
};

/**
 * One review per quarter, by someone other than the person reviewed, rated 1–5, on or
 * after the first day of the quarter, for a quarter that ends on or after the start date.
 */
export const recordQuarterlyReview = (c: RecordQuarterlyReview, s: StaffMember): StaffDecision => {
  const off = notOnStaff(s);
  if (off !== undefined) return off;
  const q = quarterBounds(c.quarter);
  if (q === undefined)
    return reject('InvalidQuarter', `"${c.quarter}" is not a quarter like 2026-Q1`, 'quarter');
  if (s.reviewedQuarters.includes(c.quarter))
    return reject('QuarterAlreadyReviewed', `${c.quarter} is already reviewed`, 'quarter');
  if (c.reviewer === s.staffId) return reject('SelfReview', 'a person cannot review themselves', 'reviewer');
  if (!Number.isInteger(c.rating) || c.rating < 1 || c.rating > 5)
    return reject('RatingOutOfRange', 'ratings run from 1 to 5', 'rating');
  if (c.reviewedOn < q.first)
    return reject('ReviewBeforeQuarter', `${c.quarter} starts on ${q.first}`, 'reviewedOn');
  if (q.last < (s.startDate ?? ''))
    return reject('ReviewBeforeStart', `the start date is ${s.startDate}`, 'quarter');
  return accept(
    events.make('QuarterlyReviewRecorded', {
      staffId: s.staffId,
      quarter: c.quarter,
      reviewedOn: c.reviewedOn,
      reviewer: c.reviewer,
      rating: c.rating,
      ...(c.comments === undefined ? {} : { comments: c.comments }),
    }),
  );
};
