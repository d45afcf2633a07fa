import { DateTime } from 'luxon';
import { InvalidArgument, type ReadModelReader } from '@praxis/core';
import {
  Finance,
  complianceCalendar,
  complianceKpis,
  isPeriodError,
  parsePeriod,
  policyAcknowledgmentRate,
  staffTurnover,
  trainingCompliance,
  type CalendarEntry,
  type ComplianceKpis,
  type Period,
  type PolicyAcknowledgmentRate,
  type StaffTurnover,
  type TrainingCompliance,
} from '@praxis/kpi';

/** What a KPI is measured in. */
export type KpiUnit = 'percent' | 'days' | 'cents' | 'count';

/** A target for one KPI: at least or at most a value. */
export interface KpiTarget {
  readonly value: number;
  readonly direction: 'at-least' | 'at-most';
}

/** One line of the KPI table. */
export interface KpiLine {
  readonly id: KpiId;
  readonly label: string;
  readonly area: 'finance' | 'staff' | 'policies' | 'compliance';
  /** Undefined when the formula's denominator is zero (shown as "n/a", never as infinity). */
  readonly value: number | undefined;
  readonly unit: KpiUnit;
  readonly target?: KpiTarget;
  /** Whether the value meets its target (absent without a target or a value). */
  readonly met?: boolean;
  /** Where the formula comes from. */
  readonly source: string;
}

/** Every KPI of a period, with the detail each was computed from. */
export interface KpiReport {
  readonly period: { readonly label: string; readonly firstDay: string; readonly lastDay: string };
  /**
   * Which view of the finance KPIs: `as-reported` (only what was recorded by the period's
   * close, so a closed month never changes) or `restated` (with corrections recorded since).
   */
  readonly basis: Finance.Basis;
  readonly lines: readonly KpiLine[];
  readonly revenueCycle: Finance.RevenueCycleKpis;
  readonly arAging: Finance.ARAging;
  readonly budget: Finance.BudgetVsActual;
  readonly turnover: StaffTurnover;
  readonly training: TrainingCompliance;
  readonly policyAcknowledgments: PolicyAcknowledgmentRate;
  readonly compliance: ComplianceKpis;
}

/** The KPIs of the table, by id. */
export type KpiId =
  | 'daysInAR'
  | 'adjustedCollectionRate'
  | 'grossCollectionRate'
  | 'agedARRate'
  | 'cleanClaimRate'
  | 'initialDenialRate'
  | 'initialDenialRateByDollars'
  | 'denialWriteOffRate'
  | 'posCollectionRate'
  | 'netCollections'
  | 'grossCharges'
  | 'budgetVariancePct'
  | 'staffTurnover'
  | 'trainingCompliance'
  | 'policyAcknowledgment'
  | 'openFindings'
  | 'overdueCorrectiveActions'
  | 'meanDaysToCloseFinding';

/**
 * Targets used when the practice sets none: common benchmarks (MGMA / HFMA better performers),
 * to be replaced by the practice's own strategic goals through `createPractice({ targets })`.
 */
export const defaultTargets: Readonly<Partial<Record<KpiId, KpiTarget>>> = {
  daysInAR: { value: 40, direction: 'at-most' },
  adjustedCollectionRate: { value: 95, direction: 'at-least' },
  agedARRate: { value: 15, direction: 'at-most' },
  cleanClaimRate: { value: 95, direction: 'at-least' },
  initialDenialRate: { value: 8, direction: 'at-most' },
  denialWriteOffRate: { value: 2, direction: 'at-most' },
  trainingCompliance: { value: 95, direction: 'at-least' },
  policyAcknowledgment: { value: 95, direction: 'at-least' },
  overdueCorrectiveActions: { value: 0, direction: 'at-most' },
};

/** Reads a period label (`2026-03`, `2026-Q1`, `2026`) in the practice's zone; InvalidArgument otherwise. */
export const periodIn = (label: string, zone: string): Period => {
  const p = parsePeriod(label, zone);
  if (isPeriodError(p)) {
    throw new InvalidArgument('period', `"${label}" is not a period (use 2026, 2026-Q1 or 2026-03)`);
  }
  return p;
};

const orUndefined = (n: number | null | undefined): number | undefined => (n === null ? undefined : n);

/** How a KPI report is computed. */
export interface KpiReportOptions {
  /** As reported at the period's close (default) or restated with later corrections. */
  readonly basis?: Finance.Basis;
  /**
   * Claim and budget documents already loaded (a report of many periods loads them once);
   * read from `reader` when absent.
   */
  readonly documents?: FinanceDocuments;
}

/** The finance read-model documents every finance KPI is computed from. */
export interface FinanceDocuments {
  readonly claims: readonly Finance.ClaimDoc[];
  readonly budgets: readonly Finance.BudgetDoc[];
}

/** Loads the claim and budget documents once, for several KPI reports. */
export const loadFinanceDocuments = async (reader: ReadModelReader): Promise<FinanceDocuments> => ({
  claims: await Finance.loadClaims(reader),
  budgets: await Finance.loadBudgets(reader),
});

/**
 * Every KPI of a period from the read models, each with its target where one is set. The
 * claim documents are read once per report (or passed in `options.documents`).
 *
 * @example
 * const report = await kpiReport(practice.readModels, periodIn('2026-Q1', 'America/Chicago'));
 * const restated = await kpiReport(reader, period, defaultTargets, { basis: 'restated' });
 */
