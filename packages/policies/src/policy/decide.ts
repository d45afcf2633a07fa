import { DateTime } from 'luxon';
import { accept, reject, type Decision, refuseStaffNotOnRecord } from '@praxis/core';
import type {
  DraftPolicy,
  ApprovePolicy,
  PublishPolicy,
  AssignPolicy,
  AcknowledgePolicy,
  HoldPolicyTraining,
  AuditPolicyEnforcement,
  ResolvePolicyFinding,
  ReviewPolicy,
  DraftPolicyRevision,
  RetirePolicy,
  PolicyCommand,
  GovernProcess,
  AuditChartDocumentation,
} from './commands.js';
import { events, type PolicyEvent } from './events.js';
import { acknowledgmentKey, type Policy } from './state.js';

/** Years policy documentation is kept after it was last in effect (45 CFR 164.316(b)(2)(i)). */
export const retentionYears = 6;

const retainAfter = (lastInEffect: string): string => addMonths(lastInEffect, retentionYears * 12);
const dayBefore = (date: string): string =>
  DateTime.fromISO(date, { zone: 'utc' }).minus({ days: 1 }).toISODate()!;

/** Roles that may approve a policy when the draft names none. */
export const defaultApproverRoles: readonly string[] = [
  'practice_manager',
  'compliance_officer',
  'medical_director',
];

/**
 * The next review date: `months` calendar months after `from` (a calendar day in the practice
 * zone). Luxon clamps a month end: 2024-01-31 + 1 month = 2024-02-29; 2024-02-29 + 12 = 2025-02-28.
 */
export const addMonths = (from: string, months: number): string =>
  DateTime.fromISO(from, { zone: 'utc' }).plus({ months }).toISODate()!;

type D = Decision<PolicyEvent>;

const notActive = (s: Policy): D | undefined =>
  s.status === 'none'
    ? reject('PolicyNotFound', 'no such policy has been drafted')
    : s.status === 'retired'
      ? reject('PolicyRetired', `policy "${s.title}" is retired`)
      : undefined;

/** A policy is drafted once, as version 1, with a review interval and at least one approving role. */
const draftPolicy = (c: DraftPolicy, s: Policy): D => {
  if (s.status !== 'none')
    return reject('PolicyAlreadyExists', `policy ${c.policyId} already exists`, 'policyId');
  const approverRoles = c.approverRoles ?? defaultApproverRoles;
  if (approverRoles.length === 0)
    return reject('NoApproverRoles', 'at least one role must be allowed to approve', 'approverRoles');
  return accept(
    events.make('PolicyDrafted', {
      policyId: c.policyId,
      title: c.title,
      version: 1,
      reviewEveryMonths: c.reviewEveryMonths,
      approverRoles: [...approverRoles],
      draftedBy: c.draftedBy,
      draftedOn: c.draftedOn,
      ...(c.summary === undefined ? {} : { summary: c.summary }),
    }),
  );
};

/** Only a person holding one of the policy's approver roles can approve its pending draft. */
const approvePolicy = (c: ApprovePolicy, s: Policy): D =>
  notActive(s) ??
  (s.draft === undefined
    ? reject('NoDraftPending', 'there is no draft to approve')
    : s.draft.approvedOn !== undefined
      ? reject('DraftAlreadyApproved', `version ${s.draft.version} is already approved`)
      : !s.approverRoles.includes(c.approverRole)
        ? reject(
            'ApproverNotAuthorised',
            `role ${c.approverRole} may not approve this policy (allowed: ${s.approverRoles.join(', ')})`,
            'approverRole',
          )
        : c.approvedOn < s.draft.draftedOn
          ? reject('ApprovedBeforeDrafted', 'approval cannot precede the draft', 'approvedOn')
          : accept(
              events.make('PolicyApproved', {
                policyId: s.policyId,
                version: s.draft.version,
                approvedBy: c.approvedBy,
                approverRole: c.approverRole,
                approvedOn: c.approvedOn,
              }),
            ));

/**
 * Only an approved draft is published; it becomes the current version (superseding the
 * previous one) and may not take effect before it is published, nor before the version it
 * replaces took effect. Its review falls due `reviewEveryMonths` after the effective date;
 * the replaced version is kept 6 years after its last day in effect (45 CFR 164.316(b)(2)(i)).
 */
