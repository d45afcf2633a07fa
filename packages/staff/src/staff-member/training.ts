import { accept, reject } from '@praxis/core';
import { addMonths } from '../dates.js';
import { events, type StaffMemberEvent } from './events.js';
import type { StaffMember } from './state.js';
import { notOnStaff, type StaffDecision } from './rules.js';
import type {
  AssignTraining,
  CompleteTraining,
  WithdrawTraining,
  RecordContinuingEducation,
  RecordPolicyTraining,
} from './commands.js';
export type {
  AssignTraining,
  CompleteTraining,
  WithdrawTraining,
  RecordContinuingEducation,
  RecordPolicyTraining,
} from './commands.js';

/** A recurring training requirement a practice assigns to staff. */
export interface TrainingRequirement {
  readonly trainingId: string;
  readonly course: string;
  readonly recurrenceMonths: number;
  readonly legalSource: string;
}

/**
 * OSHA bloodborne-pathogens training: at the time of initial assignment to tasks with
 * occupational exposure, then at least annually (29 CFR 1910.1030(g)(2)(ii)).
 */
export const oshaBloodbornePathogens: TrainingRequirement = {
  trainingId: 'osha-bloodborne-pathogens',
  course: 'OSHA bloodborne pathogens',
  recurrenceMonths: 12,
  legalSource: '29 CFR 1910.1030(g)(2)',
};

/**
 * HIPAA privacy and security training for every workforce member, within a reasonable
 * period after joining (45 CFR 164.530(b)) with periodic security reminders
 * (164.308(a)(5)); Praxis repeats it every 12 months.
 */
export const hipaaPrivacyAndSecurity: TrainingRequirement = {
  trainingId: 'hipaa-privacy-security',
  course: 'HIPAA privacy and security',
  recurrenceMonths: 12,
  legalSource: '45 CFR 164.530(b); 164.308(a)(5)',
};

/**
 * The command assigning a recurring requirement, due on the day of assignment (OSHA: "at
 * the time of initial assignment") unless `dueOn` is given.
 *
 * @example
 * decide(assignRequirement(oshaBloodbornePathogens, '2026-03-02'), state);
 */
export const assignRequirement = (
  r: TrainingRequirement,
  assignedOn: string,
  dueOn = assignedOn,
): AssignTraining => ({
  type: 'AssignTraining',
  trainingId: r.trainingId,
  course: r.course,
  assignedOn,
  dueOn,
  required: true,
  recurrenceMonths: r.recurrenceMonths,
  legalSource: r.legalSource,
});

/**
 * Training is assigned only to people on staff: a separated person cannot be assigned
 * training. An id already assigned and not withdrawn cannot be assigned again.
 */
export const assignTraining = (c: AssignTraining, s: StaffMember): StaffDecision => {
  const bad = notOnStaff(s);
  if (bad !== undefined) return bad;
  const existing = s.trainings[c.trainingId];
  if (existing !== undefined && existing.withdrawnOn === undefined)
    return reject('TrainingAlreadyAssigned', `${existing.course} is already assigned`, 'trainingId');
  if (c.dueOn < c.assignedOn)
    return reject('DueBeforeAssigned', 'the due date cannot precede the assignment', 'dueOn');
  const { trainingId, course, assignedOn, dueOn, required } = c;
  return accept(
    events.make('TrainingAssigned', {
      staffId: s.staffId,
      trainingId,
      course,
      assignedOn,
      dueOn,
      required,
      ...(c.recurrenceMonths === undefined ? {} : { recurrenceMonths: c.recurrenceMonths }),
      ...(c.legalSource === undefined ? {} : { legalSource: c.legalSource }),
      ...(c.policyId === undefined ? {} : { policyId: c.policyId }),
    }),
  );
};

/**
 * A completion records its hours (> 0). A one-off course is completed once; a recurring
 * one falls due again `recurrenceMonths` after the completion date, computed with luxon
 * (2024-02-29 + 12 months = 2025-02-28).
 */
