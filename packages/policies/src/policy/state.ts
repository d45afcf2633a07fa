import type { PolicyEvent } from './events.js';

/** A version that was published. */
export interface PublishedVersion {
  readonly version: number;
  readonly publishedOn: string;
  readonly effectiveOn: string;
}

/** A version being drafted (version 1, or a revision). */
export interface PendingDraft {
  readonly version: number;
  readonly draftedOn: string;
  readonly approvedOn?: string;
}

/** An enforcement finding. */
export interface PolicyFinding {
  readonly recordedOn: string;
  readonly resolvedOn?: string;
}

/** A policy as its events left it. JSON-serialisable (snapshots). */
export interface Policy {
  readonly status: 'none' | 'active' | 'retired';
  readonly policyId: string;
  readonly title: string;
  readonly reviewEveryMonths: number;
  readonly approverRoles: readonly string[];
  readonly draft?: PendingDraft;
  /** The latest published version: the only one that can be acknowledged. */
  readonly current?: PublishedVersion;
  readonly roles: readonly string[];
  /** `${staffId}@${version}` for every acknowledgment. */
  readonly acknowledgments: readonly string[];
  readonly sessions: readonly string[];
  readonly audits: readonly string[];
  /** Processes the policy governs (aggregate names). */
  readonly governs?: readonly string[];
  readonly findings: Readonly<Record<string, PolicyFinding>>;
  readonly reviewDueOn?: string;
  /** Version → the date its documentation may be destroyed (once superseded or retired). */
  readonly retainUntil: Readonly<Record<string, string>>;
}

/** No policy yet. */
export const initialState: Policy = {
  status: 'none',
  policyId: '',
  title: '',
  reviewEveryMonths: 12,
  approverRoles: [],
  roles: [],
  acknowledgments: [],
  sessions: [],
  audits: [],
  findings: {},
  retainUntil: {},
};

/** The key of one person's acknowledgment of one version. */
export const acknowledgmentKey = (staffId: string, version: number): string => `${staffId}@${version}`;

/** Applies one event. Pure. */
export const evolve = (s: Policy, e: PolicyEvent): Policy => {
  switch (e.type) {
    case 'PolicyDrafted':
      return {
        ...initialState,
        status: 'active',
        policyId: e.data.policyId,
        title: e.data.title,
        reviewEveryMonths: e.data.reviewEveryMonths,
        approverRoles: e.data.approverRoles,
        draft: { version: e.data.version, draftedOn: e.data.draftedOn },
      };
    case 'PolicyApproved':
      return s.draft === undefined ? s : { ...s, draft: { ...s.draft, approvedOn: e.data.approvedOn } };
    case 'PolicyPublished': {
      const { draft: _published, ...rest } = s;
      return {
        ...rest,
        current: {
          version: e.data.version,
          publishedOn: e.data.publishedOn,
          effectiveOn: e.data.effectiveOn,
        },
        reviewDueOn: e.data.reviewDueOn,
        retainUntil:
          e.data.supersedes === undefined
            ? s.retainUntil
            : { ...s.retainUntil, [e.data.supersedes.version]: e.data.supersedes.retainUntil },
      };
    }
    case 'PolicyAssigned':
      return { ...s, roles: [...s.roles, ...e.data.roles.filter((r) => !s.roles.includes(r))] };
    case 'PolicyAcknowledged':
      return {
        ...s,
        acknowledgments: [...s.acknowledgments, acknowledgmentKey(e.data.staffId, e.data.version)],
      };
    case 'PolicyTrainingSessionHeld':
      return { ...s, sessions: [...s.sessions, e.data.sessionId] };
    case 'PolicyEnforcementAudited': {
      const findings = { ...s.findings };
      for (const f of e.data.findings) findings[f.findingId] = { recordedOn: e.data.auditedOn };
      return { ...s, audits: [...s.audits, e.data.auditId], findings };
    }
    case 'PolicyGovernsProcess':
      return { ...s, governs: [...(s.governs ?? []), e.data.process] };
    case 'ChartDocumentationAudited':
      return { ...s, audits: [...s.audits, e.data.auditId] };
    case 'PolicyFindingResolved': {
      const f = s.findings[e.data.findingId];
      if (f === undefined) return s;
      return {
        ...s,
        findings: { ...s.findings, [e.data.findingId]: { ...f, resolvedOn: e.data.resolvedOn } },
      };
    }
    case 'PolicyReviewed':
      return { ...s, reviewDueOn: e.data.nextReviewDueOn };
    case 'PolicyRevisionDrafted': {
      const { reviewDueOn: _met, ...rest } = s;
      return { ...rest, draft: { version: e.data.version, draftedOn: e.data.draftedOn } };
    }
    case 'PolicyRetired': {
      const { draft: _dropped, reviewDueOn: _none, ...rest } = s;
      const last = s.current?.version;
      return {
        ...rest,
        status: 'retired',
        retainUntil:
          last === undefined || e.data.retainUntil === undefined
            ? s.retainUntil
            : { ...s.retainUntil, [last]: e.data.retainUntil },
      };
    }
  }
};
