import { describe, it } from 'vitest';
import { deciderSpec } from '@praxis/testing';
import { decider, events, type SetSmartGoal } from './index.js';
import { onStaff } from '../test-fixtures.js';

const spec = deciderSpec(decider);
const ev = events.make;

const goal: SetSmartGoal = {
  type: 'SetSmartGoal',
  goalId: 'g1',
  setOn: '2026-02-02',
  specific: 'Close charts within 24 hours of the visit',
  metric: 'charts closed within 24 h',
  target: 95,
  unit: '%',
  deadline: '2026-06-30',
  kpi: null,
};
const goalSet = ev('SmartGoalSet', {
  staffId: 's-1',
  goalId: 'g1',
  specific: 'Close charts within 24 hours of the visit',
  metric: 'charts closed within 24 h',
  target: 95,
  deadline: '2026-06-30',
  setOn: '2026-02-02',
  unit: '%',
});

describe('StaffMember performance: SMART goals and quarterly reviews', () => {
  it('sets a SMART goal with every part', () => {
    spec.given(onStaff).when(goal).then([goalSet]);
  });

  it('rejects a goal naming the missing part', () => {
    const { specific: _s, ...noSpecific } = goal;
    const { metric: _m, ...noMetric } = goal;
    const { target: _t, ...noTarget } = goal;
    const { deadline: _d, ...noDeadline } = goal;
    spec.given(onStaff).when(noSpecific).thenRejects('SmartGoalIncomplete', 'specific');
    spec.given(onStaff).when(noMetric).thenRejects('SmartGoalIncomplete', 'metric');
    spec.given(onStaff).when(noTarget).thenRejects('SmartGoalIncomplete', 'target');
    spec
      .given(onStaff)
      .when({ ...goal, target: Number.NaN })
      .thenRejects('SmartGoalIncomplete', 'target');
    spec.given(onStaff).when(noDeadline).thenRejects('SmartGoalIncomplete', 'deadline');
    spec
      .given(onStaff)
      .when({ ...goal, deadline: '2026-02-02' })
      .thenRejects('DeadlineNotInFuture', 'deadline');
    spec
      .given(onStaff)
      .when({ ...goal, deadline: '2026-02-30' })
      .thenRejects('InvalidDate', 'deadline');
    spec
      .given([...onStaff, goalSet])
      .when(goal)
      .thenRejects('GoalExists', 'goalId');
  });

  it('closes a goal with the measured value; withdrawn needs none; closes once', () => {
    const close = {
      type: 'CloseSmartGoal' as const,
      kpiActual: null,
      goalId: 'g1',
      closedOn: '2026-06-30',
      outcome: 'achieved' as const,
      actual: 96.2,
    };
    spec
      .given([...onStaff, goalSet])
      .when(close)
      .then([
        ev('SmartGoalClosed', {
          staffId: 's-1',
          goalId: 'g1',
          closedOn: '2026-06-30',
          outcome: 'achieved',
          actual: 96.2,
        }),
      ]);
    const { actual: _a, ...noActual } = close;
    spec
      .given([...onStaff, goalSet])
      .when(noActual)
      .thenRejects('ActualMissing', 'actual');
    spec
      .given([...onStaff, goalSet])
      .when({ ...noActual, outcome: 'withdrawn' })
      .thenState();
    const closed = ev('SmartGoalClosed', {
      staffId: 's-1',
      goalId: 'g1',
      closedOn: '2026-06-30',
      outcome: 'missed',
      actual: 80,
    });
    spec
      .given([...onStaff, goalSet, closed])
      .when(close)
      .thenRejects('GoalAlreadyClosed');
  });

  it('records one quarterly review per quarter, rated 1 to 5, not by the person reviewed', () => {
    const review = {
      type: 'RecordQuarterlyReview' as const,
      quarter: '2026-Q1',
      reviewedOn: '2026-03-31',
      reviewer: 'pm-lindqvist',
      rating: 4,
    };
    const recorded = ev('QuarterlyReviewRecorded', {
      staffId: 's-1',
      quarter: '2026-Q1',
      reviewedOn: '2026-03-31',
      reviewer: 'pm-lindqvist',
      rating: 4,
    });
    spec.given(onStaff).when(review).then([recorded]);
    spec
      .given([...onStaff, recorded])
      .when(review)
      .thenRejects('QuarterAlreadyReviewed', 'quarter');
    spec
      .given(onStaff)
      .when({ ...review, rating: 0 })
      .thenRejects('RatingOutOfRange', 'rating');
    spec
      .given(onStaff)
      .when({ ...review, reviewer: 's-1' })
      .thenRejects('SelfReview', 'reviewer');
    spec
      .given(onStaff)
      .when({ ...review, quarter: '2026-Q5' })
      .thenRejects('InvalidQuarter', 'quarter');
    spec
      .given(onStaff)
      .when({ ...review, quarter: '2026-Q2' })
      .thenRejects('ReviewBeforeQuarter', 'reviewedOn');
    // Started 2026-02-02: Q4 2025 ended before the start date.
    spec
      .given(onStaff)
      .when({ ...review, quarter: '2025-Q4' })
      .thenRejects('ReviewBeforeStart', 'quarter');
  });
});
