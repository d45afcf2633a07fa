/**
 * @praxis/compliance — regulatory compliance: programmes per regulation with recurring
 * requirements, audits with findings and corrective actions, HIPAA breaches and OSHA
 * incidents with their legal clocks, the business-associate register, and the
 * `compliance-obligations` read model.
 */
export * as Programme from './programme/index.js';
export * as Audit from './audit/index.js';
export * as Breach from './breach/index.js';
export * as OshaIncident from './osha-incident/index.js';
export * as OshaRecordkeeping from './osha-recordkeeping/index.js';
export * from './obligations/index.js';
export * as BusinessAssociate from './business-associate/index.js';
export * from './business-associate/register.js';
export * from './kpis.js';
