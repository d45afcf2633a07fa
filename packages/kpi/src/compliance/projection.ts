import type { DocUpdate, Json, Projection, RecordedEvent } from '@praxis/core';

/** The name of the findings and corrective-actions read model. */
export const complianceFindingsName = 'compliance-findings';

/** A finding (document `finding:<source>:<findingId>`): from a compliance audit or a policy enforcement audit. */
export interface FindingDoc {
  readonly findingId: string;
  readonly source: 'compliance-audit' | 'policy-enforcement';
  readonly streamId: string;
  readonly description: string;
  readonly recordedOn: string;
  /** Closed (compliance audit) or resolved (policy enforcement). */
  readonly closedOn?: string;
}

/** A corrective action (document `action:<actionId>`). */
export interface CorrectiveActionDoc {
  readonly actionId: string;
  readonly findingId: string;
  readonly streamId: string;
  readonly ownerId: string;
  readonly assignedOn: string;
  readonly dueOn: string;
  readonly completedOn?: string;
  readonly verifiedOn?: string;
}

type D = Record<string, unknown>;
const set = (key: string, doc: FindingDoc | CorrectiveActionDoc): DocUpdate => ({
  key,
  update: (cur) => cur ?? (doc as unknown as Json),
});
const patch = (key: string, p: Record<string, string>): DocUpdate => ({
  key,
  update: (cur) => (cur === undefined ? cur : { ...(cur as Record<string, Json>), ...p }),
});

/**
 * Findings (compliance audits and policy enforcement audits) and corrective actions, dated,
 * for the open-findings, overdue-corrective-actions and mean-days-to-close KPIs.
 */
export const complianceFindings: Projection = {
  name: complianceFindingsName,
  version: 1,
  eventTypes: [
    'AuditFindingRecorded',
    'AuditFindingClosed',
    'CorrectiveActionAssigned',
    'CorrectiveActionCompleted',
    'CorrectiveActionVerified',
    'CorrectiveActionReopened',
    'PolicyEnforcementAudited',
    'PolicyFindingResolved',
  ],
  handle: (e: RecordedEvent) => {
    const d = e.data as D;
    const s = (k: string) => d[k] as string;
    switch (e.type) {
      case 'AuditFindingRecorded':
        return [
          set(`finding:compliance-audit:${s('findingId')}`, {
            findingId: s('findingId'),
            source: 'compliance-audit',
            streamId: e.streamId,
            description: s('description'),
            recordedOn: s('recordedOn'),
          }),
        ];
      case 'AuditFindingClosed':
        return [patch(`finding:compliance-audit:${s('findingId')}`, { closedOn: s('closedOn') })];
      case 'PolicyEnforcementAudited':
        return (d.findings as { findingId: string; description: string }[]).map((f) =>
          set(`finding:policy-enforcement:${f.findingId}`, {
            findingId: f.findingId,
            source: 'policy-enforcement',
            streamId: e.streamId,
            description: f.description,
            recordedOn: s('auditedOn'),
          }),
        );
      case 'PolicyFindingResolved':
        return [patch(`finding:policy-enforcement:${s('findingId')}`, { closedOn: s('resolvedOn') })];
      case 'CorrectiveActionAssigned':
        return [
          set(`action:${s('actionId')}`, {
            actionId: s('actionId'),
            findingId: s('findingId'),
            streamId: e.streamId,
            ownerId: s('ownerId'),
            assignedOn: s('assignedOn'),
            dueOn: s('dueOn'),
          }),
        ];
      case 'CorrectiveActionCompleted':
        return [patch(`action:${s('actionId')}`, { completedOn: s('completedOn') })];
      case 'CorrectiveActionReopened':
        // Failed verification: open again, due on the new date (the earlier completion no longer counts).
        return [
          {
            key: `action:${s('actionId')}`,
            update: (cur) => {
              if (cur === undefined) return cur;
              const { completedOn: _failed, ...open } = cur as Record<string, Json>;
              return { ...open, dueOn: s('dueOn') };
            },
          },
        ];
      case 'CorrectiveActionVerified':
        return [patch(`action:${s('actionId')}`, { verifiedOn: s('verifiedOn') })];
      default:
        return [];
    }
  },
};
