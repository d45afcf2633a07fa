import { describe, expect, it } from 'vitest';
import { createPractice } from '@praxis/practice';

const hr = { id: 'hana', role: 'hr' };
const open = () =>
  createPractice({ store: 'memory:', timeZone: 'America/New_York', currency: 'USD', actor: hr });
type Practice = Awaited<ReturnType<typeof open>>;

/** Takes `staffId` from application to hire (start `startDate`) through the facade. */
export const hire = async (p: Practice, staffId: string, startDate = '2026-01-15', role = 'staff') => {
  const steps = [
    () =>
      p.staff.receiveApplication({
        staffId,
        name: `Person ${staffId}`,
        position: 'MA',
        appliedOn: '2026-01-02',
      }),
    () =>
      p.staff.recordInterview({
        staffId,
        interviewedOn: '2026-01-05',
        panel: ['hana'],
        scores: [{ interviewer: 'hana', score: 4 }],
      }),
    () => p.staff.recordExclusionScreening({ staffId, screenedOn: '2026-01-06', result: 'clear' }),
    () => p.staff.completeCredentialing({ staffId, completedOn: '2026-01-07' }),
    () => p.staff.makeOffer({ staffId, offeredOn: '2026-01-08', role, startDate }),
    () => p.staff.hireStaffMember({ staffId, hiredOn: '2026-01-09' }),
  ];
  for (const step of steps) {
    const r = await step();
    expect(r.ok, `${staffId}: ${r.summary}`).toBe(true);
  }
};

const ok = async (r: Promise<{ ok: boolean; summary: string }>) => {
  const x = await r;
  expect(x.ok, x.summary).toBe(true);
};
const kpi = async (p: Practice, period: string, id: string) =>
  (await p.kpis(period)).lines.find((l) => l.id === id)?.value;
const entry = async (p: Practice, asOf: string, id: string) =>
  (await p.calendar(asOf)).find((o) => o.id === id);

