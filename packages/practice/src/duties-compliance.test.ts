import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '@praxis/core';
import { createPractice } from './create.js';
import { hireForTest } from './test-staff.js';

const zone = 'America/Chicago';
const open = (today = '2026-01-02T09:00:00') =>
  createPractice({
    store: 'memory:',
    timeZone: zone,
    currency: 'USD',
    clock: fixedClock(today, zone),
    actor: { id: 'cora', role: 'compliance_officer' },
  });
const line = (lines: readonly { id: string; value: number | undefined }[], id: string) =>
  lines.find((l) => l.id === id)?.value;

describe('regulations are open (issue 20, Regulatory compliance)', () => {
  it('runs a DEA programme the practice defines, with its own recurring requirement, in the calendar and the KPIs', async () => {
    const p = await open();
    await hireForTest(p, 'cora', { role: 'compliance_officer', hiredOn: '2025-12-01' });
    await hireForTest(p, 'dana', { role: 'staff', hiredOn: '2025-12-01' });
    // A regulation outside the registry needs its source.
    const unsourced = await p.compliance.establishProgramme({
      programmeId: 'dea',
      regulation: 'DEA',
      name: 'DEA controlled substances',
      ownerId: 'cora',
      establishedOn: '2026-01-02',
    });
    expect(unsourced).toMatchObject({ ok: false, code: 'RegulationSourceRequired', field: 'legalSource' });
    const dea = await p.compliance.establishProgramme({
      programmeId: 'dea',
      regulation: 'DEA',
      name: 'DEA controlled substances',
      ownerId: 'cora',
      establishedOn: '2026-01-02',
      legalSource: '21 CFR Parts 1301–1317',
      jurisdiction: 'US',
    });
    expect(dea.ok).toBe(true);
    // A state rule too, and a known regulation still takes its source from the registry.
    expect(
      (
        await p.compliance.establishProgramme({
          programmeId: 'tx-hb300',
          regulation: 'TX-HB-300',
          name: 'Texas Medical Records Privacy Act training',
          ownerId: 'cora',
          establishedOn: '2026-01-02',
          legalSource: 'Tex. Health & Safety Code 181.101',
          jurisdiction: 'TX',
        })
      ).ok,
    ).toBe(true);
    expect(
      (
        await p.compliance.establishProgramme({
          programmeId: 'hipaa',
          regulation: 'HIPAA',
          name: 'HIPAA',
          ownerId: 'cora',
          establishedOn: '2026-01-02',
        })
      ).ok,
    ).toBe(true);
    const hipaa = await p.load('Programme', 'hipaa');
    expect(hipaa).toMatchObject({ found: true, state: { legalSource: '45 CFR Parts 160 and 164' } });

    const added = await p.compliance.addRequirement({
      programmeId: 'dea',
      requirementId: 'dea-reconciliation',
      title: 'Reconcile the controlled-substance log against stock',
      recurrence: { every: 1, unit: 'months' },
      ownerId: 'dana',
      firstDueOn: '2026-01-31',
      addedOn: '2026-01-02',
      evidenceRequired: true,
    });
    expect(added.ok).toBe(true);
    // Evidence is required for this requirement.
    expect(
      await p.compliance.meetRequirement({
        programmeId: 'dea',
        requirementId: 'dea-reconciliation',
        metOn: '2026-01-30',
      }),
    ).toMatchObject({ ok: false, code: 'EvidenceRequired', field: 'evidence' });
    expect(
      (
        await p.compliance.meetRequirement({
          programmeId: 'dea',
          requirementId: 'dea-reconciliation',
          metOn: '2026-01-30',
          evidence: 'log reconciled, no variance (binder 3)',
        })
      ).ok,
    ).toBe(true);

    const calendar = (await p.calendar('2026-03-05')).filter((o) => o.id.startsWith('requirement:dea'));
    expect(calendar.map((o) => [o.dueAt, o.state, o.owner, o.legalSource])).toEqual([
      ['2026-01-31', 'done', 'dana', '21 CFR Parts 1301–1317'],
      ['2026-02-28', 'overdue', 'dana', '21 CFR Parts 1301–1317'],
    ]);
    const jan = await p.kpis('2026-01');
    expect(line(jan.lines, 'requirementsMetOnTime')).toBe(100);
    const feb = await p.kpis('2026-02');
    expect(line(feb.lines, 'requirementsMetOnTime')).toBe(0);
    const mar = await p.kpis('2026-03');
    expect(line(mar.lines, 'requirementsOverdue')).toBe(1);
    expect(p.kpiRegistry.find((k) => k.id === 'requirementsMetOnTime')).toMatchObject({
      area: 'compliance',
      unit: 'percent',
    });
    await p.close();
  });

  it('refuses an over-long regulation name or a missing source, never throws (property)', async () => {
    const p = await open();
    await hireForTest(p, 'cora', { role: 'compliance_officer', hiredOn: '2025-12-01' });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 140 }),
        fc.option(fc.string({ maxLength: 60 }), { nil: undefined }),
        async (regulation, legalSource) => {
          const r = await p.compliance.establishProgramme({
            programmeId: `x${n++}`,
            regulation,
            name: 'A programme',
            ownerId: 'cora',
            establishedOn: '2026-01-02',
            ...(legalSource === undefined ? {} : { legalSource }),
          });
          if (r.ok) {
            expect(regulation.trim().length).toBeGreaterThan(0);
            expect(regulation.trim().length).toBeLessThanOrEqual(100);
          } else expect(['Required', 'InvalidRegulation', 'RegulationSourceRequired']).toContain(r.code);
        },
      ),
      { numRuns: 60 },
    );
    await p.close();
  });
});

