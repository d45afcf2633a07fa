import { defineKpis, type KpiContext, type KpiDefinition } from '@praxis/core';
import type * as Finance from '../finance/index.js';
import {
  adjustedCollectionRateBreakdown,
  daysInARBreakdown,
  grossChargesBreakdown,
  grossCollectionRateBreakdown,
  initialDenialRateBreakdown,
  netCollectionsBreakdown,
} from '../finance/breakdowns.js';
import { budgetVsActual, claimDocuments, revenueCycle } from './shared.js';

const rc =
  (pick: (k: Finance.RevenueCycleKpis) => number | undefined) =>
  async (c: KpiContext): Promise<number | undefined> =>
    pick(await revenueCycle(c));

const finance = (
  id: string,
  label: string,
  unit: KpiDefinition['unit'],
  direction: KpiDefinition['direction'],
  formula: string,
  source: string,
  compute: KpiDefinition['compute'],
  explain?: (claims: readonly Finance.ClaimDoc[], c: KpiContext) => ReturnType<typeof daysInARBreakdown>,
): KpiDefinition => ({
  id,
  label,
  area: 'finance',
  unit,
  direction,
  formula,
  source,
  compute,
  // What the value is made of, claim by claim (`practice.explain`).
  ...(explain === undefined ? {} : { explain: async (c: KpiContext) => explain(await claimDocuments(c), c) }),
});

/**
 * The finance KPIs (DOMAIN.md "KPI formulas"): the revenue cycle by date of service and the
 * budget, as reported at the period's close unless the report asks for `restated`.
 */
export const financeKpis = defineKpis([
  finance(
    'grossCharges',
    'Gross charges',
    'cents',
    'higher-is-better',
    'sum of charges whose date of service is in the period',
    'MGMA',
    rc((k) => k.grossCharges),
    (claims, c) => grossChargesBreakdown(claims, c.period, c.basis),
  ),
  finance(
    'netCollections',
    'Net collections',
    'cents',
    'higher-is-better',
    'all payments received in the period, payer and patient',
    'MGMA',
    rc((k) => k.netCollections),
    (claims, c) => netCollectionsBreakdown(claims, c.period),
  ),
  finance(
    'daysInAR',
    'Days in A/R',
    'days',
    'lower-is-better',
    'A/R at the end of the period ÷ (adjusted charges in the period ÷ days in the period)',
    'MGMA',
    rc((k) => k.daysInAR),
    (claims, c) => daysInARBreakdown(claims, c.period, c.basis),
  ),
  finance(
    'adjustedCollectionRate',
    'Adjusted collection %',
    'percent',
    'higher-is-better',
    'net collections ÷ adjusted charges × 100',
    'MGMA',
    rc((k) => k.adjustedCollectionRate),
    (claims, c) => adjustedCollectionRateBreakdown(claims, c.period, c.basis),
  ),
  finance(
    'grossCollectionRate',
    'Gross collection %',
    'percent',
    'higher-is-better',
    'net collections ÷ gross charges × 100',
    'MGMA',
    rc((k) => k.grossCollectionRate),
    (claims, c) => grossCollectionRateBreakdown(claims, c.period, c.basis),
  ),
  finance(
    'agedARRate',
    'A/R over 90 days %',
    'percent',
    'lower-is-better',
    'A/R on claims with date of service > 90 days before period end ÷ total A/R at period end × 100',
    'HFMA AR-1',
    rc((k) => k.agedARRate),
  ),
  finance(
    'cleanClaimRate',
    'Clean claim rate %',
    'percent',
    'higher-is-better',
    'claims that passed scrubbing on their first attempt ÷ claims first scrubbed in the period × 100',
    'HFMA CL-1',
    rc((k) => k.cleanClaimRate),
  ),
  finance(
    'initialDenialRate',
    'Initial denial rate %',
    'percent',
    'lower-is-better',
    'claims whose first adjudication in the period was a denial ÷ claims first adjudicated in the period × 100',
    'HFMA',
    rc((k) => k.initialDenialRate),
    (claims, c) => initialDenialRateBreakdown(claims, c.period),
  ),
  finance(
    'initialDenialRateByDollars',
    'Initial denial rate % ($)',
    'percent',
    'lower-is-better',
    'charges of claims first denied in the period ÷ charges of claims first adjudicated in the period × 100',
    'HFMA',
    rc((k) => k.initialDenialRateByDollars),
  ),
  finance(
    'denialWriteOffRate',
    'Denial write-off %',
    'percent',
    'lower-is-better',
    'write-offs with reason "denial" posted in the period ÷ net collections in the period × 100',
    'HFMA AR-6',
    rc((k) => k.denialWriteOffRate),
  ),
  finance(
    'posCollectionRate',
    'Point-of-service collections %',
    'percent',
    'higher-is-better',
    'patient payments at the point of service in the period ÷ all patient payments in the period × 100',
    'HFMA PA-7',
    rc((k) => k.posCollectionRate),
  ),
  finance(
    'budgetVariancePct',
    'Budget variance %',
    'percent',
    'lower-is-better',
    '(actual − budget) ÷ budget × 100, all lines of the period',
    'DOMAIN.md budget variance',
    async (c) => (await budgetVsActual(c)).total.variancePct,
  ),
]);
