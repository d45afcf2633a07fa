import { describe, expect, it } from 'vitest';
import { deciderSpec } from '@praxis/testing';
import {
  assignRequirement,
  decider,
  events,
  hipaaPrivacyAndSecurity,
  oshaBloodbornePathogens,
} from './index.js';
import { applied, onStaff, uptoOffer } from '../test-fixtures.js';

const spec = deciderSpec(decider);
const ev = events.make;

const oshaAssigned = (assignedOn: string) =>
  ev('TrainingAssigned', {
    staffId: 's-1',
    trainingId: 'osha-bloodborne-pathogens',
    course: 'OSHA bloodborne pathogens',
    assignedOn,
    dueOn: assignedOn,
    required: true,
    recurrenceMonths: 12,
    legalSource: '29 CFR 1910.1030(g)(2)',
  });
const complete = (completedOn: string, hours = 1) => ({
  type: 'CompleteTraining' as const,
  trainingId: 'osha-bloodborne-pathogens',
  completedOn,
  hours,
});
const nextDueAfter = (assignedOn: string, completedOn: string): string | undefined => {
  const d = spec.given([...onStaff, oshaAssigned(assignedOn)]).when(complete(completedOn)).decision;
  if (d._tag === 'Left') throw new Error(d.left.message);
  const e = d.right[0];
  return e?.type === 'TrainingCompleted' ? e.data.nextDueOn : undefined;
};

