import { describe, expect, it } from 'vitest';
import { deciderSpec } from '@praxis/testing';
import { decider, events } from './index.js';

const spec = deciderSpec(decider);
const scheduled = events.make('ComplianceAuditScheduled', {
  auditId: 'a1',
  programmeId: 'hipaa',
  title: 'Access log review',
  auditorId: 'co-1',
  scheduledFor: '2026-04-15',
});
const performed = events.make('ComplianceAuditPerformed', { auditId: 'a1', performedOn: '2026-04-16' });
const finding = events.make('AuditFindingRecorded', {
  auditId: 'a1',
  findingId: 'f1',
  description: 'shared login at front desk',
  severity: 'high',
  recordedOn: '2026-04-16',
});
const assigned = events.make('CorrectiveActionAssigned', {
  auditId: 'a1',
  findingId: 'f1',
  actionId: 'ca1',
  description: 'individual logins',
  ownerId: 'it-1',
  assignedOn: '2026-04-17',
  dueOn: '2026-05-17',
});
const completed = events.make('CorrectiveActionCompleted', {
  auditId: 'a1',
  actionId: 'ca1',
  completedOn: '2026-05-10',
});
const verified = events.make('CorrectiveActionVerified', {
  auditId: 'a1',
  actionId: 'ca1',
  verifiedBy: 'co-1',
  verifiedOn: '2026-05-12',
});

describe('Audit', () => {
  it('schedules once and performs once', () => {
    const schedule = {
      type: 'ScheduleAudit',
      auditId: 'a1',
      programmeId: 'hipaa',
      title: 'Access log review',
      auditorId: 'co-1',
      scheduledFor: '2026-04-15',
    } as const;
    spec.given([]).when(schedule).then([scheduled]);
    spec.given([scheduled]).when(schedule).thenRejects('AuditAlreadyScheduled');
    spec.given([scheduled]).when({ type: 'PerformAudit', performedOn: '2026-04-16' }).then([performed]);
    spec
      .given([scheduled, performed])
      .when({ type: 'PerformAudit', performedOn: '2026-04-17' })
      .thenRejects('AuditAlreadyPerformed');
  });

  it('records findings only from a performed audit', () => {
    const cmd = {
      type: 'RecordFinding',
      findingId: 'f1',
      description: 'shared login at front desk',
      severity: 'high',
      recordedOn: '2026-04-16',
    } as const;
    spec.given([scheduled, performed]).when(cmd).then([finding]);
    spec.given([scheduled]).when(cmd).thenRejects('AuditNotPerformed');
    spec
      .given([scheduled, performed])
      .when({ ...cmd, recordedOn: '2026-04-15' })
      .thenRejects('FindingBeforeAudit', 'recordedOn');
  });

  it('assigns a corrective action on an open finding, due no earlier than assigned', () => {
    const cmd = {
      type: 'AssignCorrectiveAction',
      staffOnRecord: [],
      findingId: 'f1',
      actionId: 'ca1',
      description: 'individual logins',
      ownerId: 'it-1',
      assignedOn: '2026-04-17',
      dueOn: '2026-05-17',
    } as const;
    spec.given([scheduled, performed, finding]).when(cmd).then([assigned]);
    spec
      .given([scheduled, performed, finding])
      .when({ ...cmd, dueOn: '2026-04-16' })
      .thenRejects('DueBeforeAssigned', 'dueOn');
    spec.given([scheduled, performed]).when(cmd).thenRejects('FindingNotFound', 'findingId');
  });

  it('completes, then verifies by someone other than the owner', () => {
    const base = [scheduled, performed, finding, assigned];
    spec
      .given(base)
      .when({ type: 'CompleteCorrectiveAction', actionId: 'ca1', completedOn: '2026-05-10' })
      .then([completed]);
    spec
      .given(base)
      .when({ type: 'VerifyCorrectiveAction', actionId: 'ca1', verifiedBy: 'co-1', verifiedOn: '2026-05-12' })
      .thenRejects('CorrectiveActionNotCompleted');
    spec
      .given([...base, completed])
      .when({ type: 'VerifyCorrectiveAction', actionId: 'ca1', verifiedBy: 'co-1', verifiedOn: '2026-05-12' })
      .then([verified]);
    spec
      .given([...base, completed])
      .when({ type: 'VerifyCorrectiveAction', actionId: 'ca1', verifiedBy: 'it-1', verifiedOn: '2026-05-12' })
      .thenRejects('VerifierIsOwner', 'verifiedBy');
  });

  it('reopens an action that failed verification, with a new due date; not by its owner', () => {
    const base = [scheduled, performed, finding, assigned, completed];
    const reopen = {
      type: 'ReopenCorrectiveAction',
      actionId: 'ca1',
      reason: 'still shared at night shift',
      reopenedBy: 'co-1',
      reopenedOn: '2026-05-12',
      dueOn: '2026-06-12',
    } as const;
    const reopened = events.make('CorrectiveActionReopened', {
      auditId: 'a1',
      actionId: 'ca1',
      reason: 'still shared at night shift',
      reopenedBy: 'co-1',
      reopenedOn: '2026-05-12',
      dueOn: '2026-06-12',
    });
    spec.given(base).when(reopen).then([reopened]);
    spec
      .given(base)
      .when({ ...reopen, reopenedBy: 'it-1' })
      .thenRejects('VerifierIsOwner', 'reopenedBy');
    spec
      .given([...base, verified])
      .when(reopen)
      .thenRejects('CorrectiveActionAlreadyVerified');
    // reopened: it must be completed again before it can be verified, and the finding cannot close
    spec
      .given([...base, reopened])
      .when({ type: 'VerifyCorrectiveAction', actionId: 'ca1', verifiedBy: 'co-1', verifiedOn: '2026-05-13' })
      .thenRejects('CorrectiveActionNotCompleted');
    expect(spec.given([...base, reopened]).state.actions['ca1']).toMatchObject({ dueOn: '2026-06-12' });
  });

  it('closes a finding only when every corrective action is verified', () => {
    const close = { type: 'CloseFinding', findingId: 'f1', closedOn: '2026-05-12' } as const;
    spec.given([scheduled, performed, finding]).when(close).thenRejects('FindingHasNoCorrectiveAction');
    spec
      .given([scheduled, performed, finding, assigned, completed])
      .when(close)
      .thenRejects('CorrectiveActionsUnverified');
    spec
      .given([scheduled, performed, finding, assigned, completed, verified])
      .when(close)
      .then([events.make('AuditFindingClosed', { auditId: 'a1', findingId: 'f1', closedOn: '2026-05-12' })]);
    spec
      .given([scheduled, performed, finding, assigned, completed, verified])
      .when({ ...close, closedOn: '2026-05-11' })
      .thenRejects('ClosedBeforeVerified', 'closedOn');
  });
});

describe('Audit: malformed commands', () => {
  it('rejects a scheduled date that does not exist', () => {
    spec
      .given([])
      .when({
        type: 'ScheduleAudit',
        auditId: 'a1',
        programmeId: 'p',
        title: 't',
        auditorId: 'c',
        scheduledFor: '2026-04-31',
      })
      .thenRejects('InvalidDate', 'scheduledFor');
  });
});
