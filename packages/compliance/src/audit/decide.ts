import { accept, reject, type Decision, refuseStaffNotOnRecord } from '@praxis/core';
import { events, type AuditEvent } from './events.js';
import type { Audit, CorrectiveAction } from './state.js';
import type {
  ScheduleAudit,
  PerformAudit,
  RecordFinding,
  AssignCorrectiveAction,
  CompleteCorrectiveAction,
  VerifyCorrectiveAction,
  ReopenCorrectiveAction,
  CloseFinding,
  RequestPbcItem,
  ProvidePbcItem,
  AuditCommand,
} from './commands.js';
export type {
  ScheduleAudit,
  PerformAudit,
  RecordFinding,
  AssignCorrectiveAction,
  CompleteCorrectiveAction,
  VerifyCorrectiveAction,
  ReopenCorrectiveAction,
  CloseFinding,
  AuditCommand,
} from './commands.js';

type D = Decision<AuditEvent>;

// Field shapes (non-empty text, real dates, the acting person) are guaranteed by the command
// codecs (./commands.ts), decoded by the handler before `decide`; the rules are checked here.

/** An audit is scheduled once; a financial audit names its fiscal year (`YYYY`). */
const scheduleAudit = (c: ScheduleAudit, s: Audit): D => {
  if (s.status !== 'none')
    return reject('AuditAlreadyScheduled', `audit ${c.auditId} already exists`, 'auditId');
  if (c.kind === 'financial' && (c.fiscalYear === undefined || !/^\d{4}$/.test(c.fiscalYear)))
    return reject('FiscalYearRequired', 'a financial audit names its fiscal year, YYYY', 'fiscalYear');
  return accept(
    events.make('ComplianceAuditScheduled', {
      auditId: c.auditId,
      programmeId: c.programmeId,
      title: c.title,
      auditorId: c.auditorId,
      scheduledFor: c.scheduledFor,
      ...(c.kind === undefined ? {} : { kind: c.kind }),
      ...(c.kind === 'financial' && c.fiscalYear !== undefined ? { fiscalYear: c.fiscalYear } : {}),
    }),
  );
};

const outstandingPbc = (s: Audit): string[] =>
  Object.entries(s.pbc ?? {})
    .filter(([, i]) => i.providedOn === undefined)
    .map(([id]) => id)
    .sort();

/**
 * A scheduled audit is performed once; a financial audit only when every prepared-by-client
 * item has been provided (`PbcItemsOutstanding`, naming them): the auditor's fieldwork needs them.
 */
const performAudit = (c: PerformAudit, s: Audit): D =>
  s.status === 'none'
    ? reject('AuditNotFound', 'schedule the audit first')
    : s.status === 'performed'
      ? reject('AuditAlreadyPerformed', `the audit was performed on ${s.performedOn}`)
      : outstandingPbc(s).length > 0
        ? reject('PbcItemsOutstanding', `not yet provided: ${outstandingPbc(s).join(', ')}`, 'pbc')
        : accept(
            events.make('ComplianceAuditPerformed', {
              auditId: s.auditId,
              performedOn: c.performedOn,
              ...(c.summary === undefined ? {} : { summary: c.summary }),
            }),
          );

/** Findings come from a performed audit, on or after the day it was performed; ids are unique. */
const recordFinding = (c: RecordFinding, s: Audit): D =>
  s.status !== 'performed' || s.performedOn === undefined
    ? reject('AuditNotPerformed', 'findings are recorded once the audit was performed')
    : s.findings[c.findingId] !== undefined
      ? reject('FindingAlreadyRecorded', `finding ${c.findingId} exists`, 'findingId')
      : c.recordedOn < s.performedOn
        ? reject('FindingBeforeAudit', 'a finding cannot precede the audit', 'recordedOn')
        : accept(
            events.make('AuditFindingRecorded', {
              auditId: s.auditId,
              findingId: c.findingId,
              description: c.description,
              severity: c.severity,
              recordedOn: c.recordedOn,
            }),
          );

