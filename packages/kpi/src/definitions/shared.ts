import type { KpiContext } from '@praxis/core';
import * as Finance from '../finance/index.js';
import { staffTurnover, trainingCompliance } from '../staff/index.js';
import { policyAcknowledgmentRate } from '../policies/index.js';
import { complianceKpis } from '../compliance/index.js';

/**
 * What the finance KPIs are read from: the claim totals (64 shard documents of pre-aggregated
 * cells, summed once) and the budgets — passed in by the caller, or loaded once per report
 * (`KpiContext.shared`: once for every period read through one memoized reader). When a caller
 * passes claim documents instead, the KPIs are computed from those.
 */
export interface FinanceSources {
  readonly totals?: Finance.ClaimTotals;
  readonly claims?: readonly Finance.ClaimDoc[];
  readonly budgets: readonly Finance.BudgetDoc[];
}

export const financeDocuments = (c: KpiContext): Promise<FinanceSources> =>
  // `finance:documents` holds what the caller passed (see kpiContext); else the report's own load
  c.memo('finance:documents', () =>
    c.shared('finance:loaded-documents', async (reader) => ({
      totals: await Finance.loadClaimTotals(reader),
      budgets: await Finance.loadBudgets(reader),
    })),
  );

/** Every claim document (for `explain`, or a period the totals cannot answer): read once. */
export const claimDocuments = (c: KpiContext): Promise<readonly Finance.ClaimDoc[]> =>
  c.memo('finance:claims', async () => (await financeDocuments(c)).claims ?? Finance.loadClaims(c.reader));

/** The claim totals, unless the caller passed claim documents (then undefined). */
const totalsOf = async (c: KpiContext): Promise<Finance.ClaimTotals | undefined> => {
  const d = await financeDocuments(c);
  return d.claims !== undefined ? undefined : (d.totals ?? (await Finance.loadClaimTotals(c.reader)));
};

export const revenueCycle = (c: KpiContext) =>
  c.memo('finance:revenue-cycle', async () => {
    const totals = await totalsOf(c);
    return (
      (totals && Finance.revenueCycleFromTotals(totals, c.period, c.basis)) ??
      Finance.revenueCycleKpisOf(await claimDocuments(c), c.period, c.basis)
    );
  });

export const arAging = (c: KpiContext) =>
  c.memo('finance:ar-aging', async () => {
    const totals = await totalsOf(c);
    return (
      (totals && Finance.arAgingFromTotals(totals, c.period, c.basis)) ??
      Finance.arAgingOf(await claimDocuments(c), c.period, c.basis)
    );
  });

export const budgetVsActual = (c: KpiContext) =>
  c.memo('finance:budget', async () => {
    const { budgets } = await financeDocuments(c);
    return Finance.budgetVsActualOf(budgets, (await revenueCycle(c)).netCollections, c.period);
  });

export const turnover = (c: KpiContext) => c.memo('staff:turnover', () => staffTurnover(c.reader, c.period));

export const training = (c: KpiContext) =>
  c.memo('staff:training', () => trainingCompliance(c.reader, c.period.lastDay));

export const acknowledgments = (c: KpiContext) =>
  c.memo('policies:acknowledgments', () => policyAcknowledgmentRate(c.reader, c.period.lastDay));

export const compliance = (c: KpiContext) =>
  c.memo('compliance:kpis', () => complianceKpis(c.reader, c.period));

export const orUndefined = (n: number | null | undefined): number | undefined => (n === null ? undefined : n);
