import { policyAcknowledgments } from '@praxis/kpi';
import { Policy, policyObligations } from '@praxis/policies';
import type { CommandMethods } from '../area.js';
import { bind, type PracticeModule } from '../module.js';

/** Policies: `practice.policies.publishPolicy({ policyId, … })`. */
export const policy = bind(Policy.decider, Policy.commands, 'policyId');

/** Policy implementation: versions, assignments, acknowledgments, reviews. */
export const policiesModule: PracticeModule = {
  area: 'policies',
  aggregates: [policy],
  projections: [policyObligations, policyAcknowledgments],
};

/** The policy commands of the facade. */
export type PoliciesCommands = CommandMethods<typeof policy>;