describe('StaffMember training and continuing education', () => {
  it('assigns OSHA bloodborne-pathogens training due at the time of assignment (29 CFR 1910.1030(g)(2)(ii)(A))', () => {
    spec
      .given(onStaff)
      .when(assignRequirement(oshaBloodbornePathogens, '2026-02-02'))
      .then([oshaAssigned('2026-02-02')]);
  });

  it('assigns HIPAA training with a later due date when given', () => {
    const s = spec
      .given(onStaff)
      .when(assignRequirement(hipaaPrivacyAndSecurity, '2026-02-02', '2026-03-02'))
      .thenState();
    expect(s.trainings['hipaa-privacy-security']).toMatchObject({
      dueOn: '2026-03-02',
      recurrenceMonths: 12,
      required: true,
    });
  });

  it('rejects assigning training to someone not on staff, or twice, or due before assignment', () => {
    spec
      .given(uptoOffer)
      .when(assignRequirement(oshaBloodbornePathogens, '2026-02-02'))
      .thenRejects('NotOnStaff');
    spec
      .given([...onStaff, oshaAssigned('2026-02-02')])
      .when(assignRequirement(oshaBloodbornePathogens, '2026-02-03'))
      .thenRejects('TrainingAlreadyAssigned', 'trainingId');
    spec
      .given(onStaff)
      .when({ ...assignRequirement(oshaBloodbornePathogens, '2026-02-02'), dueOn: '2026-02-01' })
      .thenRejects('DueBeforeAssigned', 'dueOn');
  });

  it('a separated person cannot be assigned training', () => {
    const separated = ev('StaffMemberSeparated', {
      staffId: 's-1',
      separatedOn: '2026-06-30',
      voluntary: true,
    });
    spec
      .given([...onStaff, separated])
      .when(assignRequirement(oshaBloodbornePathogens, '2026-07-01'))
      .thenRejects('StaffMemberSeparated');
  });

  it('completing a recurring training sets the next due date 12 months on (at least annually, 1910.1030(g)(2)(ii)(B))', () => {
    spec
      .given([...onStaff, oshaAssigned('2026-02-02')])
      .when(complete('2026-02-10', 1.5))
      .then([
        ev('TrainingCompleted', {
          staffId: 's-1',
          trainingId: 'osha-bloodborne-pathogens',
          completedOn: '2026-02-10',
          hours: 1.5,
          nextDueOn: '2027-02-10',
        }),
      ]);
  });

  it('derives due dates across leap days, month ends and year ends', () => {
    expect(nextDueAfter('2024-02-01', '2024-02-29')).toBe('2025-02-28'); // leap day → 28 Feb
    expect(nextDueAfter('2027-02-01', '2027-02-28')).toBe('2028-02-28'); // not moved to the leap day
    expect(nextDueAfter('2026-01-01', '2026-12-31')).toBe('2027-12-31'); // year end
    expect(nextDueAfter('2026-01-01', '2026-01-31')).toBe('2027-01-31'); // month end
  });

  it('clamps a 6-month recurrence to the end of a shorter month (2026-08-31 → 2027-02-28)', () => {
    const sixMonthly = ev('TrainingAssigned', {
      staffId: 's-1',
      trainingId: 'fire',
      course: 'Fire safety drill',
      assignedOn: '2026-08-01',
      dueOn: '2026-08-31',
      required: true,
      recurrenceMonths: 6,
    });
    const s = spec
      .given([...onStaff, sixMonthly])
      .when({ type: 'CompleteTraining', trainingId: 'fire', completedOn: '2026-08-31', hours: 1 })
      .thenState();
    expect(s.trainings['fire']?.dueOn).toBe('2027-02-28');
  });

  it('a one-off course is completed once; hours must be positive; completion not before assignment', () => {
    const oneOff = ev('TrainingAssigned', {
      staffId: 's-1',
      trainingId: 'ehr',
      course: 'EHR orientation',
      assignedOn: '2026-02-02',
      dueOn: '2026-02-13',
      required: false,
    });
    const done = ev('TrainingCompleted', {
      staffId: 's-1',
      trainingId: 'ehr',
      completedOn: '2026-02-05',
      hours: 3,
    });
    const c = { type: 'CompleteTraining' as const, trainingId: 'ehr', completedOn: '2026-02-05', hours: 3 };
    spec
      .given([...onStaff, oneOff])
      .when(c)
      .then([done]);
    spec
      .given([...onStaff, oneOff, done])
      .when(c)
      .thenRejects('TrainingAlreadyCompleted');
    spec
      .given([...onStaff, oneOff])
      .when({ ...c, hours: 0 })
      .thenRejects('HoursNotPositive', 'hours');
    spec
      .given([...onStaff, oneOff])
      .when({ ...c, completedOn: '2026-02-01' })
      .thenRejects('CompletedBeforeAssigned');
    spec.given(onStaff).when(c).thenRejects('TrainingNotAssigned', 'trainingId');
  });

  it('withdraws an open assignment, after which it can be assigned again', () => {
    const withdrawn = ev('TrainingWithdrawn', {
      staffId: 's-1',
      trainingId: 'osha-bloodborne-pathogens',
      withdrawnOn: '2026-04-01',
      reason: 'moved to a role without exposure',
    });
    spec
      .given([...onStaff, oshaAssigned('2026-02-02')])
      .when({
        type: 'WithdrawTraining',
        trainingId: 'osha-bloodborne-pathogens',
        withdrawnOn: '2026-04-01',
        reason: 'moved to a role without exposure',
      })
      .then([withdrawn]);
    spec
      .given([...onStaff, oshaAssigned('2026-02-02'), withdrawn])
      .when(complete('2026-04-02'))
      .thenRejects('TrainingNotAssigned');
    spec
      .given([...onStaff, oshaAssigned('2026-02-02'), withdrawn])
      .when(assignRequirement(oshaBloodbornePathogens, '2026-09-01'))
      .thenState();
  });

  it('records continuing education with provider and hours, once per activity', () => {
    const cmd = {
      type: 'RecordContinuingEducation' as const,
      activityId: 'cme-1',
      title: 'Opioid prescribing update',
      provider: 'AAFP',
      hours: 2.5,
      completedOn: '2026-03-14',
    };
    const { type: _t, ...data } = cmd;
    spec
      .given(onStaff)
      .when(cmd)
      .then([ev('ContinuingEducationRecorded', { staffId: 's-1', ...data })]);
    spec
      .given([...onStaff, ev('ContinuingEducationRecorded', { staffId: 's-1', ...data })])
      .when(cmd)
      .thenRejects('ActivityAlreadyRecorded');
    spec
      .given(onStaff)
      .when({ ...cmd, provider: '' })
      .thenRejects('Required', 'provider');
    spec.given([applied]).when(cmd).thenRejects('NotOnStaff');
  });
});