describe('staff supervision: onboarding, quarterly reviews and conflicts are read', () => {
  it('onboarding tasks: calendar obligations, dropped at separation, and the on-time KPI', async () => {
    const p = await open();
    await hire(p, 'ana');
    await hire(p, 'bo');
    const task = (staffId: string, taskId: string, dueOn: string) =>
      ok(
        p.staff.assignOnboardingTask({
          staffId,
          taskId,
          description: `Task ${taskId}`,
          assignedOn: '2026-01-15',
          dueOn,
        }),
      );
    await task('ana', 'badge', '2026-01-31');
    await task('ana', 'ehr-login', '2026-01-31');
    await task('ana', 'fire-drill', '2026-02-15');
    await task('bo', 'badge', '2026-02-20');
    await ok(p.staff.completeOnboardingTask({ staffId: 'ana', taskId: 'badge', completedOn: '2026-01-30' }));
    await ok(
      p.staff.completeOnboardingTask({ staffId: 'ana', taskId: 'ehr-login', completedOn: '2026-02-03' }),
    );

    expect(await entry(p, '2026-02-16', 'onboarding:ana:fire-drill')).toMatchObject({
      module: 'staff',
      kind: 'onboarding-task',
      label: 'Onboarding: Task fire-drill',
      owner: 'ana',
      dueAt: '2026-02-15',
      state: 'overdue',
    });
    expect(await entry(p, '2026-02-16', 'onboarding:ana:badge')).toMatchObject({ state: 'done' });
    // January: badge on time, EHR login three days late → 1 of 2.
    expect(await kpi(p, '2026-01', 'onboardingOnTime')).toBe(50);

    // Bo leaves before his task is due: it is no longer owed, in the calendar or the KPI.
    await ok(p.staff.separateStaffMember({ staffId: 'bo', separatedOn: '2026-02-10', voluntary: true }));
    expect(await entry(p, '2026-02-16', 'onboarding:bo:badge')).toBeUndefined();
    // February: only Ana's fire drill, never done → 0 of 1.
    expect(await kpi(p, '2026-02', 'onboardingOnTime')).toBe(0);
    // March: nothing due → n/a.
    expect(await kpi(p, '2026-03', 'onboardingOnTime')).toBeUndefined();
    await p.close();
  });

  it('quarterly reviews: one due per person per quarter, rolling in the calendar, on-time KPI with a breakdown', async () => {
    const p = await open();
    await hire(p, 'ana');
    await hire(p, 'bo');
    await hire(p, 'cy', '2026-04-06'); // starts in Q2: owes no Q1 review
    expect(await entry(p, '2026-04-01', 'quarterly-review:ana')).toMatchObject({
      kind: 'quarterly-review',
      label: 'Quarterly review 2026-Q1',
      dueAt: '2026-04-30',
      state: 'due-soon',
    });
    await ok(
      p.staff.recordQuarterlyReview({
        staffId: 'ana',
        quarter: '2026-Q1',
        reviewedOn: '2026-04-10',
        rating: 4,
      }),
    );
    await ok(
      p.staff.recordQuarterlyReview({
        staffId: 'bo',
        quarter: '2026-Q1',
        reviewedOn: '2026-05-05',
        rating: 3,
      }),
    );
    // Ana's obligation moved on to Q2; Bo's Q1 review was done late, and his Q2 one is next.
    expect(await entry(p, '2026-05-06', 'quarterly-review:ana')).toMatchObject({
      label: 'Quarterly review 2026-Q2',
      dueAt: '2026-07-31',
    });
    expect(await entry(p, '2026-05-06', 'quarterly-review:bo')).toMatchObject({ dueAt: '2026-07-31' });
    // Due in Q2: the Q1 reviews of Ana (on time) and Bo (late) → 50 %.
    expect(await kpi(p, '2026-Q2', 'reviewsOnTime')).toBe(50);
    // Due in Q3 (2026-07-31): Q2 reviews of all three, none done yet → 0 %.
    expect(await kpi(p, '2026-Q3', 'reviewsOnTime')).toBe(0);
    expect(await kpi(p, '2026-Q1', 'reviewsOnTime')).toBeUndefined();

    const why = await p.explain('reviewsOnTime', '2026-Q2', '2026-Q3');
    expect(why).toMatchObject({ explained: true });
    await p.close();
  });

  it('conflicts: a resolution deadline in the calendar, open conflicts and median days to resolve', async () => {
    const p = await open();
    for (const id of ['ana', 'bo', 'cy']) await hire(p, id);
    const openC = (conflictId: string, openedOn: string) =>
      ok(
        p.staff.openConflict({
          conflictId,
          parties: ['ana', 'bo'],
          description: 'Dispute over the rota',
          openedOn,
        }),
      );
    await openC('c1', '2026-03-01');
    await ok(
      p.staff.mediateConflict({
        conflictId: 'c1',
        mediator: 'cy',
        mediatedOn: '2026-03-05',
        notes: 'Talked',
      }),
    );
    await ok(p.staff.resolveConflict({ conflictId: 'c1', resolvedOn: '2026-03-11', resolution: 'New rota' }));
    await openC('c2', '2026-03-10');
    await ok(
      p.staff.escalateConflict({
        conflictId: 'c2',
        escalatedOn: '2026-03-12',
        escalatedTo: 'owners',
        reason: 'x',
      }),
    );
    await ok(p.staff.resolveConflict({ conflictId: 'c2', resolvedOn: '2026-03-30', resolution: 'Settled' }));
    await openC('c3', '2026-03-20');

    expect(await entry(p, '2026-03-31', 'conflict:c3')).toMatchObject({
      kind: 'conflict-resolution',
      label: 'Resolve conflict c3',
      dueAt: '2026-04-19',
      state: 'due-soon',
    });
    expect(await entry(p, '2026-03-31', 'conflict:c1')).toMatchObject({ state: 'done' });
    // The calendar label carries no personal text (the description stays sealed in the log).
    expect(JSON.stringify(await p.calendar('2026-03-31'))).not.toContain('rota');

    expect(await kpi(p, '2026-03', 'openConflicts')).toBe(1);
    // 10 and 20 days → median 15.
    expect(await kpi(p, '2026-03', 'medianDaysToResolveConflict')).toBe(15);
    expect(await kpi(p, '2026-04', 'medianDaysToResolveConflict')).toBeUndefined();
    await ok(
      p.staff.mediateConflict({ conflictId: 'c3', mediator: 'cy', mediatedOn: '2026-04-01', notes: 'ok' }),
    );
    await ok(p.staff.resolveConflict({ conflictId: 'c3', resolvedOn: '2026-04-03', resolution: 'ok' }));
    expect(await kpi(p, '2026-04', 'openConflicts')).toBe(0);
    expect(await kpi(p, '2026-04', 'medianDaysToResolveConflict')).toBe(14);
    await p.close();
  });
});

