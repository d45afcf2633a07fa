import {
  Audit,
  Breach,
  OshaIncident,
  OshaRecordkeeping,
  Programme,
  complianceObligations,
} from '@praxis/compliance';
import { complianceFindings } from '@praxis/kpi';
import type { CommandMethods } from '../area.js';
import { bind, type AggregateBinding, type PracticeModule } from '../module.js';

/** Compliance programmes: `practice.compliance.meetRequirement({ programmeId, … })`. */
export const programme: AggregateBinding<
  Programme.ProgrammeCommand,
  Programme.ProgrammeEvent,
  Programme.Programme,
  'programmeId'
> = bind(
  Programme.decider,
  'programmeId',
  {
    EstablishProgramme: true,
    AddRequirement: true,
    MeetRequirement: true,
    ReassignRequirement: true,
    WithdrawRequirement: true,
  },
  // A programme with a weekly requirement collects many events a year.
  { snapshotEvery: 50 },
);

/** Compliance audits: `practice.compliance.recordFinding({ auditId, … })`. */
export const audit: AggregateBinding<Audit.AuditCommand, Audit.AuditEvent, Audit.Audit, 'auditId'> = bind(
  Audit.decider,
  'auditId',
  {
    ScheduleAudit: true,
    PerformAudit: true,
    RecordFinding: true,
    AssignCorrectiveAction: true,
    CompleteCorrectiveAction: true,
    VerifyCorrectiveAction: true,
    ReopenCorrectiveAction: true,
    CloseFinding: true,
  },
);

/** HIPAA breaches: `practice.compliance.discoverBreach({ breachId, … })`. */
export const breach: AggregateBinding<Breach.BreachCommand, Breach.BreachEvent, Breach.Breach, 'breachId'> =
  bind(Breach.decider, 'breachId', {
    DiscoverBreach: true,
    ReviseBreachScope: true,
    SendBreachNotification: true,
  });

/** OSHA incidents: `practice.compliance.recordOshaIncident({ incidentId, … })`. */
export const oshaIncident: AggregateBinding<
  OshaIncident.OshaIncidentCommand,
  OshaIncident.OshaIncidentEvent,
  OshaIncident.OshaIncident,
  'incidentId'
> = bind(OshaIncident.decider, 'incidentId', {
  RecordOshaIncident: true,
  WorsenOshaOutcome: true,
  ReportToOsha: true,
  LogOshaIncident: true,
});

/** The practice's OSHA recordkeeping setting: `practice.compliance.setOshaRecordkeeping({ establishmentId, … })`. */
export const oshaRecordkeeping: AggregateBinding<
  OshaRecordkeeping.OshaRecordkeepingCommand,
  OshaRecordkeeping.OshaRecordkeepingEvent,
  OshaRecordkeeping.OshaRecordkeeping,
  'establishmentId'
> = bind(OshaRecordkeeping.decider, 'establishmentId', { SetOshaRecordkeeping: true });

/** Regulatory compliance: programmes, audits, breaches and OSHA incidents. */
export const complianceModule: PracticeModule = {
  area: 'compliance',
  aggregates: [programme, audit, breach, oshaIncident, oshaRecordkeeping],
  projections: [complianceObligations, complianceFindings],
};

/** The compliance commands of the facade. */
export type ComplianceCommands = CommandMethods<typeof programme> &
  CommandMethods<typeof audit> &
  CommandMethods<typeof breach> &
  CommandMethods<typeof oshaIncident> &
  CommandMethods<typeof oshaRecordkeeping>;
