import * as t from 'io-ts';
import { ISODate, NonEmptyString, defineEvents, personal, struct, subject, type EventOf } from '@praxis/core';

/**
 * The audit record: the subject (`audit:<auditId>`) of its free text — summary, findings,
 * corrective actions, notes and reasons may describe people; sealed by the vault and erased with
 * `forgetSubject('audit:<auditId>')` (dates, severities, owners and statuses stay).
 */
const AuditId = subject('audit', NonEmptyString);

/** What is audited: a compliance programme, or the financial statements (the annual audit). */
export const AuditKind = t.keyof({ compliance: null, financial: null });

/** How serious a finding is. */
export const Severity = t.keyof({ low: null, moderate: null, high: null });

/**
 * Every event of a compliance Audit: scheduled, performed, its findings, and the corrective
 * actions on each finding (assigned with a due date, completed, verified) until the finding
 * is closed.
 */
export const events = defineEvents({
  /** An audit of a programme was scheduled. */
  ComplianceAuditScheduled: struct(
    {
      auditId: NonEmptyString,
      programmeId: NonEmptyString,
      title: NonEmptyString,
      auditorId: NonEmptyString,
      scheduledFor: ISODate,
    },
    /** Absent on audits recorded before kinds existed: a compliance audit. */
    { kind: AuditKind, fiscalYear: NonEmptyString },
  ),
  /** The auditor asked the practice to prepare an item (a reconciliation, a schedule, a confirmation). */
  PbcItemRequested: t.type({
    auditId: AuditId,
    itemId: NonEmptyString,
    description: personal(NonEmptyString),
    ownerId: NonEmptyString,
    requestedOn: ISODate,
    dueOn: ISODate,
  }),
  /** The practice handed the item to the auditor. */
  PbcItemProvided: t.type({
    auditId: AuditId,
    itemId: NonEmptyString,
    providedOn: ISODate,
    documentRef: NonEmptyString,
  }),
  /** The audit was carried out. */
  ComplianceAuditPerformed: struct(
    { auditId: AuditId, performedOn: ISODate },
    { summary: personal(t.string) },
  ),
  /** The audit found something wrong. */
  AuditFindingRecorded: t.type({
    auditId: AuditId,
    findingId: NonEmptyString,
    description: personal(NonEmptyString),
    severity: Severity,
    recordedOn: ISODate,
  }),
  /** Someone must fix a finding by a date. */
  CorrectiveActionAssigned: t.type({
    auditId: AuditId,
    findingId: NonEmptyString,
    actionId: NonEmptyString,
    description: personal(NonEmptyString),
    ownerId: NonEmptyString,
    assignedOn: ISODate,
    dueOn: ISODate,
  }),
  /** The owner says the action is done. */
  CorrectiveActionCompleted: struct(
    { auditId: AuditId, actionId: NonEmptyString, completedOn: ISODate },
    { notes: personal(t.string) },
  ),
  /** Someone other than the owner checked that the action worked. */
  CorrectiveActionVerified: t.type({
    auditId: NonEmptyString,
    actionId: NonEmptyString,
    verifiedBy: NonEmptyString,
    verifiedOn: ISODate,
  }),
  /** Verification found the action did not work: it is open again, with a new due date. */
  CorrectiveActionReopened: t.type({
    auditId: AuditId,
    actionId: NonEmptyString,
    reason: personal(NonEmptyString),
    reopenedBy: NonEmptyString,
    reopenedOn: ISODate,
    dueOn: ISODate,
  }),
  /** A finding whose corrective actions are all verified was closed. */
  AuditFindingClosed: t.type({ auditId: NonEmptyString, findingId: NonEmptyString, closedOn: ISODate }),
});

/** Every Audit event. */
export type AuditEvent = EventOf<typeof events>;
