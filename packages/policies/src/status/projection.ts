import type { DocUpdate, Json, Projection, RecordedEvent } from '@praxis/core';
import type { PolicyEvent } from '../policy/events.js';

/** The name of the policy status read model. */
export const policyStatusName = 'policy-status';

/** One training session on a policy version. */
export interface PolicySession {
  readonly sessionId: string;
  readonly version: number;
  readonly heldOn: string;
  readonly trainerId: string;
  readonly attendeeIds: readonly string[];
  /** Absent for sessions recorded before their length was asked for. */
  readonly hours?: number;
}

/** One policy as the status read model keeps it (document `policy:<policyId>`). */
export interface PolicyStatusDoc {
  readonly policyId: string;
  readonly title: string;
  readonly status: 'draft' | 'active' | 'retired';
  /** The latest published version. */
  readonly currentVersion?: number;
  readonly effectiveOn?: string;
  readonly reviewDueOn?: string;
  readonly roles: readonly string[];
  readonly sessions: readonly PolicySession[];
  /** Enforcement findings recorded and still open. */
  readonly findings: number;
  readonly openFindings: number;
  /** Processes the policy governs (aggregate names, `Complaint`), with the date from which. */
  readonly governs: readonly { readonly process: string; readonly since: string }[];
  /** Chart audits against its documentation standards: charts × criteria checked, and passed. */
  readonly documentation: { readonly audits: number; readonly checks: number; readonly passes: number };
  readonly retiredOn?: string;
}

/** One provider's result in one chart audit (document `chart-audit:<policyId>:<auditId>:<providerId>`). */
export interface ChartAuditDoc {
  readonly policyId: string;
  readonly auditId: string;
  readonly auditedOn: string;
  readonly providerId: string;
  readonly sampleSize: number;
  readonly criteria: number;
  /** sampleSize × criteria. */
  readonly checks: number;
  /** Σ passes over the criteria. */
  readonly passes: number;
}

const empty = (policyId: string): PolicyStatusDoc => ({
  policyId,
  title: policyId,
  status: 'draft',
  roles: [],
  sessions: [],
  findings: 0,
  openFindings: 0,
  governs: [],
  documentation: { audits: 0, checks: 0, passes: 0 },
});

const on = (policyId: string, f: (p: PolicyStatusDoc) => PolicyStatusDoc): DocUpdate => ({
  key: `policy:${policyId}`,
  update: (cur) =>
    f({ ...empty(policyId), ...(cur as unknown as PolicyStatusDoc | undefined) }) as unknown as Json,
});

const handle = (ev: PolicyEvent): readonly DocUpdate[] => {
  switch (ev.type) {
    case 'PolicyDrafted':
      return [on(ev.data.policyId, (p) => ({ ...p, title: ev.data.title }))];
    case 'PolicyPublished': {
      const d = ev.data;
      return [
        on(d.policyId, (p) => ({
          ...p,
          status: 'active',
          currentVersion: d.version,
          effectiveOn: d.effectiveOn,
          reviewDueOn: d.reviewDueOn,
        })),
      ];
    }
    case 'PolicyAssigned':
      return [
        on(ev.data.policyId, (p) => ({
          ...p,
          roles: [...p.roles, ...ev.data.roles.filter((r) => !p.roles.includes(r))],
        })),
      ];
    case 'PolicyTrainingSessionHeld': {
      const { policyId, ...session } = ev.data;
      return [on(policyId, (p) => ({ ...p, sessions: [...p.sessions, session] }))];
    }
    case 'PolicyEnforcementAudited': {
      const n = ev.data.findings.length;
      return [
        on(ev.data.policyId, (p) => ({ ...p, findings: p.findings + n, openFindings: p.openFindings + n })),
      ];
    }
    case 'PolicyGovernsProcess': {
      const { process, since } = ev.data;
      return [on(ev.data.policyId, (p) => ({ ...p, governs: [...p.governs, { process, since }] }))];
    }
    case 'ChartDocumentationAudited': {
      const d = ev.data;
      const rows: ChartAuditDoc[] = d.providers.map((x) => ({
        policyId: d.policyId,
        auditId: d.auditId,
        auditedOn: d.auditedOn,
        providerId: x.providerId,
        sampleSize: x.sampleSize,
        criteria: d.criteria.length,
        checks: x.sampleSize * d.criteria.length,
        passes: x.passes.reduce((n, r) => n + r.passes, 0),
      }));
      const checks = rows.reduce((n, r) => n + r.checks, 0);
      const passes = rows.reduce((n, r) => n + r.passes, 0);
      return [
        ...rows.map((r) => ({
          key: `chart-audit:${r.policyId}:${r.auditId}:${r.providerId}`,
          update: () => r as unknown as Json,
        })),
        on(d.policyId, (p) => ({
          ...p,
          documentation: {
            audits: p.documentation.audits + 1,
            checks: p.documentation.checks + checks,
            passes: p.documentation.passes + passes,
          },
        })),
      ];
    }
    case 'PolicyFindingResolved':
      return [on(ev.data.policyId, (p) => ({ ...p, openFindings: Math.max(0, p.openFindings - 1) }))];
    case 'PolicyReviewed':
      return [on(ev.data.policyId, (p) => ({ ...p, reviewDueOn: ev.data.nextReviewDueOn }))];
    case 'PolicyRevisionDrafted':
      return [
        on(ev.data.policyId, (p) => {
          const { reviewDueOn: _met, ...rest } = p;
          return rest;
        }),
      ];
    case 'PolicyRetired':
      return [
        on(ev.data.policyId, (p) => {
          const { reviewDueOn: _lapsed, ...rest } = p;
          return { ...rest, status: 'retired', retiredOn: ev.data.retiredOn };
        }),
      ];
    default:
      return [];
  }
};

/**
 * The policy status read model: one document per policy (`policy:<policyId>`) with its current
 * version, review due date, assigned roles, every training session (who attended, how long) and
 * enforcement findings, the processes it governs and its chart audits (one
 * `chart-audit:<policyId>:<auditId>:<providerId>` document per provider audited). Acknowledgments are counted by `policy-acknowledgments` (@praxis/kpi).
 */
export const policyStatus: Projection = {
  name: policyStatusName,
  version: 1,
  eventTypes: [
    'PolicyDrafted',
    'PolicyPublished',
    'PolicyAssigned',
    'PolicyTrainingSessionHeld',
    'PolicyEnforcementAudited',
    'PolicyFindingResolved',
    'PolicyGovernsProcess',
    'ChartDocumentationAudited',
    'PolicyReviewed',
    'PolicyRevisionDrafted',
    'PolicyRetired',
  ],
  handle: (e: RecordedEvent) => handle(e as unknown as PolicyEvent),
};
