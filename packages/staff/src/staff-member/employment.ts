import { accept, reject } from '@praxis/core';
import { events, type StaffMemberEvent } from './events.js';
import type { StaffMember } from './state.js';
import { notOnStaff, type StaffDecision } from './rules.js';
import { endTracking } from './credentials.js';
import type {
  ChangeStaffRole,
  AssignOnboardingTask,
  CompleteOnboardingTask,
  SeparateStaffMember,
} from './commands.js';
export type {
  ChangeStaffRole,
  AssignOnboardingTask,
  CompleteOnboardingTask,
  SeparateStaffMember,
} from './commands.js';

/** Onboarding tasks go to people on staff, with a due date on or after assignment. */
export const assignOnboardingTask = (c: AssignOnboardingTask, s: StaffMember): StaffDecision => {
  const bad = notOnStaff(s);
  if (bad !== undefined) return bad;
  if (s.onboarding[c.taskId] !== undefined)
    return reject('OnboardingTaskExists', `task ${c.taskId} is already assigned`, 'taskId');
  if (c.dueOn < c.assignedOn)
    return reject('DueBeforeAssigned', 'the due date cannot precede the assignment', 'dueOn');
  const { taskId, description, assignedOn, dueOn } = c;
  return accept(
    events.make('OnboardingTaskAssigned', { staffId: s.staffId, taskId, description, assignedOn, dueOn }),
  );
};

/** An assigned onboarding task is completed once, not before it was assigned. */
export const completeOnboardingTask = (c: CompleteOnboardingTask, s: StaffMember): StaffDecision => {
  const bad = notOnStaff(s);
  if (bad !== undefined) return bad;
  const task = s.onboarding[c.taskId];
  if (task === undefined) return reject('OnboardingTaskNotFound', `no task ${c.taskId}`, 'taskId');
  if (task.completedOn !== undefined)
    return reject('OnboardingTaskAlreadyCompleted', `task ${c.taskId} is done`, 'taskId');
  if (c.completedOn < task.assignedOn)
    return reject(
      'CompletedBeforeAssigned',
      'a task cannot be completed before it was assigned',
      'completedOn',
    );
  return accept(
    events.make('OnboardingTaskCompleted', {
      staffId: s.staffId,
      taskId: c.taskId,
      completedOn: c.completedOn,
    }),
  );
};

/**
 * A person on staff separates once, not before their start date. Their open trainings are
 * withdrawn, their credentials no longer tracked, their open onboarding tasks dropped and their
 * open goals withdrawn, so that no
 * obligation of a former staff member stays on the calendar.
 */
export const separateStaffMember = (c: SeparateStaffMember, s: StaffMember): StaffDecision => {
  if (s.status === 'separated') return reject('AlreadySeparated', `${s.name} separated on ${s.separatedOn}`);
  if (s.status !== 'hired') return reject('NotOnStaff', 'only a person on staff can separate');
  if (c.separatedOn < (s.startDate ?? ''))
    return reject('SeparationBeforeStart', `the start date is ${s.startDate}`, 'separatedOn');
  const on = c.separatedOn;
  const closing: StaffMemberEvent[] = [
    ...Object.values(s.trainings)
      .filter((t) => t.withdrawnOn === undefined && t.dueOn !== undefined)
      .map((t) =>
        events.make('TrainingWithdrawn', {
          staffId: s.staffId,
          trainingId: t.trainingId,
          withdrawnOn: on,
          reason: 'separated',
        }),
      ),
    ...endTracking(s, on, 'separated'),
    ...Object.entries(s.onboarding)
      .filter(([, task]) => task.completedOn === undefined && task.droppedOn === undefined)
      .map(([taskId]) => events.make('OnboardingTaskDropped', { staffId: s.staffId, taskId, droppedOn: on })),
    ...Object.values(s.goals)
      .filter((g) => g.outcome === undefined)
      .map((g) =>
        events.make('SmartGoalClosed', {
          staffId: s.staffId,
          goalId: g.goalId,
          closedOn: on,
          outcome: 'withdrawn' as const,
        }),
      ),
  ];
  return accept(
    events.make('StaffMemberSeparated', {
      staffId: s.staffId,
      separatedOn: on,
      voluntary: c.voluntary,
      ...(c.reason === undefined ? {} : { reason: c.reason }),
    }),
    ...closing,
  );
};

/**
 * Only a person on staff changes role (a separated person or a candidate cannot), to a
 * role other than the one they hold, for a stated reason, effective on or after their start
 * date and after any earlier role change (the role history stays in date order).
 */
export const changeStaffRole = (c: ChangeStaffRole, s: StaffMember): StaffDecision => {
  const bad = notOnStaff(s);
  if (bad !== undefined) return bad;
  const previousRole = s.role ?? '';
  const role = c.role.trim();
  if (role === previousRole)
    return reject('SameRole', `${s.name} already holds the role ${previousRole}`, 'role');
  if (c.effectiveOn < (s.startDate ?? ''))
    return reject('RoleChangeBeforeStart', `the start date is ${s.startDate}`, 'effectiveOn');
  if (s.roleChangedOn !== undefined && c.effectiveOn < s.roleChangedOn)
    return reject(
      'RoleChangeOutOfOrder',
      `the latest role change takes effect on ${s.roleChangedOn}`,
      'effectiveOn',
    );
  return accept(
    events.make('StaffMemberRoleChanged', {
      staffId: s.staffId,
      previousRole,
      role,
      effectiveOn: c.effectiveOn,
      reason: c.reason.trim(),
    }),
  );
};
