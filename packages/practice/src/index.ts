/**
 * @praxis/practice — the facade: `createPractice({ store })` wires every domain module,
 * its read models and the practice roles, and returns typed commands and queries.
 */
export * from './practice.js';
export * from './outcome.js';
export * from './module.js';
export type {
  AreaMethodsOf,
  AreasOf,
  CallOptions,
  CommandMethods,
  InputOf,
  ModuleCommands,
  MethodsOf,
} from './area.js';
export * from './roles.js';
export * from './store-url.js';
export { openStore } from './open-store.js';
export type { ReadModels } from './read-models.js';
export type { Backend } from './open-store.js';
export { openBackend } from './open-store.js';
export { StoreDriverMissing } from './store-driver-missing.js';
export * as Settings from './settings/index.js';
export { createPractice, type Practice, type PracticeQueries } from './create.js';
export * from './modules/index.js';
export { ReadModelFailed } from './read-model-failed.js';
export type { PracticeAudit } from './audit.js';
export {
  kpiReport,
  loadFinanceDocuments,
  calendarOf,
  periodIn,
  defaultTargets,
  noTargetNote,
  builtinKpis,
  kpiRegistryOf,
  kpiContext,
  type KpiTargets,
  type KpiReport,
  type KpiReportOptions,
  type FinanceDocuments,
  type KpiLine,
  type KpiId,
  type KpiTarget,
  type KpiUnit,
} from './kpis.js';
export { compareReadModels, type ReadModelDifference } from './read-model-check.js';
export { practiceTrust, defaultCheckpointEvery, type PracticeTrust } from './trust.js';
export type { Forgotten } from './forget.js';
export {
  processManagers,
  withProcessGrants,
  type ProcessManagers,
  type ProcessManagerStatus,
  type IssueReaction,
} from './process-managers.js';
export { formatKpi, type FormatKpiOptions } from '@praxis/core';
