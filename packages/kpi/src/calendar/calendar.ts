import { DateTime } from 'luxon';
import type { Obligation, ObligationExemption, ReadModelReader } from '@praxis/core';

/** Where an obligation stands on the as-of date. */
export type ObligationState = 'done' | 'overdue' | 'due-soon' | 'upcoming';

/** One line of the compliance calendar. */
export interface CalendarEntry extends Obligation {
  /** The projection it came from (`staff-obligations`, `compliance-obligations`, …). */
  readonly projection: string;
  readonly state: ObligationState;
  /** Calendar days from the as-of date to the due date, in the practice zone (negative when past). */
  readonly daysLeft: number;
  /** For `due-soon`: the smallest threshold (in days) the due date falls within, e.g. 30 or 60. */
  readonly window?: number;
}

/** What the calendar shows. */
export interface CalendarOptions {
  /** The obligations projections to merge, e.g. `['staff-obligations', 'policy-obligations', 'compliance-obligations', 'finance-obligations']`. */
  readonly projections: readonly string[];
  /** ISO date (meaning the end of that day) or instant. */
  readonly asOf: string;
  /** The practice's IANA time zone. */
  readonly zone: string;
  /** Due-soon thresholds in days (default `[60, 30]`). */
  readonly dueSoonDays?: readonly number[];
  /** Leave out obligations already done (default: keep them). */
  readonly openOnly?: boolean;
}

const isDate = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s);

/** An obligation date read in the zone: a date means its start (`edge: 'start'`) or its end. */
export const obligationInstant = (s: string, zone: string, edge: 'start' | 'end'): DateTime => {
  if (!isDate(s)) return DateTime.fromISO(s, { setZone: true }).setZone(zone);
  const d = DateTime.fromISO(s, { zone });
  return edge === 'start' ? d.startOf('day') : d.endOf('day');
};

const dayOf = (t: DateTime): DateTime => DateTime.fromISO(t.toISODate()!, { zone: 'utc' });

/**
 * Classifies one obligation on a date: `done` if completed by then; `overdue` if its due
 * date (the end of that day in the practice zone, or the exact instant) has passed;
 * `due-soon` if due within the largest threshold; otherwise `upcoming`. Returns `undefined`
 * for an obligation that had not yet arisen.
 */
export const classifyObligation = (
  o: Obligation,
  asOf: DateTime,
  zone: string,
  thresholds: readonly number[],
): Pick<CalendarEntry, 'state' | 'daysLeft' | 'window'> | undefined => {
  if (obligationInstant(o.arisesAt, zone, 'start') > asOf) return undefined;
  const due = obligationInstant(o.dueAt, zone, 'end');
  const daysLeft = Math.round(dayOf(due).diff(dayOf(asOf), 'days').days);
  if (o.completedAt !== undefined && obligationInstant(o.completedAt, zone, 'start') <= asOf)
    return { state: 'done', daysLeft };
  if (due < asOf) return { state: 'overdue', daysLeft };
  const window = [...thresholds].sort((a, b) => a - b).find((t) => daysLeft <= t);
  return window === undefined ? { state: 'upcoming', daysLeft } : { state: 'due-soon', daysLeft, window };
};

/**
 * The compliance calendar: every obligation of the given obligations projections that had
 * arisen by `asOf`, each with its state (done / overdue / due-soon / upcoming), sorted by
 * due date (then id). Obligations of a kind the practice is exempt from (an `exemption:<kind>`
 * document of the same projection) are left out when they arose on or after its `from` date.
 *
 * @example
 * const lines = await complianceCalendar(reader, {
 *   projections: ['staff-obligations', 'policy-obligations', 'compliance-obligations'],
 *   asOf: '2026-06-30', zone: 'America/Chicago',
 * });
 * lines.filter((l) => l.state === 'overdue');
 */
export const complianceCalendar = async (
  reader: ReadModelReader,
  options: CalendarOptions,
): Promise<CalendarEntry[]> => {
  const { zone } = options;
  const asOf = obligationInstant(options.asOf, zone, 'end');
  const thresholds = options.dueSoonDays ?? [60, 30];
  const out: (CalendarEntry & { readonly sortKey: number })[] = [];
  for (const projection of options.projections) {
    const exempt = new Map<string, ObligationExemption>();
    for await (const [, doc] of reader.list(projection, 'exemption:')) {
      const x = doc as unknown as ObligationExemption;
      exempt.set(x.kind, x);
    }
    for await (const [, doc] of reader.list(projection, 'obligation:')) {
      const o = doc as unknown as Obligation;
      const x = exempt.get(o.kind);
      if (x !== undefined && o.arisesAt.slice(0, 10) >= x.from) continue;
      const c = classifyObligation(o, asOf, zone, thresholds);
      if (c === undefined || (options.openOnly === true && c.state === 'done')) continue;
      out.push({ ...o, projection, ...c, sortKey: obligationInstant(o.dueAt, zone, 'end').toMillis() });
    }
  }
  out.sort((a, b) => a.sortKey - b.sortKey || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out.map(({ sortKey: _k, ...entry }) => entry);
};
