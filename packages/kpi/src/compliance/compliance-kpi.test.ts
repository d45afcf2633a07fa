import { describe, expect, it } from 'vitest';
import { foldProjections } from '@praxis/core';
import { Audit } from '@praxis/compliance';
import { Policy } from '@praxis/policies';
import { periodOf } from '../period.js';
import {
  complianceFindings,
  complianceKpis,
  meanDaysToCloseFinding,
  openFindings,
  overdueCorrectiveActions,
} from './index.js';
import { recorder } from '../recorded-events.js';

const rec = recorder({
  actor: { id: 'co', role: 'compliance_officer' },
  occurredAt: '2026-01-01T09:00:00-06:00',
});

const A = Audit.events;
const P = Policy.events;
const finding = (findingId: string, recordedOn: string) =>
  rec(
    'Audit-a',
    A.make('AuditFindingRecorded', {
      auditId: 'a',
      findingId,
      description: findingId,
      severity: 'moderate',
      recordedOn,
    }),
  );
const closed = (findingId: string, closedOn: string) =>
  rec('Audit-a', A.make('AuditFindingClosed', { auditId: 'a', findingId, closedOn }));
const action = (actionId: string, assignedOn: string, dueOn: string) =>
  rec(
    'Audit-a',
    A.make('CorrectiveActionAssigned', {
      auditId: 'a',
      findingId: 'f2',
      actionId,
      description: actionId,
      ownerId: 'x',
      assignedOn,
      dueOn,
    }),
  );
const completed = (actionId: string, completedOn: string) =>
  rec('Audit-a', A.make('CorrectiveActionCompleted', { auditId: 'a', actionId, completedOn }));

const model = foldProjections(
  [complianceFindings],
  [
    finding('f1', '2026-03-20'),
    closed('f1', '2026-04-19'),
    finding('f2', '2026-04-10'),
    closed('f2', '2026-06-30'),
    finding('f3', '2026-05-01'),
    rec(
      'Policy-hh',
      P.make('PolicyEnforcementAudited', {
        policyId: 'hh',
        auditId: 'pa1',
        auditorId: 'co',
        auditedOn: '2026-06-01',
        findings: [{ findingId: 'f4', description: 'no rub' }],
      }),
    ),
    rec(
      'Policy-hh',
      P.make('PolicyFindingResolved', {
        policyId: 'hh',
        findingId: 'f4',
        resolution: 'fixed',
        resolvedOn: '2026-07-05',
      }),
    ),
    rec(
      'Policy-hh',
      P.make('PolicyEnforcementAudited', {
        policyId: 'hh',
        auditId: 'pa0',
        auditorId: 'co',
        auditedOn: '2026-02-01',
        findings: [{ findingId: 'f5', description: 'x' }],
      }),
    ),
    rec(
      'Policy-hh',
      P.make('PolicyFindingResolved', {
        policyId: 'hh',
        findingId: 'f5',
        resolution: 'fixed',
        resolvedOn: '2026-02-10',
      }),
    ),
    finding('f6', '2026-07-02'),
    action('a1', '2026-04-01', '2026-04-30'),
    completed('a1', '2026-04-28'),
    action('a2', '2026-04-01', '2026-05-31'),
    completed('a2', '2026-07-01'),
    action('a3', '2026-06-01', '2026-06-30'),
    action('a4', '2026-05-01', '2026-06-15'),
    action('a5', '2026-07-01', '2026-07-02'),
    // a6 was done on time but failed verification; reopened, due again 06-20
    action('a6', '2026-04-01', '2026-04-30'),
    completed('a6', '2026-04-20'),
    rec(
      'Audit-a',
      A.make('CorrectiveActionReopened', {
        auditId: 'a',
        actionId: 'a6',
        reason: 'did not work',
        reopenedBy: 'co',
        reopenedOn: '2026-04-25',
        dueOn: '2026-06-20',
      }),
    ),
  ],
);
const zone = 'America/Chicago';

describe('compliance KPIs (hand-computed fixture)', () => {
  it('open findings at a date: recorded by then and not closed by then', async () => {
    // 06-30: f1 closed 04-19, f2 closed 06-30, f5 resolved 02-10 → closed; f6 recorded 07-02 → not yet;
    //        f3 (open) and f4 (resolved only 07-05) → 2 open
    expect((await openFindings(model, '2026-06-30')).map((f) => f.findingId).sort()).toEqual(['f3', 'f4']);
  });

  it('overdue corrective actions at a date: due before it and not completed by then', async () => {
    // 06-30: a1 done 04-28 before due; a2 due 05-31, done only 07-01 → overdue; a3 due 06-30 → due today, not
    //        overdue; a4 due 06-15, open → overdue; a5 assigned 07-01 → not yet; a6 completed 04-20 but
    //        reopened after failed verification, due 06-20, open → overdue → 3 overdue
    const at0630 = await overdueCorrectiveActions(model, '2026-06-30');
    expect(at0630.map((a) => a.actionId).sort()).toEqual(['a2', 'a4', 'a6']);
    // 07-03: a2 done; a3, a4, a5 (due 07-02), a6 open and past due → 4
    const at0703 = await overdueCorrectiveActions(model, '2026-07-03');
    expect(at0703.map((a) => a.actionId).sort()).toEqual(['a3', 'a4', 'a5', 'a6']);
  });

  it('mean days to close a finding over findings closed in the period', async () => {
    // Q2 closes f1 (03-20 → 04-19: 11 March days + 19 = 30) and f2 (04-10 → 06-30: 20 + 31 + 30 = 81)
    // mean = (30 + 81) ÷ 2 = 55.5
    expect(await meanDaysToCloseFinding(model, periodOf('2026-Q2', zone))).toEqual({
      closed: 2,
      meanDays: 55.5,
    });
    // Q1 closes f5 (02-01 → 02-10) = 9 days
    expect(await meanDaysToCloseFinding(model, periodOf('2026-Q1', zone))).toEqual({
      closed: 1,
      meanDays: 9,
    });
    expect(await meanDaysToCloseFinding(model, periodOf('2026-03', zone))).toEqual({
      closed: 0,
      meanDays: undefined,
    });
  });

  it('collects them for a period, as at its last day', async () => {
    expect(await complianceKpis(model, periodOf('2026-Q2', zone))).toEqual({
      period: '2026-Q2',
      openFindings: 2,
      overdueCorrectiveActions: 3,
      meanDaysToCloseFinding: { closed: 2, meanDays: 55.5 },
    });
  });
});
