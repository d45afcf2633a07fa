import { describe, expect, it } from 'vitest';
import {
  collect,
  combineRegistries,
  fixedClock,
  foldProjections,
  makeCommandHandler,
  makeVault,
  streamIdOf,
  type Decider,
  type DomainCommand,
  type DomainEvent,
} from '@praxis/core';
import { Audit, Breach, OshaIncident, Programme, complianceObligations } from '@praxis/compliance';
import { Policy, policyObligations } from '@praxis/policies';
import { StaffMember, StaffObligations, staffEvents } from '@praxis/staff';
import { memoryEventStore, memorySubjectKeyStore } from '@praxis/store-memory';
import { complianceFindings, complianceKpis } from '../compliance/index.js';
import { periodOf } from '../period.js';
import { policyAcknowledgmentRate, policyAcknowledgments } from '../policies/index.js';
import { complianceCalendar } from './calendar.js';

const zone = 'America/Chicago';
const actor = { id: 'pm-1', role: 'practice_manager' };

describe('compliance calendar over a real event store', () => {
  it('merges staff, policy and compliance obligations written through the command handlers', async () => {
    const registry = combineRegistries(
      staffEvents,
      Policy.events,
      Programme.events,
      Audit.events,
      Breach.events,
      OshaIncident.events,
    );
    const store = memoryEventStore({ registry });
    const seal = makeVault(memorySubjectKeyStore()).sealer(registry);
    const clock = fixedClock('2026-01-05T09:00:00', zone);
    const run = async <C extends DomainCommand, Ev extends DomainEvent, S>(
      decider: Decider<C, Ev, S>,
      id: string,
      commands: C[],
    ) => {
      // Who is on the staff record, and an acknowledger's role there, are facts the facade
      // supplies (tested there): these commands carry them (`staffOnRecord`, `role` on
      // AcknowledgePolicy), handed to the handler as facts, not as input.
      let facts: Record<string, unknown> = {};
      const h = makeCommandHandler({ store, decider, clock, seal, facts: async () => facts });
      for (const given of commands) {
        const { staffOnRecord, role, ...input } = given as C & { staffOnRecord?: unknown; role?: unknown };
        const ack = given.type === 'AcknowledgePolicy';
        facts = { staffOnRecord: staffOnRecord ?? [], ...(ack ? { role } : {}) };
        const command = (ack || role === undefined ? input : { ...input, role }) as unknown as C;
        const r = await h.handle({ streamId: streamIdOf(decider, id), command, actor });
        if (r._tag === 'Left') throw new Error(`${command.type}: ${r.left.message}`);
      }
    };
    // staff facts straight into the store (the staff helper's own tests drive its commands)
    const S = StaffMember.events;
    await store.appendToStream(
      'StaffMember-n1',
      [
        S.make('StaffMemberHired', {
          staffId: 'n1',
          hiredOn: '2026-01-05',
          role: 'nurse',
          startDate: '2026-01-05',
          exclusionCheckedOn: '2026-01-02',
        }),
        S.make('TrainingAssigned', {
          staffId: 'n1',
          trainingId: 'bbp',
          course: 'Bloodborne pathogens',
          assignedOn: '2026-01-05',
          dueOn: '2026-02-15',
          required: true,
        }),
      ].map((e) => ({ ...e, metadata: { actor, occurredAt: '2026-01-05T09:00:00-06:00' } })),
    );
    await run(Policy.decider, 'hh', [
      {
        type: 'DraftPolicy',
        policyId: 'hh',
        title: 'Hand hygiene',
        reviewEveryMonths: 12,
        draftedBy: 'pm-1',
        draftedOn: '2026-01-05',
      },
      {
        type: 'ApprovePolicy',
        approvedBy: 'pm-1',
        approverRole: 'practice_manager',
        approvedOn: '2026-01-06',
      },
      { type: 'PublishPolicy', publishedOn: '2026-01-10', effectiveOn: '2026-01-10' },
      { type: 'AssignPolicy', roles: ['nurse'], assignedOn: '2026-01-10' },
      {
        type: 'AcknowledgePolicy',
        staffOnRecord: [],
        version: 1,
        staffId: 'n1',
        role: 'nurse',
        acknowledgedOn: '2026-01-12',
      },
    ]);
    await run(Programme.decider, 'osha', [
      {
        type: 'EstablishProgramme',
        staffOnRecord: [],
        programmeId: 'osha',
        regulation: 'OSHA',
        name: 'OSHA',
        ownerId: 'co-1',
        establishedOn: '2026-01-05',
      },
      {
        type: 'AddRequirement',
        staffOnRecord: [],
        requirementId: 'ecp',
        title: 'Review the exposure control plan',
        recurrence: { every: 1, unit: 'years' },
        ownerId: 'co-1',
        firstDueOn: '2026-03-31',
        standard: 'osha-exposure-control-plan-review',
        addedOn: '2026-01-05',
      },
    ]);
    await run(Audit.decider, 'a1', [
      {
        type: 'ScheduleAudit',
        auditId: 'a1',
        programmeId: 'osha',
        title: 'Sharps disposal',
        auditorId: 'co-1',
        scheduledFor: '2026-02-20',
      },
      { type: 'PerformAudit', performedOn: '2026-02-20' },
      {
        type: 'RecordFinding',
        findingId: 'f1',
        description: 'overfilled sharps bin',
        severity: 'moderate',
        recordedOn: '2026-02-20',
      },
      {
        type: 'AssignCorrectiveAction',
        staffOnRecord: [],
        findingId: 'f1',
        actionId: 'ca1',
        description: 'Replace bins weekly',
        ownerId: 'ma-1',
        assignedOn: '2026-02-21',
        dueOn: '2026-03-01',
      },
    ]);
    await run(Breach.decider, 'b1', [
      {
        type: 'DiscoverBreach',
        breachId: 'b1',
        description: 'misdirected fax',
        discoveredOn: '2026-02-01',
        affected: 20,
        states: [{ state: 'TX', residents: 20 }],
      },
    ]);
    await run(OshaIncident.decider, 'i1', [
      // 01:00 CST on the night clocks spring forward: 24 elapsed hours later is 02:00 CDT
      {
        type: 'RecordOshaIncident',
        incidentId: 'i1',
        employeeId: 'ma-1',
        description: 'fall',
        outcome: 'in-patient-hospitalization',
        occurredAt: '2026-03-08T01:00:00-06:00',
        outcomeAt: '2026-03-08T01:00:00-06:00',
        learnedAt: '2026-03-08T01:00:00-06:00',
        zone,
      },
    ]);

    const model = foldProjections(
      [
        StaffObligations.staffObligations,
        policyObligations,
        complianceObligations,
        policyAcknowledgments,
        complianceFindings,
      ],
      await collect(store.readAll()),
    );
    const lines = await complianceCalendar(model, {
      projections: ['staff-obligations', 'policy-obligations', 'compliance-obligations'],
      asOf: '2026-03-10',
      zone,
      openOnly: true,
    });
    const byId = Object.fromEntries(lines.map((l) => [l.id, l]));
    expect(byId['training:n1:bbp']).toMatchObject({ state: 'overdue', projection: 'staff-obligations' });
    expect(byId['corrective-action:ca1']).toMatchObject({ state: 'overdue', daysLeft: -9 });
    expect(byId['osha-report:i1:in-patient-hospitalization']).toMatchObject({
      state: 'overdue',
      dueAt: '2026-03-09T02:00:00.000-05:00',
    });
    expect(byId['osha-log:i1']).toMatchObject({ state: 'due-soon', window: 30, daysLeft: 5 });
    expect(byId['requirement:ecp:1']).toMatchObject({ state: 'due-soon', window: 30, daysLeft: 21 });
    expect(byId['breach:b1:individuals']).toMatchObject({
      state: 'due-soon',
      dueAt: '2026-04-02',
      daysLeft: 23,
    });
    expect(byId['breach:b1:hhs']).toMatchObject({ state: 'upcoming', dueAt: '2027-03-01' });
    expect(byId['policy-review:hh:2027-01-10']).toMatchObject({
      state: 'upcoming',
      projection: 'policy-obligations',
    });
    expect(byId['audit:a1']).toBeUndefined(); // performed: done, left out by openOnly
    const due = lines.map((l) => l.daysLeft);
    expect(due).toEqual([...due].sort((a, b) => a - b));

    expect(await policyAcknowledgmentRate(model, '2026-03-10')).toMatchObject({
      acknowledged: 1,
      assigned: 1,
      percent: 100,
    });
    expect(await complianceKpis(model, periodOf('2026-03', zone))).toMatchObject({
      openFindings: 1,
      overdueCorrectiveActions: 1,
    });
  });
});
