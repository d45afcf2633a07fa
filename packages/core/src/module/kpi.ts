import type { Period } from '../period.js';
import type { ReadModelReader } from '../projection.js';

/**
 * What a KPI is measured in: `percent` (0–100), `days` and `business-days`, `minutes`,
 * `cents` (integer money), `count`, `ratio` (a plain number such as turns per year).
 */
export type KpiUnit = 'percent' | 'days' | 'business-days' | 'minutes' | 'cents' | 'count' | 'ratio';

/** Which way is better: goals must aim that way (MODULES.md S2, `TargetNotAnImprovement`). */
export type KpiDirection = 'higher-is-better' | 'lower-is-better';

/** Which view of a period: as reported at its close (default) or restated with later corrections. */
export type KpiBasis = 'as-reported' | 'restated';

/** What a KPI is computed from: the read models, the period, and a cache shared by one report. */
export interface KpiContext {
  /** The practice's read models (caught up, personal fields revealed), or an as-of replay. */
  readonly reader: ReadModelReader;
  /** The reporting period in the practice's zone. */
  readonly period: Period;
  readonly basis: KpiBasis;
  /**
   * Loads something once per period and shares it between the KPIs that need it (e.g. every
   * claim document): the first call with `key` runs `load`, later ones get its promise. Keys
   * start with the KPI's area (`finance:…`); another area's key is refused (ModuleFailed).
   */
  memo<T>(key: string, load: () => Promise<T>): Promise<T>;
  /**
   * Like `memo`, for what depends on neither the period nor the basis (every obligation parsed,
   * a day's third-next-available samples): kept for every period of a report when `reader` is
   * a `memoizedReader` (a report of many periods over one state of the read models), else once
   * per period like `memo`. `load` reads with the reader it is given (beneath a report's
   * memoized reader, so the raw documents are not kept beside what is derived from them).
   * Keys start with the KPI's area (`patients:…`); another area's key is refused (ModuleFailed).
   *
   * @example
   * const all = await c.shared('patients:appointments', (reader) => listAppointments(reader));
   */
  shared<T>(key: string, load: (reader: ReadModelReader) => Promise<T>): Promise<T>;
  /** The names of every read model of the practice (e.g. to find each `*-obligations` one). */
  readonly projections: readonly string[];
}

/**
 * One KPI a module contributes to the registry (`practice.kpis()`, the HTML report, goals).
 * Ids are unique across the modules of a practice (`createPractice` refuses duplicates).
 *
 * @example
 * const noShowRate: KpiDefinition = {
 *   id: 'noShowRate', label: 'No-show rate %', area: 'patients', unit: 'percent',
 *   direction: 'lower-is-better', formula: 'no-shows ÷ (kept + no-shows + late cancels) × 100',
 *   source: 'MGMA', compute: async ({ reader, period }) => …,
 * };
 */
export interface KpiDefinition {
  /** Stable id, lower camel case: `daysInAR`, `noShowRate`. */
  readonly id: string;
  readonly label: string;
  /** The module's area (`finance`, `patients`, …). */
  readonly area: string;
  readonly unit: KpiUnit;
  readonly direction: KpiDirection;
  /** The formula in words, with units: `no-shows ÷ scheduled × 100`. */
  readonly formula: string;
  /** Where the definition comes from (MGMA, HFMA AR-1, CMS50, …). */
  readonly source: string;
  /** The value for a period; `undefined` when its denominator is zero (shown as "n/a"). */
  readonly compute: (context: KpiContext) => Promise<number | undefined>;
  /**
   * Optional: what the value of a period is made of (claims, goals, obligations…), so
   * `practice.explain(kpiId, periodA, periodB)` can say which of them moved it and which
   * events, actors and commands are behind them. Must agree with `compute` (the same value
   * from its parts). A KPI without it is explained as `{ explained: false, reason:
   * 'NoBreakdown' }`.
   */
  readonly explain?: (context: KpiContext) => Promise<KpiBreakdown>;
}

/** One thing a KPI's value is made of in a period: a claim, a goal, an obligation. */
export interface KpiPart {
  /** Stable key: `claim:C-104`. */
  readonly key: string;
  /** Its share of the numerator (of the value, for a sum; its own value, for a median). */
  readonly numerator: number;
  /** Its share of the denominator (ratio KPIs; 0 for a sum, 1 for a median). */
  readonly denominator: number;
  /** The stream whose events moved it (`Claim-C-104`): explain lists their events, actors and commands. */
  readonly streamId?: string;
  /** What to group it by: `{ payer: 'medicare', reason: 'denied CO-16' }` (payer, provider, reason…). */
  readonly dimensions: Readonly<Record<string, string>>;
}

/**
 * How a KPI's value is built from its parts:
 * - `sum`: value = Σ numerator;
 * - `ratio`: value = scale × Σ numerator ÷ Σ denominator (undefined when Σ denominator ≤ 0);
 * - `median`: value = the median of the parts' numerators (not additive: explain lists the
 *   parts that entered and left, not shares of the change).
 */
export interface KpiBreakdown {
  readonly kind: 'sum' | 'ratio' | 'median';
  /** `ratio` only: 100 for a percentage, 1 otherwise. */
  readonly scale?: number;
  readonly parts: readonly KpiPart[];
}

/** Declares KPIs, keeping their ids' literal types (for typed targets). */
export const defineKpis = <const K extends readonly KpiDefinition[]>(kpis: K): K => kpis;
