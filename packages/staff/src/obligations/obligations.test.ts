import { describe, expect, it } from 'vitest';
import { foldProjections, type Obligation } from '@praxis/core';
import { events } from '../staff-member/index.js';
import { onStaff, recordedOf } from '../test-fixtures.js';
import { listStaffObligations, staffObligations } from './index.js';

const ev = events.make;
const stream = 'StaffMember-s-1';
const byId = async (extra: Parameters<typeof recordedOf>[1]) => {
  const model = foldProjections([staffObligations], recordedOf(stream, [...onStaff, ...extra]));
  const list = await listStaffObligations(model);
  return Object.fromEntries(list.map((o) => [o.id, o])) as Record<string, Obligation>;
};

const osha = ev('TrainingAssigned', {
  staffId: 's-1',
  trainingId: 'osha',
  course: 'OSHA bloodborne pathogens',
  assignedOn: '2026-02-02',
  dueOn: '2026-02-02',
  required: true,
  recurrenceMonths: 12,
  legalSource: '29 CFR 1910.1030(g)(2)',
});

describe('staff-obligations projection', () => {
  it('lists credential expiries (DEA arising when its 60-day window opens), recredentialing and monthly OIG screening', async () => {
    const o = await byId([]);
    expect(o['credential:s-1:dea']).toMatchObject({
      module: 'staff',
      kind: 'credential-expiry',
      label: 'Renew DEA registration FR1234563 (DEA)',
      streamId: stream,
      owner: 's-1',
      arisesAt: '2026-08-01', // 2026-09-30 − 60 days
      dueAt: '2026-09-30',
    });
    expect(o['credential:s-1:lic']).toMatchObject({ arisesAt: '2026-01-15', dueAt: '2027-12-31' });
    // NCQA: credentialed 2026-01-20 → recredential by 2029-01-20.
    expect(o['recredential:s-1']).toMatchObject({ dueAt: '2029-01-20', kind: 'recredentialing' });
    // Hired on the strength of the 2026-01-16 check → next check due 2026-02-16.
    expect(o['oig-screening:s-1']).toMatchObject({
      arisesAt: '2026-01-25',
      dueAt: '2026-02-16',
      kind: 'oig-screening',
    });
  });

  it('rolls the monthly OIG screening forward from each check, clamped at month end', async () => {
    const o = await byId([
      ev('OigExclusionScreened', {
        staffId: 's-1',
        screenedOn: '2026-01-31',
        result: 'clear',
        source: 'OIG LEIE',
      }),
    ]);
    expect(o['oig-screening:s-1']).toMatchObject({ arisesAt: '2026-01-31', dueAt: '2026-02-28' });
  });

  it('moves a credential obligation to the new expiry on renewal', async () => {
    const renewed = ev('StaffCredentialRenewed', {
      staffId: 's-1',
      credentialId: 'dea',
      renewedOn: '2026-08-15',
      previousExpiresOn: '2026-09-30',
      expiresOn: '2029-09-30',
    });
    const o = await byId([renewed]);
    expect(o['credential:s-1:dea']).toMatchObject({ arisesAt: '2029-08-01', dueAt: '2029-09-30' });
  });

  it('tracks training due dates: first due at assignment, then rolling 12 months after each completion', async () => {
    const first = await byId([osha]);
    expect(first['training:s-1:osha']).toMatchObject({
      arisesAt: '2026-02-02',
      dueAt: '2026-02-02',
      legalSource: '29 CFR 1910.1030(g)(2)',
    });
    const done = ev('TrainingCompleted', {
      staffId: 's-1',
      trainingId: 'osha',
      completedOn: '2028-02-29',
      hours: 1,
      nextDueOn: '2029-02-28',
    });
    const after = await byId([osha, done]);
    expect(after['training:s-1:osha']).toMatchObject({ arisesAt: '2028-02-29', dueAt: '2029-02-28' });
    expect(after['training:s-1:osha']?.completedAt).toBeUndefined();
  });

  it('marks a one-off training and an achieved goal completed', async () => {
    const course = ev('TrainingAssigned', {
      staffId: 's-1',
      trainingId: 'ehr',
      course: 'EHR',
      assignedOn: '2026-02-02',
      dueOn: '2026-02-13',
      required: false,
    });
    const done = ev('TrainingCompleted', {
      staffId: 's-1',
      trainingId: 'ehr',
      completedOn: '2026-02-05',
      hours: 2,
    });
    const goal = ev('SmartGoalSet', {
      staffId: 's-1',
      goalId: 'g',
      specific: 'Faster rooming',
      metric: 'minutes',
      target: 10,
      deadline: '2026-06-30',
      setOn: '2026-03-01',
    });
    const achieved = ev('SmartGoalClosed', {
      staffId: 's-1',
      goalId: 'g',
      closedOn: '2026-06-20',
      outcome: 'achieved',
      actual: 9,
    });
    const o = await byId([course, done, goal, achieved]);
    expect(o['training:s-1:ehr']).toMatchObject({ dueAt: '2026-02-13', completedAt: '2026-02-05' });
    expect(o['smart-goal:s-1:g']).toMatchObject({
      kind: 'smart-goal-deadline',
      dueAt: '2026-06-30',
      completedAt: '2026-06-20',
      label: 'Goal: Faster rooming',
    });
  });

  it('removes every obligation of a person who separates', async () => {
    const sep = [
      ev('StaffMemberSeparated', { staffId: 's-1', separatedOn: '2026-06-30', voluntary: true }),
      ev('TrainingWithdrawn', {
        staffId: 's-1',
        trainingId: 'osha',
        withdrawnOn: '2026-06-30',
        reason: 'separated',
      }),
      ev('StaffCredentialTrackingEnded', {
        staffId: 's-1',
        credentialId: 'lic',
        endedOn: '2026-06-30',
        reason: 'separated',
      }),
      ev('StaffCredentialTrackingEnded', {
        staffId: 's-1',
        credentialId: 'dea',
        endedOn: '2026-06-30',
        reason: 'separated',
      }),
    ];
    // Two credentials, recredentialing, OIG screening, the next quarterly review and the training.
    expect(Object.keys(await byId([osha]))).toHaveLength(6);
    expect(await byId([osha, ...sep])).toEqual({});
  });
});