/** A corrective action targets an open finding and is due no earlier than it is assigned. */
const assignCorrectiveAction = (c: AssignCorrectiveAction, s: Audit): D => {
  const f = s.findings[c.findingId];
  return f === undefined
    ? reject('FindingNotFound', `no finding ${c.findingId}`, 'findingId')
    : f.closedOn !== undefined
      ? reject('FindingClosed', `finding ${c.findingId} is closed`, 'findingId')
      : s.actions[c.actionId] !== undefined
        ? reject('CorrectiveActionAlreadyAssigned', `action ${c.actionId} exists`, 'actionId')
        : c.dueOn < c.assignedOn
          ? reject('DueBeforeAssigned', 'the due date precedes the assignment', 'dueOn')
          : accept(
              events.make('CorrectiveActionAssigned', {
                auditId: s.auditId,
                findingId: c.findingId,
                actionId: c.actionId,
                description: c.description,
                ownerId: c.ownerId,
                assignedOn: c.assignedOn,
                dueOn: c.dueOn,
              }),
            );
};

const action = (s: Audit, id: string): CorrectiveAction | D =>
  s.actions[id] ?? reject('CorrectiveActionNotFound', `no corrective action ${id}`, 'actionId');
const isDecision = (x: CorrectiveAction | D): x is D => '_tag' in x;

/** An action is completed once, not before it was assigned (late completion is allowed, and shows as late). */
const completeCorrectiveAction = (c: CompleteCorrectiveAction, s: Audit): D => {
  const a = action(s, c.actionId);
  if (isDecision(a)) return a;
  return a.completedOn !== undefined
    ? reject('CorrectiveActionAlreadyCompleted', `completed on ${a.completedOn}`, 'actionId')
    : c.completedOn < a.assignedOn
      ? reject('CompletedBeforeAssigned', 'completion precedes assignment', 'completedOn')
      : accept(
          events.make('CorrectiveActionCompleted', {
            auditId: s.auditId,
            actionId: c.actionId,
            completedOn: c.completedOn,
            ...(c.notes === undefined ? {} : { notes: c.notes }),
          }),
        );
};

/** A completed action is verified once, by someone other than its owner, after completion. */
const verifyCorrectiveAction = (c: VerifyCorrectiveAction, s: Audit): D => {
  const a = action(s, c.actionId);
  if (isDecision(a)) return a;
  return a.completedOn === undefined
    ? reject('CorrectiveActionNotCompleted', 'only a completed action can be verified', 'actionId')
    : a.verifiedOn !== undefined
      ? reject('CorrectiveActionAlreadyVerified', `verified on ${a.verifiedOn}`, 'actionId')
      : c.verifiedBy === a.ownerId
        ? reject('VerifierIsOwner', 'the owner of an action cannot verify it', 'verifiedBy')
        : c.verifiedOn < a.completedOn
          ? reject('VerifiedBeforeCompleted', 'verification precedes completion', 'verifiedOn')
          : accept(
              events.make('CorrectiveActionVerified', {
                auditId: s.auditId,
                actionId: c.actionId,
                verifiedBy: c.verifiedBy,
                verifiedOn: c.verifiedOn,
              }),
            );
};

/**
 * A completed action that failed verification is reopened (not by its owner, not once
 * verified), due again no earlier than the day it is reopened.
 */
const reopenCorrectiveAction = (c: ReopenCorrectiveAction, s: Audit): D => {
  const a = action(s, c.actionId);
  if (isDecision(a)) return a;
  return a.completedOn === undefined
    ? reject('CorrectiveActionNotCompleted', 'only a completed action can fail verification', 'actionId')
    : a.verifiedOn !== undefined
      ? reject('CorrectiveActionAlreadyVerified', `verified on ${a.verifiedOn}`, 'actionId')
      : c.reopenedBy === a.ownerId
        ? reject('VerifierIsOwner', 'the owner of an action cannot verify it', 'reopenedBy')
        : c.reopenedOn < a.completedOn
          ? reject('VerifiedBeforeCompleted', 'verification precedes completion', 'reopenedOn')
          : c.dueOn < c.reopenedOn
            ? reject('DueBeforeAssigned', 'the new due date precedes the reopening', 'dueOn')
            : accept(
                events.make('CorrectiveActionReopened', {
                  auditId: s.auditId,
                  actionId: c.actionId,
                  reason: c.reason,
                  reopenedBy: c.reopenedBy,
                  reopenedOn: c.reopenedOn,
                  dueOn: c.dueOn,
                }),
              );
};

