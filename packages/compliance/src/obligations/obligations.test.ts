import { describe, expect, it } from 'vitest';
import { foldProjections, type Json, type RecordedEvent } from '@praxis/core';
import { Audit, Breach, OshaIncident, Programme } from '../index.js';
import { complianceObligations } from './index.js';

let n = 0;
const rec = (streamId: string, e: { type: string; data: unknown }): RecordedEvent =>
  ({
    eventId: `e${++n}`,
    streamId,
    revision: 0n,
    position: BigInt(n),
    type: e.type,
    schemaVersion: 1,
    data: e.data,
    metadata: { actor: { id: 'co', role: 'compliance_officer' }, occurredAt: '2026-01-02T09:00:00-05:00' },
    prevHash: '',
    hash: '',
  }) as unknown as RecordedEvent;

const docs = async (events: RecordedEvent[]): Promise<Record<string, Json>> => {
  const model = foldProjections([complianceObligations], events);
  const out: Record<string, Json> = {};
  for await (const [k, v] of model.list('compliance-obligations', 'obligation:'))
    out[k.slice('obligation:'.length)] = v;
  return out;
};

describe('compliance-obligations', () => {
  it('writes one obligation per requirement occurrence, done when met', async () => {
    const P = Programme.events;
    const out = await docs([
      rec(
        'Programme-cdc',
        P.make('ComplianceRequirementAdded', {
          programmeId: 'cdc',
          requirementId: 'spore',
          title: 'Spore test',
          recurrence: { every: 1, unit: 'weeks' },
          ownerId: 'da-1',
          firstDueOn: '2026-01-09',
          legalSource: 'CDC 2003',
          addedOn: '2026-01-02',
        }),
      ),
      // met early: the next occurrence falls on the same date as the one met, and is still a separate duty
      rec(
        'Programme-cdc',
        P.make('ComplianceRequirementMet', {
          programmeId: 'cdc',
          requirementId: 'spore',
          title: 'Spore test',
          ownerId: 'da-1',
          legalSource: 'CDC 2003',
          occurrence: 1,
          metBy: 'da-1',
          metOn: '2026-01-02',
          dueOn: '2026-01-09',
          nextDueOn: '2026-01-09',
        }),
      ),
      rec(
        'Programme-cdc',
        P.make('ComplianceRequirementReassigned', {
          programmeId: 'cdc',
          requirementId: 'spore',
          ownerId: 'da-2',
          occurrence: 2,
          dueOn: '2026-01-09',
          reassignedOn: '2026-01-03',
        }),
      ),
    ]);
    expect(out['requirement:spore:1']).toMatchObject({
      kind: 'requirement-due',
      dueAt: '2026-01-09',
      completedAt: '2026-01-02',
      owner: 'da-1',
    });
    expect(out['requirement:spore:2']).toMatchObject({
      dueAt: '2026-01-09',
      arisesAt: '2026-01-02',
      owner: 'da-2',
      legalSource: 'CDC 2003',
    });
    expect(out['requirement:spore:2']).not.toHaveProperty('completedAt');
  });

  it('writes breach clocks, moves them only earlier, and marks notices sent', async () => {
    const B = Breach.events;
    const discovered = B.make('BreachDiscovered', {
      breachId: 'b1',
      description: 'x',
      discoveredOn: '2026-11-15',
      affected: 12,
      states: [],
      deadlines: Breach.breachDeadlines('2026-11-15', 12, []),
    });
    const revised = B.make('BreachScopeRevised', {
      breachId: 'b1',
      revisedOn: '2026-11-20',
      affected: 900,
      states: [{ state: 'TX', residents: 900 }],
      deadlines: Breach.mergeDeadlines(
        discovered.data.deadlines,
        Breach.breachDeadlines('2026-11-15', 900, [{ state: 'TX', residents: 900 }]),
      ),
    });
    const out = await docs([
      rec('Breach-b1', discovered),
      rec('Breach-b1', revised),
      rec(
        'Breach-b1',
        B.make('BreachNotificationSent', {
          breachId: 'b1',
          recipient: 'individuals',
          sentOn: '2026-12-01',
          dueOn: '2027-01-14',
        }),
      ),
    ]);
    expect(out['breach:b1:hhs']).toMatchObject({
      kind: 'breach-notify-hhs',
      arisesAt: '2026-11-15',
      dueAt: '2027-01-14',
      legalSource: '45 CFR 164.408(b)',
    });
    expect(out['breach:b1:media:TX']).toMatchObject({ dueAt: '2027-01-14', arisesAt: '2026-11-20' });
    expect(out['breach:b1:individuals']).toMatchObject({ completedAt: '2026-12-01' });
  });

  it('writes audit, corrective-action and OSHA obligations', async () => {
    const A = Audit.events;
    const O = OshaIncident.events;
    const out = await docs([
      rec(
        'Audit-a1',
        A.make('ComplianceAuditScheduled', {
          auditId: 'a1',
          programmeId: 'hipaa',
          title: 'Access logs',
          auditorId: 'co',
          scheduledFor: '2026-04-15',
        }),
      ),
      rec('Audit-a1', A.make('ComplianceAuditPerformed', { auditId: 'a1', performedOn: '2026-04-16' })),
      rec(
        'Audit-a1',
        A.make('CorrectiveActionAssigned', {
          auditId: 'a1',
          findingId: 'f1',
          actionId: 'ca1',
          description: 'Individual logins',
          ownerId: 'it',
          assignedOn: '2026-04-17',
          dueOn: '2026-05-17',
        }),
      ),
      rec(
        'Audit-a1',
        A.make('CorrectiveActionAssigned', {
          auditId: 'a1',
          findingId: 'f1',
          actionId: 'ca2',
          description: 'Lock screens',
          ownerId: 'it',
          assignedOn: '2026-04-17',
          dueOn: '2026-05-17',
        }),
      ),
      rec(
        'Audit-a1',
        A.make('CorrectiveActionCompleted', { auditId: 'a1', actionId: 'ca2', completedOn: '2026-05-01' }),
      ),
      rec(
        'Audit-a1',
        A.make('CorrectiveActionReopened', {
          auditId: 'a1',
          actionId: 'ca2',
          reason: 'not on all PCs',
          reopenedBy: 'co',
          reopenedOn: '2026-05-03',
          dueOn: '2026-06-30',
        }),
      ),
      rec(
        'OshaIncident-i1',
        O.make('OshaIncidentRecorded', {
          incidentId: 'i1',
          employeeId: 's',
          description: 'x',
          outcome: 'fatality',
          occurredAt: '2026-03-08T01:30:00-05:00',
          outcomeAt: '2026-03-08T01:30:00-05:00',
          learnedAt: '2026-03-08T01:30:00-05:00',
          zone: 'America/New_York',
          reports: [
            {
              outcome: 'fatality',
              dueAt: '2026-03-08T10:30:00.000-04:00',
              legalSource: '29 CFR 1904.39(a)(1)',
            },
          ],
          logBy: '2026-03-15',
          retainLogUntil: '2031-12-31',
        }),
      ),
      rec(
        'OshaIncident-i1',
        O.make('OshaIncidentLogged', { incidentId: 'i1', loggedOn: '2026-03-09', logBy: '2026-03-15' }),
      ),
    ]);
    expect(out['audit:a1']).toMatchObject({
      kind: 'audit-due',
      dueAt: '2026-04-15',
      completedAt: '2026-04-16',
    });
    expect(out['corrective-action:ca2']).toMatchObject({ dueAt: '2026-06-30' });
    expect(out['corrective-action:ca2']).not.toHaveProperty('completedAt');
    expect(out['corrective-action:ca1']).toMatchObject({
      dueAt: '2026-05-17',
      owner: 'it',
      label: 'Individual logins',
    });
    expect(out['osha-report:i1:fatality']).toMatchObject({ dueAt: '2026-03-08T10:30:00.000-04:00' });
    expect(out['osha-log:i1']).toMatchObject({ dueAt: '2026-03-15', completedAt: '2026-03-09' });
  });
});
