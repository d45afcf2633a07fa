import {
  Audit,
  Breach,
  BusinessAssociate,
  businessAssociatesProjection,
  complianceRegisterKpis,
  OshaIncident,
  OshaRecordkeeping,
  Programme,
  complianceObligations,
} from '@praxis/compliance';
import { complianceFindings, complianceKpiDefinitions } from '@praxis/kpi';
import { staffOnRecord } from '@praxis/staff';
import type { ModuleCommands } from '../area.js';
import { bind, defineModule } from '../module.js';

/** Compliance programmes: `practice.compliance.meetRequirement({ programmeId, … })`. */
export const programme = bind(Programme.decider, Programme.commands, 'programmeId', {
  // A programme with a weekly requirement collects many events a year.
  snapshotEvery: 50,
  // Owners are people on the staff record.
  facts: {
    EstablishProgramme: async (c, ctx) => ({
      staffOnRecord: await staffOnRecord(ctx, [['ownerId', c.ownerId]], c.establishedOn),
    }),
    AddRequirement: async (c, ctx) => ({
      staffOnRecord: await staffOnRecord(ctx, [['ownerId', c.ownerId]], c.addedOn),
    }),
    ReassignRequirement: async (c, ctx) => ({
      staffOnRecord: await staffOnRecord(ctx, [['ownerId', c.ownerId]], c.reassignedOn),
    }),
  },
});

/** Compliance audits: `practice.compliance.recordFinding({ auditId, … })`. */
export const audit = bind(Audit.decider, Audit.commands, 'auditId', {
  // A corrective action's owner is on the staff record (the auditor may be external).
  facts: {
    AssignCorrectiveAction: async (c, ctx) => ({
      staffOnRecord: await staffOnRecord(ctx, [['ownerId', c.ownerId]], c.assignedOn),
    }),
    // A prepared-by-client item is prepared by someone on staff.
    RequestPbcItem: async (c, ctx) => ({
      staffOnRecord: await staffOnRecord(ctx, [['ownerId', c.ownerId]], c.requestedOn),
    }),
  },
});

/** HIPAA breaches: `practice.compliance.discoverBreach({ breachId, … })`. */
export const breach = bind(Breach.decider, Breach.commands, 'breachId');

/** OSHA incidents: `practice.compliance.recordOshaIncident({ incidentId, … })`. */
export const oshaIncident = bind(OshaIncident.decider, OshaIncident.commands, 'incidentId');

/** The practice's OSHA recordkeeping setting: `practice.compliance.setOshaRecordkeeping({ establishmentId, … })`. */
export const oshaRecordkeeping = bind(
  OshaRecordkeeping.decider,
  OshaRecordkeeping.commands,
  'establishmentId',
);

/** The business-associate register: `practice.compliance.registerBusinessAssociate({ associateId, … })`. */
export const businessAssociate = bind(BusinessAssociate.decider, BusinessAssociate.commands, 'associateId');

/** Regulatory compliance: programmes, audits, breaches, OSHA incidents and business associates. */
export const complianceModule = defineModule({
  area: 'compliance',
  aggregates: [programme, audit, breach, oshaIncident, oshaRecordkeeping, businessAssociate],
  projections: [complianceObligations, complianceFindings, businessAssociatesProjection],
  kpis: [...complianceKpiDefinitions, ...complianceRegisterKpis],
  roles: {
    compliance_officer: [
      'Programme.*',
      'Audit.*',
      'Breach.*',
      'OshaIncident.*',
      'OshaRecordkeeping.*',
      'BusinessAssociate.*',
    ],
  },
});

/** The compliance commands of the facade. */
export type ComplianceCommands = ModuleCommands<typeof complianceModule>;
