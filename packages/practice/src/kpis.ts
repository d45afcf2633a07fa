import { DateTime } from 'luxon';
import {
  InvalidArgument,
  ModuleFailed,
  PraxisError,
  type KpiContext,
  type KpiDefinition,
  type KpiUnit,
  type PracticeModule,
  type ReadModelReader,
  reportCacheOf,
} from '@praxis/core';
import {
  Finance,
  KpiDetail,
  complianceCalendar,
  complianceKpiDefinitions,
  financeKpis,
  isPeriodError,
  parsePeriod,
  policyKpis,
  staffKpis,
  type CalendarEntry,
  type ComplianceKpis,
  type Period,
  type PolicyAcknowledgmentRate,
  type StaffTurnover,
  type TrainingCompliance,
} from '@praxis/kpi';

/** What a KPI is measured in (see `KpiUnit` in @praxis/core). */
export type { KpiUnit } from '@praxis/core';

/** A target for one KPI: at least or at most a value, and where it comes from. */
export interface KpiTarget {
  readonly value: number;
  readonly direction: 'at-least' | 'at-most';
  /**
   * Where the figure comes from: the rule it restates, the benchmark it follows, or (absent)
   * the practice's own setting (`createPractice({ targets })`).
   */
  readonly source?: string;
}

/** One line of the KPI table: a registered KPI's value for the period, with its target. */
export interface KpiLine {
  readonly id: string;
  readonly label: string;
  /** The module's area (`finance`, `staff`, `patients`, …). */
  readonly area: string;
  /** Undefined when the formula's denominator is zero (shown as "n/a", never as infinity). */
  readonly value: number | undefined;
  readonly unit: KpiUnit;
  readonly direction: KpiDefinition['direction'];
  /** The formula in words. */
  readonly formula: string;
  readonly target?: KpiTarget;
  /** Whether the value meets its target (absent without a target or a value). */
  readonly met?: boolean;
  /** Where the formula comes from. */
  readonly source: string;
}

/** Every KPI of a period, with the detail the built-in ones were computed from. */
export interface KpiReport {
  readonly period: { readonly label: string; readonly firstDay: string; readonly lastDay: string };
  /**
   * Which view of the period: `as-reported` (only what was recorded by the period's close, so
   * a closed month never changes) or `restated` (with corrections recorded since).
   */
  readonly basis: Finance.Basis;
  /** One line per KPI the practice's modules contribute, in module order. */
  readonly lines: readonly KpiLine[];
  readonly revenueCycle: Finance.RevenueCycleKpis;
  readonly arAging: Finance.ARAging;
  readonly budget: Finance.BudgetVsActual;
  readonly turnover: StaffTurnover;
  readonly training: TrainingCompliance;
  readonly policyAcknowledgments: PolicyAcknowledgmentRate;
  readonly compliance: ComplianceKpis;
}

/** The built-in KPIs' ids (any registered KPI id is accepted where an id is asked for). */
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

/** KPI targets by KPI id (any registered id). */
export type KpiTargets = Readonly<Partial<Record<KpiId, KpiTarget>> & Record<string, KpiTarget>>;

const benchmark =
  'common industry benchmark (MGMA/HFMA better performers), a Praxis default: DOMAIN.md gives the formula, not a figure — set your own';
const duty = (rule: string) => `${rule}: every one is a duty, so the target is all of them`;

/**
 * Targets used when the practice sets none, each with its source (docs/kpi-targets.md). Three
 * kinds: a legal or regulatory duty restated (every overpayment returned in 60 days, every
 * access request answered in 30, a BAA with every vendor holding PHI: 100 % or none overdue); a
 * common industry benchmark (days in A/R, collections, denials, training — soft figures, named
 * as such); and no target where no standard exists (the report says "no target set"). The
 * practice overrides any of them, or sets one where none exists, with `createPractice({ targets })`.
 */