export const completeTraining = (c: CompleteTraining, s: StaffMember): StaffDecision => {
  const bad = notOnStaff(s);
  if (bad !== undefined) return bad;
  const t = s.trainings[c.trainingId];
  if (t === undefined || t.withdrawnOn !== undefined)
    return reject('TrainingNotAssigned', `no open assignment ${c.trainingId}`, 'trainingId');
  if (t.dueOn === undefined)
    return reject('TrainingAlreadyCompleted', `${t.course} was completed on ${t.lastCompletedOn}`);
  if (!Number.isFinite(c.hours) || c.hours <= 0)
    return reject('HoursNotPositive', 'hours must be more than zero', 'hours');
  if (c.completedOn < t.assignedOn)
    return reject('CompletedBeforeAssigned', `assigned on ${t.assignedOn}`, 'completedOn');
  if (t.lastCompletedOn !== undefined && c.completedOn < t.lastCompletedOn)
    return reject(
      'CompletionOutOfOrder',
      `a later completion (${t.lastCompletedOn}) is recorded`,
      'completedOn',
    );
  return accept(
    events.make('TrainingCompleted', {
      staffId: s.staffId,
      trainingId: c.trainingId,
      completedOn: c.completedOn,
      hours: c.hours,
      ...(t.recurrenceMonths === undefined
        ? {}
        : { nextDueOn: addMonths(c.completedOn, t.recurrenceMonths) }),
    }),
  );
};

/** An open assignment can be withdrawn, with a reason. */
export const withdrawTraining = (c: WithdrawTraining, s: StaffMember): StaffDecision => {
  const bad = notOnStaff(s);
  if (bad !== undefined) return bad;
  const t = s.trainings[c.trainingId];
  if (t === undefined || t.withdrawnOn !== undefined)
    return reject('TrainingNotAssigned', `no open assignment ${c.trainingId}`, 'trainingId');
  return accept(
    events.make('TrainingWithdrawn', {
      staffId: s.staffId,
      trainingId: c.trainingId,
      withdrawnOn: c.withdrawnOn,
      reason: c.reason,
    }),
  );
};

/** Continuing education is recorded once per activity, with its provider and hours (> 0). */
export const recordContinuingEducation = (c: RecordContinuingEducation, s: StaffMember): StaffDecision => {
  const bad = notOnStaff(s);
  if (bad !== undefined) return bad;
  if (s.continuingEducation[c.activityId] !== undefined)
    return reject('ActivityAlreadyRecorded', `activity ${c.activityId} is already recorded`, 'activityId');
  if (!Number.isFinite(c.hours) || c.hours <= 0)
    return reject('HoursNotPositive', 'hours must be more than zero', 'hours');
  const { activityId, title, provider, hours, completedOn } = c;
  return accept(
    events.make('ContinuingEducationRecorded', {
      staffId: s.staffId,
      activityId,
      title,
      provider,
      hours,
      completedOn,
    }),
  );
};

/**
 * A policy training session attended by a person on staff, once per session (hours > 0). It
 * counts towards their training: every open assignment on that policy (`AssignTraining` with
 * `policyId`) assigned on or before the session, and not completed later than it, is completed
 * with the session's date and hours (a recurring one falls due again from it).
 */
export const recordPolicyTraining = (c: RecordPolicyTraining, s: StaffMember): StaffDecision => {
  const bad = notOnStaff(s);
  if (bad !== undefined) return bad;
  if ((s.policySessions ?? []).includes(`${c.policyId}/${c.sessionId}`))
    return reject('SessionAlreadyRecorded', `session ${c.sessionId} is already on the record`, 'sessionId');
  if (!Number.isFinite(c.hours) || c.hours <= 0)
    return reject('HoursNotPositive', 'hours must be more than zero', 'hours');
  const completes = Object.values(s.trainings)
    .filter(
      (t) =>
        t.policyId === c.policyId &&
        t.withdrawnOn === undefined &&
        t.dueOn !== undefined &&
        t.assignedOn <= c.attendedOn &&
        (t.lastCompletedOn === undefined || t.lastCompletedOn <= c.attendedOn),
    )
    .map((t) =>
      events.make('TrainingCompleted', {
        staffId: s.staffId,
        trainingId: t.trainingId,
        completedOn: c.attendedOn,
        hours: c.hours,
        ...(t.recurrenceMonths === undefined
          ? {}
          : { nextDueOn: addMonths(c.attendedOn, t.recurrenceMonths) }),
      }),
    );
  const { policyId, version, sessionId, attendedOn, hours } = c;
  const decided: StaffMemberEvent[] = [
    events.make('PolicyTrainingAttended', {
      staffId: s.staffId,
      policyId,
      version,
      sessionId,
      attendedOn,
      hours,
    }),
    ...completes,
  ];
  return accept(...decided);
};
