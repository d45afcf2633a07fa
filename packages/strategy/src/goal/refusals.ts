import { defineRefusals } from '@praxis/core';

/**
 * Every code a Goal refuses with, and its category. Malformed input is refused before `decide`
 * with the platform's codes (`Required`, `UnknownField`, `InvalidValue`, …).
 */
export const refusals = defineRefusals({
  AlreadyOwner: 'conflict',
  ApproverIsOwner: 'forbidden',
  BaselineInFuture: 'rule',
  BaselineUnavailable: 'rule',
  CheckpointAlreadyReviewed: 'conflict',
  CheckpointNotReached: 'rule',
  DeadlineInPast: 'rule',
  DeadlineNotReached: 'rule',
  GoalAlreadyDrafted: 'conflict',
  GoalClosed: 'conflict',
  GoalNotApproved: 'conflict',
  GoalNotDraft: 'conflict',
  GoalNotFound: 'not-found',
  InvalidCheckpoint: 'invalid',
  InvalidNumber: 'invalid',
  InvalidPeriod: 'invalid',
  NotACheckpoint: 'rule',
  OwnerNotActive: 'rule',
  ReasonRequired: 'invalid',
  SmartGoalIncomplete: 'invalid',
  TargetNotAnImprovement: 'rule',
  TargetUnchanged: 'conflict',
  UnknownKpi: 'not-found',
});

/** A code a Goal refuses with. */
export type GoalRefusal = keyof typeof refusals;