const publishPolicy = (c: PublishPolicy, s: Policy): D =>
  notActive(s) ??
  (s.draft?.approvedOn === undefined
    ? reject('PolicyNotApproved', 'only an approved draft can be published')
    : c.publishedOn < s.draft.approvedOn
      ? reject('PublishedBeforeApproved', 'publication cannot precede approval', 'publishedOn')
      : c.effectiveOn < c.publishedOn
        ? reject(
            'EffectiveBeforePublished',
            'a version cannot take effect before it is published',
            'effectiveOn',
          )
        : s.current !== undefined && c.effectiveOn <= s.current.effectiveOn
          ? reject(
              'EffectiveBeforeCurrentVersion',
              `version ${s.current.version} took effect on ${s.current.effectiveOn}; the new one must take effect later`,
              'effectiveOn',
            )
          : accept(
              events.make('PolicyPublished', {
                policyId: s.policyId,
                version: s.draft.version,
                publishedOn: c.publishedOn,
                effectiveOn: c.effectiveOn,
                reviewDueOn: addMonths(c.effectiveOn, s.reviewEveryMonths),
                ...(s.current === undefined
                  ? {}
                  : {
                      supersedes: {
                        version: s.current.version,
                        retainUntil: retainAfter(dayBefore(c.effectiveOn)),
                      },
                    }),
              }),
            ));

/** Assigning adds roles; roles already assigned are ignored (nothing happens if all are). */
const assignPolicy = (c: AssignPolicy, s: Policy): D => {
  const refused = notActive(s);
  if (refused !== undefined) return refused;
  if (c.roles.length === 0) return reject('NoRoles', 'name at least one role', 'roles');
  const added = [...new Set(c.roles)].filter((r) => !s.roles.includes(r));
  return added.length === 0
    ? accept()
    : accept(events.make('PolicyAssigned', { policyId: s.policyId, roles: added, assignedOn: c.assignedOn }));
};

/**
 * A person acknowledges the current published version only: an unpublished version or a
 * superseded one is refused, as is a person whose role the policy is not assigned to.
 * Acknowledging the same version twice changes nothing.
 */
const acknowledgePolicy = (c: AcknowledgePolicy, s: Policy): D => {
  const refused = notActive(s);
  if (refused !== undefined) return refused;
  const current = s.current;
  if (current === undefined || c.version > current.version)
    return reject('PolicyVersionNotPublished', `version ${c.version} has not been published`, 'version');
  if (c.version < current.version)
    return reject(
      'PolicyVersionSuperseded',
      `version ${c.version} was superseded by version ${current.version}`,
      'version',
    );
  if (!s.roles.includes(c.role))
    return reject('PolicyNotAssignedToRole', `the policy is not assigned to role ${c.role}`, 'role');
  if (c.acknowledgedOn < current.publishedOn)
    return reject(
      'AcknowledgedBeforePublished',
      'acknowledgment cannot precede publication',
      'acknowledgedOn',
    );
  if (s.acknowledgments.includes(acknowledgmentKey(c.staffId, c.version))) return accept();
  return accept(
    events.make('PolicyAcknowledged', {
      policyId: s.policyId,
      version: c.version,
      staffId: c.staffId,
      role: c.role,
      acknowledgedOn: c.acknowledgedOn,
    }),
  );
};

/** Training is held on the current published version, with at least one attendee. */
const holdPolicyTraining = (c: HoldPolicyTraining, s: Policy): D =>
  notActive(s) ??
  (s.current === undefined
    ? reject('PolicyVersionNotPublished', 'training needs a published version')
    : s.sessions.includes(c.sessionId)
      ? reject('TrainingSessionAlreadyRecorded', `session ${c.sessionId} is already recorded`, 'sessionId')
      : c.attendeeIds.length === 0
        ? reject('NoAttendees', 'a session needs at least one attendee', 'attendeeIds')
        : !Number.isFinite(c.hours) || c.hours <= 0 || c.hours > 24
          ? reject('HoursOutOfRange', 'a session lasts more than 0 and at most 24 hours', 'hours')
          : accept(
              events.make('PolicyTrainingSessionHeld', {
                policyId: s.policyId,
                version: s.current.version,
                sessionId: c.sessionId,
                trainerId: c.trainerId,
                attendeeIds: [...c.attendeeIds],
                heldOn: c.heldOn,
                hours: c.hours,
              }),
            ));

/** A live policy names each process it governs once; the process must be one of the practice's. */
const governProcess = (c: GovernProcess, s: Policy): D =>
  notActive(s) ??
  (c.processEventTypes === 0
    ? reject('UnknownProcess', `the practice records no process named ${c.process}`, 'process')
    : (s.governs ?? []).includes(c.process)
      ? reject('ProcessAlreadyGoverned', `${s.title} already governs ${c.process}`, 'process')
      : accept(
          events.make('PolicyGovernsProcess', { policyId: s.policyId, process: c.process, since: c.since }),
        ));

