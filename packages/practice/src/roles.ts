import { rolePermissions, type PermissionPolicy } from '@praxis/core';

/**
 * The practice roles Praxis ships with, and what each may do. A grant is `*` (everything),
 * `Aggregate.*` (every command of one aggregate) or `Aggregate.Command`.
 *
 * - practice_manager: runs the practice: everything.
 * - physician: documents care (charges), acknowledges policies, records own training.
 * - biller: the revenue cycle (claims, payments, write-offs).
 * - hr: recruitment, onboarding, credentials, training, reviews, separations.
 * - compliance_officer: policies, compliance programmes, audits, incidents; erasure of personal data.
 * - staff: acknowledges policies, records own training, takes copays at the front desk.
 * - auditor: reads only; may issue no command.
 */
export const practiceRoles = {
  practice_manager: ['*'],
  physician: [
    'Claim.RegisterCharges',
    'Claim.AddCharges',
    'Policy.AcknowledgePolicy',
    'StaffMember.CompleteTraining',
  ],
  biller: ['Claim.*', 'Remittance.*', 'Policy.AcknowledgePolicy', 'StaffMember.CompleteTraining'],
  hr: ['StaffMember.*', 'Conflict.*', 'Policy.AcknowledgePolicy'],
  compliance_officer: [
    'Policy.*',
    'Programme.*',
    'Audit.*',
    'Breach.*',
    'OshaIncident.*',
    'OshaRecordkeeping.*',
    'StaffMember.CompleteTraining',
    // The privacy officer answers erasure requests (docs/personal-data.md).
    'Vault.ForgetSubject',
  ],
  staff: ['Policy.AcknowledgePolicy', 'StaffMember.CompleteTraining', 'Claim.CollectPatientPayment'],
  auditor: [],
} as const satisfies Record<string, readonly string[]>;

/** One of the built-in roles. */
export type PracticeRole = keyof typeof practiceRoles;

/** The default permission policy: `practiceRoles`. */
export const defaultPermissions: PermissionPolicy = rolePermissions(practiceRoles);