export const kpiReport = async (
  reader: ReadModelReader,
  period: Period,
  targets: Readonly<Partial<Record<KpiId, KpiTarget>>> = defaultTargets,
  options: KpiReportOptions = {},
): Promise<KpiReport> => {
  const basis = options.basis ?? 'as-reported';
  const { claims, budgets } = options.documents ?? (await loadFinanceDocuments(reader));
  const rc = Finance.revenueCycleKpisOf(claims, period, basis);
  const arAging = Finance.arAgingOf(claims, period, basis);
  const budget = Finance.budgetVsActualOf(budgets, claims, period);
  const turnover = await staffTurnover(reader, period);
  const training = await trainingCompliance(reader, period.lastDay);
  const acks = await policyAcknowledgmentRate(reader, period.lastDay);
  const compliance = await complianceKpis(reader, period);
  const line = (
    id: KpiId,
    label: string,
    area: KpiLine['area'],
    value: number | undefined,
    unit: KpiUnit,
    source: string,
  ): KpiLine => {
    const target = targets[id];
    const met =
      target === undefined || value === undefined
        ? undefined
        : target.direction === 'at-least'
          ? value >= target.value
          : value <= target.value;
    return {
      id,
      label,
      area,
      value,
      unit,
      source,
      ...(target === undefined ? {} : { target }),
      ...(met === undefined ? {} : { met }),
    };
  };
  const lines: KpiLine[] = [
    line(
      'grossCharges',
      'Gross charges',
      'finance',
      rc.grossCharges,
      'cents',
      'sum of charges by date of service',
    ),
    line(
      'netCollections',
      'Net collections',
      'finance',
      rc.netCollections,
      'cents',
      'payer + patient payments',
    ),
    line('daysInAR', 'Days in A/R', 'finance', rc.daysInAR, 'days', 'MGMA'),
    line(
      'adjustedCollectionRate',
      'Adjusted collection %',
      'finance',
      rc.adjustedCollectionRate,
      'percent',
      'MGMA',
    ),
    line('grossCollectionRate', 'Gross collection %', 'finance', rc.grossCollectionRate, 'percent', 'MGMA'),
    line('agedARRate', 'A/R over 90 days %', 'finance', rc.agedARRate, 'percent', 'HFMA AR-1'),
    line('cleanClaimRate', 'Clean claim rate %', 'finance', rc.cleanClaimRate, 'percent', 'HFMA CL-1'),
    line('initialDenialRate', 'Initial denial rate %', 'finance', rc.initialDenialRate, 'percent', 'HFMA'),
    line(
      'initialDenialRateByDollars',
      'Initial denial rate % ($)',
      'finance',
      rc.initialDenialRateByDollars,
      'percent',
      'HFMA',
    ),
    line(
      'denialWriteOffRate',
      'Denial write-off %',
      'finance',
      rc.denialWriteOffRate,
      'percent',
      'HFMA AR-6',
    ),
    line(
      'posCollectionRate',
      'Point-of-service collections %',
      'finance',
      rc.posCollectionRate,
      'percent',
      'HFMA PA-7',
    ),
    line(
      'budgetVariancePct',
      'Budget variance %',
      'finance',
      budget.total.variancePct,
      'percent',
      '(actual − budget) ÷ budget',
    ),
    line(
      'staffTurnover',
      'Staff turnover %',
      'staff',
      orUndefined(turnover.turnoverPct),
      'percent',
      'separations ÷ average headcount',
    ),
    line(
      'trainingCompliance',
      'Training compliance %',
      'staff',
      orUndefined(training.compliancePct),
      'percent',
      'staff current ÷ staff required',
    ),
    line(
      'policyAcknowledgment',
      'Policy acknowledgment %',
      'policies',
      acks.percent,
      'percent',
      'current-version acknowledgments ÷ assignments',
    ),
    line(
      'openFindings',
      'Open compliance findings',
      'compliance',
      compliance.openFindings,
      'count',
      'at period end',
    ),
    line(
      'overdueCorrectiveActions',
      'Overdue corrective actions',
      'compliance',
      compliance.overdueCorrectiveActions,
      'count',
      'at period end',
    ),
    line(
      'meanDaysToCloseFinding',
      'Mean days to close a finding',
      'compliance',
      compliance.meanDaysToCloseFinding.meanDays,
      'days',
      'closed − recorded, findings closed in the period',
    ),
  ];
  return {
    period: { label: period.label, firstDay: period.firstDay, lastDay: period.lastDay },
    basis,
    lines,
    revenueCycle: rc,
    arAging,
    budget,
    turnover,
    training,
    policyAcknowledgments: acks,
    compliance,
  };
};

/** The compliance calendar over every obligations read model of the practice. */
export const calendarOf = async (
  reader: ReadModelReader,
  projections: readonly string[],
  zone: string,
  asOf: string,
  options: { dueSoonDays?: readonly number[]; openOnly?: boolean } = {},
): Promise<CalendarEntry[]> => {
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(asOf)
    ? DateTime.fromISO(asOf, { zone }).isValid
    : /T/.test(asOf) && DateTime.fromISO(asOf, { setZone: true }).isValid;
  if (!valid) throw new InvalidArgument('asOf', `"${asOf}" is not a date (2026-06-30) or an ISO instant`);
  return complianceCalendar(reader, {
    projections: projections.filter((p) => p.endsWith('-obligations')),
    asOf,
    zone,
    ...options,
  });
};
