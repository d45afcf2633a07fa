import { accept, reject, type Decision } from '@praxis/core';
import { isBefore, logByOf, reportClock, retainLogUntilOf, severityOf } from './clocks.js';
import { events, type OshaIncidentEvent } from './events.js';
import type { OshaIncident } from './state.js';
import type {
  RecordOshaIncident,
  WorsenOshaOutcome,
  ReportToOsha,
  LogOshaIncident,
  OshaIncidentCommand,
} from './commands.js';
export type {
  RecordOshaIncident,
  WorsenOshaOutcome,
  ReportToOsha,
  LogOshaIncident,
  OshaIncidentCommand,
} from './commands.js';

type D = Decision<OshaIncidentEvent>;

// Field shapes (real dates and instants, an IANA zone) are guaranteed by the command codecs
// (./commands.ts), decoded by the handler before `decide`; the rules are checked here.

const orderError = (occurredAt: string, outcomeAt: string, learnedAt: string): D | undefined =>
  isBefore(outcomeAt, occurredAt)
    ? reject('OutcomeBeforeIncident', 'the outcome cannot precede the incident', 'outcomeAt')
    : isBefore(learnedAt, outcomeAt)
      ? reject(
          'LearnedBeforeOutcome',
          'the practice cannot learn of an outcome before it happens',
          'learnedAt',
        )
      : undefined;

/**
 * An incident is recorded once; it starts the 300-log clock (7 days), the retention period
 * (5 years after the year) and, for a severe outcome, the report-to-OSHA clock (8 or 24 hours).
 */
const recordOshaIncident = (c: RecordOshaIncident, s: OshaIncident): D => {
  if (s.exists) return reject('IncidentAlreadyRecorded', `incident ${c.incidentId} exists`, 'incidentId');
  const bad = orderError(c.occurredAt, c.outcomeAt, c.learnedAt);
  if (bad !== undefined) return bad;
  const clock = reportClock(c.outcome, c.occurredAt, c.outcomeAt, c.learnedAt, c.zone);
  return accept(
    events.make('OshaIncidentRecorded', {
      incidentId: c.incidentId,
      employeeId: c.employeeId,
      description: c.description,
      outcome: c.outcome,
      occurredAt: c.occurredAt,
      outcomeAt: c.outcomeAt,
      learnedAt: c.learnedAt,
      zone: c.zone,
      reports: clock === undefined ? [] : [clock],
      logBy: logByOf(c.learnedAt, c.zone),
      retainLogUntil: retainLogUntilOf(c.occurredAt, c.zone),
    }),
  );
};

/**
 * A later, more severe outcome (not one already recorded) may add a report clock; clocks
 * already running are never moved or removed.
 */
const worsenOshaOutcome = (c: WorsenOshaOutcome, s: OshaIncident): D => {
  if (!s.exists) return reject('IncidentNotFound', 'no such incident');
  if (s.outcomes.includes(c.outcome))
    return reject('OutcomeAlreadyRecorded', `${c.outcome} is already recorded`, 'outcome');
  if (s.outcomes.some((o) => severityOf(o) > severityOf(c.outcome)))
    return reject('OutcomeNotWorse', `${c.outcome} is less severe than one already recorded`, 'outcome');
  const bad = orderError(s.occurredAt, c.outcomeAt, c.learnedAt);
  if (bad !== undefined) return bad;
  const clock = reportClock(c.outcome, s.occurredAt, c.outcomeAt, c.learnedAt, s.zone);
  return accept(
    events.make('OshaIncidentOutcomeWorsened', {
      incidentId: s.incidentId,
      outcome: c.outcome,
      outcomeAt: c.outcomeAt,
      learnedAt: c.learnedAt,
      reports: clock === undefined ? [] : [clock],
    }),
  );
};

/** Only a reportable outcome is reported, once (a late report is still recorded). */
const reportToOsha = (c: ReportToOsha, s: OshaIncident): D => {
  if (!s.exists) return reject('IncidentNotFound', 'no such incident');
  const clock = s.reports.find((r) => r.outcome === c.outcome);
  if (clock === undefined)
    return reject('NotReportable', `${c.outcome} need not be reported to OSHA`, 'outcome');
  if (s.reported[c.outcome] !== undefined)
    return reject('AlreadyReported', `reported at ${s.reported[c.outcome]}`, 'outcome');
  if (isBefore(c.reportedAt, s.occurredAt))
    return reject('ReportedBeforeIncident', 'report precedes the incident', 'reportedAt');
  return accept(
    events.make('OshaIncidentReportedToOsha', {
      incidentId: s.incidentId,
      outcome: c.outcome,
      reportedAt: c.reportedAt,
      dueAt: clock.dueAt,
    }),
  );
};

/** A case is entered on the 300 log once. */
const logOshaIncident = (c: LogOshaIncident, s: OshaIncident): D =>
  !s.exists
    ? reject('IncidentNotFound', 'no such incident')
    : s.loggedOn !== undefined
      ? reject('AlreadyLogged', `logged on ${s.loggedOn}`)
      : accept(
          events.make('OshaIncidentLogged', {
            incidentId: s.incidentId,
            loggedOn: c.loggedOn,
            logBy: s.logBy,
          }),
        );

/** Decides an OshaIncident command. Pure. */
export const decide = (c: OshaIncidentCommand, s: OshaIncident): D => {
  switch (c.type) {
    case 'RecordOshaIncident':
      return recordOshaIncident(c, s);
    case 'WorsenOshaOutcome':
      return worsenOshaOutcome(c, s);
    case 'ReportToOsha':
      return reportToOsha(c, s);
    case 'LogOshaIncident':
      return logOshaIncident(c, s);
  }
};