export const defaultTargets: KpiTargets = {
  daysInAR: { value: 40, direction: 'at-most', source: benchmark },
  adjustedCollectionRate: { value: 95, direction: 'at-least', source: benchmark },
  agedARRate: { value: 15, direction: 'at-most', source: benchmark },
  cleanClaimRate: { value: 95, direction: 'at-least', source: benchmark },
  initialDenialRate: { value: 8, direction: 'at-most', source: benchmark },
  denialWriteOffRate: { value: 2, direction: 'at-most', source: benchmark },
  trainingCompliance: { value: 95, direction: 'at-least', source: benchmark },
  policyAcknowledgment: { value: 95, direction: 'at-least', source: benchmark },
  budgetVariancePct: {
    value: 0,
    direction: 'at-most',
    source: 'the approved budget (DOMAIN.md budget variance): spending at or under it',
  },
  overpaymentsReturnedOnTime: {
    value: 100,
    direction: 'at-least',
    source: duty('42 CFR 401.305(b); 42 U.S.C. 1320a-7k(d) (report and return within 60 days)'),
  },
  overpaymentsOverdue: {
    value: 0,
    direction: 'at-most',
    source: duty('42 CFR 401.305(b) (report and return within 60 days)'),
  },
  overdueCorrectiveActions: {
    value: 0,
    direction: 'at-most',
    source: duty('each corrective action’s own due date'),
  },
  requirementsMetOnTime: {
    value: 100,
    direction: 'at-least',
    source: duty('each programme’s recurring requirements (DOMAIN.md, Regulatory compliance)'),
  },
  requirementsOverdue: {
    value: 0,
    direction: 'at-most',
    source: duty('each programme’s recurring requirements (DOMAIN.md, Regulatory compliance)'),
  },
  phiVendorsWithoutBaa: {
    value: 0,
    direction: 'at-most',
    source: duty('45 CFR 164.502(e), 164.504(e) (a BAA with every vendor handling PHI)'),
  },
  baaCoverage: {
    value: 100,
    direction: 'at-least',
    source: duty('45 CFR 164.308(b)(1) (a BAA with every vendor handling PHI)'),
  },
  accessRequestTimeliness: {
    value: 100,
    direction: 'at-least',
    source: duty('45 CFR 164.524(b)(2) (access given within 30 days)'),
  },
  obligationsMetOnTime: {
    value: 100,
    direction: 'at-least',
    source: duty('the dated obligations of the calendar (many are legal deadlines)'),
  },
  overdueObligations: {
    value: 0,
    direction: 'at-most',
    source: duty('the dated obligations of the calendar (many are legal deadlines)'),
  },
  postVisitSummaryTimeliness: {
    value: 50,
    direction: 'at-least',
    source: 'Meaningful Use stage 2 core measure 8 (more than 50 % within 1 business day)',
  },
};

/** What a KPI line without a target says about it. */
export const noTargetNote =
  'no target set: no published standard for this figure — the practice sets its own with createPractice({ targets })';

/** Reads a period label (`2026-03`, `2026-Q1`, `2026`) in the practice's zone; InvalidArgument otherwise. */
export const periodIn = (label: string, zone: string): Period => {
  if (typeof label !== 'string')
    throw new InvalidArgument(
      'period',
      `must be text such as '2026', '2026-Q1' or '2026-03' (got a ${typeof label})`,
    );
  const p = parsePeriod(label, zone);
  if (isPeriodError(p)) {
    throw new InvalidArgument('period', `"${label}" is not a period (use 2026, 2026-Q1 or 2026-03)`);
  }
  return p;
};

/** How a KPI report is computed. */
export interface KpiReportOptions {
  /** As reported at the period's close (default) or restated with later corrections. */
  readonly basis?: Finance.Basis;
  /**
   * The claim totals and budget documents already loaded (a report of many periods loads them
   * once); read from `reader` when absent.
   */
  readonly documents?: FinanceDocuments;
}

/**
 * The finance read-model documents the finance KPIs are computed from: the claim totals
 * (pre-aggregated, `Finance.loadClaimTotals`) and the budgets; or, when `claims` is given
 * instead of `totals`, from those claim documents.
 */
export interface FinanceDocuments {
  readonly totals?: Finance.ClaimTotals;
  readonly claims?: readonly Finance.ClaimDoc[];
  readonly budgets: readonly Finance.BudgetDoc[];
}

/**
 * Loads the claim totals and budget documents once, for several KPI reports. Given a
 * `memoizedReader`, it reads beneath it: the totals are summed into the result, and the memoized
 * reader would otherwise keep their raw cells (~37,000 on a 3,000-claim practice) alive as well.
 */
