import { resourcesModule } from '@praxis/resources';
import { complianceModule } from './compliance.js';
import { financeModule } from './finance.js';
import { policiesModule } from './policies.js';
import { staffModule } from './staff.js';
import { patientsModule } from '@praxis/patients';
import { strategyModule } from '@praxis/strategy';
import { operationsModule } from '@praxis/operations';
import { goLiveModule } from '@praxis/golive';

export {
  programme,
  audit,
  breach,
  oshaIncident,
  complianceModule,
  type ComplianceCommands,
} from './compliance.js';
export {
  budget,
  claim,
  remittance,
  financeModule,
  type FinanceCommands,
  type RemittanceImporter,
} from './finance.js';
export { policy, policiesModule, type PoliciesCommands } from './policies.js';
export {
  staffMember,
  conflict,
  staffMeeting,
  pulseSurvey,
  staffModule,
  type StaffCommands,
} from './staff.js';

/** Every module a practice is wired with by default. */
export const builtinModules = [
  financeModule,
  staffModule,
  policiesModule,
  complianceModule,
  resourcesModule,
  patientsModule,
  strategyModule,
  operationsModule,
  goLiveModule,
] as const;

/** The built-in modules' type: a practice created without `modules` has every area they give. */
export type BuiltinModules = typeof builtinModules;
