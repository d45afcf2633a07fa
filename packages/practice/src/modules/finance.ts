import {
  BillingPolicy,
  Books,
  Budget,
  Claim,
  Eligibility,
  Overpayment,
  overpaymentKpis,
  overpaymentObligations,
} from '@praxis/finance';
import { staffOnRecord } from '@praxis/staff';
import { Finance, financeKpis } from '@praxis/kpi';
import type { ModuleHost } from '@praxis/core';
import {
  Remittance,
  exportClaims,
  importClaims,
  importRemittance,
  type ClaimImportOptions,
  type ClaimsExport,
  type ClaimsImport,
  type ClaimsPort,
  type EdiParties,
  type ExportOptions,
  type ImportOptions,
  type RemittanceImport,
  type X12Source,
} from '@praxis/x12';
import type { ModuleCommands } from '../area.js';
import type { FactContext } from '@praxis/core';
import { bind, defineModule } from '../module.js';

/** Where each money-moving command posts, for the books' period lock (docs/decisions/finance-period-lock.md). */
const atCall = (c: Readonly<Record<string, unknown>>): Books.Posting => ({ field: 'at', at: String(c.at) });
const lockedBudget = Books.withBooksLock(Budget.decider, {
  RecordExpense: (c) => ({ field: 'incurredOn', on: String(c.incurredOn) }),
  CorrectExpense: (c) => ({ field: 'incurredOn', on: String(c.incurredOn) }),
});
const claimPostings = [
  'RegisterCharges',
  'AddCharges',
  'CreateClaim',
  'CorrectClaim',
  'RecordPayerPayment',
  'ReversePayerPayment',
  'CollectPatientPayment',
  'WriteOffBalance',
  // An opening claim (go-live) posts its charges and payments at the opening instant.
  'RecordOpeningClaim',
  // Not money, but a closed month's clean-claim and denial rates count them.
  'ScrubClaim',
  'SubmitClaim',
  'RecordPayerRejection',
  'RecordDenial',
] as const;
const lockedClaim = Books.withBooksLock(
  Claim.decider,
  Object.fromEntries(claimPostings.map((t) => [t, atCall])),
);

/** Annual budgets: `practice.finance.draftBudget({ budgetId, … })`. */
export const budget = bind(
  lockedBudget,
  // The wrapped codecs decode the same input (plus the lock as a fact): keep the facade's types.
  lockedBudget.commands as typeof Budget.commands,
  'budgetId',
  // A budget collects every expense of the year: load it from a snapshot.
  {
    snapshotEvery: 50,
    facts: Books.lockedFacts(['RecordExpense', 'CorrectExpense'], {
      // An initiative spends only against its own budget line (strategy, MODULES.md §3.4 S3).
      RecordExpense: async (c, ctx) => ({
        initiative: await Budget.initiativeLineOf(
          (a, id) => ctx.load(a, id),
          c.initiativeId as string | undefined,
        ),
      }),
    }) as never,
  },
);

/** The fact `staffOnRecord` of a claim naming a rendering provider (RegisterCharges, RecordOpeningClaim). */
const renderingProviderOnRecord = async (c: Readonly<Record<string, unknown>>, ctx: FactContext) => ({
  staffOnRecord:
    c.renderingProviderId === undefined
      ? []
      : await staffOnRecord(
          ctx,
          [['renderingProviderId', c.renderingProviderId as string]],
          c.dateOfService as string,
        ),
});

/** The revenue cycle: `practice.finance.submitClaim({ claimId, at })`. */
export const claim = bind(lockedClaim, lockedClaim.commands as typeof Claim.commands, 'claimId', {
  facts: Books.lockedFacts(claimPostings, {
    // A rendering provider is a staff member on record on the date of service.
    RegisterCharges: renderingProviderOnRecord,
    RecordOpeningClaim: renderingProviderOnRecord,
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
  }) as never,
});

/** Eligibility checks per patient, payer and date of service: `practice.finance.recordEligibilityCheck(…)`. */
export const eligibility = bind(Eligibility.decider, Eligibility.commands, 'patientId');

