import { accept, reject, type Decision } from '@praxis/core';
import { dayOf, periodDays, type PeriodDays } from '../periods.js';
import type {
  ApproveGoal,
  CloseGoal,
  DraftGoal,
  GoalCommand,
  ReassignGoal,
  ReviewCheckpoint,
  ReviseTarget,
  WithdrawGoal,
} from './commands.js';
import { events, type Checkpoint, type GoalEvent } from './events.js';
import { isImprovement, reaches, standing, straightPath } from './path.js';
import { isOpen, openCheckpoints, type Goal } from './state.js';
export type * from './commands.js';

type D = Decision<GoalEvent>;

const finite = (n: number) => Number.isFinite(n);
const blank = (s: string) => s.trim() === '';

const period = (label: string, field: string): PeriodDays | D =>
  periodDays(label) ??
  reject(
    'InvalidPeriod',
    `${field} must be a month (2026-03), a quarter (2026-Q1) or a year (2026), got ${JSON.stringify(label.slice(0, 40))}`,
    field,
  );
const isPeriod = (p: PeriodDays | D): p is PeriodDays => 'label' in p;

const notFound = (s: Goal): D | undefined =>
  s.status === 'none' ? reject('GoalNotFound', 'no such goal') : undefined;
const closed = (s: Goal): D | undefined =>
  notFound(s) ?? (isOpen(s) ? undefined : reject('GoalClosed', `the goal is ${s.status}`));

/**
 * Checks caller-proposed checkpoints: valid periods, in order, each ending after today and no
 * later than the deadline, with finite expected values.
 */
const checkpointsOf = (
  input: readonly { period: string; expected: number }[],
  today: string,
  deadline: PeriodDays,
): Checkpoint[] | D => {
  const out: Checkpoint[] = [];
  for (const [i, c] of input.entries()) {
    const p = periodDays(c.period);
    const field = `checkpoints.${i}`;
    if (p === undefined) return reject('InvalidCheckpoint', `${field}.period is not a period`, field);
    if (!finite(c.expected)) return reject('InvalidCheckpoint', `${field}.expected is not a number`, field);
    if (p.lastDay <= today)
      return reject('InvalidCheckpoint', `${field} (${p.label}) has already ended`, field);
    if (p.lastDay > deadline.lastDay)
      return reject('InvalidCheckpoint', `${field} (${p.label}) ends after the deadline`, field);
    const prev = out[out.length - 1];
    if (prev !== undefined && p.lastDay <= prev.dueOn)
      return reject('InvalidCheckpoint', `${field} must end after the checkpoint before it`, field);
    out.push({ period: p.label, dueOn: p.lastDay, expected: c.expected });
  }
  return out;
};

/**
 * Drafts a SMART goal (Doran 1981; MODULES.md S2): specific (`statement`), measurable (a
 * registered KPI, `UnknownKpi`), assignable (an owner on staff, `OwnerNotActive`), realistic
 * (`rationale`), time-related (a deadline period after today, `DeadlineInPast`). The baseline is
 * the KPI of a past period (`BaselineInFuture`) computed by the handler and frozen in the event;
 * the target must improve on it in the KPI's good direction (`TargetNotAnImprovement`).
 */
