import { rolePermissions, type PermissionPolicy } from '@praxis/core';

/**
 * The practice roles Praxis ships with, and what each may do. A grant is `*` (everything),
 * `Aggregate.*` (every command of one aggregate) or `Aggregate.Command`.
 *
 * - practice_manager: runs the practice: everything.
 * - physician: documents care (charges), acknowledges policies, records own training.
 * - biller: the revenue cycle (claims, payments, write-offs).
 * - hr: recruitment, onboarding, credentials, training, reviews, separations.
 * - compliance_officer: policies, compliance programmes, audits, incidents.
 * - staff: acknowledges policies and records own training.
 * - auditor: reads only; may issue no command.
 */
export const practiceRoles = {
  practice_manager: ['*'],
  physician: ['Claim.RegisterCharges', 'Policy.AcknowledgePolicy', 'StaffMember.CompleteTraining'],
  biller: ['Claim.*'],
  hr: ['StaffMember.*'],
  compliance_officer: ['Policy.*', 'ComplianceProgram.*', 'Incident.*'],
  staff: ['Policy.AcknowledgePolicy', 'StaffMember.CompleteTraining'],
  auditor: [],
} as const satisfies Record<string, readonly string[]>;

/** One of the built-in roles. */
export type PracticeRole = keyof typeof practiceRoles;

/** The default permission policy: `practiceRoles`. */
export const defaultPermissions: PermissionPolicy = rolePermissions(practiceRoles);