/** The practice's billing policy: `practice.finance.setBillingPolicy({ policyId: 'practice', … })`. */
export const billingPolicy = bind(BillingPolicy.decider, BillingPolicy.commands, 'policyId');

/** The books' period lock: `practice.finance.closeFinancialPeriod({ booksId: 'practice', period: '2026-03' })`. */
export const books = bind(Books.decider, Books.commands, 'booksId');

/** Medicare/Medicaid overpayments: `practice.finance.identifyOverpayment({ overpaymentId, … })`. */
export const overpayment = bind(Overpayment.decider, Overpayment.commands, 'overpaymentId', {
  facts: Books.lockedFacts(['IdentifyOverpayment', 'RefundOverpayment']) as never,
});

/** Posted 835 remittances (`practice.finance.importRemittance(text)` records them). */
export const remittance = bind(Remittance.decider, Remittance.commands, 'remittanceId');

/**
 * What the finance area adds to its commands: X12 interchange (@praxis/x12, docs/finance.md).
 * A type, not an interface: area methods must fit `ModuleAreaMethods` (an index signature).
 */
export type RemittanceImporter = {
  /**
   * Posts an X12 835 remittance file (all of its claims or none; a repeat of the same trace
   * number posts nothing twice), read as it arrives: the whole text, or a stream of text or bytes
   * such as `createReadStream(file)`. See `importRemittance` in @praxis/x12 and docs/finance.md.
   */
  importRemittance(source: X12Source, options?: ImportOptions): Promise<RemittanceImport>;
  /**
   * Writes the claims ready to submit as one 005010X222A1 837P (optionally recording their
   * submission). See `exportClaims` in @praxis/x12 and docs/finance.md.
   */
  exportClaims(parties: EdiParties, options?: ExportOptions): Promise<ClaimsExport>;
  /**
   * Registers an 837P's claims from another system as submitted claims (go-live of open A/R),
   * all or none. See `importClaims` in @praxis/x12 and docs/finance.md.
   */
  importClaims(text: string, options?: ClaimImportOptions): Promise<ClaimsImport>;
};

/** The practice as the X12 importers and exporter use it, from a module host. */
const claimsPort = (host: ModuleHost): ClaimsPort => ({
  execute: (aggregate, command, o) => host.execute(aggregate, command, o),
  check: (aggregate, command, o) => host.check(aggregate, command, o),
  load: (aggregate, id) => host.load(aggregate, id),
  clock: host.clock,
  readModels: host.readModels,
  settings: { timeZone: host.timeZone },
});

/**
 * Financial oversight: budgets, the revenue cycle, overpayments and the books' period lock
 * (closing a month is the practice manager's: `practice_manager` holds every command).
 */
export const financeModule = defineModule({
  area: 'finance',
  aggregates: [budget, claim, remittance, eligibility, billingPolicy, books, overpayment],
  projections: [...Finance.financeProjections, overpaymentObligations],
  kpis: [...financeKpis, ...overpaymentKpis],
  roles: {
    // Physicians document care; billers run the revenue cycle; the front desk takes copays.
    // The front desk checks eligibility at registration; the practice manager sets the billing policy.
    physician: ['Claim.RegisterCharges', 'Claim.AddCharges'],
    biller: ['Claim.*', 'Remittance.*', 'Eligibility.*', 'Overpayment.*'],
    staff: ['Claim.CollectPatientPayment', 'Eligibility.RecordEligibilityCheck'],
  },
  areaMethods: (host: ModuleHost): { finance: RemittanceImporter } => {
    const port = claimsPort(host);
    return {
      finance: {
        importRemittance: (source, o) => importRemittance(port, source, o),
        exportClaims: (parties, o) => exportClaims(port, parties, o),
        importClaims: (text, o) => importClaims(port, text, o),
      },
    };
  },
});

/** The finance commands of the facade. */
export type FinanceCommands = ModuleCommands<typeof financeModule>;
