import { describe, expect, it } from 'vitest';
import { foldProjections } from '@praxis/core';
import { events } from '../staff-member/index.js';
import { onStaff, recordedOf } from '../test-fixtures.js';
import {
  getRosterEntry,
  headcountByRole,
  headcountOn,
  isActiveOn,
  overdueTrainingsOn,
  roleOn,
  staffRoster,
  trainingStandingOn,
} from './index.js';

const ev = events.make;
const osha = ev('TrainingAssigned', {
  staffId: 's-1',
  trainingId: 'osha',
  course: 'OSHA bloodborne pathogens',
  assignedOn: '2026-02-02',
  dueOn: '2026-02-02',
  required: true,
  recurrenceMonths: 12,
});
const completed = ev('TrainingCompleted', {
  staffId: 's-1',
  trainingId: 'osha',
  completedOn: '2026-02-02',
  hours: 1,
  nextDueOn: '2027-02-02',
});
const separated = ev('StaffMemberSeparated', { staffId: 's-1', separatedOn: '2027-03-31', voluntary: true });

const model = (extra: Parameters<typeof recordedOf>[1]) =>
  foldProjections([staffRoster], recordedOf('StaffMember-s-1', [...onStaff, ...extra]));

describe('staff-roster projection', () => {
  it('keeps status, role, start and separation dates', async () => {
    const r = await getRosterEntry(model([separated]), 's-1');
    expect(r).toMatchObject({
      name: 'Dana Reyes',
      status: 'separated',
      role: 'physician',
      startDate: '2026-02-02',
      separatedOn: '2027-03-31',
      voluntary: true,
      excluded: false,
      lastScreenedOn: '2026-01-16',
    });
    expect(r?.credentials['dea']).toMatchObject({
      kind: 'dea-registration',
      expiresOn: '2026-09-30',
      tracked: true,
    });
  });

  it('counts a person active from the start date through the last day of employment', async () => {
    const m = model([separated]);
    const r = (await getRosterEntry(m, 's-1'))!;
    expect(isActiveOn(r, '2026-02-01')).toBe(false);
    expect(isActiveOn(r, '2026-02-02')).toBe(true);
    expect(isActiveOn(r, '2027-03-31')).toBe(true);
    expect(isActiveOn(r, '2027-04-01')).toBe(false);
    expect(await headcountOn(m, '2026-06-01')).toBe(1);
    expect(await headcountOn(m, '2027-04-01')).toBe(0);
    expect(await headcountByRole(m, '2026-06-01')).toEqual({ physician: 1 });
  });

  it('keeps the role history and answers the role held on any date', async () => {
    const promoted = ev('StaffMemberRoleChanged', {
      staffId: 's-1',
      previousRole: 'physician',
      role: 'medical_director',
      effectiveOn: '2026-07-01',
      reason: 'promotion',
    });
    const m = model([promoted, separated]);
    const r = (await getRosterEntry(m, 's-1'))!;
    expect(r.role).toBe('medical_director');
    expect(r.roles).toEqual([
      { role: 'physician', from: '2026-02-02' },
      { role: 'medical_director', from: '2026-07-01', reason: 'promotion' },
    ]);
    expect(roleOn(r, '2026-02-01')).toBeUndefined(); // before the start date
    expect(roleOn(r, '2026-02-02')).toBe('physician');
    expect(roleOn(r, '2026-06-30')).toBe('physician'); // the day before the change
    expect(roleOn(r, '2026-07-01')).toBe('medical_director');
    expect(await headcountByRole(m, '2026-06-30')).toEqual({ physician: 1 });
    expect(await headcountByRole(m, '2026-07-01')).toEqual({ medical_director: 1 });
  });

  it('judges a training as of any date from its completion history', async () => {
    const r = (await getRosterEntry(model([osha, completed]), 's-1'))!;
    const t = r.trainings['osha']!;
    expect(trainingStandingOn(t, '2026-02-01')).toEqual({ status: 'not-assigned' });
    expect(trainingStandingOn(t, '2026-02-02')).toEqual({ status: 'current', dueOn: '2027-02-02' });
    expect(trainingStandingOn(t, '2027-02-02')).toEqual({ status: 'current', dueOn: '2027-02-02' });
    expect(trainingStandingOn(t, '2027-02-03')).toEqual({ status: 'overdue', dueOn: '2027-02-02' });
    expect(overdueTrainingsOn(r, '2027-02-03').map((x) => x.trainingId)).toEqual(['osha']);
    // Before its completion is recorded, an assignment due on its first day is overdue the next day.
    const pending = (await getRosterEntry(model([osha]), 's-1'))!;
    expect(trainingStandingOn(pending.trainings['osha']!, '2026-02-03')).toEqual({
      status: 'overdue',
      dueOn: '2026-02-02',
    });
  });

  it('adds up continuing-education hours and keeps review ratings', async () => {
    const ce = (id: string, hours: number) =>
      ev('ContinuingEducationRecorded', {
        staffId: 's-1',
        activityId: id,
        title: 't',
        provider: 'AAFP',
        hours,
        completedOn: '2026-03-01',
      });
    const review = ev('QuarterlyReviewRecorded', {
      staffId: 's-1',
      quarter: '2026-Q1',
      reviewedOn: '2026-03-31',
      reviewer: 'pm',
      rating: 4,
    });
    const r = await getRosterEntry(model([ce('a', 1.5), ce('b', 2), review]), 's-1');
    expect(r?.continuingEducationHours).toBe(3.5);
    expect(r?.reviews).toEqual([{ quarter: '2026-Q1', rating: 4 }]);
  });
});
