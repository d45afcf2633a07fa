import { rolePermissions, type PermissionPolicy } from '@praxis/core';

/**
 * The practice roles Praxis ships with, and what each may do. A grant is `*` (everything),
 * `Aggregate.*` (every command of one aggregate) or `Aggregate.Command`; `self:…` allows it only
 * for oneself (the command's subject, e.g. `staffId`, is the actor); `onBehalfOf:…` allows acting
 * in another person's name (`{ onBehalfOf }`). See `rolePermissions` in @praxis/core.
 *
 * - practice_manager: runs the practice: everything, also in another person's name.
 * - physician: documents care (charges), acknowledges policies and records training for themselves.
 * - biller: the revenue cycle (claims, payments, write-offs, 835 remittances); own
 *   acknowledgments and training.
 * - hr: recruitment, onboarding, credentials, training, reviews, separations, conflicts; records
 *   paper acknowledgments, and conflict reports and reviews in the name of who made them.
 * - compliance_officer: policies, compliance programmes, audits, incidents, staff training;
 *   erasure of personal data.
 * - staff: acknowledges policies and records training for themselves, takes copays at the front desk.
 * - auditor: reads only; may issue no command.
 */
export const practiceRoles = {
  practice_manager: ['*', 'onBehalfOf:*'],
  physician: [
    'Claim.RegisterCharges',
    'Claim.AddCharges',
    'self:Policy.AcknowledgePolicy',
    'self:StaffMember.CompleteTraining',
  ],
  biller: ['Claim.*', 'Remittance.*', 'self:Policy.AcknowledgePolicy', 'self:StaffMember.CompleteTraining'],
  hr: [
    'StaffMember.*',
    'Conflict.*',
    'Policy.AcknowledgePolicy',
    'onBehalfOf:Conflict.OpenConflict',
    'onBehalfOf:StaffMember.RecordQuarterlyReview',
  ],
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
  staff: [
    'self:Policy.AcknowledgePolicy',
    'self:StaffMember.CompleteTraining',
    'Claim.CollectPatientPayment',
  ],
  auditor: [],
} as const satisfies Record<string, readonly string[]>;

/** One of the built-in roles. */
export type PracticeRole = keyof typeof practiceRoles;

/** The default permission policy: `practiceRoles`. */
export const defaultPermissions: PermissionPolicy = rolePermissions(practiceRoles);