describe('a SMART goal on a practice KPI is judged by the log', () => {
  it('takes the KPI’s value for the deadline month as the actual, and refuses a typed-in or contradicting one', async () => {
    const p = await open();
    await hire(p, 'ana');
    await hire(p, 'bo');
    const goal = {
      staffId: 'ana',
      setOn: '2026-02-20',
      specific: 'Onboard new staff on time',
      target: 90,
      deadline: '2026-03-31',
    };
    expect(await p.staff.setSmartGoal({ ...goal, goalId: 'g0', kpiId: 'noSuchKpi' })).toMatchObject({
      ok: false,
      code: 'UnknownKpi',
      field: 'kpiId',
    });
    // A caller cannot send the fact the handler computes.
    expect(
      await p.staff.setSmartGoal({ ...goal, goalId: 'g0', kpiId: 'onboardingOnTime', kpi: null } as never),
    ).toMatchObject({ ok: false, code: 'UnknownField' });
    await ok(p.staff.setSmartGoal({ ...goal, goalId: 'g1', kpiId: 'onboardingOnTime' }));
    // Two tasks due in March: one on time, one late → 50 %.
    for (const [taskId, completedOn] of [
      ['badge', '2026-03-10'],
      ['ehr', '2026-03-20'],
    ] as const) {
      await ok(
        p.staff.assignOnboardingTask({
          staffId: 'bo',
          taskId,
          description: taskId,
          assignedOn: '2026-03-01',
          dueOn: '2026-03-15',
        }),
      );
      await ok(p.staff.completeOnboardingTask({ staffId: 'bo', taskId, completedOn }));
    }
    const close = (fields: Record<string, unknown>) =>
      p.staff.closeSmartGoal({
        staffId: 'ana',
        goalId: 'g1',
        closedOn: '2026-04-02',
        outcome: 'missed',
        ...fields,
      } as never);
    expect(await close({ closedOn: '2026-03-30' })).toMatchObject({ ok: false, code: 'DeadlineNotReached' });
    expect(await close({ actual: 95 })).toMatchObject({ ok: false, code: 'ActualFromKpi', field: 'actual' });
    expect(await close({ outcome: 'achieved' })).toMatchObject({
      ok: false,
      code: 'OutcomeContradictsKpi',
      field: 'outcome',
    });
    await ok(close({}));
    const [closed] = (await p.audit.query({ entity: 'StaffMember-ana', type: 'SmartGoalClosed' })).entries;
    expect(closed).toBeDefined();
    const events = [];
    for await (const e of p.store.readStream('StaffMember-ana')) events.push(e);
    expect(events.find((e) => e.type === 'SmartGoalSet')?.data).toMatchObject({
      kpiId: 'onboardingOnTime',
      metric: 'Onboarding tasks completed on time %',
      unit: 'percent',
      direction: 'higher-is-better',
    });
    expect(events.find((e) => e.type === 'SmartGoalClosed')?.data).toMatchObject({
      outcome: 'missed',
      actual: 50,
      kpiPeriod: '2026-03',
    });
    await p.close();
  });
});
