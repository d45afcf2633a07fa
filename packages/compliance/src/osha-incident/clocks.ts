import * as t from 'io-ts';
import { DateTime } from 'luxon';

/** What happened to the employee, from least to most severe. */
export const Outcome = t.keyof({
  'other-recordable': null,
  'in-patient-hospitalization': null,
  amputation: null,
  'loss-of-eye': null,
  fatality: null,
});
/** What happened to the employee. */
export type Outcome = t.TypeOf<typeof Outcome>;

/** Severity rank: a recorded outcome can only be followed by one at least as severe. */
export const severityOf = (o: Outcome): number => (o === 'other-recordable' ? 0 : o === 'fatality' ? 2 : 1);

/** An outcome OSHA must be told of, and by when (an instant in the practice zone). */
export interface OshaReportClock {
  readonly outcome: Outcome;
  readonly dueAt: string;
  readonly legalSource: string;
}

const at = (iso: string, zone: string) => DateTime.fromISO(iso, { setZone: true }).setZone(zone);

/**
 * Whether and by when OSHA must be told (29 CFR 1904.39): a fatality within 8 hours, an
 * in-patient hospitalization, amputation or loss of an eye within 24 hours, counted in
 * elapsed hours from when the practice learned of it (1904.39(b)(7)–(8)). Only a death within
 * 30 days, or the others within 24 hours, of the work incident must be reported (1904.39(b)(6)).
 * Elapsed hours, not clock hours: across a daylight-saving change 24 hours is not "same time tomorrow".
 *
 * @example
 * reportClock('fatality', '2026-03-08T01:00:00-05:00', '2026-03-08T01:30:00-05:00', '2026-03-08T01:30:00-05:00', 'America/New_York');
 * // { outcome: 'fatality', dueAt: '2026-03-08T10:30:00.000-04:00', … }
 */
export const reportClock = (
  outcome: Outcome,
  occurredAt: string,
  outcomeAt: string,
  learnedAt: string,
  zone: string,
): OshaReportClock | undefined => {
  if (outcome === 'other-recordable') return undefined;
  const incident = at(occurredAt, zone);
  const window = outcome === 'fatality' ? incident.plus({ days: 30 }) : incident.plus({ hours: 24 });
  if (at(outcomeAt, zone) > window) return undefined;
  const hours = outcome === 'fatality' ? 8 : 24;
  return {
    outcome,
    dueAt: at(learnedAt, zone).plus({ hours }).toISO()!,
    legalSource: outcome === 'fatality' ? '29 CFR 1904.39(a)(1)' : '29 CFR 1904.39(a)(2)',
  };
};

/** Enter a recordable case on the OSHA 300 log within 7 calendar days of learning of it (29 CFR 1904.29(b)(3)). */
export const logByOf = (learnedAt: string, zone: string): string =>
  at(learnedAt, zone).startOf('day').plus({ days: 7 }).toISODate()!;

/** Keep the 300 log, 300A and 301 for 5 years after the end of the year they cover (29 CFR 1904.33(a)). */
export const retainLogUntilOf = (occurredAt: string, zone: string): string =>
  `${at(occurredAt, zone).year + 5}-12-31`;

/** Whether instant `a` is before instant `b`. */
export const isBefore = (a: string, b: string): boolean =>
  DateTime.fromISO(a, { setZone: true }) < DateTime.fromISO(b, { setZone: true });
