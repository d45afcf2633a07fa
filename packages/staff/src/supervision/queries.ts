import type { KpiBreakdown, KpiPart, ReadModelReader } from '@praxis/core';
import {
  daysBetween,
  quarterBounds,
  quarterOf,
  nextQuarter,
  previousQuarter,
  reviewDueOn,
} from '../dates.js';
import {
  staffSupervisionName as S,
  type ConflictDoc,
  type OnboardingDoc,
  type ReviewsDoc,
} from './projection.js';

const docs = async <A>(reader: ReadModelReader, prefix: string): Promise<A[]> => {
  const out: A[] = [];
  for await (const [, d] of reader.list(S, prefix)) out.push(d as unknown as A);
  return out;
};

/** A calendar date range, both ends included (a period's `firstDay` and `lastDay`). */
export interface DateRange {
  readonly firstDay: string;
  readonly lastDay: string;
}

/** Every onboarding task, with `staffId` only that person's. */
export const listOnboardingTasks = async (
  reader: ReadModelReader,
  staffId?: string,
): Promise<OnboardingDoc[]> =>
  docs<OnboardingDoc>(reader, staffId === undefined ? 'onboarding:' : `onboarding:${staffId}:`);

/** One quarterly review a person owes: the quarter, its due date and when it was done. */
export interface ReviewOwed {
  readonly staffId: string;
  readonly quarter: string;
  readonly dueOn: string;
  readonly reviewedOn?: string;
  /** Reviewed on or before the due date. */
  readonly onTime: boolean;
}

/**
 * Whether a person owes a review of `quarter`: they started on or before its last day (the
 * review rule `ReviewBeforeStart`) and were still employed on its due date.
 */
const owes = (r: ReviewsDoc, quarter: string): boolean => {
  const q = quarterBounds(quarter);
  const due = reviewDueOn(quarter);
  if (q === undefined || due === undefined) return false;
  return r.startDate <= q.last && (r.separatedOn === undefined || r.separatedOn >= due);
};

/**
 * Every quarterly review falling due in `range` (one per person per quarter, due the last day
 * of the month after the quarter — `reviewDueOn`), for each person who owes it, and whether it
 * was recorded by then.
 *
 * @example
 * const due = await reviewsDueIn(reader, { firstDay: '2026-04-01', lastDay: '2026-06-30' });
 * due.filter((r) => !r.onTime); // the 2026-Q1 reviews (due 2026-04-30) done late or not at all
 */
export const reviewsDueIn = async (reader: ReadModelReader, range: DateRange): Promise<ReviewOwed[]> => {
  const out: ReviewOwed[] = [];
  // Quarters whose due date can fall in the range: from the quarter before the first day's.
  const first = previousQuarter(quarterOf(range.firstDay));
  for (const r of await docs<ReviewsDoc>(reader, 'reviews:')) {
    for (let quarter: string | undefined = first; quarter !== undefined; quarter = nextQuarter(quarter)) {
      const dueOn = reviewDueOn(quarter)!;
      if (dueOn > range.lastDay) break;
      if (dueOn < range.firstDay || !owes(r, quarter)) continue;
      const reviewedOn = r.reviewed[quarter];
      out.push({
        staffId: r.staffId,
        quarter,
        dueOn,
        ...(reviewedOn === undefined ? {} : { reviewedOn }),
        onTime: reviewedOn !== undefined && reviewedOn <= dueOn,
      });
    }
  }
  return out;
};

/** Every conflict, with the ones open at the end of `asOf` when it is given. */
export const listConflicts = async (reader: ReadModelReader, asOf?: string): Promise<ConflictDoc[]> => {
  const all = await docs<ConflictDoc>(reader, 'conflict:');
  return asOf === undefined ? all : all.filter((c) => isConflictOpenOn(c, asOf));
};

/** Opened on or before `date` and not resolved by then. */
export const isConflictOpenOn = (c: ConflictDoc, date: string): boolean =>
  c.openedOn <= date && (c.resolvedOn === undefined || c.resolvedOn > date);

const ratio = (parts: KpiPart[]): KpiBreakdown => ({ kind: 'ratio', scale: 100, parts });

/**
 * Onboarding completed on time: onboarding tasks due in the range (not dropped by a separation
 * before their due date) that were completed on or before the due date. One part per task.
 */
export const onboardingOnTimeParts = async (
  reader: ReadModelReader,
  range: DateRange,
): Promise<KpiBreakdown> =>
  ratio(
    (await listOnboardingTasks(reader))
      .filter(
        (t) =>
          t.dueOn >= range.firstDay &&
          t.dueOn <= range.lastDay &&
          (t.droppedOn === undefined || t.droppedOn >= t.dueOn),
      )
      .map((t) => ({
        key: `onboarding:${t.staffId}:${t.taskId}`,
        numerator: t.completedOn !== undefined && t.completedOn <= t.dueOn ? 1 : 0,
        denominator: 1,
        streamId: `StaffMember-${t.staffId}`,
        dimensions: { staffId: t.staffId },
      })),
  );

/** Reviews on time: quarterly reviews due in the range recorded by their due date. One part per review owed. */
export const reviewsOnTimeParts = async (reader: ReadModelReader, range: DateRange): Promise<KpiBreakdown> =>
  ratio(
    (await reviewsDueIn(reader, range)).map((r) => ({
      key: `review:${r.staffId}:${r.quarter}`,
      numerator: r.onTime ? 1 : 0,
      denominator: 1,
      streamId: `StaffMember-${r.staffId}`,
      dimensions: { staffId: r.staffId, quarter: r.quarter },
    })),
  );

/** Open conflicts at the end of the range's last day. One part per open conflict. */
export const openConflictParts = async (
  reader: ReadModelReader,
  range: DateRange,
): Promise<KpiBreakdown> => ({
  kind: 'sum',
  parts: (await listConflicts(reader, range.lastDay)).map((c) => ({
    key: `conflict:${c.conflictId}`,
    numerator: 1,
    denominator: 0,
    streamId: `Conflict-${c.conflictId}`,
    dimensions: { status: c.status },
  })),
});

/** Days to resolve each conflict resolved in the range (resolved − opened, calendar days). */
export const daysToResolveParts = async (
  reader: ReadModelReader,
  range: DateRange,
): Promise<KpiBreakdown> => ({
  kind: 'median',
  parts: (await listConflicts(reader))
    .filter(
      (c) => c.resolvedOn !== undefined && c.resolvedOn >= range.firstDay && c.resolvedOn <= range.lastDay,
    )
    .map((c) => ({
      key: `conflict:${c.conflictId}`,
      numerator: daysBetween(c.openedOn, c.resolvedOn!),
      denominator: 1,
      streamId: `Conflict-${c.conflictId}`,
      dimensions: { escalated: c.escalatedOn === undefined ? 'no' : 'yes' },
    })),
});

/** The value a breakdown adds up to (`undefined` for an empty ratio or median). */
export const valueOf = (b: KpiBreakdown): number | undefined => {
  if (b.kind === 'sum') return b.parts.reduce((n, p) => n + p.numerator, 0);
  if (b.kind === 'ratio') {
    const den = b.parts.reduce((n, p) => n + p.denominator, 0);
    return den <= 0 ? undefined : ((b.scale ?? 1) * b.parts.reduce((n, p) => n + p.numerator, 0)) / den;
  }
  const xs = b.parts.map((p) => p.numerator).sort((a, b) => a - b);
  if (xs.length === 0) return undefined;
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 === 1 ? xs[mid] : (xs[mid - 1]! + xs[mid]!) / 2;
};
