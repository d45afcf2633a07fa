import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideHandled, deciderSpec } from '@praxis/testing';
import { addMonths, decider, events, type PolicyCommand } from './index.js';

const spec = deciderSpec(decider);
const id = 'hand-hygiene';
const drafted = events.make('PolicyDrafted', {
  policyId: id,
  title: 'Hand hygiene',
  version: 1,
  reviewEveryMonths: 12,
  approverRoles: ['practice_manager', 'medical_director'],
  draftedBy: 'pm-1',
  draftedOn: '2026-01-05',
});
const approved = events.make('PolicyApproved', {
  policyId: id,
  version: 1,
  approvedBy: 'md-1',
  approverRole: 'medical_director',
  approvedOn: '2026-01-06',
});
const published = events.make('PolicyPublished', {
  policyId: id,
  version: 1,
  publishedOn: '2026-01-10',
  effectiveOn: '2026-02-01',
  reviewDueOn: '2027-02-01',
});
const assigned = events.make('PolicyAssigned', { policyId: id, roles: ['nurse'], assignedOn: '2026-01-10' });
const live = [drafted, approved, published, assigned];
const revision = events.make('PolicyRevisionDrafted', {
  policyId: id,
  version: 2,
  changeSummary: 'alcohol rub',
  draftedBy: 'pm-1',
  draftedOn: '2026-06-01',
  reviewDueOn: '2027-02-01',
});
const v2 = [
  ...live,
  revision,
  events.make('PolicyApproved', { ...approved.data, version: 2, approvedOn: '2026-06-02' }),
  events.make('PolicyPublished', {
    policyId: id,
    version: 2,
    publishedOn: '2026-06-03',
    effectiveOn: '2026-06-03',
    reviewDueOn: '2027-06-03',
    supersedes: { version: 1, retainUntil: '2032-06-02' },
  }),
];
const ack = (version: number, on = '2026-06-10'): PolicyCommand => ({
  type: 'AcknowledgePolicy',
  staffOnRecord: [],
  version,
  staffId: 'n-1',
  role: 'nurse',
  acknowledgedOn: on,
});

describe('Policy: drafting and approval', () => {
  it('drafts version 1 with the default approver roles', () => {
    const state = spec
      .given([])
      .when({
        type: 'DraftPolicy',
        policyId: id,
        title: 'Hand hygiene',
        reviewEveryMonths: 12,
        draftedBy: 'pm-1',
        draftedOn: '2026-01-05',
      })
      .thenState();
    expect(state.draft).toEqual({ version: 1, draftedOn: '2026-01-05' });
    expect(state.approverRoles).toEqual(['practice_manager', 'compliance_officer', 'medical_director']);
  });
  it('rejects drafting a policy twice', () => {
    spec
      .given([drafted])
      .when({
        type: 'DraftPolicy',
        policyId: id,
        title: 'x',
        reviewEveryMonths: 12,
        draftedBy: 'a',
        draftedOn: '2026-01-01',
      })
      .thenRejects('PolicyAlreadyExists', 'policyId');
  });
  it('accepts approval by an authorised role', () => {
    spec
      .given([drafted])
      .when({
        type: 'ApprovePolicy',
        approvedBy: 'md-1',
        approverRole: 'medical_director',
        approvedOn: '2026-01-06',
      })
      .then([approved]);
  });
  it('rejects approval by a role that is not allowed', () => {
    spec
      .given([drafted])
      .when({
        type: 'ApprovePolicy',
        approvedBy: 'fd-1',
        approverRole: 'front_desk',
        approvedOn: '2026-01-06',
      })
      .thenRejects('ApproverNotAuthorised', 'approverRole');
  });
  it('rejects approval when nothing is drafted', () => {
    spec
      .given([])
      .when({
        type: 'ApprovePolicy',
        approvedBy: 'md-1',
        approverRole: 'medical_director',
        approvedOn: '2026-01-06',
      })
      .thenRejects('PolicyNotFound');
  });
});

describe('Policy: publication', () => {
  it('publishes the approved draft with its first review one interval after the effective date', () => {
    spec
      .given([drafted, approved])
      .when({ type: 'PublishPolicy', publishedOn: '2026-01-10', effectiveOn: '2026-02-01' })
      .then([published]);
  });
  it('rejects publishing an unapproved draft', () => {
    spec
      .given([drafted])
      .when({ type: 'PublishPolicy', publishedOn: '2026-01-10', effectiveOn: '2026-02-01' })
      .thenRejects('PolicyNotApproved');
  });
  it('rejects an effective date before publication', () => {
    spec
      .given([drafted, approved])
      .when({ type: 'PublishPolicy', publishedOn: '2026-01-10', effectiveOn: '2026-01-09' })
      .thenRejects('EffectiveBeforePublished', 'effectiveOn');
  });
  it('computes review dates at month ends and across leap days', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2026-12-31', 6)).toBe('2027-06-30');
    expect(addMonths('2026-03-08', 12)).toBe('2027-03-08'); // a DST-change day is still just a date
  });
});

