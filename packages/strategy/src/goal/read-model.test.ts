import { describe, expect, it } from 'vitest';
import { obligationKey, periodOf, type KpiContext, type Obligation } from '@praxis/core';
import { runThrough } from '../test-support.js';
import { strategyObligations } from '../obligations.js';
import { decider, goalKpis, strategyGoals, type GoalCommand, type GoalView } from './index.js';

const at = '2026-04-10T09:00:00-04:00';
const draft = (goalId: string, over: Record<string, unknown> = {}) =>
  ({
    type: 'DraftGoal',
    goalId,
    statement: `Goal ${goalId}`,
    rationale: 'peers do it',
    kpiId: 'cleanClaimRate',
    baselinePeriod: '2026-Q1',
    target: 95,
    deadline: '2026-06',
    ownerId: 'ana',
    kpiDirection: 'higher-is-better',
    baselineValue: 80,
    ownerActive: true,
    draftedBy: 'pm',
    at,
    ...over,
  }) as GoalCommand;
const cmd = (c: Record<string, unknown>) => c as unknown as GoalCommand;

const ctx = (model: KpiContext['reader'], label: string): KpiContext => {
  const cache = new Map<string, Promise<unknown>>();
  return {
    reader: model,
    period: periodOf(label, 'America/New_York'),
    basis: 'as-reported',
    projections: [],
    memo: <T>(k: string, load: () => Promise<T>) => {
      if (!cache.has(k)) cache.set(k, load());
      return cache.get(k) as Promise<T>;
    },
    shared: <T>(k: string, load: (reader: KpiContext['reader']) => Promise<T>) => {
      if (!cache.has(k)) cache.set(k, load(model));
      return cache.get(k) as Promise<T>;
    },
  };
};
const kpi = (id: string) => goalKpis.find((k) => k.id === id)!;

describe('strategy-goals and strategy-obligations', () => {
  it('keeps the checkpoint path with reviewed values, standing, forecast and revisions', async () => {
    const r = runThrough(decider, [strategyGoals, strategyObligations]);
    r.send('g1', draft('g1'), at);
    r.send('g1', cmd({ type: 'ApproveGoal', approvedBy: 'pm', at }), at);
    const may = '2026-06-01T09:00:00-04:00';
    r.send(
      'g1',
      cmd({ type: 'ReviewCheckpoint', period: '2026-04', actual: 84, reviewedBy: 'ana', at: may }),
      may,
    );
    r.send(
      'g1',
      cmd({ type: 'ReviseTarget', target: 92, reason: 'payer edits', revisedBy: 'pm', at: may }),
      may,
    );
    const g = (await r.model.get('strategy-goals', 'goal:g1')) as unknown as GoalView;
    expect(g.status).toBe('approved');
    expect(g.checkpoints.map((c) => c.period)).toEqual(['2026-04', '2026-05', '2026-06']);
    expect(g.checkpoints[0]).toMatchObject({ actual: 84, standing: 'on-track', reviewedOn: '2026-06-01' });
    expect(g.standing).toBe('on-track');
    expect(g.latestValue).toBe(84);
    // Baseline 80 on 04-10 and 84 on 04-30: +0.2 a day, 81 days to 06-30 → 96.2.
    expect(g.forecast).toBeCloseTo(96.2, 4);
    expect(g.revisions.map((v) => v.target)).toEqual([95, 92]);
    expect(g.checkpoints.at(-1)?.expected).toBe(92);

    const review = (await r.model.get(
      'strategy-obligations',
      obligationKey('goal-checkpoint:g1:2026-04'),
    )) as unknown as Obligation;
    expect(review).toMatchObject({
      kind: 'goal-checkpoint',
      module: 'strategy',
      arisesAt: '2026-05-01',
      dueAt: '2026-05-14',
      completedAt: may,
      owner: 'ana',
    });
    const deadline = (await r.model.get(
      'strategy-obligations',
      obligationKey('goal-deadline:g1'),
    )) as unknown as Obligation;
    expect(deadline.dueAt).toBe('2026-07-30');

    r.send(
      'g1',
      cmd({ type: 'ReassignGoal', ownerId: 'bo', ownerActive: true, reassignedBy: 'pm', at: may }),
      may,
    );
    const may2 = (await r.model.get(
      'strategy-obligations',
      obligationKey('goal-checkpoint:g1:2026-05'),
    )) as unknown as Obligation;
    expect(may2.owner).toBe('bo');
    r.send('g1', cmd({ type: 'WithdrawGoal', reason: 'superseded', withdrawnBy: 'pm', at: may }), may);
    expect(
      await r.model.get('strategy-obligations', obligationKey('goal-checkpoint:g1:2026-05')),
    ).toBeUndefined();
    expect(await r.model.get('strategy-obligations', obligationKey('goal-deadline:g1'))).toBeUndefined();
    // A review already done stays in the calendar's history.
    expect(
      await r.model.get('strategy-obligations', obligationKey('goal-checkpoint:g1:2026-04')),
    ).toBeDefined();
  });

  it('computes goals on track ÷ open reviewed goals, and achieved ÷ closed', async () => {
    const r = runThrough(decider, [strategyGoals, strategyObligations]);
    const may = '2026-05-02T09:00:00-04:00';
    for (const [id, actual] of [
      ['a', 84],
      ['b', 81],
      ['c', 70],
    ] as const) {
      r.send(id, draft(id), at);
      r.send(id, cmd({ type: 'ApproveGoal', approvedBy: 'pm', at }), at);
      r.send(
        id,
        cmd({ type: 'ReviewCheckpoint', period: '2026-04', actual, reviewedBy: 'ana', at: may }),
        may,
      );
    }
    r.send('d', draft('d'), at); // a draft: not counted
    // April expects 80 + 15 × 20/81 ≈ 83.7: a (84) is on track, b (81) and c (70) are not.
    expect(await kpi('goalsOnTrack').compute(ctx(r.model, '2026-05'))).toBeCloseTo(100 / 3, 6);
    // In April nothing was reviewed yet.
    expect(await kpi('goalsOnTrack').compute(ctx(r.model, '2026-04'))).toBeUndefined();
    const july = '2026-07-01T09:00:00-04:00';
    r.send('a', cmd({ type: 'CloseGoal', actual: 96, closedBy: 'pm', at: july }), july);
    r.send('b', cmd({ type: 'CloseGoal', actual: 90, closedBy: 'pm', at: july }), july);
    r.send('c', cmd({ type: 'WithdrawGoal', reason: 'no', withdrawnBy: 'pm', at: july }), july);
    expect(await kpi('goalsAchievedRate').compute(ctx(r.model, '2026-07'))).toBe(50);
    expect(await kpi('goalsAchievedRate').compute(ctx(r.model, '2026-06'))).toBeUndefined();
    expect(await kpi('goalsOnTrack').compute(ctx(r.model, '2026-07'))).toBeUndefined();
  });
});
