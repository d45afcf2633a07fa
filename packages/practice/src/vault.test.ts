import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PraxisError, collect, forgottenPlaceholder } from '@praxis/core';
import { Roster } from '@praxis/staff';
import { createPractice } from './create.js';

const open = () =>
  createPractice({ store: 'memory:', timeZone: 'America/New_York', currency: 'USD', name: 'Vault practice' });
const hr = { id: 'S-2', role: 'hr' };
const manager = { id: 'S-1', role: 'practice_manager' };

describe('the personal-data vault through the facade', () => {
  it('seals personal fields in the log, reveals them to callers, and forgets a person on request', async () => {
    const practice = await open();
    try {
      const r = await practice.staff.receiveApplication(
        { staffId: 'S-9', name: 'Ana Silva', position: 'Nurse', appliedOn: '2026-03-02' },
        { actor: hr },
      );
      expect(r.ok && (r.state as { name: string }).name).toBe('Ana Silva');
      expect(r.ok && r.events[0]?.data).toMatchObject({ name: 'Ana Silva' });
      const stored = JSON.stringify(await collect(practice.store.readAll()), (_, v: unknown) =>
        typeof v === 'bigint' ? v.toString() : v,
      );
      expect(stored).not.toContain('Ana Silva');
      const loaded = await practice.load<{ name: string }>('StaffMember', 'S-9');
      expect(loaded.found && loaded.state.name).toBe('Ana Silva');
      expect((await Roster.getRosterEntry(practice.readModels, 'S-9'))?.name).toBe('Ana Silva');
      const headcount = await Roster.headcountOn(practice.readModels, '2026-03-02');

      const denied = await practice.forgetSubject('staff:S-9', { actor: hr });
      expect(denied).toMatchObject({ ok: false, code: 'Unauthorized' });
      const done = await practice.forgetSubject('staff:S-9', { actor: manager });
      expect(done).toMatchObject({ ok: true, subjectId: 'staff:S-9', alreadyForgotten: false });

      expect((await Roster.getRosterEntry(practice.readModels, 'S-9'))?.name).toBe(forgottenPlaceholder);
      const forgotten = await practice.load<{ name: string }>('StaffMember', 'S-9');
      expect(forgotten.found && forgotten.state.name).toBe(forgottenPlaceholder);
      expect(await Roster.headcountOn(practice.readModels, '2026-03-02')).toBe(headcount);
      expect((await practice.audit.verify()).ok).toBe(true);
      // Nothing new about a forgotten person is recorded.
      const late = await practice.staff.closeApplication(
        { staffId: 'S-9', closedOn: '2026-03-20', reason: 'withdrew' },
        { actor: hr },
      );
      expect(late).toMatchObject({ ok: false, code: 'SubjectForgotten' });
      // The refusal and the erasure are both in the trail, as codes and ids. An empty query
      // comes in business-time order, and the late close is dated by its closedOn (20 March):
      // in log order the denied erasure comes first.
      const trail = await practice.audit.query({});
      const refusals = trail.entries
        .filter((e) => e.refusal !== undefined)
        .sort((a, b) => Number(BigInt(a.position) - BigInt(b.position)))
        .map((e) => e.refusal!.code);
      expect(refusals).toEqual(['Unauthorized', 'SubjectForgotten']);
      expect(trail.entries.filter((e) => e.type === 'SubjectForgotten')).toHaveLength(1);
    } finally {
      await practice.close();
    }
  });

  it('offers no way around forgetSubject: the facade’s vault has neither forget nor its key store', async () => {
    const practice = await open();
    try {
      await practice.staff.receiveApplication(
        { staffId: 'S-9', name: 'Ana Silva', position: 'Nurse', appliedOn: '2026-03-02' },
        { actor: hr },
      );
      for (const session of [practice, practice.as({ id: 'A-1', role: 'auditor' })]) {
        expect('forget' in session.vault).toBe(false);
        expect('keys' in session.vault).toBe(false);
        expect(Object.keys(session.vault).sort()).toEqual([
          'open',
          'reveal',
          'seal',
          'sealEvent',
          'sealer',
          'status',
        ]);
      }
      expect(await practice.vault.status('staff:S-9')).toBe('active');
      // The only way: a permitted actor, recorded.
      const denied = await practice.as({ id: 'A-1', role: 'auditor' }).forgetSubject('staff:S-9');
      expect(denied).toMatchObject({ ok: false, code: 'Unauthorized' });
      expect(await practice.vault.status('staff:S-9')).toBe('active');
    } finally {
      await practice.close();
    }
  });

  it('answers any subject id with an outcome: never an untyped error', async () => {
    const practice = await open();
    try {
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.string(), fc.anything()), async (subjectId) => {
          try {
            const r = await practice.forgetSubject(subjectId as string, { actor: manager });
            expect(r.ok).toBe(false);
            if (!r.ok) expect(['InvalidSubjectId', 'UnknownSubject']).toContain(r.code);
          } catch (e) {
            expect(PraxisError.isPraxisError(e)).toBe(true);
          }
        }),
        { numRuns: 60 },
      );
    } finally {
      await practice.close();
    }
  });

  it('erases free text that may describe people per record: a breach, a compliance audit, a policy enforcement audit', async () => {
    const practice = await open();
    const co = practice.as({ id: 'S-3', role: 'compliance_officer' });
    try {
      const texts = {
        breach: 'laptop with Jane Roe’s chart stolen from car',
        finding: 'MA Tom Lee shared his password',
        action: 'retrain Tom Lee on password policy',
        policyFinding: 'Dr. Ames skipped hand hygiene in room 3',
      };
      const results = [
        await co.compliance.discoverBreach({
          breachId: 'b1',
          description: texts.breach,
          discoveredOn: '2026-01-02',
          affected: 1,
          states: [],
        }),
        await co.compliance.scheduleAudit({
          auditId: 'a1',
          programmeId: 'hipaa',
          title: 'Q1',
          auditorId: 'ext',
          scheduledFor: '2026-01-10',
        }),
        await co.compliance.performAudit({ auditId: 'a1', performedOn: '2026-01-10' }),
        await co.compliance.recordFinding({
          auditId: 'a1',
          findingId: 'f1',
          description: texts.finding,
          severity: 'high',
          recordedOn: '2026-01-10',
        }),
        await co.policies.draftPolicy({
          policyId: 'hh',
          title: 'Hand hygiene',
          reviewEveryMonths: 12,
          draftedOn: '2026-01-02',
        }),
        await practice.as(manager).policies.approvePolicy({ policyId: 'hh', approvedOn: '2026-01-03' }),
        await co.policies.publishPolicy({
          policyId: 'hh',
          publishedOn: '2026-01-04',
          effectiveOn: '2026-01-04',
        }),
        await co.policies.auditPolicyEnforcement({
          policyId: 'hh',
          auditId: 'pa1',
          auditorId: 'S-3',
          auditedOn: '2026-01-12',
          findings: [{ findingId: 'pf1', description: texts.policyFinding }],
        }),
      ];
      for (const r of results) expect(r.ok, r.summary).toBe(true);
      const stored = JSON.stringify(await collect(practice.store.readAll()), (_, v: unknown) =>
        typeof v === 'bigint' ? v.toString() : v,
      );
      for (const text of Object.values(texts)) expect(stored).not.toContain(text);
      // What a reader of the practice sees: the records' states and the read models, revealed.
      const seen = async () => {
        const out: unknown[] = [];
        for (const [aggregate, id] of [
          ['Breach', 'b1'],
          ['Audit', 'a1'],
          ['Policy', 'hh'],
        ] as const)
          out.push(await practice.load(aggregate, id));
        for (const projection of ['compliance-findings', 'compliance-obligations', 'policy-obligations'])
          for await (const doc of practice.readModels.list(projection, '')) out.push(doc);
        return JSON.stringify(out, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
      };
      const before = await seen();
      expect(before).toContain(texts.finding);
      const discovered = results[0]!;
      expect(discovered.ok && discovered.events[0]?.data).toMatchObject({ description: texts.breach });
      for (const subject of ['breach:b1', 'audit:a1', 'policy:hh'])
        expect(await practice.forgetSubject(subject, { actor: manager })).toMatchObject({ ok: true });
      const after = await seen();
      for (const text of Object.values(texts)) expect(after).not.toContain(text);
      expect(after).toContain(forgottenPlaceholder);
      // The records themselves remain: the breach still counts, with its deadlines.
      expect(await practice.load<{ affected: number }>('Breach', 'b1')).toMatchObject({
        found: true,
        state: { affected: 1 },
      });
      expect((await practice.audit.verify()).ok).toBe(true);
    } finally {
      await practice.close();
    }
  });
});