describe('Policy: documentation retention (45 CFR 164.316(b)(2)(i))', () => {
  const v2Approved = v2.slice(0, 6);
  it('keeps a superseded version 6 years after its last day in effect', () => {
    // v1 was last in effect on 2026-06-02 (v2 takes effect 06-03) → kept until 2032-06-02
    spec
      .given(v2Approved)
      .when({ type: 'PublishPolicy', publishedOn: '2026-06-03', effectiveOn: '2026-06-03' })
      .then([v2[6]!]);
    // across a leap day: last in effect 2028-02-29 → 2034-02-28
    const s = spec
      .given(v2Approved)
      .when({ type: 'PublishPolicy', publishedOn: '2028-03-01', effectiveOn: '2028-03-01' })
      .thenState();
    expect(s.retainUntil).toEqual({ 1: '2034-02-28' });
  });
  it('keeps the last version 6 years after retirement', () => {
    const s = spec
      .given(v2)
      .when({ type: 'RetirePolicy', reason: 'merged', retiredOn: '2026-12-31' })
      .thenState();
    expect(s.retainUntil).toEqual({ 1: '2032-06-02', 2: '2032-12-31' });
  });
  it('rejects a new version taking effect before the one it replaces', () => {
    // v1 takes effect 2026-02-01; v2 may not take effect on or before it
    spec
      .given([...live, revision, v2[5]!])
      .when({ type: 'PublishPolicy', publishedOn: '2026-06-03', effectiveOn: '2026-01-31' })
      .thenRejects('EffectiveBeforePublished', 'effectiveOn');
    spec
      .given([
        drafted,
        approved,
        events.make('PolicyPublished', {
          ...published.data,
          publishedOn: '2026-01-10',
          effectiveOn: '2026-09-01',
          reviewDueOn: '2027-09-01',
        }),
        events.make('PolicyRevisionDrafted', { ...revision.data, draftedOn: '2026-01-20' }),
        events.make('PolicyApproved', { ...approved.data, version: 2, approvedOn: '2026-01-21' }),
      ])
      .when({ type: 'PublishPolicy', publishedOn: '2026-01-22', effectiveOn: '2026-08-01' })
      .thenRejects('EffectiveBeforeCurrentVersion', 'effectiveOn');
  });
});

describe('Policy: assignment and acknowledgment', () => {
  it('assigns only roles not yet assigned', () => {
    spec
      .given(live)
      .when({ type: 'AssignPolicy', roles: ['nurse', 'physician'], assignedOn: '2026-01-11' })
      .then([
        events.make('PolicyAssigned', { policyId: id, roles: ['physician'], assignedOn: '2026-01-11' }),
      ]);
    spec
      .given(live)
      .when({ type: 'AssignPolicy', roles: ['nurse'], assignedOn: '2026-01-11' })
      .then([]);
  });
  it('accepts an acknowledgment of the current version by an assigned role', () => {
    spec
      .given(live)
      .when(ack(1, '2026-01-12'))
      .then([
        events.make('PolicyAcknowledged', {
          policyId: id,
          version: 1,
          staffId: 'n-1',
          role: 'nurse',
          acknowledgedOn: '2026-01-12',
        }),
      ]);
  });
  it('treats a second acknowledgment of the same version as already done', () => {
    const first = events.make('PolicyAcknowledged', {
      policyId: id,
      version: 1,
      staffId: 'n-1',
      role: 'nurse',
      acknowledgedOn: '2026-01-12',
    });
    spec
      .given([...live, first])
      .when(ack(1, '2026-01-13'))
      .then([]);
  });
  it('rejects acknowledging a version that is not published', () => {
    spec
      .given([drafted, approved, assigned])
      .when(ack(1))
      .thenRejects('PolicyVersionNotPublished', 'version');
    spec
      .given([...live, revision])
      .when(ack(2))
      .thenRejects('PolicyVersionNotPublished', 'version');
  });
  it('rejects acknowledging a superseded version, and needs a new acknowledgment of version 2', () => {
    spec.given(v2).when(ack(1)).thenRejects('PolicyVersionSuperseded', 'version');
    const ackV1 = events.make('PolicyAcknowledged', {
      policyId: id,
      version: 1,
      staffId: 'n-1',
      role: 'nurse',
      acknowledgedOn: '2026-01-12',
    });
    spec
      .given([...v2.slice(0, 4), ackV1, ...v2.slice(4)])
      .when(ack(2))
      .then([
        events.make('PolicyAcknowledged', {
          policyId: id,
          version: 2,
          staffId: 'n-1',
          role: 'nurse',
          acknowledgedOn: '2026-06-10',
        }),
      ]);
  });
  it('rejects a person whose role is not assigned', () => {
    spec
      .given(live)
      .when({ ...ack(1), role: 'biller' } as PolicyCommand)
      .thenRejects('PolicyNotAssignedToRole', 'role');
  });
  it('rejects acknowledgment of a retired policy', () => {
    spec
      .given([
        ...live,
        events.make('PolicyRetired', { policyId: id, reason: 'merged', retiredOn: '2026-03-01' }),
      ])
      .when(ack(1))
      .thenRejects('PolicyRetired');
  });
});

