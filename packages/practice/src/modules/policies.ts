import { policyAcknowledgments, policyKpis } from '@praxis/kpi';
import { Policy, policyObligations, policyStatus } from '@praxis/policies';
import { staffOnRecord } from '@praxis/staff';
import type { ModuleCommands } from '../area.js';
import { bind, defineModule } from '../module.js';

/** Policies: `practice.policies.publishPolicy({ policyId, … })`. */
export const policy = bind(Policy.decider, Policy.commands, 'policyId', {
  // Acknowledgments and attendance are recorded for people on the staff record only.
  facts: {
    AcknowledgePolicy: async (c, ctx) => ({
      staffOnRecord: await staffOnRecord(ctx, [['staffId', c.staffId]], c.acknowledgedOn),
    }),
    HoldPolicyTraining: async (c, ctx) => ({
      staffOnRecord: await staffOnRecord(
        ctx,
        c.attendeeIds.map((id, i) => [`attendeeIds.${i}`, id] as const),
        c.heldOn,
      ),
    }),
  },
});

/** Policy implementation: versions, assignments, acknowledgments, reviews. */
export const policiesModule = defineModule({
  area: 'policies',
  aggregates: [policy],
  projections: [policyObligations, policyAcknowledgments, policyStatus],
  kpis: policyKpis,
  roles: {
    // Everyone acknowledges policies for themselves; HR records paper acknowledgments.
    physician: ['self:Policy.AcknowledgePolicy'],
    biller: ['self:Policy.AcknowledgePolicy'],
    staff: ['self:Policy.AcknowledgePolicy'],
    hr: ['Policy.AcknowledgePolicy'],
    compliance_officer: ['Policy.*'],
  },
});

/** The policy commands of the facade. */
export type PoliciesCommands = ModuleCommands<typeof policiesModule>;
