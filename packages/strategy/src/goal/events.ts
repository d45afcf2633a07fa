import * as t from 'io-ts';
import { ISODate, ISOInstant, NonEmptyString, defineEvents, struct, type EventOf } from '@praxis/core';

/** Which way is better for the goal's KPI, frozen from the KPI registry when the goal was drafted. */
export const Direction = t.keyof({ 'higher-is-better': null, 'lower-is-better': null });
export type Direction = t.TypeOf<typeof Direction>;

/** How a goal stands against its checkpoint path. */
export const GoalStanding = t.keyof({
  'on-track': null,
  'at-risk': null,
  'off-track': null,
  'no-data': null,
});
export type GoalStanding = t.TypeOf<typeof GoalStanding>;

/**
 * One point of a goal's path: the KPI value expected for a reporting period (`2026-03`, `2026-Q2`),
 * reviewed once that period has ended (`dueOn` = its last day).
 */
export const Checkpoint = t.type({ period: NonEmptyString, dueOn: ISODate, expected: t.number });
export type Checkpoint = t.TypeOf<typeof Checkpoint>;

const KpiValue = t.union([t.number, t.null]);

/** Every event of a practice goal (`Goal-<goalId>`). */
export const events = defineEvents({
  /**
   * A SMART goal was drafted. `baselineValue` is the KPI for `baselinePeriod` as the log gave it
   * when the goal was drafted, and `direction` the KPI's good direction then: both frozen, so the
   * goal is judged against what was known, not against a later restatement.
   */
  GoalDrafted: struct(
    {
      goalId: NonEmptyString,
      statement: NonEmptyString,
      rationale: NonEmptyString,
      kpiId: NonEmptyString,
      direction: Direction,
      baselinePeriod: NonEmptyString,
      baselineValue: t.number,
      target: t.number,
      /** The period whose KPI value must reach the target. */
      deadline: NonEmptyString,
      /** The deadline period's last day. */
      dueOn: ISODate,
      ownerId: NonEmptyString,
      checkpoints: t.array(Checkpoint),
      draftedBy: NonEmptyString,
      draftedAt: ISOInstant,
    },
    { objectiveId: NonEmptyString },
  ),
  GoalApproved: t.type({ goalId: NonEmptyString, approvedBy: NonEmptyString, approvedAt: ISOInstant }),
  /** The target changed; the path's checkpoints not yet reviewed are redrawn. Every revision stays in the log. */
  GoalTargetRevised: t.type({
    goalId: NonEmptyString,
    previousTarget: t.number,
    target: t.number,
    reason: NonEmptyString,
    checkpoints: t.array(Checkpoint),
    revisedBy: NonEmptyString,
    revisedAt: ISOInstant,
  }),
  GoalReassigned: t.type({
    goalId: NonEmptyString,
    previousOwnerId: NonEmptyString,
    ownerId: NonEmptyString,
    /** Checkpoints not yet reviewed, no longer owed (or owed by the new owner). */
    openCheckpoints: t.array(NonEmptyString),
    reassignedBy: NonEmptyString,
    reassignedAt: ISOInstant,
  }),
  /** A checkpoint was reviewed: the KPI for its period, computed from the log (`null`: no value). */
  GoalCheckpointReviewed: t.type({
    goalId: NonEmptyString,
    period: NonEmptyString,
    expected: t.number,
    actual: KpiValue,
    standing: GoalStanding,
    reviewedBy: NonEmptyString,
    reviewedAt: ISOInstant,
  }),
  /** Closed at or after the deadline with the KPI of the deadline period at or better than the target. */
  GoalAchieved: t.type({
    goalId: NonEmptyString,
    target: t.number,
    actual: t.number,
    deadline: NonEmptyString,
    /** Checkpoints not yet reviewed, no longer owed (or owed by the new owner). */
    openCheckpoints: t.array(NonEmptyString),
    closedBy: NonEmptyString,
    closedAt: ISOInstant,
  }),
  /** Closed at or after the deadline short of the target (`actual` null: the KPI had no value). */
  GoalMissed: t.type({
    goalId: NonEmptyString,
    target: t.number,
    actual: KpiValue,
    deadline: NonEmptyString,
    /** Checkpoints not yet reviewed, no longer owed (or owed by the new owner). */
    openCheckpoints: t.array(NonEmptyString),
    closedBy: NonEmptyString,
    closedAt: ISOInstant,
  }),
  GoalWithdrawn: t.type({
    goalId: NonEmptyString,
    reason: NonEmptyString,
    /** Checkpoints not yet reviewed, no longer owed (or owed by the new owner). */
    openCheckpoints: t.array(NonEmptyString),
    withdrawnBy: NonEmptyString,
    withdrawnAt: ISOInstant,
  }),
});

/** Every Goal event. */
export type GoalEvent = EventOf<typeof events>;
