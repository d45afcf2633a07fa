import { describe, expect, it } from 'vitest';
import { collect } from '@praxis/core';
import { createPractice } from '@praxis/practice';

const manager = { id: 'maria', role: 'practice_manager' };
type P = Awaited<ReturnType<typeof open>>;
const open = () =>
  createPractice({ store: 'memory:', timeZone: 'America/Chicago', currency: 'USD', actor: manager });

const hire = async (p: P, staffId: string, role: string) => {
  await p.staff.receiveApplication({
    staffId,
    name: `Person ${staffId}`,
    position: role,
    appliedOn: '2026-01-05',
  });
  await p.staff.recordInterview({
    staffId,
    interviewedOn: '2026-01-08',
    panel: ['maria', 'hr'],
    scores: [
      { interviewer: 'maria', score: 4 },
      { interviewer: 'hr', score: 4 },
    ],
  });
  await p.staff.recordExclusionScreening({ staffId, screenedOn: '2026-01-09', result: 'clear' });
  await p.staff.completeCredentialing({ staffId, completedOn: '2026-01-10' });
  await p.staff.makeOffer({ staffId, offeredOn: '2026-01-12', role, startDate: '2026-02-01' });
  expect(await p.staff.hireStaffMember({ staffId, hiredOn: '2026-01-15' })).toMatchObject({ ok: true });
};

