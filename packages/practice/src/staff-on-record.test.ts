import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collect } from '@praxis/core';
import { createPractice } from './create.js';
import { hireForTest } from './test-staff.js';

const open = () =>
  createPractice({ store: 'memory:', timeZone: 'America/New_York', currency: 'USD', name: 'On record' });
const hr = { id: 'hana', role: 'hr' };
const co = { id: 'cora', role: 'compliance_officer' };
const pm = { id: 'maria', role: 'practice_manager' };

/** A published hand-hygiene policy assigned to role `staff`. */
const publishedPolicy = async (practice: Awaited<ReturnType<typeof open>>) => {
  const policyId = 'hand-hygiene';
  for (const r of [
    await practice.as(co).policies.draftPolicy({
      policyId,
      title: 'Hand hygiene',
      reviewEveryMonths: 12,
      draftedOn: '2026-02-02',
    }),
    await practice.as(pm).policies.approvePolicy({ policyId, approvedOn: '2026-02-03' }),
    await practice
      .as(co)
      .policies.publishPolicy({ policyId, publishedOn: '2026-02-04', effectiveOn: '2026-02-04' }),
    await practice.as(co).policies.assignPolicy({ policyId, roles: ['staff'], assignedOn: '2026-02-04' }),
  ])
    expect(r.ok, r.summary).toBe(true);
  return policyId;
};

describe('commands that name a staff member need that person on the staff record', () => {
  it('refuses acting for someone who does not exist or has left, with a code naming the field', async () => {
    const practice = await open();
    try {
      await hireForTest(practice, 'ann', { hiredOn: '2026-01-15' });
      await hireForTest(practice, 'bob', { hiredOn: '2026-01-15' });
      await hireForTest(practice, 'cora', { role: 'compliance_officer', hiredOn: '2026-01-15' });
      const policyId = await publishedPolicy(practice);
      const ack = (staffId: string, acknowledgedOn = '2026-02-05') =>
        practice.as(hr).policies.acknowledgePolicy({ policyId, version: 1, staffId, acknowledgedOn });

      // HR may record acknowledgments for anyone — but only for people on the staff record.
      expect(await ack('ghost')).toMatchObject({ ok: false, code: 'UnknownStaffMember', field: 'staffId' });
      expect((await ack('ann')).ok).toBe(true);
      // An applicant who was never hired is not on the staff record either.
      expect(
        (
          await practice.as(hr).staff.receiveApplication({
            staffId: 'cand',
            name: 'Candidate',
            position: 'MA',
            appliedOn: '2026-02-01',
          })
        ).ok,
      ).toBe(true);
      expect(await ack('cand')).toMatchObject({ ok: false, code: 'UnknownStaffMember', field: 'staffId' });

      // Training: every attendee, by position in the list.
      const session = await practice.as(co).policies.holdPolicyTraining({
        policyId,
        sessionId: 's1',
        trainerId: 'outside-trainer',
        attendeeIds: ['ann', 'ghost'],
        heldOn: '2026-02-06',
        hours: 1,
      });
      expect(session).toMatchObject({ ok: false, code: 'UnknownStaffMember', field: 'attendeeIds.1' });
      // The staff record's own training commands already refuse a person not on staff.
      const training = await practice.as(co).staff.completeTraining({
        staffId: 'ghost',
        trainingId: 'hipaa',
        completedOn: '2026-02-06',
        hours: 1,
      });
      expect(training).toMatchObject({ ok: false, code: 'NotOnStaff' });

      // Conflicts, corrective actions and programme owners name staff too.
      const conflict = await practice.as(hr).staff.openConflict({
        conflictId: 'k1',
        parties: ['ann', 'nobody'],
        description: 'rota',
        openedOn: '2026-02-06',
      });
      expect(conflict).toMatchObject({ ok: false, code: 'UnknownStaffMember', field: 'parties.1' });
      const programme = await practice.as(co).compliance.establishProgramme({
        programmeId: 'hipaa',
        regulation: 'HIPAA',
        name: 'HIPAA',
        ownerId: 'ghost',
        establishedOn: '2026-02-06',
      });
      expect(programme).toMatchObject({ ok: false, code: 'UnknownStaffMember', field: 'ownerId' });
      await practice.as(co).compliance.scheduleAudit({
        auditId: 'a1',
        programmeId: 'hipaa',
        title: 'Q1',
        auditorId: 'external-auditor', // auditors may come from outside the practice
        scheduledFor: '2026-02-10',
      });
      await practice.as(co).compliance.performAudit({ auditId: 'a1', performedOn: '2026-02-10' });
      await practice.as(co).compliance.recordFinding({
        auditId: 'a1',
        findingId: 'f1',
        description: 'unlocked cabinet',
        severity: 'high',
        recordedOn: '2026-02-10',
      });
      const action = (ownerId: string) =>
        practice.as(co).compliance.assignCorrectiveAction({
          auditId: 'a1',
          findingId: 'f1',
          actionId: 'ca1',
          description: 'fit a lock',
          ownerId,
          assignedOn: '2026-02-10',
          dueOn: '2026-02-20',
        });
      expect(await action('ghost')).toMatchObject({
        ok: false,
        code: 'UnknownStaffMember',
        field: 'ownerId',
      });
      expect((await action('cora')).ok).toBe(true);

      // A person who separated: refused from the separation on, accepted for the time before.
      expect(
        (
          await practice
            .as(hr)
            .staff.separateStaffMember({ staffId: 'bob', separatedOn: '2026-03-01', voluntary: true })
        ).ok,
      ).toBe(true);
      expect(await ack('bob', '2026-03-02')).toMatchObject({
        ok: false,
        code: 'StaffMemberSeparated',
        field: 'staffId',
      });
      expect((await ack('bob', '2026-02-20')).ok).toBe(true);
      // Nobody counts as compliant who is not on the staff record.
      const who = (await collect(practice.store.readStream(`Policy-${policyId}`)))
        .filter((e) => e.type === 'PolicyAcknowledged')
        .map((e) => (e.data as { staffId: string }).staffId);
      expect(who.sort()).toEqual(['ann', 'bob']);
    } finally {
      await practice.close();
    }
  });

  it('never accepts an acknowledgment for an id that is not on the staff record (any id)', async () => {
    const practice = await open();
    try {
      await hireForTest(practice, 'ann', { hiredOn: '2026-01-15' });
      const policyId = await publishedPolicy(practice);
      await fc.assert(
        fc.asyncProperty(
          fc.string({ maxLength: 40 }).filter((s) => s !== 'ann'),
          async (staffId) => {
            const r = await practice.as(hr).policies.acknowledgePolicy({
              policyId,
              version: 1,
              staffId,
              acknowledgedOn: '2026-02-05',
            });
            expect(r.ok).toBe(false);
            if (!r.ok) {
              expect(['UnknownStaffMember', 'Required', 'InvalidField', 'InvalidValue', 'TooLong']).toContain(
                r.code,
              );
              expect(r.field).toBe('staffId');
            }
          },
        ),
        { numRuns: 60 },
      );
    } finally {
      await practice.close();
    }
  });
});

