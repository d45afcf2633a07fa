import { command, defineCommands, ISODate, NonEmptyString, StaffNamed, type CommandOf } from '@praxis/core';
import * as t from 'io-ts';
import { AuditKind, Severity } from './events.js';

/** Every command of a compliance Audit, as exact codecs; each dated `…On`/`…For` is its business time. */
export const commands = defineCommands('auditId', {
  ScheduleAudit: command(
    {
      auditId: NonEmptyString,
      programmeId: NonEmptyString,
      title: NonEmptyString,
      auditorId: NonEmptyString,
      scheduledFor: ISODate,
    },
    /**
     * `kind`: `compliance` (default) or `financial` — the annual audit of the financial
     * statements, which needs its `fiscalYear` (`YYYY`) and keeps a prepared-by-client list.
     */
    { kind: AuditKind, fiscalYear: t.string },
  ),
  /** Ask for a prepared-by-client (PBC) item of a financial audit: who prepares it, by when. */
  RequestPbcItem: command(
    {
      itemId: NonEmptyString,
      description: NonEmptyString,
      ownerId: NonEmptyString,
      requestedOn: ISODate,
      dueOn: ISODate,
    },
    {},
    { businessTime: 'requestedOn', facts: { staffOnRecord: StaffNamed } },
  ),
  /** A PBC item was handed to the auditor (`documentRef`: where it is). */
  ProvidePbcItem: command(
    { itemId: NonEmptyString, providedOn: ISODate, documentRef: NonEmptyString },
    {},
    { businessTime: 'providedOn' },
  ),
  PerformAudit: command(
    { performedOn: ISODate },
    { summary: NonEmptyString },
    { businessTime: 'performedOn' },
  ),
  RecordFinding: command(
    { findingId: NonEmptyString, description: NonEmptyString, severity: Severity, recordedOn: ISODate },
    {},
    { businessTime: 'recordedOn' },
  ),
  AssignCorrectiveAction: command(
    {
      findingId: NonEmptyString,
      actionId: NonEmptyString,
      description: NonEmptyString,
      ownerId: NonEmptyString,
      assignedOn: ISODate,
      dueOn: ISODate,
    },
    {},
    { businessTime: 'assignedOn', facts: { staffOnRecord: StaffNamed } },
  ),
  CompleteCorrectiveAction: command(
    { actionId: NonEmptyString, completedOn: ISODate },
    { notes: NonEmptyString },
    { businessTime: 'completedOn' },
  ),
  /** The verifier is the acting person: the action's owner cannot verify it by naming someone else. */
  VerifyCorrectiveAction: command(
    { actionId: NonEmptyString, verifiedOn: ISODate },
    {},
    { businessTime: 'verifiedOn', stamps: { verifiedBy: 'actor' } },
  ),
  ReopenCorrectiveAction: command(
    { actionId: NonEmptyString, reason: NonEmptyString, reopenedOn: ISODate, dueOn: ISODate },
    {},
    { businessTime: 'reopenedOn', stamps: { reopenedBy: 'actor' } },
  ),
  CloseFinding: command({ findingId: NonEmptyString, closedOn: ISODate }, {}, { businessTime: 'closedOn' }),
});

/** Every Audit command, as `decide` sees it. */
export type AuditCommand = CommandOf<typeof commands>;
type Cmd<K extends AuditCommand['type']> = Extract<AuditCommand, { type: K }>;
export type ScheduleAudit = Cmd<'ScheduleAudit'>;
export type PerformAudit = Cmd<'PerformAudit'>;
export type RecordFinding = Cmd<'RecordFinding'>;
export type AssignCorrectiveAction = Cmd<'AssignCorrectiveAction'>;
export type CompleteCorrectiveAction = Cmd<'CompleteCorrectiveAction'>;
export type VerifyCorrectiveAction = Cmd<'VerifyCorrectiveAction'>;
export type ReopenCorrectiveAction = Cmd<'ReopenCorrectiveAction'>;
export type CloseFinding = Cmd<'CloseFinding'>;
export type RequestPbcItem = Cmd<'RequestPbcItem'>;
export type ProvidePbcItem = Cmd<'ProvidePbcItem'>;