export const loadFinanceDocuments = async (reader: ReadModelReader): Promise<FinanceDocuments> => {
  const from = reportCacheOf(reader)?.source ?? reader;
  return { totals: await Finance.loadClaimTotals(from), budgets: await Finance.loadBudgets(from) };
};

/** The KPIs of a practice's modules, checked: ids unique, each defined once. */
export const kpiRegistryOf = (modules: readonly PracticeModule[]): readonly KpiDefinition[] => {
  const seen = new Map<string, string>();
  const out: KpiDefinition[] = [];
  for (const m of modules)
    for (const k of m.kpis ?? []) {
      const other = seen.get(k.id);
      if (other !== undefined)
        throw new InvalidArgument('modules', `two modules (${other} and ${m.area}) define the KPI ${k.id}`);
      seen.set(k.id, m.area);
      out.push(k);
    }
  return out;
};

/** A KPI context for one period: each memo key is loaded once. */
export const kpiContext = (
  reader: ReadModelReader,
  period: Period,
  basis: Finance.Basis,
  documents?: FinanceDocuments,
  projections: readonly string[] = [],
): KpiContext => {
  const cache = new Map<string, Promise<unknown>>();
  if (documents !== undefined) cache.set('finance:documents', Promise.resolve(documents));
  // a memoized reader's documents do not change: what is derived from them holds for the report
  const report = reportCacheOf(reader);
  const memoIn =
    (m: Map<string, Promise<unknown>>, source: ReadModelReader) =>
    <T>(key: string, load: (reader: ReadModelReader) => Promise<T>): Promise<T> => {
      let p = m.get(key) as Promise<T> | undefined;
      if (p === undefined) {
        p = load(source);
        m.set(key, p);
      }
      return p;
    };
  return {
    reader,
    period,
    basis,
    projections,
    memo: memoIn(cache, reader),
    shared: report === undefined ? memoIn(new Map(), reader) : memoIn(report.derived, report.source),
  };
};

/**
 * What one KPI's compute looked at, for a report to reuse its value on the other basis: whether it
 * read `context.basis`, itself or through a memo first loaded by a KPI that did (`from`). Kept
 * live: a memo's loader that reads the basis later still marks the KPI that started it.
 */
interface BasisTrace {
  readBasis: boolean;
  readonly from: BasisTrace[];
}

const basisFree = (t: BasisTrace, seen = new Set<BasisTrace>()): boolean => {
  if (seen.has(t)) return true;
  seen.add(t);
  return !t.readBasis && t.from.every((f) => basisFree(f, seen));
};

/**
 * A KPI's view of a context: its `memo` and `shared` keys must be its own area's (`finance:…`),
 * so one module cannot read or overwrite what another loaded (ModuleFailed naming the KPI). With
 * a trace, it records whether the KPI looked at the basis (`owners`: which KPI's trace first
 * loaded each memo key of this context).
 */
const ownKeys = (
  def: KpiDefinition,
  context: KpiContext,
  trace?: BasisTrace,
  owners?: Map<string, BasisTrace>,
): KpiContext => {
  const own = (key: unknown) => {
    if (typeof key !== 'string' || !key.startsWith(`${def.area}:`))
      throw new ModuleFailed(
        `kpi ${def.id}`,
        `its memo and shared keys must start with its area "${def.area}:" (got ${JSON.stringify(key)})`,
      );
  };
  const view: KpiContext = {
    ...context,
    memo: (key, load) => {
      own(key);
      if (trace !== undefined && owners !== undefined) {
        const owner = owners.get(key);
        if (owner === undefined) owners.set(key, trace);
        else if (owner !== trace) trace.from.push(owner);
      }
      return context.memo(key, load);
    },
    shared: (key, load) => {
      own(key);
      return context.shared(key, load);
    },
  };
  if (trace === undefined) return view;
  return Object.defineProperty(view, 'basis', {
    enumerable: true,
    get: () => {
      trace.readBasis = true;
      return context.basis;
    },
  });
};

/**
 * One KPI's value, checked: a finite number or undefined (a zero denominator). A `compute` that
 * throws or returns anything else is a defect of its module: ModuleFailed naming the KPI.
 */