describe('AcknowledgePolicy: the role acknowledged under comes from the staff record', () => {
  it('refuses a role sent by the caller and uses the role held on the date', async () => {
    const practice = await open();
    try {
      await hireForTest(practice, 'ann', { hiredOn: '2026-01-15' });
      await hireForTest(practice, 'doc', { role: 'physician', hiredOn: '2026-01-15' });
      const policyId = 'physician-only';
      for (const r of [
        await practice.as(co).policies.draftPolicy({
          policyId,
          title: 'Orders',
          reviewEveryMonths: 12,
          draftedOn: '2026-02-02',
        }),
        await practice.as(pm).policies.approvePolicy({ policyId, approvedOn: '2026-02-03' }),
        await practice
          .as(co)
          .policies.publishPolicy({ policyId, publishedOn: '2026-02-04', effectiveOn: '2026-02-04' }),
        await practice
          .as(co)
          .policies.assignPolicy({ policyId, roles: ['physician'], assignedOn: '2026-02-04' }),
      ])
        expect(r.ok, r.summary).toBe(true);
      const ann = practice.as({ id: 'ann', role: 'staff' }).policies;
      const claimed = {
        policyId,
        version: 1,
        staffId: 'ann',
        role: 'physician',
        acknowledgedOn: '2026-02-05',
      };
      expect(await ann.acknowledgePolicy(claimed)).toMatchObject({
        ok: false,
        code: 'UnknownField',
        field: 'role',
      });
      // On the record ann is `staff`: the physician-only policy is not hers to acknowledge.
      expect(
        await ann.acknowledgePolicy({ policyId, version: 1, staffId: 'ann', acknowledgedOn: '2026-02-05' }),
      ).toMatchObject({ ok: false, code: 'PolicyNotAssignedToRole', field: 'role' });
      const doc = await practice
        .as({ id: 'doc', role: 'physician' })
        .policies.acknowledgePolicy({ policyId, version: 1, staffId: 'doc', acknowledgedOn: '2026-02-05' });
      expect(doc.ok && doc.events.map((e) => e.data)).toMatchObject([{ staffId: 'doc', role: 'physician' }]);
      // A role change counts from its effective date, not from when it was recorded.
      const change = await practice.as(hr).staff.changeStaffRole({
        staffId: 'ann',
        role: 'physician',
        effectiveOn: '2026-02-10',
        reason: 'MD',
      });
      expect(change.ok, change.summary).toBe(true);
      expect(
        await ann.acknowledgePolicy({ policyId, version: 1, staffId: 'ann', acknowledgedOn: '2026-02-09' }),
      ).toMatchObject({ ok: false, code: 'PolicyNotAssignedToRole' });
      const later = await ann.acknowledgePolicy({
        policyId,
        version: 1,
        staffId: 'ann',
        acknowledgedOn: '2026-02-10',
      });
      expect(later.ok && later.events.map((e) => e.data)).toMatchObject([
        { staffId: 'ann', role: 'physician' },
      ]);
    } finally {
      await practice.close();
    }
  });
});
