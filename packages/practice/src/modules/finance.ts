import { Budget, Claim } from '@praxis/finance';
import { Finance } from '@praxis/kpi';
import { Remittance, type ImportOptions, type RemittanceImport } from '@praxis/x12';
import type { CommandMethods } from '../area.js';
import { bind, type AggregateBinding, type PracticeModule } from '../module.js';

/** Annual budgets: `practice.finance.draftBudget({ budgetId, … })`. */
export const budget: AggregateBinding<Budget.BudgetCommand, Budget.BudgetEvent, Budget.State, 'budgetId'> =
  bind(
    Budget.decider,
    'budgetId',
    {
      DraftBudget: true,
      SetBudgetLine: true,
      SubmitBudget: true,
      ApproveBudget: true,
      ReturnBudget: true,
      ReviseBudget: true,
      RequestVariance: true,
      ApproveVariance: true,
      RecordExpense: true,
      ReviseForecast: true,
      CloseBudgetYear: true,
    },
    // A budget collects every expense of the year: load it from a snapshot.
    { snapshotEvery: 50 },
  );

/** The revenue cycle: `practice.finance.submitClaim({ claimId, at })`. */
export const claim: AggregateBinding<Claim.ClaimCommand, Claim.ClaimEvent, Claim.State, 'claimId'> = bind(
  Claim.decider,
  'claimId',
  {
    RegisterCharges: true,
    AddCharges: true,
    CreateClaim: true,
    ScrubClaim: true,
    CorrectClaim: true,
    SubmitClaim: true,
    RecordPayerAcceptance: true,
    RecordPayerRejection: true,
    RecordDenial: true,
    AppealDenial: true,
    RecordPayerPayment: true,
    BillPatient: true,
    CollectPatientPayment: true,
    WriteOffBalance: true,
  },
);

/** Posted 835 remittances (`practice.finance.importRemittance(text)` records them). */
export const remittance: AggregateBinding<
  Remittance.RemittanceCommand,
  Remittance.RemittanceEvent,
  Remittance.State,
  'remittanceId'
> = bind(Remittance.decider, 'remittanceId', { RecordRemittance: true });

/** Financial oversight: budgets and the revenue cycle. */
export const financeModule: PracticeModule = {
  area: 'finance',
  aggregates: [budget, claim, remittance],
  projections: Finance.financeProjections,
};

/** The finance commands of the facade. */
export type FinanceCommands = CommandMethods<typeof budget> &
  CommandMethods<typeof claim> &
  CommandMethods<typeof remittance> & {
    /**
     * Posts an X12 835 remittance file (all of its claims or none; a repeat of the same trace
     * number posts nothing twice). See `importRemittance` in @praxis/x12 and docs/finance.md.
     */
    importRemittance(text: string, options?: ImportOptions): Promise<RemittanceImport>;
  };