describe('Policy: training, enforcement, review, revision, retirement', () => {
  it('records a training session on the current version; rejects one without attendees', () => {
    spec
      .given(live)
      .when({
        type: 'HoldPolicyTraining',
        staffOnRecord: [],
        sessionId: 's1',
        trainerId: 'pm-1',
        attendeeIds: ['n-1'],
        heldOn: '2026-02-02',
        hours: 1.5,
      })
      .then([
        events.make('PolicyTrainingSessionHeld', {
          policyId: id,
          version: 1,
          sessionId: 's1',
          trainerId: 'pm-1',
          attendeeIds: ['n-1'],
          heldOn: '2026-02-02',
          hours: 1.5,
        }),
      ]);
    spec
      .given(live)
      .when({
        type: 'HoldPolicyTraining',
        staffOnRecord: [],
        sessionId: 's1',
        trainerId: 'pm-1',
        attendeeIds: [],
        heldOn: '2026-02-02',
        hours: 1,
      })
      .thenRejects('NoAttendees');
    spec
      .given(live)
      .when({
        type: 'HoldPolicyTraining',
        staffOnRecord: [],
        sessionId: 's1',
        trainerId: 'pm-1',
        attendeeIds: ['n-1'],
        heldOn: '2026-02-02',
        hours: 0,
      })
      .thenRejects('HoursOutOfRange');
  });
  const audited = events.make('PolicyEnforcementAudited', {
    policyId: id,
    auditId: 'a1',
    auditorId: 'co-1',
    auditedOn: '2026-03-01',
    findings: [{ findingId: 'f1', description: 'no rub at station 2' }],
  });
  it('records an enforcement audit; rejects a finding id already used', () => {
    spec
      .given(live)
      .when({
        type: 'AuditPolicyEnforcement',
        auditId: 'a1',
        auditorId: 'co-1',
        auditedOn: '2026-03-01',
        findings: [{ findingId: 'f1', description: 'no rub at station 2' }],
      })
      .then([audited]);
    spec
      .given([...live, audited])
      .when({
        type: 'AuditPolicyEnforcement',
        auditId: 'a2',
        auditorId: 'co-1',
        auditedOn: '2026-04-01',
        findings: [{ findingId: 'f1', description: 'again' }],
      })
      .thenRejects('FindingAlreadyRecorded');
  });
  it('resolves a finding once, not before it was recorded', () => {
    const resolved = events.make('PolicyFindingResolved', {
      policyId: id,
      findingId: 'f1',
      resolution: 'dispenser installed',
      resolvedOn: '2026-03-05',
    });
    spec
      .given([...live, audited])
      .when({
        type: 'ResolvePolicyFinding',
        findingId: 'f1',
        resolution: 'dispenser installed',
        resolvedOn: '2026-03-05',
      })
      .then([resolved]);
    spec
      .given([...live, audited, resolved])
      .when({ type: 'ResolvePolicyFinding', findingId: 'f1', resolution: 'x', resolvedOn: '2026-03-06' })
      .thenRejects('FindingAlreadyResolved');
    spec
      .given([...live, audited])
      .when({ type: 'ResolvePolicyFinding', findingId: 'f1', resolution: 'x', resolvedOn: '2026-02-28' })
      .thenRejects('ResolvedBeforeRecorded', 'resolvedOn');
  });
  it('reviews a published policy and schedules the next review', () => {
    spec
      .given(live)
      .when({ type: 'ReviewPolicy', reviewedBy: 'pm-1', reviewedOn: '2027-01-31' })
      .then([
        events.make('PolicyReviewed', {
          policyId: id,
          reviewedBy: 'pm-1',
          reviewedOn: '2027-01-31',
          reviewDueOn: '2027-02-01',
          nextReviewDueOn: '2028-01-31',
        }),
      ]);
    spec
      .given([drafted])
      .when({ type: 'ReviewPolicy', reviewedBy: 'pm-1', reviewedOn: '2027-01-31' })
      .thenRejects('NoReviewDue');
  });
  it('drafts a revision as version n+1, one at a time', () => {
    spec
      .given(live)
      .when({
        type: 'DraftPolicyRevision',
        changeSummary: 'alcohol rub',
        draftedBy: 'pm-1',
        draftedOn: '2026-06-01',
      })
      .then([revision]);
    spec
      .given([...live, revision])
      .when({ type: 'DraftPolicyRevision', changeSummary: 'x', draftedBy: 'pm-1', draftedOn: '2026-06-02' })
      .thenRejects('DraftAlreadyPending');
  });
  it('retires once', () => {
    const retired = events.make('PolicyRetired', {
      policyId: id,
      reason: 'merged',
      retiredOn: '2026-09-01',
      reviewDueOn: '2027-02-01',
      retainUntil: '2032-09-01',
    });
    spec
      .given(live)
      .when({ type: 'RetirePolicy', reason: 'merged', retiredOn: '2026-09-01' })
      .then([retired]);
    spec
      .given([...live, retired])
      .when({ type: 'RetirePolicy', reason: 'again', retiredOn: '2026-09-02' })
      .thenRejects('PolicyRetired');
  });
});