const draftGoal = (c: DraftGoal, s: Goal): D => {
  if (s.status !== 'none') return reject('GoalAlreadyDrafted', `goal ${s.goalId} exists`, 'goalId');
  if (blank(c.statement))
    return reject('SmartGoalIncomplete', 'state the goal specifically (statement)', 'statement');
  if (blank(c.rationale))
    return reject(
      'SmartGoalIncomplete',
      'say why the goal is realistic and relevant (rationale)',
      'rationale',
    );
  const direction = c.kpiDirection;
  if (direction === null) return reject('UnknownKpi', `no module registers a KPI ${c.kpiId}`, 'kpiId');
  const today = dayOf(c.at);
  const baseline = period(c.baselinePeriod, 'baselinePeriod');
  if (!isPeriod(baseline)) return baseline;
  if (baseline.lastDay >= today)
    return reject(
      'BaselineInFuture',
      `the baseline period ${baseline.label} has not ended`,
      'baselinePeriod',
    );
  const deadline = period(c.deadline, 'deadline');
  if (!isPeriod(deadline)) return deadline;
  if (deadline.lastDay <= today)
    return reject('DeadlineInPast', `the deadline period ${deadline.label} has already ended`, 'deadline');
  if (c.baselineValue === null)
    return reject(
      'BaselineUnavailable',
      `${c.kpiId} has no value for ${baseline.label} (nothing to measure against)`,
      'baselinePeriod',
    );
  if (!finite(c.target)) return reject('InvalidNumber', 'target must be a finite number', 'target');
  if (!isImprovement(direction, c.target, c.baselineValue))
    return reject(
      'TargetNotAnImprovement',
      `${c.kpiId} is ${direction}: a target of ${c.target} does not improve on the baseline ${c.baselineValue}`,
      'target',
    );
  if (!c.ownerActive) return reject('OwnerNotActive', `${c.ownerId} is not active staff`, 'ownerId');
  const checkpoints =
    c.checkpoints === undefined
      ? straightPath(today, deadline, c.baselineValue, c.target)
      : checkpointsOf(c.checkpoints, today, deadline);
  if (!Array.isArray(checkpoints)) return checkpoints;
  return accept(
    events.make('GoalDrafted', {
      goalId: c.goalId,
      statement: c.statement.trim(),
      rationale: c.rationale.trim(),
      kpiId: c.kpiId,
      direction,
      baselinePeriod: baseline.label,
      baselineValue: c.baselineValue,
      target: c.target,
      deadline: deadline.label,
      dueOn: deadline.lastDay,
      ownerId: c.ownerId,
      checkpoints,
      draftedBy: c.draftedBy,
      draftedAt: c.at,
      ...(c.objectiveId === undefined ? {} : { objectiveId: c.objectiveId }),
    }),
  );
};

/** A draft is approved by someone other than its owner (four eyes, MODULES.md S2). */
const approveGoal = (c: ApproveGoal, s: Goal): D =>
  notFound(s) ??
  (s.status !== 'draft'
    ? reject('GoalNotDraft', `the goal is ${s.status}`)
    : c.approvedBy === s.ownerId
      ? reject('ApproverIsOwner', 'the goal’s owner cannot approve it', 'approvedBy')
      : accept(
          events.make('GoalApproved', { goalId: s.goalId, approvedBy: c.approvedBy, approvedAt: c.at }),
        ));

/**
 * A revised target needs a reason and must still improve on the frozen baseline; the
 * checkpoints not yet reviewed are redrawn on a straight line to the new target.
 */
const reviseTarget = (c: ReviseTarget, s: Goal): D => {
  const bad = closed(s);
  if (bad !== undefined) return bad;
  if (blank(c.reason)) return reject('ReasonRequired', 'say why the target changes', 'reason');
  if (!finite(c.target)) return reject('InvalidNumber', 'target must be a finite number', 'target');
  if (c.target === s.target) return reject('TargetUnchanged', `the target is already ${s.target}`, 'target');
  if (!isImprovement(s.direction, c.target, s.baselineValue))
    return reject(
      'TargetNotAnImprovement',
      `${s.kpiId} is ${s.direction}: ${c.target} does not improve on the baseline ${s.baselineValue}`,
      'target',
    );
  const deadline = periodDays(s.deadline)!;
  const today = dayOf(c.at);
  const redrawn = new Map(
    straightPath(s.draftedOn, deadline, s.baselineValue, c.target).map((p) => [p.period, p.expected]),
  );
  const checkpoints = s.checkpoints.map((p) =>
    s.reviewed[p.period] !== undefined || p.dueOn < today
      ? p
      : {
          ...p,
          expected:
            redrawn.get(p.period) ??
            s.baselineValue +
              ((p.expected - s.baselineValue) * (c.target - s.baselineValue)) / (s.target - s.baselineValue),
        },
  );
  return accept(
    events.make('GoalTargetRevised', {
      goalId: s.goalId,
      previousTarget: s.target,
      target: c.target,
      reason: c.reason.trim(),
      checkpoints,
      revisedBy: c.revisedBy,
      revisedAt: c.at,
    }),
  );
};

