import type { KpiContext } from '@praxis/core';
import * as Finance from '../finance/index.js';
import { staffTurnover, trainingCompliance } from '../staff/index.js';
import { policyAcknowledgmentRate } from '../policies/index.js';
import { complianceKpis } from '../compliance/index.js';

/**
 * The detail each built-in KPI is read from, loaded once per report through the context's
 * memo: a report of 18 KPIs reads the claim documents once, not 12 times.
 */
export const financeDocuments = (c: KpiContext) =>
  c.memo('finance:documents', async () => ({
    claims: await Finance.loadClaims(c.reader),
    budgets: await Finance.loadBudgets(c.reader),
  }));

export const revenueCycle = (c: KpiContext) =>
  c.memo('finance:revenue-cycle', async () =>
    Finance.revenueCycleKpisOf((await financeDocuments(c)).claims, c.period, c.basis),
  );

export const arAging = (c: KpiContext) =>
  c.memo('finance:ar-aging', async () =>
    Finance.arAgingOf((await financeDocuments(c)).claims, c.period, c.basis),
  );

export const budgetVsActual = (c: KpiContext) =>
  c.memo('finance:budget', async () => {
    const { budgets, claims } = await financeDocuments(c);
    return Finance.budgetVsActualOf(budgets, claims, c.period);
  });

export const turnover = (c: KpiContext) => c.memo('staff:turnover', () => staffTurnover(c.reader, c.period));

export const training = (c: KpiContext) =>
  c.memo('staff:training', () => trainingCompliance(c.reader, c.period.lastDay));

export const acknowledgments = (c: KpiContext) =>
  c.memo('policies:acknowledgments', () => policyAcknowledgmentRate(c.reader, c.period.lastDay));

export const compliance = (c: KpiContext) =>
  c.memo('compliance:kpis', () => complianceKpis(c.reader, c.period));

export const orUndefined = (n: number | null | undefined): number | undefined => (n === null ? undefined : n);
