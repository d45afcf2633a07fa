import { BillingPolicy, Budget, Claim, Eligibility } from '@praxis/finance';
import { staffOnRecord } from '@praxis/staff';
import { Finance, financeKpis } from '@praxis/kpi';
import { Remittance } from '@praxis/x12';
import type { ModuleCommands } from '../area.js';
import { bind, defineModule } from '../module.js';

/** Annual budgets: `practice.finance.draftBudget({ budgetId, … })`. */
export const budget = bind(
  Budget.decider,
  Budget.commands,
  'budgetId',
  // A budget collects every expense of the year: load it from a snapshot.
  {
    snapshotEvery: 50,
    facts: {
      RecordExpense: async (c, ctx) => ({
        initiative: await Budget.initiativeLineOf((a, id) => ctx.load(a, id), c.initiativeId),
      }),
    },
  },
);

/** The revenue cycle: `practice.finance.submitClaim({ claimId, at })`. */
export const claim = bind(Claim.decider, Claim.commands, 'claimId', {
  facts: {
    // A rendering provider is a staff member on record on the date of service.
    RegisterCharges: async (c, ctx) => ({
      staffOnRecord:
        c.renderingProviderId === undefined
          ? []
          : await staffOnRecord(ctx, [['renderingProviderId', c.renderingProviderId]], c.dateOfService),
    }),
    // The billing policy and the patient's latest check with the claim's payer for its date of service.
    SubmitClaim: async (_c, ctx) => {
      const policy = await ctx.load<BillingPolicy.BillingPolicy>('BillingPolicy', 'practice');
      const required = policy?.eligibilityCheckRequired ?? false;
      const state = await ctx.load<Claim.State>('Claim', ctx.id);
      if (!required || state === undefined) return { eligibility: { required, check: null } };
      const checks = await ctx.load<Eligibility.State>('Eligibility', state.patientId);
      const check =
        checks === undefined ? undefined : Eligibility.checkFor(checks, state.payerId, state.dateOfService);
      return {
        eligibility: {
          required,
          check:
            check === undefined ? null : { checkId: check.checkId, coverageActive: check.coverageActive },
        },
      };
    },
  },
});

/** Eligibility checks per patient, payer and date of service: `practice.finance.recordEligibilityCheck(…)`. */
export const eligibility = bind(Eligibility.decider, Eligibility.commands, 'patientId');

/** The practice's billing policy: `practice.finance.setBillingPolicy({ policyId: 'practice', … })`. */
export const billingPolicy = bind(BillingPolicy.decider, BillingPolicy.commands, 'policyId');

/** Posted 835 remittances (`practice.finance.importRemittance(text)` records them). */
export const remittance = bind(Remittance.decider, Remittance.commands, 'remittanceId');

/** Financial oversight: budgets and the revenue cycle. */
export const financeModule = defineModule({
  area: 'finance',
  aggregates: [budget, claim, remittance, eligibility, billingPolicy],
  projections: Finance.financeProjections,
  kpis: financeKpis,
  roles: {
    // Physicians document care; billers run the revenue cycle; the front desk takes copays.
    // The front desk checks eligibility at registration; the practice manager sets the billing policy.
    physician: ['Claim.RegisterCharges', 'Claim.AddCharges'],
    biller: ['Claim.*', 'Remittance.*', 'Eligibility.*'],
    staff: ['Claim.CollectPatientPayment', 'Eligibility.RecordEligibilityCheck'],
  },
});

/** The finance commands of the facade. */
export type FinanceCommands = ModuleCommands<typeof financeModule>;