describe('technology projects: an EHR transition (R9)', () => {
  it('go-live is refused naming every unmet gate, and allowed once all are met; the legacy archive keeps a retention duty', async () => {
    const p = await open();
    const r = p.resources;
    await hire(p, 's-1', 'medical_assistant');
    await hire(p, 's-2', 'medical_assistant');
    await hire(p, 's-3', 'front_desk');
    await r.registerSystem({
      systemId: 'old-ehr',
      name: 'Old EHR',
      vendorId: 'legacy-co',
      category: 'ehr',
      ePhi: true,
      criticality: 'high',
      registeredOn: '2020-01-01',
    });
    await r.recordBusinessAssociateAgreement({
      systemId: 'old-ehr',
      signedOn: '2020-01-01',
      documentRef: 'baa-2020.pdf',
      returnOrDestroyClause: false,
    });
    expect(
      await r.openProject({
        projectId: 'ehr-2026',
        kind: 'ehr-transition',
        fromSystemId: 'old-ehr',
        toSystemId: 'new-ehr',
        sponsorId: 's-1',
        budget: { budgetId: 'fy26', category: 'it', amountCents: 4_500_000 },
        openedOn: '2026-03-01',
      }),
    ).toMatchObject({ ok: true });
    await r.defineMilestone({
      projectId: 'ehr-2026',
      milestoneId: 'build',
      title: 'Build and configure',
      dueOn: '2026-05-01',
      gate: true,
    });
    await r.defineMilestone({
      projectId: 'ehr-2026',
      milestoneId: 'party',
      title: 'Launch lunch',
      dueOn: '2026-06-01',
      gate: false,
    });
    expect(
      await r.recordMigrationReconciliation({
        projectId: 'ehr-2026',
        recordType: 'patients',
        reconciledOn: '2026-05-10',
        sourceCount: 5200,
        loadedCount: 5197,
        sampledOk: 50,
        sampledTotal: 50,
      }),
    ).toMatchObject({ ok: true });
    await r.recordMigrationReconciliation({
      projectId: 'ehr-2026',
      recordType: 'allergies',
      reconciledOn: '2026-05-10',
      sourceCount: 900,
      loadedCount: 900,
      sampledOk: 49,
      sampledTotal: 50,
    });
    expect(
      await r.recordMigrationReconciliation({
        projectId: 'ehr-2026',
        recordType: 'balances',
        reconciledOn: '2026-05-10',
        sourceCount: 1,
        loadedCount: 1,
        sampledOk: 2,
        sampledTotal: 1,
      }),
    ).toMatchObject({ ok: false, code: 'InvalidSample' });
    // Required training goes to each medical assistant on staff (process manager → staff module).
    await r.requireTraining({
      projectId: 'ehr-2026',
      course: 'new-ehr-clinical',
      roles: ['medical_assistant'],
      requiredOn: '2026-05-01',
      dueOn: '2026-05-31',
    });
    for (const staffId of ['s-1', 's-2']) {
      const assigned = (await collect(p.store.readStream(`StaffMember-${staffId}`))).filter(
        (e) => e.type === 'TrainingAssigned',
      );
      expect(assigned.map((e) => e.data)).toEqual([
        expect.objectContaining({
          trainingId: 'project-ehr-2026-new-ehr-clinical',
          course: 'new-ehr-clinical',
          required: true,
        }),
      ]);
    }
    expect(
      (await collect(p.store.readStream('StaffMember-s-3'))).some((e) => e.type === 'TrainingAssigned'),
    ).toBe(false);
    await p.staff.completeTraining({
      staffId: 's-1',
      trainingId: 'project-ehr-2026-new-ehr-clinical',
      completedOn: '2026-05-20',
      hours: 4,
    });

    const goLive = () => r.goLive({ projectId: 'ehr-2026', liveOn: '2026-06-01' });
    const refused = await goLive();
    expect(refused).toMatchObject({ ok: false, code: 'GateNotMet', field: 'gates' });
    const message = (refused as { message: string }).message;
    for (const gate of [
      'milestone build',
      'patients: 3 records not reconciled',
      'allergies: the sample check found errors',
      'training new-ehr-clinical: 1 of 2 people',
      'downtime procedure',
      'old system old-ehr has no return-or-destroy clause',
    ])
      expect(message).toContain(gate);
    expect(message).not.toContain('party');

    await r.completeMilestone({
      projectId: 'ehr-2026',
      milestoneId: 'build',
      completedOn: '2026-05-25',
      evidence: 'sign-off',
    });
    await r.waiveVariance({
      projectId: 'ehr-2026',
      recordType: 'patients',
      reason: '3 test patients',
      waivedOn: '2026-05-26',
    });
    await r.recordMigrationReconciliation({
      projectId: 'ehr-2026',
      recordType: 'allergies',
      reconciledOn: '2026-05-27',
      sourceCount: 900,
      loadedCount: 900,
      sampledOk: 50,
      sampledTotal: 50,
    });
    await p.staff.completeTraining({
      staffId: 's-2',
      trainingId: 'project-ehr-2026-new-ehr-clinical',
      completedOn: '2026-05-28',
      hours: 4,
    });
    await r.recordDowntimeProcedureTest({ projectId: 'ehr-2026', testedOn: '2026-05-29', result: 'pass' });
    expect(await goLive()).toMatchObject({
      ok: false,
      code: 'GateNotMet',
      message: expect.stringMatching(/^the BAA/),
    });
    await r.recordBusinessAssociateAgreement({
      systemId: 'old-ehr',
      signedOn: '2026-05-30',
      documentRef: 'baa-amendment.pdf',
      returnOrDestroyClause: true,
    });
    expect(await goLive()).toMatchObject({ ok: true, decided: ['ProjectWentLive'] });
    expect(await goLive()).toMatchObject({ ok: false, code: 'AlreadyLive' });

    expect(
      await r.archiveLegacy({ projectId: 'ehr-2026', archivedOn: '2026-07-01', retainUntil: '2032-06-30' }),
    ).toMatchObject({ ok: false, code: 'RetentionTooShort', field: 'retainUntil' });
    expect(
      await r.archiveLegacy({ projectId: 'ehr-2026', archivedOn: '2026-07-01', retainUntil: '2033-12-31' }),
    ).toMatchObject({ ok: true });
    // On the calendar from 90 days before the end of retention.
    expect((await p.calendar('2033-10-01')).some((o) => o.id === 'legacy-retention:ehr-2026')).toBe(false);
    const duty = (await p.calendar('2033-10-02')).find((o) => o.id === 'legacy-retention:ehr-2026');
    expect(duty).toMatchObject({
      dueAt: '2033-12-31',
      state: 'upcoming',
      legalSource: expect.stringContaining('164.316'),
    });
    await p.close();
  });
});