describe('business associate agreements (issue 20, Regulatory compliance)', () => {
  it('tracks who holds PHI, the agreement, its renewal before expiry, and termination', async () => {
    const p = await open();
    const reg = await p.compliance.registerBusinessAssociate({
      associateId: 'clearinghouse',
      name: 'Claims Clearinghouse LLC',
      services: 'claims clearinghouse (837/835)',
      holdsPhi: true,
      registeredOn: '2026-01-05',
    });
    expect(reg.ok).toBe(true);
    await p.compliance.registerBusinessAssociate({
      associateId: 'landscaper',
      name: 'Green Lawns',
      services: 'grounds',
      holdsPhi: false,
      registeredOn: '2026-01-05',
    });
    // No agreement yet: overdue from registration, counted by the KPI.
    const before = (await p.calendar('2026-01-10')).filter((o) => o.id.startsWith('baa'));
    expect(before.map((o) => [o.id, o.state, o.legalSource])).toEqual([
      ['baa:clearinghouse', 'overdue', '45 CFR 164.502(e)(1), 164.504(e), 164.308(b)(1)'],
    ]);
    expect(line((await p.kpis('2026-01')).lines, 'phiVendorsWithoutBaa')).toBe(1);

    expect(
      await p.compliance.recordBusinessAssociateAgreement({
        associateId: 'clearinghouse',
        agreementId: 'baa-2026',
        signedOn: '2026-02-02',
        effectiveOn: '2026-02-02',
        expiresOn: '2026-01-31',
        documentRef: 'contracts/clearinghouse-baa.pdf',
      }),
    ).toMatchObject({ ok: false, code: 'ExpiresBeforeEffective', field: 'expiresOn' });
    const signed = await p.compliance.recordBusinessAssociateAgreement({
      associateId: 'clearinghouse',
      agreementId: 'baa-2026',
      signedOn: '2026-02-02',
      effectiveOn: '2026-02-02',
      expiresOn: '2027-02-01',
      renewalNoticeDays: 90,
      documentRef: 'contracts/clearinghouse-baa.pdf',
    });
    expect(signed.ok).toBe(true);
    expect(line((await p.kpis('2026-02')).lines, 'phiVendorsWithoutBaa')).toBe(0);
    // The renewal appears 90 days before expiry (2026-11-03); unrenewed after expiry, the vendor is uncovered.
    expect((await p.calendar('2026-10-01')).filter((o) => o.id.startsWith('baa-renewal'))).toEqual([]);
    const renewal = (await p.calendar('2026-11-10')).filter((o) => o.id.startsWith('baa-renewal'));
    expect(renewal.map((o) => [o.id, o.dueAt, o.state])).toEqual([
      ['baa-renewal:clearinghouse:baa-2026', '2027-02-01', 'upcoming'],
    ]);
    expect(line((await p.kpis('2027-02')).lines, 'phiVendorsWithoutBaa')).toBe(1);
    // The renewal is met by the next agreement.
    await p.compliance.recordBusinessAssociateAgreement({
      associateId: 'clearinghouse',
      agreementId: 'baa-2027',
      signedOn: '2027-01-20',
      effectiveOn: '2027-02-02',
      documentRef: 'contracts/clearinghouse-baa-2027.pdf',
    });
    const renewed = (await p.calendar('2027-03-01')).filter((o) => o.id.startsWith('baa-renewal'));
    expect(renewed.map((o) => [o.id, o.state])).toEqual([['baa-renewal:clearinghouse:baa-2026', 'done']]);
    expect(line((await p.kpis('2027-02')).lines, 'phiVendorsWithoutBaa')).toBe(0);
    // Termination: the PHI's fate is recorded; later agreements are refused.
    expect(
      (
        await p.compliance.terminateBusinessAssociate({
          associateId: 'clearinghouse',
          terminatedOn: '2027-06-30',
          reason: 'switched clearinghouse',
          phiDisposition: 'destroyed',
        })
      ).ok,
    ).toBe(true);
    expect(
      await p.compliance.recordBusinessAssociateAgreement({
        associateId: 'clearinghouse',
        agreementId: 'baa-2028',
        signedOn: '2027-07-01',
        effectiveOn: '2027-07-01',
        documentRef: 'x',
      }),
    ).toMatchObject({ ok: false, code: 'BusinessAssociateTerminated' });
    expect(
      await p.compliance.terminateBusinessAssociate({
        associateId: 'nobody',
        terminatedOn: '2027-06-30',
        reason: 'x',
        phiDisposition: 'returned',
      }),
    ).toMatchObject({ ok: false, code: 'BusinessAssociateNotFound', category: 'not-found' });
    await p.close();
  });

  it('is the compliance officer’s: other roles are refused', async () => {
    const p = await open();
    const r = await p.as({ id: 'fay', role: 'front_desk' }).compliance.registerBusinessAssociate({
      associateId: 'x',
      name: 'X',
      services: 'y',
      holdsPhi: true,
      registeredOn: '2026-01-05',
    });
    expect(r).toMatchObject({ ok: false, category: 'forbidden' });
    await p.close();
  });
});

