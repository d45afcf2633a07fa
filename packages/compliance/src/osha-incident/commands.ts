import {
  command,
  defineCommands,
  ISODate,
  ISOInstant,
  NonEmptyString,
  TimeZone,
  type CommandOf,
} from '@praxis/core';
import { Outcome } from './clocks.js';

/** Every command of an OSHA incident, as exact codecs. */
export const commands = defineCommands('incidentId', {
  /**
   * Record a work-related injury or illness: `occurredAt` the incident, `outcomeAt` the outcome
   * (death, admission, …), `learnedAt` when the practice learned of it (the reporting clock
   * starts here, and it is the business time); `zone` the practice's IANA zone.
   */
  RecordOshaIncident: command(
    {
      incidentId: NonEmptyString,
      employeeId: NonEmptyString,
      description: NonEmptyString,
      outcome: Outcome,
      occurredAt: ISOInstant,
      outcomeAt: ISOInstant,
      learnedAt: ISOInstant,
      zone: TimeZone,
    },
    {},
    { businessTime: 'learnedAt' },
  ),
  WorsenOshaOutcome: command(
    { outcome: Outcome, outcomeAt: ISOInstant, learnedAt: ISOInstant },
    {},
    { businessTime: 'learnedAt' },
  ),
  ReportToOsha: command({ outcome: Outcome, reportedAt: ISOInstant }, {}, { businessTime: 'reportedAt' }),
  LogOshaIncident: command({ loggedOn: ISODate }, {}, { businessTime: 'loggedOn' }),
});

/** Every OshaIncident command, as `decide` sees it. */
export type OshaIncidentCommand = CommandOf<typeof commands>;
type Cmd<K extends OshaIncidentCommand['type']> = Extract<OshaIncidentCommand, { type: K }>;
export type RecordOshaIncident = Cmd<'RecordOshaIncident'>;
export type WorsenOshaOutcome = Cmd<'WorsenOshaOutcome'>;
export type ReportToOsha = Cmd<'ReportToOsha'>;
export type LogOshaIncident = Cmd<'LogOshaIncident'>;
