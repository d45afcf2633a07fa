import * as t from 'io-ts';
import { DateTime } from 'luxon';
import { ISODate, NonEmptyString, NonNegativeInt, struct } from '@praxis/core';

/** Who must be told of a breach. */
export const Recipient = t.keyof({ individuals: null, hhs: null, media: null });
/** Who must be told of a breach. */
export type Recipient = t.TypeOf<typeof Recipient>;

/** One notification the practice owes, and by when (a calendar day in the practice zone). */
export const NotificationDeadline = struct(
  { recipient: Recipient, dueOn: ISODate, legalSource: NonEmptyString },
  { state: NonEmptyString },
);
/** One notification the practice owes, and by when. */
export type NotificationDeadline = t.TypeOf<typeof NotificationDeadline>;

/** How many residents of one state or jurisdiction the breach affected. */
export const StateResidents = t.type({ state: NonEmptyString, residents: NonNegativeInt });
/** How many residents of one state or jurisdiction the breach affected. */
export type StateResidents = t.TypeOf<typeof StateResidents>;

/** At or above this many individuals, HHS is told within 60 days of discovery (45 CFR 164.408(b)). */
export const hhsImmediateThreshold = 500;
/**
 * Media notice is owed for a state when the breach involves MORE THAN this many of its
 * residents (45 CFR 164.406(a): "more than 500 residents of a State or jurisdiction").
 */
export const mediaStateThreshold = 500;

const plusDays = (date: string, days: number): string =>
  DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate()!;

/** The key identifying one notification: `individuals`, `hhs`, `media:TX`. */
export const deadlineKey = (d: { recipient: Recipient; state?: string }): string =>
  d.state === undefined ? d.recipient : `${d.recipient}:${d.state}`;

/**
 * The notifications a breach requires, from its discovery date and scope:
 * - individuals: ≤ 60 calendar days after discovery (45 CFR 164.404(b));
 * - HHS: ≤ 60 days after discovery when ≥ 500 are affected (164.408(b)); otherwise ≤ 60 days
 *   after the end of the calendar year of discovery (164.408(c)) — e.g. a 2023 breach is due
 *   2024-02-29, a 2026 breach 2027-03-01;
 * - media: ≤ 60 days after discovery, one per state with more than 500 residents affected (164.406).
 *
 * @example
 * breachDeadlines('2026-11-15', 12, []); // individuals 2027-01-14, hhs 2027-03-01
 */
export const breachDeadlines = (
  discoveredOn: string,
  affected: number,
  states: readonly StateResidents[],
): NotificationDeadline[] => {
  const within60 = plusDays(discoveredOn, 60);
  const yearEnd = `${discoveredOn.slice(0, 4)}-12-31`;
  return [
    { recipient: 'individuals', dueOn: within60, legalSource: '45 CFR 164.404(b)' },
    affected >= hhsImmediateThreshold
      ? { recipient: 'hhs', dueOn: within60, legalSource: '45 CFR 164.408(b)' }
      : { recipient: 'hhs', dueOn: plusDays(yearEnd, 60), legalSource: '45 CFR 164.408(c)' },
    ...states
      .filter((s) => s.residents > mediaStateThreshold)
      .map((s): NotificationDeadline => ({
        recipient: 'media',
        state: s.state,
        dueOn: within60,
        legalSource: '45 CFR 164.406(b)',
      })),
  ];
};

/**
 * Joins the deadlines already owed with those a revised scope would give: every deadline
 * already owed stays, at its earlier date; new ones are added. A deadline never moves later.
 */
export const mergeDeadlines = (
  owed: readonly NotificationDeadline[],
  revised: readonly NotificationDeadline[],
): NotificationDeadline[] => {
  const byKey = new Map(owed.map((d) => [deadlineKey(d), d]));
  for (const d of revised) {
    const cur = byKey.get(deadlineKey(d));
    if (cur === undefined || d.dueOn < cur.dueOn) byKey.set(deadlineKey(d), d);
  }
  return [...byKey.values()];
};
