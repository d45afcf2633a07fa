import { rolePermissions, type PermissionPolicy, type PracticeModule } from '@praxis/core';
import { builtinModules } from './modules/index.js';

/**
 * The roles the facade itself defines; every module adds grants to roles by name
 * (`PracticeModule.roles`). A grant is `*` (everything), `Aggregate.*` (every command of one
 * aggregate) or `Aggregate.Command`; `self:…` allows it only for oneself (the command's
 * subject, e.g. `staffId`, is the actor); `onBehalfOf:…` allows acting in another person's
 * name (`{ onBehalfOf }`). See `rolePermissions` in @praxis/core.
 *
 * - practice_manager: runs the practice: everything, also in another person's name.
 * - compliance_officer: the privacy officer answers erasure requests (docs/personal-data.md).
 * - auditor: reads only; may issue no command.
 */
export const facadeRoles: Readonly<Record<string, readonly string[]>> = {
  practice_manager: ['*', 'onBehalfOf:*'],
  compliance_officer: ['Vault.ForgetSubject'],
  auditor: [],
};

/**
 * The practice's roles: the facade's, with every module's grants merged in by role name.
 * Roles named `process:…` are the process managers' own and cannot be granted by a module.
 */
export const rolesOf = (modules: readonly PracticeModule[]): Record<string, readonly string[]> => {
  const roles = new Map<string, string[]>(Object.entries(facadeRoles).map(([r, g]) => [r, [...g]]));
  for (const m of modules)
    for (const [role, grants] of Object.entries(m.roles ?? {})) {
      if (role.startsWith('process:')) continue;
      const list = roles.get(role) ?? [];
      for (const g of grants) if (!list.includes(g)) list.push(g);
      roles.set(role, list);
    }
  return Object.fromEntries(roles);
};

/**
 * The roles a practice with the built-in modules has, and what each may do:
 *
 * - practice_manager: everything, also in another person's name.
 * - physician: documents care (charges), acknowledges policies and records training for themselves.
 * - biller: the revenue cycle (claims, eligibility checks, payments, write-offs, 835 remittances); own
 *   acknowledgments and training.
 * - hr: recruitment, onboarding, credentials, training, reviews, separations, conflicts; records
 *   paper acknowledgments, and conflict reports and reviews in the name of who made them.
 * - compliance_officer: policies, compliance programmes, audits, incidents, staff training;
 *   erasure of personal data.
 * - staff: acknowledges policies and records training for themselves, takes copays and records
 *   eligibility checks at the front desk.
 * - auditor: reads only; may issue no command.
 */
export const practiceRoles: Readonly<Record<string, readonly string[]>> = rolesOf(builtinModules);

/** One of the built-in roles (the facade's and the built-in modules'). */
export type PracticeRole =
  | 'practice_manager'
  | 'physician'
  | 'biller'
  | 'hr'
  | 'compliance_officer'
  | 'staff'
  | 'auditor'
  | 'front_desk'
  | 'clinical'
  | 'purchasing';

/** The default permission policy of the built-in modules: `practiceRoles`. */
export const defaultPermissions: PermissionPolicy = rolePermissions(practiceRoles);
