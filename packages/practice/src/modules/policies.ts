import { policyAcknowledgments, policyKpis } from '@praxis/kpi';
import { Policy, documentationKpis, policyObligations, policyStatus } from '@praxis/policies';
import { staffOnRecord, staffRoleOn } from '@praxis/staff';
import type { ModuleCommands } from '../area.js';
import { bind, defineModule } from '../module.js';

/** Policies: `practice.policies.publishPolicy({ policyId, … })`. */
export const policy = bind(Policy.decider, Policy.commands, 'policyId', {
  // Acknowledgments and attendance are recorded for people on the staff record only; the role
  // acknowledged under is the person's role on that date by the staff record, never the caller's.
  facts: {
    AcknowledgePolicy: async (c, ctx) => ({
      staffOnRecord: await staffOnRecord(ctx, [['staffId', c.staffId]], c.acknowledgedOn),
      role: await staffRoleOn(ctx, c.staffId, c.acknowledgedOn),
    }),
    HoldPolicyTraining: async (c, ctx) => ({
      staffOnRecord: await staffOnRecord(
        ctx,
        c.attendeeIds.map((id, i) => [`attendeeIds.${i}`, id] as const),
        c.heldOn,
      ),
    }),
    AuditChartDocumentation: async (c, ctx) => ({
      staffOnRecord: await staffOnRecord(
        ctx,
        c.providers.map((p, i) => [`providers.${i}.providerId`, p.providerId] as const),
        c.auditedOn,
      ),
    }),
    // A process is known when the practice records events of it (`Complaint` → `ComplaintReceived`, …).
    GovernProcess: async (c, ctx) => ({
      processEventTypes: ctx.eventTypes.filter(
        (t) => t.startsWith(c.process) && /^[A-Z]/.test(t.slice(c.process.length)),
      ).length,
    }),
  },
});

/** Policy implementation: versions, assignments, acknowledgments, reviews. */
export const policiesModule = defineModule({
  area: 'policies',
  aggregates: [policy],
  projections: [policyObligations, policyAcknowledgments, policyStatus],
  kpis: [...policyKpis, ...documentationKpis],
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
