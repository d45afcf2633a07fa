import { describe, expect, it } from 'vitest';
import { createPractice } from '@praxis/practice';
import { crossTrainingOn } from '../index.js';

const manager = { id: 'maria', role: 'practice_manager' };
type P = Awaited<ReturnType<typeof open>>;
const open = () =>
  createPractice({ store: 'memory:', timeZone: 'America/Chicago', currency: 'USD', actor: manager });

/** Hires `staffId` in `role` from `startDate` (the staff module's own lifecycle). */
const hire = async (p: P, staffId: string, role: string, startDate: string) => {
  for (const r of [
    await p.staff.receiveApplication({
      staffId,
      name: `Person ${staffId}`,
      position: role,
      appliedOn: '2026-01-05',
    }),
    await p.staff.recordInterview({
      staffId,
      interviewedOn: '2026-01-08',
      panel: ['maria', 'hr'],
      scores: [
        { interviewer: 'maria', score: 4 },
        { interviewer: 'hr', score: 4 },
      ],
    }),
    await p.staff.recordExclusionScreening({ staffId, screenedOn: '2026-01-09', result: 'clear' }),
    await p.staff.completeCredentialing({ staffId, completedOn: '2026-01-10' }),
    await p.staff.makeOffer({ staffId, offeredOn: '2026-01-12', role, startDate }),
    await p.staff.hireStaffMember({ staffId, hiredOn: '2026-01-15' }),
  ])
    expect(r.ok).toBe(true);
};

describe('skills matrix and cross-training coverage (R10)', () => {
  it('given critical skills, coverage counts skills with two certified people on staff; one-person skills are listed', async () => {
    const p = await open();
    const r = p.resources;
    await hire(p, 's-1', 'medical_assistant', '2026-02-01');
    await hire(p, 's-2', 'medical_assistant', '2026-02-01');
    await hire(p, 's-3', 'front_desk', '2026-02-01');
    expect(
      await r.certifySkill({
        staffId: 's-9',
        skill: 'phlebotomy',
        level: 'competent',
        certifiedOn: '2026-02-10',
      }),
    ).toMatchObject({ ok: false, code: 'StaffNotFound' });
    expect(
      await r.certifySkill({
        staffId: 's-1',
        skill: 'phlebotomy',
        level: 'competent',
        certifiedOn: '2026-01-20',
      }),
    ).toMatchObject({ ok: false, code: 'StaffNotActive' }); // before the start date
    const certify = (staffId: string, skill: string, certifiedOn: string, expiresOn?: string) =>
      r.certifySkill({
        staffId,
        skill,
        level: 'competent',
        certifiedOn,
        ...(expiresOn === undefined ? {} : { expiresOn }),
      });
    expect(await certify('s-1', 'phlebotomy', '2026-02-10', '2026-02-01')).toMatchObject({
      ok: false,
      code: 'ExpiresBeforeCertified',
    });
    // HR keeps the matrix; marking a skill critical is the manager's.
    const hr = p.as({ id: 'hana', role: 'hr' }).resources;
    expect(
      await hr.certifySkill({
        staffId: 's-1',
        skill: 'phlebotomy',
        level: 'competent',
        certifiedOn: '2026-02-10',
      }),
    ).toMatchObject({ ok: true });
    expect(
      await hr.requireSkill({ policyId: 'practice', skill: 'x', requiredOn: '2026-02-01' }),
    ).toMatchObject({
      ok: false,
      code: 'Unauthorized',
    });
    await certify('s-2', 'phlebotomy', '2026-02-15', '2026-04-30');
    await certify('s-1', 'ecg', '2026-02-10');
    await certify('s-3', 'billing', '2026-02-10');
    await certify('s-1', 'billing', '2026-03-05');
    for (const skill of ['phlebotomy', 'ecg', 'billing'])
      expect(await r.requireSkill({ policyId: 'practice', skill, requiredOn: '2026-02-01' })).toMatchObject({
        ok: true,
      });
    expect(
      await r.requireSkill({ policyId: 'practice', skill: 'ecg', requiredOn: '2026-02-02' }),
    ).toMatchObject({
      ok: false,
      code: 'SkillAlreadyRequired',
    });
    const kpi = async (period: string) =>
      (await p.kpis(period)).lines.find((l) => l.id === 'crossTrainingCoverage')?.value;
    // End of February: phlebotomy has s-1 and s-2; ECG and billing one person each → 1 of 3.
    expect(await kpi('2026-02')).toBeCloseTo(100 / 3, 10);
    // End of March: billing gained s-1 → 2 of 3; ECG is the one-person skill.
    expect(await kpi('2026-03')).toBeCloseTo(200 / 3, 10);
    expect((await crossTrainingOn(p.readModels, '2026-03-31')).filter((s) => !s.covered)).toEqual([
      { skill: 'ecg', certified: ['s-1'], covered: false },
    ]);
    // End of May: s-2's phlebotomy expired 30 April; s-3 separated → billing back to one.
    await p.staff.separateStaffMember({
      staffId: 's-3',
      separatedOn: '2026-05-15',
      voluntary: true,
      reason: 'moved away',
    });
    await r.revokeSkill({
      staffId: 's-1',
      skill: 'ecg',
      revokedOn: '2026-05-20',
      reason: 'reassessment failed',
    });
    expect(await kpi('2026-05')).toBe(0);
    expect((await crossTrainingOn(p.readModels, '2026-05-31')).map((s) => [s.skill, s.certified])).toEqual([
      ['billing', ['s-1']],
      ['ecg', []],
      ['phlebotomy', ['s-1']],
    ]);
    await p.close();
  });
});