export const computeKpi = async (
  def: KpiDefinition,
  context: KpiContext,
  trace?: BasisTrace,
  owners?: Map<string, BasisTrace>,
): Promise<number | undefined> => {
  let value: unknown;
  try {
    value = await def.compute(ownKeys(def, context, trace, owners));
  } catch (err) {
    if (PraxisError.isPraxisError(err)) throw err;
    throw new ModuleFailed(
      `kpi ${def.id}`,
      err instanceof Error ? `${err.name}: ${err.message}` : 'compute threw',
      {
        cause: err,
      },
    );
  }
  if (value === undefined || (typeof value === 'number' && Number.isFinite(value))) return value;
  throw new ModuleFailed(
    `kpi ${def.id}`,
    `compute returned ${typeof value === 'number' ? String(value) : typeof value}, not a finite number or undefined`,
  );
};

const lineOf = (def: KpiDefinition, value: number | undefined, target: KpiTarget | undefined): KpiLine => {
  const met =
    target === undefined || value === undefined
      ? undefined
      : target.direction === 'at-least'
        ? value >= target.value
        : value <= target.value;
  return {
    id: def.id,
    label: def.label,
    area: def.area,
    value,
    unit: def.unit,
    direction: def.direction,
    formula: def.formula,
    source: def.source,
    ...(target === undefined ? {} : { target }),
    ...(met === undefined ? {} : { met }),
  };
};

/**
 * Every KPI of a period from the read models (one line per registered KPI, default: the
 * built-in modules'), each with its target where one is set. Detail each KPI shares (the
 * claim documents) is read once per report (or passed in `options.documents`).
 *
 * @example
 * const report = await kpiReport(practice.readModels, periodIn('2026-Q1', 'America/Chicago'));
 * const restated = await kpiReport(reader, period, defaultTargets, { basis: 'restated' });
 */
export const kpiReport = async (
  reader: ReadModelReader,
  period: Period,
  targets: KpiTargets = defaultTargets,
  options: KpiReportOptions = {},
  registry: readonly KpiDefinition[] = builtinKpis,
  projections: readonly string[] = [],
): Promise<KpiReport> => {
  const basis = options.basis ?? 'as-reported';
  if (basis !== 'as-reported' && basis !== 'restated')
    throw new InvalidArgument('basis', `must be as-reported or restated (got ${JSON.stringify(basis)})`);
  const context = kpiContext(reader, period, basis, options.documents, projections);
  const lines: KpiLine[] = [];
  // In a report (a memoized reader), a KPI whose value on the other basis never looked at the
  // basis has the same value on this one: the same documents, the same period (only the finance
  // KPIs differ between as reported and restated). Traced, not declared: a module cannot forget.
  const report = reportCacheOf(reader);
  const owners = new Map<string, BasisTrace>();
  const keptKey = (id: string, b: Finance.Basis) =>
    `\u0000kpi\u0000${id}\u0000${period.zone}\u0000${period.label}\u0000${b}`;
  for (const def of registry) {
    let value: number | undefined;
    const kept =
      report === undefined
        ? undefined
        : ((await report.derived.get(keptKey(def.id, basis === 'restated' ? 'as-reported' : 'restated'))) as
            { value: number | undefined; trace: BasisTrace } | undefined);
    if (kept !== undefined && basisFree(kept.trace)) value = kept.value;
    else {
      const trace: BasisTrace = { readBasis: false, from: [] };
      value = await computeKpi(def, context, trace, owners);
      report?.derived.set(keptKey(def.id, basis), Promise.resolve({ value, trace }));
    }
    lines.push(lineOf(def, value, targets[def.id]));
  }
  return {
    period: { label: period.label, firstDay: period.firstDay, lastDay: period.lastDay },
    basis,
    lines,
    revenueCycle: await KpiDetail.revenueCycle(context),
    arAging: await KpiDetail.arAging(context),
    budget: await KpiDetail.budgetVsActual(context),
    turnover: await KpiDetail.turnover(context),
    training: await KpiDetail.training(context),
    policyAcknowledgments: await KpiDetail.acknowledgments(context),
    compliance: await KpiDetail.compliance(context),
  };
};

/** The built-in modules' KPIs, in the order of the report. */
export const builtinKpis: readonly KpiDefinition[] = [
  ...financeKpis,
  ...staffKpis,
  ...policyKpis,
  ...complianceKpiDefinitions,
];

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