/** Most criteria and providers one chart audit may hold. */
export const chartAuditLimits = { criteria: 50, providers: 200 } as const;

/**
 * A chart audit is recorded against a published policy, once per audit id: at least one
 * criterion (distinct ids) and one provider (distinct), each provider's sample a whole number
 * of charts ≥ 1, and for each criterion a whole number of passes from 0 to the sample size.
 */
const auditChartDocumentation = (c: AuditChartDocumentation, s: Policy): D => {
  const refused = notActive(s);
  if (refused !== undefined) return refused;
  if (s.current === undefined)
    return reject('PolicyVersionNotPublished', 'only a published policy sets documentation standards');
  if (s.audits.includes(c.auditId))
    return reject('AuditAlreadyRecorded', `audit ${c.auditId} is already recorded`, 'auditId');
  if (c.criteria.length === 0)
    return reject('NoCriteria', 'an audit checks at least one criterion', 'criteria');
  if (c.criteria.length > chartAuditLimits.criteria)
    return reject('TooManyItems', `at most ${chartAuditLimits.criteria} criteria`, 'criteria');
  const ids = c.criteria.map((x) => x.criterionId);
  const dupC = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (dupC >= 0)
    return reject(
      'DuplicateCriterion',
      `criterion ${ids[dupC]} is listed twice`,
      `criteria.${dupC}.criterionId`,
    );
  if (c.providers.length === 0)
    return reject('NoProviders', 'an audit reviews at least one provider', 'providers');
  if (c.providers.length > chartAuditLimits.providers)
    return reject('TooManyItems', `at most ${chartAuditLimits.providers} providers`, 'providers');
  const seen = new Set<string>();
  for (const [i, p] of c.providers.entries()) {
    const at = `providers.${i}`;
    if (seen.has(p.providerId))
      return reject('DuplicateProvider', `${p.providerId} is listed twice`, `${at}.providerId`);
    seen.add(p.providerId);
    if (!Number.isInteger(p.sampleSize) || p.sampleSize < 1 || p.sampleSize > 10_000)
      return reject(
        'InvalidSampleSize',
        'a sample is a whole number of charts from 1 to 10,000',
        `${at}.sampleSize`,
      );
    for (const [j, r] of p.passes.entries()) {
      if (!ids.includes(r.criterionId))
        return reject(
          'UnknownCriterion',
          `${r.criterionId} is not a criterion of this audit`,
          `${at}.passes.${j}.criterionId`,
        );
      if (!Number.isInteger(r.passes) || r.passes < 0 || r.passes > p.sampleSize)
        return reject(
          'PassesOutOfRange',
          `passes are a whole number from 0 to ${p.sampleSize}`,
          `${at}.passes.${j}.passes`,
        );
    }
    const given = p.passes.map((r) => r.criterionId);
    const missing = ids.find((id) => given.filter((g) => g === id).length !== 1);
    if (missing !== undefined)
      return reject('CriterionMissing', `give one result for criterion ${missing}`, `${at}.passes`);
  }
  return accept(
    events.make('ChartDocumentationAudited', {
      policyId: s.policyId,
      version: s.current.version,
      auditId: c.auditId,
      auditedBy: c.auditedBy,
      auditedOn: c.auditedOn,
      criteria: c.criteria.map((x) => ({ criterionId: x.criterionId, description: x.description })),
      providers: c.providers.map((p) => ({
        providerId: p.providerId,
        sampleSize: p.sampleSize,
        passes: p.passes.map((r) => ({ criterionId: r.criterionId, passes: r.passes })),
      })),
    }),
  );
};

/** Enforcement is audited against a published policy; each finding id is new. */
const auditPolicyEnforcement = (c: AuditPolicyEnforcement, s: Policy): D => {
  const refused = notActive(s);
  if (refused !== undefined) return refused;
  if (s.current === undefined)
    return reject('PolicyVersionNotPublished', 'only a published policy is enforced');
  if (s.audits.includes(c.auditId))
    return reject('AuditAlreadyRecorded', `audit ${c.auditId} is already recorded`, 'auditId');
  const ids = c.findings.map((f) => f.findingId);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i || s.findings[id] !== undefined);
  if (dup !== undefined)
    return reject('FindingAlreadyRecorded', `finding ${dup} is already recorded`, 'findings');
  return accept(
    events.make('PolicyEnforcementAudited', {
      policyId: s.policyId,
      auditId: c.auditId,
      auditorId: c.auditorId,
      auditedOn: c.auditedOn,
      findings: c.findings.map((f) => ({ findingId: f.findingId, description: f.description })),
    }),
  );
};