/** A goal passes to another person on staff. */
const reassignGoal = (c: ReassignGoal, s: Goal): D => {
  const bad = closed(s);
  if (bad !== undefined) return bad;
  if (c.ownerId === s.ownerId) return reject('AlreadyOwner', `${c.ownerId} already owns the goal`, 'ownerId');
  if (!c.ownerActive) return reject('OwnerNotActive', `${c.ownerId} is not active staff`, 'ownerId');
  return accept(
    events.make('GoalReassigned', {
      goalId: s.goalId,
      previousOwnerId: s.ownerId,
      ownerId: c.ownerId,
      openCheckpoints: openCheckpoints(s),
      reassignedBy: c.reassignedBy,
      reassignedAt: c.at,
    }),
  );
};

/** A checkpoint is reviewed once its period has ended, with the KPI computed for that period. */
const reviewCheckpoint = (c: ReviewCheckpoint, s: Goal): D => {
  const bad = closed(s);
  if (bad !== undefined) return bad;
  const label = periodDays(c.period)?.label ?? c.period;
  const point = s.checkpoints.find((p) => p.period === label);
  if (point === undefined)
    return reject('NotACheckpoint', `${label.slice(0, 40)} is not a checkpoint of this goal`, 'period');
  if (s.reviewed[label] !== undefined)
    return reject('CheckpointAlreadyReviewed', `${label} was reviewed`, 'period');
  if (dayOf(c.at) <= point.dueOn)
    return reject('CheckpointNotReached', `${label} ends on ${point.dueOn}`, 'period');
  const actual = c.actual !== null && finite(c.actual) ? c.actual : null;
  return accept(
    events.make('GoalCheckpointReviewed', {
      goalId: s.goalId,
      period: label,
      expected: point.expected,
      actual,
      standing: standing(s.direction, actual, point.expected, s.baselineValue, s.target),
      reviewedBy: c.reviewedBy,
      reviewedAt: c.at,
    }),
  );
};

/**
 * An approved goal closes only after its deadline period has ended (`DeadlineNotReached`): achieved
 * when the KPI of the deadline period, computed from the log, reaches the target; missed otherwise.
 */
const closeGoal = (c: CloseGoal, s: Goal): D => {
  const bad = closed(s);
  if (bad !== undefined) return bad;
  if (s.status !== 'approved') return reject('GoalNotApproved', 'approve the goal before closing it');
  if (dayOf(c.at) <= s.dueOn)
    return reject('DeadlineNotReached', `the deadline period ${s.deadline} ends on ${s.dueOn}`);
  const base = {
    goalId: s.goalId,
    target: s.target,
    deadline: s.deadline,
    openCheckpoints: openCheckpoints(s),
    closedBy: c.closedBy,
    closedAt: c.at,
  };
  return c.actual !== null && finite(c.actual) && reaches(s.direction, c.actual, s.target)
    ? accept(events.make('GoalAchieved', { ...base, actual: c.actual }))
    : accept(
        events.make('GoalMissed', {
          ...base,
          actual: c.actual !== null && finite(c.actual) ? c.actual : null,
        }),
      );
};

const withdrawGoal = (c: WithdrawGoal, s: Goal): D =>
  closed(s) ??
  (blank(c.reason)
    ? reject('ReasonRequired', 'say why the goal is withdrawn', 'reason')
    : accept(
        events.make('GoalWithdrawn', {
          goalId: s.goalId,
          reason: c.reason.trim(),
          openCheckpoints: openCheckpoints(s),
          withdrawnBy: c.withdrawnBy,
          withdrawnAt: c.at,
        }),
      ));

/** Decides a Goal command. Pure. */
export const decide = (c: GoalCommand, s: Goal): D => {
  switch (c.type) {
    case 'DraftGoal':
      return draftGoal(c, s);
    case 'ApproveGoal':
      return approveGoal(c, s);
    case 'ReviseTarget':
      return reviseTarget(c, s);
    case 'ReassignGoal':
      return reassignGoal(c, s);
    case 'ReviewCheckpoint':
      return reviewCheckpoint(c, s);
    case 'CloseGoal':
      return closeGoal(c, s);
    case 'WithdrawGoal':
      return withdrawGoal(c, s);
  }
};
