import * as t from 'io-ts';
import {
  ISODate,
  ISOInstant,
  NonEmptyString,
  TimeZone,
  defineEvents,
  personal,
  subject,
  type EventOf,
} from '@praxis/core';
import { Outcome } from './clocks.js';

const ReportClock = t.type({ outcome: Outcome, dueAt: ISOInstant, legalSource: NonEmptyString });

/** Every event of an OSHA-recordable work injury or illness, with its legal clocks. */
export const events = defineEvents({
  /** A work-related injury was recorded, with the clocks it starts (report to OSHA, 300 log, retention). */
  OshaIncidentRecorded: t.type({
    incidentId: NonEmptyString,
    /** The injured employee: the subject of the description (`staff:<employeeId>`). */
    employeeId: subject('staff', NonEmptyString),
    /** What happened to the employee (an injury, an illness): personal data, sealed by the vault. */
    description: personal(NonEmptyString),
    outcome: Outcome,
    occurredAt: ISOInstant,
    outcomeAt: ISOInstant,
    learnedAt: ISOInstant,
    zone: TimeZone,
    reports: t.array(ReportClock),
    logBy: ISODate,
    retainLogUntil: ISODate,
  }),
  /** The outcome became more severe (e.g. the employee was admitted, or died); report clocks are only added. */
  OshaIncidentOutcomeWorsened: t.type({
    incidentId: NonEmptyString,
    outcome: Outcome,
    outcomeAt: ISOInstant,
    learnedAt: ISOInstant,
    reports: t.array(ReportClock),
  }),
  /** OSHA was told of one outcome. */
  OshaIncidentReportedToOsha: t.type({
    incidentId: NonEmptyString,
    outcome: Outcome,
    reportedAt: ISOInstant,
    dueAt: ISOInstant,
  }),
  /** The case was entered on the OSHA 300 log. */
  OshaIncidentLogged: t.type({ incidentId: NonEmptyString, loggedOn: ISODate, logBy: ISODate }),
});

/** Every OshaIncident event. */
export type OshaIncidentEvent = EventOf<typeof events>;
