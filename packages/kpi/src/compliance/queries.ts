import type { ReadModelReader } from '@praxis/core';
import { dateInPeriod, type Period } from '../period.js';
import { complianceFindingsName as F, type CorrectiveActionDoc, type FindingDoc } from './projection.js';

const docs = async <A>(reader: ReadModelReader, prefix: string): Promise<A[]> => {
  const out: A[] = [];
  for await (const [, d] of reader.list(F, prefix)) out.push(d as unknown as A);
  return out;
};

const days = (from: string, to: string): number =>
  Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/**
 * Findings open on `asOf`: recorded on or before it and not closed (or resolved) by then.
 *
 * @example
 * (await openFindings(reader, '2026-06-30')).length
 */
export const openFindings = async (reader: ReadModelReader, asOf: string): Promise<FindingDoc[]> =>
  (await docs<FindingDoc>(reader, 'finding:')).filter(
    (f) => f.recordedOn <= asOf && (f.closedOn === undefined || f.closedOn > asOf),
  );

/**
 * Corrective actions overdue on `asOf`: assigned by then, due before it, and not completed
 * by then. (An action is due by the end of its due day.)
 */
export const overdueCorrectiveActions = async (
  reader: ReadModelReader,
  asOf: string,
): Promise<CorrectiveActionDoc[]> =>
  (await docs<CorrectiveActionDoc>(reader, 'action:')).filter(
    (a) => a.assignedOn <= asOf && a.dueOn < asOf && (a.completedOn === undefined || a.completedOn > asOf),
  );

/** Mean days to close a finding over a period. */
export interface MeanDaysToClose {
  /** Findings closed (or resolved) in the period. */
  readonly closed: number;
  /** Mean of (closed − recorded) in calendar days; `undefined` when none closed. */
  readonly meanDays: number | undefined;
}

/** Mean days to close a finding: over findings closed in the period, the mean of closed − recorded in days. */
export const meanDaysToCloseFinding = async (
  reader: ReadModelReader,
  period: Period,
): Promise<MeanDaysToClose> => {
  const closed = (await docs<FindingDoc>(reader, 'finding:')).filter(
    (f) => f.closedOn !== undefined && dateInPeriod(f.closedOn, period),
  );
  const total = closed.reduce((n, f) => n + days(f.recordedOn, f.closedOn!), 0);
  return { closed: closed.length, meanDays: closed.length === 0 ? undefined : total / closed.length };
};

/** The compliance KPIs of a period. */
export interface ComplianceKpis {
  readonly period: string;
  /** Findings open at the end of the period. */
  readonly openFindings: number;
  /** Corrective actions overdue at the end of the period. */
  readonly overdueCorrectiveActions: number;
  readonly meanDaysToCloseFinding: MeanDaysToClose;
}

/**
 * Open findings and overdue corrective actions at the end of the period (its last day), and
 * the mean days to close the findings closed in it.
 *
 * @example
 * await complianceKpis(reader, periodOf('2026-Q2', 'America/Chicago'));
 */
export const complianceKpis = async (reader: ReadModelReader, period: Period): Promise<ComplianceKpis> => ({
  period: period.label,
  openFindings: (await openFindings(reader, period.lastDay)).length,
  overdueCorrectiveActions: (await overdueCorrectiveActions(reader, period.lastDay)).length,
  meanDaysToCloseFinding: await meanDaysToCloseFinding(reader, period),
});