/** A finding closes only when it has corrective actions and every one of them is verified. */
const closeFinding = (c: CloseFinding, s: Audit): D => {
  const f = s.findings[c.findingId];
  if (f === undefined) return reject('FindingNotFound', `no finding ${c.findingId}`, 'findingId');
  if (f.closedOn !== undefined) return reject('FindingClosed', `closed on ${f.closedOn}`, 'findingId');
  const actions = Object.values(s.actions).filter((a) => a.findingId === c.findingId);
  if (actions.length === 0)
    return reject('FindingHasNoCorrectiveAction', 'assign a corrective action before closing', 'findingId');
  if (actions.some((a) => a.verifiedOn === undefined))
    return reject(
      'CorrectiveActionsUnverified',
      'every corrective action must be verified first',
      'findingId',
    );
  const lastVerified = actions
    .map((a) => a.verifiedOn!)
    .sort()
    .at(-1)!;
  if (c.closedOn < lastVerified)
    return reject('ClosedBeforeVerified', `the last verification was on ${lastVerified}`, 'closedOn');
  return accept(
    events.make('AuditFindingClosed', { auditId: s.auditId, findingId: c.findingId, closedOn: c.closedOn }),
  );
};

/** Decides an Audit command. Pure. */
/**
 * A PBC item belongs to a scheduled financial audit not yet performed, has a new id and is due
 * on or after the day it is requested.
 */
const requestPbcItem = (c: RequestPbcItem, s: Audit): D => {
  if (s.status === 'none') return reject('AuditNotFound', 'schedule the audit first');
  if (s.kind !== 'financial')
    return reject('NotAFinancialAudit', 'a prepared-by-client list belongs to a financial audit', 'itemId');
  if (s.status === 'performed')
    return reject('AuditAlreadyPerformed', `the audit was performed on ${s.performedOn}`);
  if (s.pbc?.[c.itemId] !== undefined)
    return reject('PbcItemAlreadyRequested', `item ${c.itemId} is on the list`, 'itemId');
  if (c.dueOn < c.requestedOn)
    return reject('PbcDueBeforeRequested', `requested on ${c.requestedOn}`, 'dueOn');
  return accept(
    events.make('PbcItemRequested', {
      auditId: s.auditId,
      itemId: c.itemId,
      description: c.description,
      ownerId: c.ownerId,
      requestedOn: c.requestedOn,
      dueOn: c.dueOn,
    }),
  );
};

/** A requested PBC item is provided once (a late one is recorded, and shows late). */
const providePbcItem = (c: ProvidePbcItem, s: Audit): D => {
  const item = s.pbc?.[c.itemId];
  if (item === undefined) return reject('PbcItemNotFound', `no PBC item ${c.itemId}`, 'itemId');
  if (item.providedOn !== undefined)
    return reject('PbcItemAlreadyProvided', `provided on ${item.providedOn}`, 'itemId');
  return accept(
    events.make('PbcItemProvided', {
      auditId: s.auditId,
      itemId: c.itemId,
      providedOn: c.providedOn,
      documentRef: c.documentRef,
    }),
  );
};

export const decide = (c: AuditCommand, s: Audit): D => {
  switch (c.type) {
    case 'ScheduleAudit':
      return scheduleAudit(c, s);
    case 'PerformAudit':
      return performAudit(c, s);
    case 'RequestPbcItem':
      return refuseStaffNotOnRecord(c.staffOnRecord) ?? requestPbcItem(c, s);
    case 'ProvidePbcItem':
      return providePbcItem(c, s);
    case 'RecordFinding':
      return recordFinding(c, s);
    case 'AssignCorrectiveAction':
      return refuseStaffNotOnRecord(c.staffOnRecord) ?? assignCorrectiveAction(c, s);
    case 'CompleteCorrectiveAction':
      return completeCorrectiveAction(c, s);
    case 'VerifyCorrectiveAction':
      return verifyCorrectiveAction(c, s);
    case 'ReopenCorrectiveAction':
      return reopenCorrectiveAction(c, s);
    case 'CloseFinding':
      return closeFinding(c, s);
  }
};