describe('Policy: invariant — no acknowledgment of an unpublished or superseded version', () => {
  // Each step is a command made for its day, so dates move forward through the sequence.
  type Step = (on: string) => PolicyCommand;
  const step = fc.oneof(
    fc.constant<Step>((on) => ({
      type: 'ApprovePolicy',
      approvedBy: 'md',
      approverRole: 'medical_director',
      approvedOn: on,
    })),
    fc.constant<Step>((on) => ({ type: 'PublishPolicy', publishedOn: on, effectiveOn: on })),
    fc.constant<Step>((on) => ({
      type: 'DraftPolicyRevision',
      changeSummary: 'x',
      draftedBy: 'pm',
      draftedOn: on,
    })),
    fc.constant<Step>((on) => ({ type: 'AssignPolicy', roles: ['nurse'], assignedOn: on })),
    fc.constant<Step>((on) => ({ type: 'RetirePolicy', reason: 'x', retiredOn: on })),
    fc
      .record({ version: fc.integer({ min: 0, max: 5 }), staff: fc.constantFrom('a', 'b') })
      .map(({ version, staff }): Step => (on) => ({
        type: 'AcknowledgePolicy',
        staffOnRecord: [],
        version,
        staffId: staff,
        role: 'nurse',
        acknowledgedOn: on,
      })),
  );
  it('every recorded acknowledgment names the version that was current and published at the time', () => {
    let superseded = 0;
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        // start from version 1 published and assigned, so revisions (and superseded versions) are reachable
        let state = live.reduce(decider.evolve, decider.initialState);
        steps.forEach((make, i) => {
          const on = addMonths('2026-02-01', i + 1);
          const d = decideHandled(decider, make(on), state);
          if (d._tag === 'Left') return;
          for (const e of d.right) {
            if (e.type === 'PolicyAcknowledged') {
              expect(state.status).toBe('active');
              expect(state.current?.version).toBe(e.data.version);
              expect(state.current!.publishedOn <= e.data.acknowledgedOn).toBe(true);
            }
            if (e.type === 'PolicyPublished' && e.data.version > 1) superseded++;
            state = decider.evolve(state, e);
          }
        });
      }),
      { numRuns: 300 },
    );
    // the generator does reach later versions, so superseded versions are exercised
    expect(superseded).toBeGreaterThan(0);
  });
});

describe('Policy: malformed commands are rejected as data', () => {
  it('rejects a date that does not exist', () => {
    spec
      .given([drafted])
      .when({
        type: 'ApprovePolicy',
        approvedBy: 'md-1',
        approverRole: 'medical_director',
        approvedOn: '2026-02-30',
      })
      .thenRejects('InvalidDate', 'approvedOn');
  });
  it('rejects a review interval that is not a whole number of months, and version 0', () => {
    spec
      .given([])
      .when({
        type: 'DraftPolicy',
        policyId: id,
        title: 'x',
        reviewEveryMonths: 0,
        draftedBy: 'a',
        draftedOn: '2026-01-01',
      })
      .thenRejects('InvalidNumber', 'reviewEveryMonths');
    spec.given(live).when(ack(0, '2026-01-12')).thenRejects('InvalidNumber', 'version');
  });
});
