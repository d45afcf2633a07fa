import * as t from 'io-ts';
import { DateTime } from 'luxon';
import { ISODate, NonEmptyString, NonNegativeInt, struct } from '@praxis/core';

/**
 * Who must be told of a breach: the individuals, HHS, the media of a state, or — for a breach
 * a business associate discovered — the practice itself as the covered entity (45 CFR 164.410).
 */
export const Recipient = t.keyof({ individuals: null, hhs: null, media: null, 'covered-entity': null });
/** Who must be told of a breach. */
export type Recipient = t.TypeOf<typeof Recipient>;

/**
 * One notification owed, and by when (a calendar day in the practice zone). `owedBy` names
 * who owes it when that is not the practice: the business associate owing the practice its
 * notice (recipient `covered-entity`).
 */
export const NotificationDeadline = struct(
  { recipient: Recipient, dueOn: ISODate, legalSource: NonEmptyString },
  { state: NonEmptyString, owedBy: NonEmptyString },
);
/** One notification the practice owes, and by when. */
export type NotificationDeadline = t.TypeOf<typeof NotificationDeadline>;

/**
 * The USPS codes of the states and jurisdictions a breach's media notice can be owed in (45 CFR
 * 164.406: "a State or jurisdiction"; "State" per 45 CFR 160.103): the 50 states, the District of
 * Columbia, Puerto Rico, the U.S. Virgin Islands, Guam, American Samoa and the Northern Mariana
 * Islands.
 */
// prettier-ignore
export const usStateCodes: readonly string[] = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS',
  'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY',
  'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV',
  'WI', 'WY', 'DC', 'PR', 'VI', 'GU', 'AS', 'MP',
];
const usStateKeys = Object.fromEntries(usStateCodes.map((c) => [c, null])) as Record<string, null>;

/**
 * A U.S. state or jurisdiction as input: one of `usStateCodes`, in any case, decoded to upper
 * case (`tx` → `TX`), so the same state can never be listed twice under two spellings. Anything
 * else (`Narnia`, `Texas`, `T X`) is refused `InvalidValue` naming the field (`states.0.state`).
 */
export const USState: t.Type<string, string, unknown> = new t.KeyofType(
  'USState',
  (u): u is string => typeof u === 'string' && Object.prototype.hasOwnProperty.call(usStateKeys, u),
  (u, c) => {
    const code = typeof u === 'string' ? u.trim().toUpperCase() : undefined;
    return code !== undefined && Object.prototype.hasOwnProperty.call(usStateKeys, code)
      ? t.success(code)
      : t.failure(u, c, 'is not a U.S. state or jurisdiction code (TX, DC, PR, …)');
  },
  t.identity,
  usStateKeys,
) as unknown as t.Type<string, string, unknown>;

/** How many residents of one state or jurisdiction the breach affected (as recorded). */
export const StateResidents = t.type({ state: NonEmptyString, residents: NonNegativeInt });
/** The same, as a command's input: the state is a `USState` (validated and upper-cased). */
export const StateResidentsInput = t.type({ state: USState, residents: NonNegativeInt });
/** How many residents of one state or jurisdiction the breach affected. */
export type StateResidents = t.TypeOf<typeof StateResidents>;

/**
 * A business associate (billing company, IT or cloud vendor, transcription service…) that
 * discovered the breach: its name, the day the breach was discovered by it (the first day it
 * was known to its workforce or agents, or should reasonably have been, 45 CFR 164.410(a)(2)),
 * and whether it acts as the practice's agent under the federal common law of agency (then
 * its discovery is the practice's discovery, 164.404(a)(2)).
 */
export const BusinessAssociate = t.type({ name: NonEmptyString, discoveredOn: ISODate, agent: t.boolean });
/** A business associate that discovered a breach. */
export type BusinessAssociate = t.TypeOf<typeof BusinessAssociate>;

/**
 * Days a business associate has, at the latest, to notify the covered entity after it
 * discovers a breach ("without unreasonable delay and in no case later than 60 calendar
 * days", 45 CFR 164.410(b)).
 */
export const businessAssociateNoticeDays = 60;

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
 * - media: ≤ 60 days after discovery, one per state with more than 500 residents affected (164.406);
 * - the practice (covered entity), owed by the business associate that discovered the breach:
 *   ≤ 60 days after the business associate's discovery (164.410(b)).
 *
 * @example
 * breachDeadlines('2026-11-15', 12, []); // individuals 2027-01-14, hhs 2027-03-01
 */
export const breachDeadlines = (
  discoveredOn: string,
  affected: number,
  states: readonly StateResidents[],
  businessAssociate?: BusinessAssociate,
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
    ...(businessAssociate === undefined
      ? []
      : [
          {
            recipient: 'covered-entity' as const,
            dueOn: plusDays(businessAssociate.discoveredOn, businessAssociateNoticeDays),
            legalSource: '45 CFR 164.410(b)',
            owedBy: businessAssociate.name,
          },
        ]),
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
