import { describe, expect, it } from 'vitest';
import { createPractice } from '@praxis/practice';
import { Roster } from '@praxis/staff';
import { documentationComplianceByProvider, getPolicyStatus, policiesGoverning } from './index.js';

const hr = { id: 'hana', role: 'hr' };
const co = { id: 'cora', role: 'compliance_officer' };
const pm = { id: 'maria', role: 'practice_manager' };
const open = () =>
  createPractice({ store: 'memory:', timeZone: 'America/New_York', currency: 'USD', actor: co });
type Practice = Awaited<ReturnType<typeof open>>;

const ok = async (r: Promise<{ ok: boolean; summary: string }>) => {
  const x = await r;
  expect(x.ok, x.summary).toBe(true);
};

/** Takes `staffId` from application to hire (start 2026-01-15) through the facade, as HR. */
const hire = async (p: Practice, staffId: string, role = 'staff') => {
  const s = p.as(hr).staff;
  await ok(
    s.receiveApplication({ staffId, name: `Person ${staffId}`, position: 'MA', appliedOn: '2026-01-02' }),
  );
  await ok(
    s.recordInterview({
      staffId,
      interviewedOn: '2026-01-05',
      panel: ['hana'],
      scores: [{ interviewer: 'hana', score: 4 }],
    }),
  );
  await ok(s.recordExclusionScreening({ staffId, screenedOn: '2026-01-06', result: 'clear' }));
  await ok(s.completeCredentialing({ staffId, completedOn: '2026-01-07' }));
  await ok(s.makeOffer({ staffId, offeredOn: '2026-01-08', role, startDate: '2026-01-15' }));
  await ok(s.hireStaffMember({ staffId, hiredOn: '2026-01-09' }));
};

/** The HIPAA privacy policy, published and assigned to role `staff`. */
const publish = async (p: Practice, policyId = 'hipaa-privacy') => {
  await ok(
    p.policies.draftPolicy({
      policyId,
      title: 'HIPAA privacy',
      reviewEveryMonths: 12,
      draftedOn: '2026-01-20',
    }),
  );
  await ok(p.as(pm).policies.approvePolicy({ policyId, approvedOn: '2026-01-21' }));
  await ok(p.policies.publishPolicy({ policyId, publishedOn: '2026-01-22', effectiveOn: '2026-02-01' }));
  await ok(p.policies.assignPolicy({ policyId, roles: ['staff'], assignedOn: '2026-01-22' }));
};

describe('policy training sessions count towards each attendee and show in the policy status', () => {
  it('completes the attendees’ training on the policy, records the session on each staff record, and lists it in the status', async () => {
    const p = await open();
    await hire(p, 'ana');
    await hire(p, 'bo');
    await publish(p);
    // Ana must complete the annual HIPAA privacy training by 2026-02-28; it is on the policy.
    await ok(
      p.as(hr).staff.assignTraining({
        staffId: 'ana',
        trainingId: 'hipaa-privacy-annual',
        course: 'HIPAA privacy policy',
        assignedOn: '2026-02-01',
        dueOn: '2026-02-28',
        required: true,
        recurrenceMonths: 12,
        policyId: 'hipaa-privacy',
      }),
    );
    const kpi = async (period: string) =>
      (await p.kpis(period)).lines.find((l) => l.id === 'trainingCompliance')?.value;
    // Before the session, she is behind at the end of March.
    expect(await kpi('2026-03')).toBe(0);

    const held = await p.policies.holdPolicyTraining({
      policyId: 'hipaa-privacy',
      sessionId: 's1',
      trainerId: 'outside-trainer',
      attendeeIds: ['ana', 'bo'],
      heldOn: '2026-02-10',
      hours: 1.5,
    });
    expect(held.ok, held.summary).toBe(true);

    // The session counts as her training: completed, due again a year later; compliance 100 %.
    const ana = await Roster.getRosterEntry(p.readModels, 'ana');
    expect(ana?.trainings['hipaa-privacy-annual']?.completions).toEqual([
      { completedOn: '2026-02-10', hours: 1.5, nextDueOn: '2027-02-10' },
    ]);
    expect(await kpi('2026-03')).toBe(100);
    expect(
      (await p.calendar('2026-03-01')).find((o) => o.id === 'training:ana:hipaa-privacy-annual'),
    ).toMatchObject({
      dueAt: '2027-02-10',
    });
    // Bo had no assignment on the policy: the session is still on his record.
    const bo = await Roster.getRosterEntry(p.readModels, 'bo');
    expect(bo?.policyTrainings).toEqual([
      { policyId: 'hipaa-privacy', version: 1, sessionId: 's1', attendedOn: '2026-02-10', hours: 1.5 },
    ]);
    // Recorded by the process manager, caused by the session.
    const [sessionEvent] = (await p.audit.query({ type: 'PolicyTrainingSessionHeld' })).entries;
    const [attended] = (await p.audit.query({ entity: 'StaffMember-bo', type: 'PolicyTrainingAttended' }))
      .entries;
    expect(attended).toMatchObject({
      actorId: 'process:policy-training-counts',
      causationId: sessionEvent?.eventId,
    });

    expect(await getPolicyStatus(p.readModels, 'hipaa-privacy')).toMatchObject({
      title: 'HIPAA privacy',
      status: 'active',
      currentVersion: 1,
      roles: ['staff'],
      sessions: [
        { sessionId: 's1', version: 1, heldOn: '2026-02-10', attendeeIds: ['ana', 'bo'], hours: 1.5 },
      ],
      trainedOnCurrentVersion: ['ana', 'bo'],
      trainingHoursOnCurrentVersion: 1.5,
    });

    // A session without its length, or of no length, is refused with a typed code.
    expect(
      await p.policies.holdPolicyTraining({
        policyId: 'hipaa-privacy',
        sessionId: 's2',
        trainerId: 'cora',
        attendeeIds: ['ana'],
        heldOn: '2026-02-11',
        hours: 0,
      }),
    ).toMatchObject({ ok: false, code: 'HoursOutOfRange', field: 'hours' });
    await p.close();
  });
});