/** An open finding is resolved once, not before it was recorded. */
const resolvePolicyFinding = (c: ResolvePolicyFinding, s: Policy): D => {
  if (s.status === 'none') return reject('PolicyNotFound', 'no such policy has been drafted');
  const f = s.findings[c.findingId];
  return f === undefined
    ? reject('FindingNotFound', `no finding ${c.findingId}`, 'findingId')
    : f.resolvedOn !== undefined
      ? reject(
          'FindingAlreadyResolved',
          `finding ${c.findingId} was resolved on ${f.resolvedOn}`,
          'findingId',
        )
      : c.resolvedOn < f.recordedOn
        ? reject(
            'ResolvedBeforeRecorded',
            'a finding cannot be resolved before it was recorded',
            'resolvedOn',
          )
        : accept(
            events.make('PolicyFindingResolved', {
              policyId: s.policyId,
              findingId: c.findingId,
              resolution: c.resolution,
              resolvedOn: c.resolvedOn,
            }),
          );
};

/** A published policy with a review due can be reviewed; the next review falls due one interval later. */
const reviewPolicy = (c: ReviewPolicy, s: Policy): D =>
  notActive(s) ??
  (s.current === undefined || s.reviewDueOn === undefined
    ? reject('NoReviewDue', 'no review is due (unpublished, or a revision is in progress)')
    : accept(
        events.make('PolicyReviewed', {
          policyId: s.policyId,
          reviewedBy: c.reviewedBy,
          reviewedOn: c.reviewedOn,
          reviewDueOn: s.reviewDueOn,
          nextReviewDueOn: addMonths(c.reviewedOn, s.reviewEveryMonths),
        }),
      ));

/** A revision drafts version n+1 of a published policy; one draft at a time. */
const draftPolicyRevision = (c: DraftPolicyRevision, s: Policy): D =>
  notActive(s) ??
  (s.current === undefined
    ? reject('PolicyVersionNotPublished', 'publish the first version before revising it')
    : s.draft !== undefined
      ? reject('DraftAlreadyPending', `version ${s.draft.version} is already being drafted`)
      : accept(
          events.make('PolicyRevisionDrafted', {
            policyId: s.policyId,
            version: s.current.version + 1,
            changeSummary: c.changeSummary,
            draftedBy: c.draftedBy,
            draftedOn: c.draftedOn,
            ...(s.reviewDueOn === undefined ? {} : { reviewDueOn: s.reviewDueOn }),
          }),
        ));

/** Retiring ends the policy: no more acknowledgments, reviews or revisions. */
const retirePolicy = (c: RetirePolicy, s: Policy): D =>
  notActive(s) ??
  accept(
    events.make('PolicyRetired', {
      policyId: s.policyId,
      reason: c.reason,
      retiredOn: c.retiredOn,
      ...(s.reviewDueOn === undefined ? {} : { reviewDueOn: s.reviewDueOn }),
      ...(s.current === undefined ? {} : { retainUntil: retainAfter(c.retiredOn) }),
    }),
  );

/** Decides a Policy command. Pure. */
export const decide = (c: PolicyCommand, s: Policy): D => {
  switch (c.type) {
    case 'DraftPolicy':
      return draftPolicy(c, s);
    case 'ApprovePolicy':
      return approvePolicy(c, s);
    case 'PublishPolicy':
      return publishPolicy(c, s);
    case 'AssignPolicy':
      return assignPolicy(c, s);
    case 'AcknowledgePolicy':
      return refuseStaffNotOnRecord(c.staffOnRecord) ?? acknowledgePolicy(c, s);
    case 'HoldPolicyTraining':
      return refuseStaffNotOnRecord(c.staffOnRecord) ?? holdPolicyTraining(c, s);
    case 'AuditPolicyEnforcement':
      return auditPolicyEnforcement(c, s);
    case 'GovernProcess':
      return governProcess(c, s);
    case 'AuditChartDocumentation':
      return refuseStaffNotOnRecord(c.staffOnRecord) ?? auditChartDocumentation(c, s);
    case 'ResolvePolicyFinding':
      return resolvePolicyFinding(c, s);
    case 'ReviewPolicy':
      return reviewPolicy(c, s);
    case 'DraftPolicyRevision':
      return draftPolicyRevision(c, s);
    case 'RetirePolicy':
      return retirePolicy(c, s);
  }
};
