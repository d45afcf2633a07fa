import { Budget, Claim } from '@praxis/finance';
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
export const claim = bind(Claim.decider, Claim.commands, 'claimId');

/** Posted 835 remittances (`practice.finance.importRemittance(text)` records them). */
export const remittance = bind(Remittance.decider, Remittance.commands, 'remittanceId');

/** Financial oversight: budgets and the revenue cycle. */
export const financeModule = defineModule({
  area: 'finance',
  aggregates: [budget, claim, remittance],
  projections: Finance.financeProjections,
  kpis: financeKpis,
  roles: {
    // Physicians document care; billers run the revenue cycle; the front desk takes copays.
    physician: ['Claim.RegisterCharges', 'Claim.AddCharges'],
    biller: ['Claim.*', 'Remittance.*'],
    staff: ['Claim.CollectPatientPayment'],
  },
});

/** The finance commands of the facade. */
export type FinanceCommands = ModuleCommands<typeof financeModule>;
