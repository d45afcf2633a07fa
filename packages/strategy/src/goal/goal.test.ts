import { describe, expect, it } from 'vitest';
import { decide, decider, events, straightPath, type GoalCommand, type GoalEvent } from './index.js';
import { periodDays } from '../periods.js';

const at = '2026-04-10T09:00:00-04:00';
const draft = (over: Partial<Extract<GoalCommand, { type: 'DraftGoal' }>> = {}): GoalCommand => ({
  type: 'DraftGoal',
  goalId: 'g1',
  statement: 'Bring days in A/R under 35',
  rationale: 'Peers in MGMA reach 35 with our payer mix',
  kpiId: 'daysInAR',
  baselinePeriod: '2026-Q1',
  target: 35,
  deadline: '2026-09',
  ownerId: 'ana',
  kpiDirection: 'lower-is-better',
  baselineValue: 42,
  ownerActive: true,
  draftedBy: 'lead',
  at,
  ...over,
});

const run = (history: readonly GoalCommand[], c: GoalCommand) => {
  let state = decider.initialState;
  const log: GoalEvent[] = [];
  for (const h of history) {
    const r = decide(h, state);
    if (r._tag === 'Left') throw new Error(`${h.type}: ${r.left.code}`);
    for (const e of r.right) {
      state = decider.evolve(state, e);
      log.push(e);
    }
  }
  return decide(c, state);
};
const refusal = (history: readonly GoalCommand[], c: GoalCommand) => {
  const r = run(history, c);
  return r._tag === 'Left' ? [r.left.code, r.left.field] : ['accepted'];
};
const accepted = (history: readonly GoalCommand[], c: GoalCommand) => {
  const r = run(history, c);
  if (r._tag === 'Left') throw new Error(`${c.type} refused: ${r.left.code} ${r.left.message}`);
  return r.right;
};
const approve: GoalCommand = { type: 'ApproveGoal', approvedBy: 'owner-doc', at };

describe('Goal: drafting (SMART, baseline frozen from the log)', () => {
  it('freezes the baseline value and the KPI direction in GoalDrafted, with a straight monthly path', () => {
    const [e] = accepted([], draft());
    expect(e?.type).toBe('GoalDrafted');
    const d = e!.data as Extract<GoalEvent, { type: 'GoalDrafted' }>['data'];
    expect(d.baselineValue).toBe(42);
    expect(d.direction).toBe('lower-is-better');
    expect(d.dueOn).toBe('2026-09-30');
    expect(d.checkpoints.map((c) => c.period)).toEqual([
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
    ]);
    // Straight line from 42 on 2026-04-10 to 35 on 2026-09-30 (173 days): 2026-06-30 is day 81.
    expect(d.checkpoints[2]?.expected).toBeCloseTo(42 - (7 * 81) / 173, 5);
    expect(d.checkpoints[5]?.expected).toBe(35);
    expect(events.encode('GoalDrafted', d)._tag).toBe('Right');
  });

  it('refuses an unknown KPI, a baseline the log has no value for, and a missing statement or rationale', () => {
    expect(refusal([], draft({ kpiDirection: null }))).toEqual(['UnknownKpi', 'kpiId']);
    expect(refusal([], draft({ baselineValue: null }))).toEqual(['BaselineUnavailable', 'baselinePeriod']);
    expect(refusal([], draft({ statement: '  ' }))).toEqual(['SmartGoalIncomplete', 'statement']);
    expect(refusal([], draft({ rationale: '' }))).toEqual(['SmartGoalIncomplete', 'rationale']);
  });

  it('refuses a target that is not an improvement in the KPI’s good direction', () => {
    expect(refusal([], draft({ target: 42 }))).toEqual(['TargetNotAnImprovement', 'target']);
    expect(refusal([], draft({ target: 50 }))).toEqual(['TargetNotAnImprovement', 'target']);
    expect(refusal([], draft({ kpiDirection: 'higher-is-better', target: 35 }))).toEqual([
      'TargetNotAnImprovement',
      'target',
    ]);
    expect(refusal([], draft({ kpiDirection: 'higher-is-better', target: 50 }))).toEqual(['accepted']);
  });

  it('refuses a baseline period not yet ended, a deadline already past, bad periods, an inactive owner', () => {
    expect(refusal([], draft({ baselinePeriod: '2026-04' }))).toEqual(['BaselineInFuture', 'baselinePeriod']);
    expect(refusal([], draft({ deadline: '2026-03' }))).toEqual(['DeadlineInPast', 'deadline']);
    expect(refusal([], draft({ deadline: 'next year' }))).toEqual(['InvalidPeriod', 'deadline']);
    expect(refusal([], draft({ ownerActive: false }))).toEqual(['OwnerNotActive', 'ownerId']);
    expect(refusal([draft()], draft())).toEqual(['GoalAlreadyDrafted', 'goalId']);
  });

  it('takes proposed checkpoints in order, within the deadline, still ahead', () => {
    const ok = accepted(
      [],
      draft({
        checkpoints: [
          { period: '2026-Q2', expected: 39 },
          { period: '2026-Q3', expected: 35 },
        ],
      }),
    );
    expect(ok[0]?.type).toBe('GoalDrafted');
    expect(refusal([], draft({ checkpoints: [{ period: '2026-Q4', expected: 35 }] }))).toEqual([
      'InvalidCheckpoint',
      'checkpoints.0',
    ]);
    expect(refusal([], draft({ checkpoints: [{ period: '2026-03', expected: 40 }] }))).toEqual([
      'InvalidCheckpoint',
      'checkpoints.0',
    ]);
  });
});

