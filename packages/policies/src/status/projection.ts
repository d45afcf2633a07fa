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
  readonly retiredOn?: string;
}

const empty = (policyId: string): PolicyStatusDoc => ({
  policyId,
  title: policyId,
  status: 'draft',
  roles: [],
  sessions: [],
  findings: 0,
  openFindings: 0,
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
 * enforcement findings. Acknowledgments are counted by `policy-acknowledgments` (@praxis/kpi).
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
    'PolicyReviewed',
    'PolicyRevisionDrafted',
    'PolicyRetired',
  ],
  handle: (e: RecordedEvent) => handle(e as unknown as PolicyEvent),
};
