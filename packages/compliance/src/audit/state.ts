import type { AuditEvent } from './events.js';

/** A corrective action on a finding. */
export interface CorrectiveAction {
  readonly findingId: string;
  readonly ownerId: string;
  readonly assignedOn: string;
  readonly dueOn: string;
  readonly completedOn?: string;
  readonly verifiedOn?: string;
}

/** A finding of the audit. */
export interface Finding {
  readonly recordedOn: string;
  readonly closedOn?: string;
}

/** A prepared-by-client item of a financial audit. */
export interface PbcItem {
  readonly requestedOn: string;
  readonly dueOn: string;
  readonly providedOn?: string;
}

/** A compliance audit as its events left it. JSON-serialisable. */
export interface Audit {
  readonly status: 'none' | 'scheduled' | 'performed';
  /** Absent: a compliance audit. */
  readonly kind?: 'compliance' | 'financial';
  /** A financial audit's prepared-by-client list. */
  readonly pbc?: Readonly<Record<string, PbcItem>>;
  readonly auditId: string;
  readonly scheduledFor: string;
  readonly performedOn?: string;
  readonly findings: Readonly<Record<string, Finding>>;
  readonly actions: Readonly<Record<string, CorrectiveAction>>;
}

/** No audit yet. */
export const initialState: Audit = {
  status: 'none',
  auditId: '',
  scheduledFor: '',
  findings: {},
  actions: {},
};

const patchAction = (s: Audit, id: string, p: Partial<CorrectiveAction>): Audit => {
  const a = s.actions[id];
  return a === undefined ? s : { ...s, actions: { ...s.actions, [id]: { ...a, ...p } } };
};

/** Applies one event. Pure. */
export const evolve = (s: Audit, e: AuditEvent): Audit => {
  switch (e.type) {
    case 'ComplianceAuditScheduled':
      return {
        ...initialState,
        status: 'scheduled',
        auditId: e.data.auditId,
        scheduledFor: e.data.scheduledFor,
        ...(e.data.kind === 'financial' ? { kind: 'financial' as const, pbc: {} } : {}),
      };
    case 'PbcItemRequested':
      return {
        ...s,
        pbc: { ...s.pbc, [e.data.itemId]: { requestedOn: e.data.requestedOn, dueOn: e.data.dueOn } },
      };
    case 'PbcItemProvided': {
      const item = s.pbc?.[e.data.itemId];
      return item === undefined
        ? s
        : { ...s, pbc: { ...s.pbc, [e.data.itemId]: { ...item, providedOn: e.data.providedOn } } };
    }
    case 'ComplianceAuditPerformed':
      return { ...s, status: 'performed', performedOn: e.data.performedOn };
    case 'AuditFindingRecorded':
      return { ...s, findings: { ...s.findings, [e.data.findingId]: { recordedOn: e.data.recordedOn } } };
    case 'CorrectiveActionAssigned':
      return {
        ...s,
        actions: {
          ...s.actions,
          [e.data.actionId]: {
            findingId: e.data.findingId,
            ownerId: e.data.ownerId,
            assignedOn: e.data.assignedOn,
            dueOn: e.data.dueOn,
          },
        },
      };
    case 'CorrectiveActionCompleted':
      return patchAction(s, e.data.actionId, { completedOn: e.data.completedOn });
    case 'CorrectiveActionVerified':
      return patchAction(s, e.data.actionId, { verifiedOn: e.data.verifiedOn });
    case 'CorrectiveActionReopened': {
      const a = s.actions[e.data.actionId];
      if (a === undefined) return s;
      const { completedOn: _failed, ...open } = a;
      return { ...s, actions: { ...s.actions, [e.data.actionId]: { ...open, dueOn: e.data.dueOn } } };
    }
    case 'AuditFindingClosed': {
      const f = s.findings[e.data.findingId];
      return f === undefined
        ? s
        : { ...s, findings: { ...s.findings, [e.data.findingId]: { ...f, closedOn: e.data.closedOn } } };
    }
  }
};
