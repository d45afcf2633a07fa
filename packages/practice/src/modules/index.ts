import type { PracticeModule } from '../module.js';
import { financeModule } from './finance.js';
import { policiesModule } from './policies.js';

export { budget, financeModule, type FinanceCommands } from './finance.js';
export { policy, policiesModule, type PoliciesCommands } from './policies.js';

/** Every module a practice is wired with by default. */
export const builtinModules: readonly PracticeModule[] = [financeModule, policiesModule];