describe('weekly shift rosters (R10)', () => {
  it('given a night shift at the end of one week, a shift of the next week overlapping it is refused, and a roster must start on a Monday', async () => {
    const p = await open();
    const r = p.resources;
    await hire(p, 's-1', 'medical_assistant', '2026-02-01');
    await r.setStaffingRules({ policyId: 'practice', maxWeeklyHours: 40, setOn: '2026-02-01' });
    const shift = (shiftId: string, startAt: string, endAt: string) => ({
      shiftId,
      staffId: 's-1',
      role: 'medical_assistant',
      locationId: 'main',
      startAt,
      endAt,
    });
    // Sunday 22:00 to Monday 06:00, published in the week of Monday 16 February.
    expect(
      await r.publishShifts({
        weekStart: '2026-02-16',
        shifts: [shift('night', '2026-02-22T22:00:00-06:00', '2026-02-23T06:00:00-06:00')],
      }),
    ).toMatchObject({ ok: true });
    expect(
      await r.publishShifts({
        weekStart: '2026-02-23',
        shifts: [shift('early', '2026-02-23T05:00:00-06:00', '2026-02-23T09:00:00-06:00')],
      }),
    ).toMatchObject({ ok: false, code: 'ShiftOverlap', field: 'shifts.0.startAt' });
    // A roster starting on a Wednesday would count hours across two calendar weeks.
    expect(
      await r.publishShifts({
        weekStart: '2026-02-25',
        shifts: [shift('mid', '2026-02-25T08:00:00-06:00', '2026-02-25T16:00:00-06:00')],
      }),
    ).toMatchObject({ ok: false, code: 'NotWeekStart', field: 'weekStart' });
    await p.close();
  });

  it('given staff and a weekly limit, shifts are refused for inactive staff, roles not held, overlaps and excess hours', async () => {
    const p = await open();
    const r = p.resources;
    await hire(p, 's-1', 'medical_assistant', '2026-02-01');
    await hire(p, 's-2', 'front_desk', '2026-03-01');
    await r.setStaffingRules({ policyId: 'practice', maxWeeklyHours: 20, setOn: '2026-02-01' });
    const shift = (shiftId: string, staffId: string, role: string, day: string, from = '08', to = '16') => ({
      shiftId,
      staffId,
      role,
      locationId: 'main',
      startAt: `${day}T${from}:00:00-06:00`,
      endAt: `${day}T${to}:00:00-06:00`,
    });
    const publish = (...shifts: ReturnType<typeof shift>[]) =>
      r.publishShifts({ weekStart: '2026-02-16', shifts });
    expect(await publish(shift('a', 's-1', 'medical_assistant', '2026-02-23'))).toMatchObject({
      ok: false,
      code: 'OutsideWeek',
    });
    expect(await publish(shift('a', 's-2', 'front_desk', '2026-02-16'))).toMatchObject({
      ok: false,
      code: 'StaffNotActive', // starts 1 March
      field: 'shifts.0.staffId',
    });
    expect(await publish(shift('a', 's-1', 'front_desk', '2026-02-16'))).toMatchObject({
      ok: false,
      code: 'RoleNotHeld',
    });
    expect(
      await publish(
        shift('a', 's-1', 'medical_assistant', '2026-02-16'),
        shift('b', 's-1', 'medical_assistant', '2026-02-16', '15', '18'),
      ),
    ).toMatchObject({ ok: false, code: 'ShiftOverlap', field: 'shifts.1.startAt' });
    expect(
      await publish(
        shift('a', 's-1', 'medical_assistant', '2026-02-16'),
        shift('b', 's-1', 'medical_assistant', '2026-02-17'),
        shift('c', 's-1', 'medical_assistant', '2026-02-18', '08', '13'),
      ),
    ).toMatchObject({ ok: false, code: 'HoursExceeded', field: 'shifts.2.staffId' }); // 8 + 8 + 5 > 20
    expect(
      await publish(
        shift('a', 's-1', 'medical_assistant', '2026-02-16'),
        shift('b', 's-1', 'medical_assistant', '2026-02-17'),
      ),
    ).toMatchObject({ ok: true, decided: ['ShiftsPublished'] });
    // Later publications of the week count the hours already rostered.
    expect(await publish(shift('c', 's-1', 'medical_assistant', '2026-02-18', '08', '13'))).toMatchObject({
      ok: false,
      code: 'HoursExceeded',
    });
    // A certification in a skill lets a person work that role.
    await r.certifySkill({
      staffId: 's-1',
      skill: 'front_desk',
      level: 'competent',
      certifiedOn: '2026-02-10',
    });
    expect(await publish(shift('c', 's-1', 'front_desk', '2026-02-19', '08', '12'))).toMatchObject({
      ok: true,
    });
    expect(
      await r.cancelShift({ weekStart: '2026-02-16', shiftId: 'c', reason: 'clinic closed' }),
    ).toMatchObject({
      ok: true,
    });
    expect(await r.cancelShift({ weekStart: '2026-02-16', shiftId: 'c', reason: 'again' })).toMatchObject({
      ok: false,
      code: 'ShiftNotFound',
    });
    await p.close();
  });
});