describe('Goal: approval, revision, reassignment, withdrawal', () => {
  it('is approved by someone other than its owner', () => {
    expect(refusal([draft()], { ...approve, approvedBy: 'ana' })).toEqual(['ApproverIsOwner', 'approvedBy']);
    expect(accepted([draft()], approve)[0]?.type).toBe('GoalApproved');
    expect(refusal([draft(), approve], approve)).toEqual(['GoalNotDraft', undefined]);
    expect(refusal([], approve)).toEqual(['GoalNotFound', undefined]);
  });

  it('revises a target with a reason, still an improvement, keeping the revision in the log', () => {
    const revise = (target: number, reason = 'payer mix shifted'): GoalCommand => ({
      type: 'ReviseTarget',
      target,
      reason,
      revisedBy: 'lead',
      at: '2026-05-02T09:00:00-04:00',
    });
    expect(refusal([draft()], revise(38, ' '))).toEqual(['ReasonRequired', 'reason']);
    expect(refusal([draft()], revise(44))).toEqual(['TargetNotAnImprovement', 'target']);
    expect(refusal([draft()], revise(35))).toEqual(['TargetUnchanged', 'target']);
    const [e] = accepted([draft()], revise(38));
    const d = e!.data as Extract<GoalEvent, { type: 'GoalTargetRevised' }>['data'];
    expect([d.previousTarget, d.target]).toEqual([35, 38]);
    // Every checkpoint still ahead is redrawn; the deadline's is the new target.
    expect(d.checkpoints.at(-1)?.expected).toBe(38);
  });

  it('is reassigned only to another person on staff, and withdrawn with a reason', () => {
    const reassign = (ownerId: string, ownerActive = true): GoalCommand => ({
      type: 'ReassignGoal',
      ownerId,
      ownerActive,
      reassignedBy: 'lead',
      at,
    });
    expect(refusal([draft()], reassign('ana'))).toEqual(['AlreadyOwner', 'ownerId']);
    expect(refusal([draft()], reassign('bo', false))).toEqual(['OwnerNotActive', 'ownerId']);
    expect(accepted([draft()], reassign('bo'))[0]?.type).toBe('GoalReassigned');
    const withdraw = (reason: string): GoalCommand => ({
      type: 'WithdrawGoal',
      reason,
      withdrawnBy: 'lead',
      at,
    });
    expect(refusal([draft()], withdraw(''))).toEqual(['ReasonRequired', 'reason']);
    expect(accepted([draft()], withdraw('merged into g2'))[0]?.type).toBe('GoalWithdrawn');
    expect(refusal([draft(), withdraw('x')], reassign('bo'))).toEqual(['GoalClosed', undefined]);
  });
});

describe('Goal: checkpoints and closing, judged by the KPI of the period', () => {
  const review = (
    period: string,
    actual: number | null,
    when = '2026-07-02T09:00:00-04:00',
  ): GoalCommand => ({
    type: 'ReviewCheckpoint',
    goalId: 'g1',
    period,
    actual,
    reviewedBy: 'ana',
    at: when,
  });
  const close = (actual: number | null, when = '2026-10-01T09:00:00-04:00'): GoalCommand => ({
    type: 'CloseGoal',
    goalId: 'g1',
    actual,
    closedBy: 'lead',
    at: when,
  });
  const standingOf = (actual: number | null) => {
    const [e] = accepted([draft()], review('2026-06', actual));
    return (e!.data as { standing: string }).standing;
  };

  it('reviews a checkpoint only after its period ends, once, standing against the path', () => {
    // Expected for June ≈ 38.72; the planned change is 7, so at-risk is within 0.7 of the path.
    expect(standingOf(38)).toBe('on-track');
    expect(standingOf(39.2)).toBe('at-risk');
    expect(standingOf(40)).toBe('off-track');
    expect(standingOf(null)).toBe('no-data');
    expect(refusal([draft()], review('2026-06', 38, '2026-06-30T17:00:00-04:00'))).toEqual([
      'CheckpointNotReached',
      'period',
    ]);
    expect(refusal([draft()], review('2026-Q2', 38))).toEqual(['NotACheckpoint', 'period']);
    expect(refusal([draft(), review('2026-06', 38)], review('2026-06', 38))).toEqual([
      'CheckpointAlreadyReviewed',
      'period',
    ]);
  });

  it('closes only at or after the deadline, achieved or missed by the computed actual', () => {
    expect(refusal([draft(), approve], close(30, '2026-09-30T18:00:00-04:00'))).toEqual([
      'DeadlineNotReached',
      undefined,
    ]);
    expect(refusal([draft()], close(30))).toEqual(['GoalNotApproved', undefined]);
    expect(accepted([draft(), approve], close(35))[0]?.type).toBe('GoalAchieved');
    expect(accepted([draft(), approve], close(34.5))[0]?.type).toBe('GoalAchieved');
    const [missed] = accepted([draft(), approve], close(36));
    expect(missed?.type).toBe('GoalMissed');
    expect((missed!.data as { actual: number }).actual).toBe(36);
    expect(accepted([draft(), approve], close(null))[0]?.type).toBe('GoalMissed');
    expect(refusal([draft(), approve, close(35)], close(35))).toEqual(['GoalClosed', undefined]);
  });
});

describe('straightPath', () => {
  it('uses quarters beyond three years and ends on the deadline period with the target', () => {
    const path = straightPath('2026-04-10', periodDays('2030-Q2')!, 100, 200);
    expect(path[0]?.period).toBe('2026-Q2');
    expect(path.at(-1)).toEqual({ period: '2030-Q2', dueOn: '2030-06-30', expected: 200 });
    const monthEnd = straightPath('2026-04-10', periodDays('2026-05')!, 0, 10);
    expect(monthEnd.map((p) => p.period)).toEqual(['2026-04', '2026-05']);
  });
});
