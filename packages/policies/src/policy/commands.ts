/** The commands a Policy decides on; each one's rule is in `decide.ts`. */

/** Draft a new policy (version 1). */
export interface DraftPolicy {
  readonly type: 'DraftPolicy';
  readonly policyId: string;
  readonly title: string;
  readonly summary?: string;
  /** How often the policy must be reviewed once published. */
  readonly reviewEveryMonths: number;
  /** Roles allowed to approve it; default `defaultApproverRoles`. */
  readonly approverRoles?: readonly string[];
  readonly draftedBy: string;
  readonly draftedOn: string;
}
/** Approve the pending draft; the approver's role decides whether it counts. */
export interface ApprovePolicy {
  readonly type: 'ApprovePolicy';
  readonly approvedBy: string;
  readonly approverRole: string;
  readonly approvedOn: string;
}
/** Publish the approved draft as the current version. */
export interface PublishPolicy {
  readonly type: 'PublishPolicy';
  readonly publishedOn: string;
  readonly effectiveOn: string;
}
/** Require staff in these roles to acknowledge the policy. */
export interface AssignPolicy {
  readonly type: 'AssignPolicy';
  readonly roles: readonly string[];
  readonly assignedOn: string;
}
/** One person acknowledges one version. */
export interface AcknowledgePolicy {
  readonly type: 'AcknowledgePolicy';
  readonly version: number;
  readonly staffId: string;
  /** The person's role: it must be one the policy is assigned to. */
  readonly role: string;
  readonly acknowledgedOn: string;
}
/** Record a training session on the current version. */
export interface HoldPolicyTraining {
  readonly type: 'HoldPolicyTraining';
  readonly sessionId: string;
  readonly trainerId: string;
  readonly attendeeIds: readonly string[];
  readonly heldOn: string;
}
/** Record an enforcement audit and its findings. */
export interface AuditPolicyEnforcement {
  readonly type: 'AuditPolicyEnforcement';
  readonly auditId: string;
  readonly auditorId: string;
  readonly auditedOn: string;
  readonly findings: readonly { readonly findingId: string; readonly description: string }[];
}
/** Resolve an enforcement finding. */
export interface ResolvePolicyFinding {
  readonly type: 'ResolvePolicyFinding';
  readonly findingId: string;
  readonly resolution: string;
  readonly resolvedOn: string;
}
/** Record a scheduled review that needed no change. */
export interface ReviewPolicy {
  readonly type: 'ReviewPolicy';
  readonly reviewedBy: string;
  readonly reviewedOn: string;
}
/** Draft the next version. */
export interface DraftPolicyRevision {
  readonly type: 'DraftPolicyRevision';
  readonly changeSummary: string;
  readonly draftedBy: string;
  readonly draftedOn: string;
}
/** Retire the policy. */
export interface RetirePolicy {
  readonly type: 'RetirePolicy';
  readonly reason: string;
  readonly retiredOn: string;
}

/** Every command a Policy decides on. */
export type PolicyCommand =
  | DraftPolicy
  | ApprovePolicy
  | PublishPolicy
  | AssignPolicy
  | AcknowledgePolicy
  | HoldPolicyTraining
  | AuditPolicyEnforcement
  | ResolvePolicyFinding
  | ReviewPolicy
  | DraftPolicyRevision
  | RetirePolicy;
