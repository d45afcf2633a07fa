import { policyAcknowledgments } from '@praxis/kpi';
import { Policy, policyObligations } from '@praxis/policies';
import type { CommandMethods } from '../area.js';
import { bind, type AggregateBinding, type PracticeModule } from '../module.js';

/** Policies: `practice.policies.publishPolicy({ policyId, … })`. */
export const policy: AggregateBinding<Policy.PolicyCommand, Policy.PolicyEvent, Policy.Policy, 'policyId'> =
  bind(Policy.decider, 'policyId', {
    DraftPolicy: true,
    ApprovePolicy: true,
    PublishPolicy: true,
    AssignPolicy: true,
    AcknowledgePolicy: true,
    HoldPolicyTraining: true,
    AuditPolicyEnforcement: true,
    ResolvePolicyFinding: true,
    ReviewPolicy: true,
    DraftPolicyRevision: true,
    RetirePolicy: true,
  });

/** Policy implementation: versions, assignments, acknowledgments, reviews. */
export const policiesModule: PracticeModule = {
  area: 'policies',
  aggregates: [policy],
  projections: [policyObligations, policyAcknowledgments],
};

/** The policy commands of the facade. */
export type PoliciesCommands = CommandMethods<typeof policy>;