describe('a policy names the process it governs', () => {
  it('shows the governed process in the status and finds the policies governing a process', async () => {
    const p = await open();
    await publish(p, 'complaints');
    expect(
      await p.policies.governProcess({ policyId: 'complaints', process: 'Complain', since: '2026-02-01' }),
    ).toMatchObject({
      ok: false,
      code: 'UnknownProcess',
      field: 'process',
    });
    await ok(p.policies.governProcess({ policyId: 'complaints', process: 'Complaint', since: '2026-02-01' }));
    expect(
      await p.policies.governProcess({ policyId: 'complaints', process: 'Complaint', since: '2026-02-02' }),
    ).toMatchObject({
      ok: false,
      code: 'ProcessAlreadyGoverned',
    });
    expect((await getPolicyStatus(p.readModels, 'complaints'))?.governs).toEqual([
      { process: 'Complaint', since: '2026-02-01' },
    ]);
    expect((await policiesGoverning(p.readModels, 'Complaint')).map((x) => x.policyId)).toEqual([
      'complaints',
    ]);
    await ok(p.policies.retirePolicy({ policyId: 'complaints', reason: 'merged', retiredOn: '2026-05-01' }));
    expect(await policiesGoverning(p.readModels, 'Complaint')).toEqual([]);
    await p.close();
  });
});

describe('chart audits give a documentation-compliance rate per provider', () => {
  it('computes the KPI from sample sizes, criteria and passes, with a breakdown per provider', async () => {
    const p = await open();
    await hire(p, 'dr-a', 'physician');
    await hire(p, 'dr-b', 'physician');
    await publish(p, 'documentation');
    const criteria = [
      { criterionId: 'signed-24h', description: 'Note signed within 24 hours' },
      { criterionId: 'plan', description: 'Assessment and plan documented' },
    ];
    const audit = (auditId: string, auditedOn: string, providers: unknown) =>
      p.policies.auditChartDocumentation({
        policyId: 'documentation',
        auditId,
        auditedOn,
        criteria,
        providers,
      } as never);
    const march = [
      {
        providerId: 'dr-a',
        sampleSize: 10,
        passes: [
          { criterionId: 'signed-24h', passes: 9 },
          { criterionId: 'plan', passes: 8 },
        ],
      },
      {
        providerId: 'dr-b',
        sampleSize: 5,
        passes: [
          { criterionId: 'signed-24h', passes: 5 },
          { criterionId: 'plan', passes: 3 },
        ],
      },
    ];
    expect(
      await audit('a0', '2026-03-10', [
        {
          ...march[0],
          passes: [
            { criterionId: 'signed-24h', passes: 11 },
            { criterionId: 'plan', passes: 8 },
          ],
        },
      ]),
    ).toMatchObject({
      ok: false,
      code: 'PassesOutOfRange',
      field: 'providers.0.passes.0.passes',
    });
    expect(
      await audit('a0', '2026-03-10', [{ ...march[0], passes: [{ criterionId: 'plan', passes: 8 }] }]),
    ).toMatchObject({
      ok: false,
      code: 'CriterionMissing',
    });
    expect(await audit('a0', '2026-03-10', [{ ...march[0], providerId: 'ghost' }])).toMatchObject({
      ok: false,
      code: 'UnknownStaffMember',
      field: 'providers.0.providerId',
    });
    await ok(audit('a1', '2026-03-10', march));
    // dr-a: 17 of 20 checks, dr-b: 8 of 10 → 25 of 30 = 83.3 %.
    const kpi = async (period: string) =>
      (await p.kpis(period)).lines.find((l) => l.id === 'documentationCompliance')?.value;
    expect(await kpi('2026-03')).toBeCloseTo(83.333, 2);
    expect(
      await documentationComplianceByProvider(p.readModels, {
        firstDay: '2026-03-01',
        lastDay: '2026-03-31',
      }),
    ).toEqual([
      { providerId: 'dr-a', checks: 20, passes: 17, percent: 85 },
      { providerId: 'dr-b', checks: 10, passes: 8, percent: 80 },
    ]);
    expect((await getPolicyStatus(p.readModels, 'documentation'))?.documentation).toEqual({
      audits: 1,
      checks: 30,
      passes: 25,
    });
    await ok(
      audit('a2', '2026-04-10', [
        {
          providerId: 'dr-a',
          sampleSize: 10,
          passes: [
            { criterionId: 'signed-24h', passes: 10 },
            { criterionId: 'plan', passes: 10 },
          ],
        },
      ]),
    );
    expect(await kpi('2026-04')).toBe(100);
    const why = await p.explain('documentationCompliance', '2026-03', '2026-04');
    expect(why).toMatchObject({ explained: true });
    expect(JSON.stringify(why)).toContain('dr-b');
    await p.close();
  });
});