describe('the OSHA recordkeeping exemption (issue 20, Regulatory compliance)', () => {
  it('leaves the 300 log out of an exempt practice’s calendar and keeps the 24-hour report clock', async () => {
    const p = await open();
    expect(
      (
        await p.compliance.setOshaRecordkeeping({
          establishmentId: 'main',
          naicsCode: '621111',
          peakEmployees: 24,
          effectiveFrom: '2026-01-01',
        })
      ).ok,
    ).toBe(true);
    expect(
      await p.compliance.setOshaRecordkeeping({
        establishmentId: 'main',
        naicsCode: '6211',
        peakEmployees: 24,
        effectiveFrom: '2026-01-01',
      }),
    ).toMatchObject({ ok: false, code: 'InvalidNaicsCode', field: 'naicsCode' });
    expect(
      (
        await p.compliance.recordOshaIncident({
          incidentId: 'i1',
          employeeId: 'emp-1',
          description: 'fall from a step stool, admitted overnight',
          outcome: 'in-patient-hospitalization',
          occurredAt: '2026-01-06T10:00:00-06:00',
          outcomeAt: '2026-01-06T12:00:00-06:00',
          learnedAt: '2026-01-06T12:30:00-06:00',
          zone,
        })
      ).ok,
    ).toBe(true);
    const kinds = (await p.calendar('2026-01-07')).filter((o) => o.streamId === 'OshaIncident-i1');
    expect(kinds.map((o) => [o.kind, o.dueAt])).toEqual([['osha-report', '2026-01-07T12:30:00.000-06:00']]);
    await p.close();
  });
});
