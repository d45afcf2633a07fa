/**
 * The ASAP list (`Waitlist-<entryId>`, MODULES.md §3.1 P3; Open Dental [OD1][OD2], athenaOne
 * with priority [ATH9]): a patient who wants an earlier or any slot that fits their preferences.
 * The front desk offers a freed slot to one or several entries (Athelas sends to N with an
 * expiry [ATHL]); the first acceptance books it on the day's book (`bookedVia: waitlist`, a
 * process manager) and the patient's current appointment, if any, is cancelled by the practice
 * as `moved-earlier` (Open Dental: "no longer marked ASAP" [OD2]). An acceptance that finds the
 * slot taken is recorded as `OfferLapsed (SlotTaken)`.
 */
import * as t from 'io-ts';
import {
  ISODate,
  ISOInstant,
  NonEmptyString,
  PositiveInt,
  accept,
  command,
  defineCommands,
  defineEvents,
  defineRefusals,
  reject,
  type CommandOf,
  type Decider,
  type Decision,
  type EventOf,
  type ProcessManager,
} from '@praxis/core';
import { LocalTime, minutesOf, weekdayOf } from '../shared/time.js';

const Window = t.type({ weekday: t.number, from: LocalTime, to: LocalTime });
const Priority = t.keyof({ routine: null, urgent: null });
const LeaveReason = t.keyof({
  'booked-elsewhere': null,
  'no-longer-needed': null,
  unreachable: null,
  other: null,
});

export const commands = defineCommands('entryId', {
  /** Puts a patient on the ASAP list with their preferences (empty provider or location list: any). */
  JoinWaitlist: command(
    {
      entryId: NonEmptyString,
      patientId: NonEmptyString,
      appointmentType: NonEmptyString,
      providerIds: t.readonlyArray(NonEmptyString),
      locationIds: t.readonlyArray(NonEmptyString),
      windows: t.readonlyArray(Window),
      earliestOn: ISODate,
      latestOn: ISODate,
      priority: Priority,
    },
    { currentAppointmentId: NonEmptyString, currentAppointmentDate: ISODate },
    { stamps: { joinedAt: 'time', joinedBy: 'actor' }, facts: { patientKnown: t.boolean } },
  ),
  /** Offers a slot to this entry until `expiresAt`. */
  OfferSlot: command(
    {
      offerId: NonEmptyString,
      date: ISODate,
      providerId: NonEmptyString,
      locationId: NonEmptyString,
      start: LocalTime,
      durationMin: PositiveInt,
      expiresAt: ISOInstant,
    },
    {},
    { stamps: { offeredAt: 'time', offeredBy: 'actor' } },
  ),
  /** The patient takes the offer; whether the slot is still free is read from the day's book (a fact). */
  AcceptOffer: command(
    { offerId: NonEmptyString },
    {},
    { stamps: { acceptedAt: 'time' }, facts: { slotFree: t.boolean } },
  ),
  DeclineOffer: command({ offerId: NonEmptyString }, {}, { stamps: { declinedAt: 'time' } }),
  LeaveWaitlist: command({ reason: LeaveReason }, {}, { stamps: { leftAt: 'time', recordedBy: 'actor' } }),
  /** The accepted offer is on the book (issued by a process manager): the entry is done. */
  RecordWaitlistBooking: command(
    { appointmentId: NonEmptyString, date: ISODate },
    {},
    { stamps: { bookedAt: 'time' } },
  ),
});
export type WaitlistCommand = CommandOf<typeof commands>;

const Slot = {
  offerId: NonEmptyString,
  date: ISODate,
  providerId: NonEmptyString,
  locationId: NonEmptyString,
  start: LocalTime,
  durationMin: PositiveInt,
};
const entry = { entryId: NonEmptyString, patientId: NonEmptyString };

/** Waitlist events (no free text; the patient id is opaque). */
export const events = defineEvents({
  PatientWaitlisted: t.intersection([
    t.type({
      ...entry,
      appointmentType: NonEmptyString,
      providerIds: t.array(NonEmptyString),
      locationIds: t.array(NonEmptyString),
      windows: t.array(Window),
      earliestOn: ISODate,
      latestOn: ISODate,
      priority: Priority,
      joinedAt: ISOInstant,
      joinedBy: NonEmptyString,
    }),
    t.partial({ currentAppointmentId: NonEmptyString, currentAppointmentDate: ISODate }),
  ]),
  SlotOffered: t.type({
    ...entry,
    ...Slot,
    expiresAt: ISOInstant,
    offeredAt: ISOInstant,
    offeredBy: NonEmptyString,
  }),
  /** Carries what the booking needs (the process manager books from it alone). */
  OfferAccepted: t.intersection([
    t.type({
      ...entry,
      ...Slot,
      appointmentType: NonEmptyString,
      priority: Priority,
      acceptedAt: ISOInstant,
    }),
    t.partial({ currentAppointmentId: NonEmptyString, currentAppointmentDate: ISODate }),
  ]),
  OfferDeclined: t.type({ ...entry, offerId: NonEmptyString, declinedAt: ISOInstant }),
  /** The slot was taken before this acceptance (or the offer expired unanswered). */
  OfferLapsed: t.type({
    ...entry,
    offerId: NonEmptyString,
    reason: t.keyof({ SlotTaken: null }),
    lapsedAt: ISOInstant,
  }),
  WaitlistLeft: t.intersection([
    t.type({
      ...entry,
      reason: t.union([LeaveReason, t.literal('booked')]),
      leftAt: ISOInstant,
    }),
    t.partial({ appointmentId: NonEmptyString, date: ISODate, recordedBy: NonEmptyString }),
  ]),
});
export type WaitlistEvent = EventOf<typeof events>;

export const refusals = defineRefusals({
  EntryExists: 'conflict',
  UnknownEntry: 'not-found',
  UnknownPatient: 'not-found',
  WaitlistEntryClosed: 'conflict',
  InvalidWindow: 'invalid',
  OfferDoesNotMatch: 'rule',
  OfferAlreadyOpen: 'conflict',
  OfferExists: 'conflict',
  InvalidExpiry: 'invalid',
  UnknownOffer: 'not-found',
  OfferNotOpen: 'conflict',
  OfferExpired: 'rule',
});
export type WaitlistRefusal = keyof typeof refusals;

/** An entry's preferences, as matched against a slot. */
export interface Preferences {
  readonly providerIds: readonly string[];
  readonly locationIds: readonly string[];
  readonly windows: readonly { weekday: number; from: string; to: string }[];
  readonly earliestOn: string;
  readonly latestOn: string;
}
/** A slot offered or free on the book. */
export interface SlotRef {
  readonly date: string;
  readonly providerId: string;
  readonly locationId: string;
  readonly start: string;
  readonly durationMin: number;
}

/**
 * Whether a slot fits an entry's preferences; undefined when it does, else the field that does
 * not fit (`date`, `providerId`, `locationId`, `start`). Empty lists mean any.
 */
export const mismatch = (p: Preferences, s: SlotRef): keyof SlotRef | undefined => {
  if (s.date < p.earliestOn || s.date > p.latestOn) return 'date';
  if (p.providerIds.length > 0 && !p.providerIds.includes(s.providerId)) return 'providerId';
  if (p.locationIds.length > 0 && !p.locationIds.includes(s.locationId)) return 'locationId';
  if (p.windows.length > 0) {
    const wd = weekdayOf(s.date);
    const from = minutesOf(s.start);
    const to = from + s.durationMin;
    if (!p.windows.some((w) => w.weekday === wd && minutesOf(w.from) <= from && to <= minutesOf(w.to)))
      return 'start';
  }
  return undefined;
};

interface Offer extends SlotRef {
  readonly offerId: string;
  readonly expiresAt: string;
  readonly status: 'open' | 'accepted' | 'declined' | 'lapsed';
}
export interface State extends Preferences {
  readonly status: 'none' | 'open' | 'closed';
  readonly entryId: string;
  readonly patientId: string;
  readonly appointmentType: string;
  readonly priority: 'routine' | 'urgent';
  readonly currentAppointmentId?: string;
  readonly currentAppointmentDate?: string;
  readonly offers: Readonly<Record<string, Offer>>;
}
export const initialState: State = {
  status: 'none',
  entryId: '',
  patientId: '',
  appointmentType: '',
  priority: 'routine',
  providerIds: [],
  locationIds: [],
  windows: [],
  earliestOn: '',
  latestOn: '',
  offers: {},
};

const setOffer = (s: State, id: string, status: Offer['status']): State => {
  const o = s.offers[id];
  return o === undefined ? s : { ...s, offers: { ...s.offers, [id]: { ...o, status } } };
};

export const evolve = (s: State, e: WaitlistEvent): State => {
  switch (e.type) {
    case 'PatientWaitlisted': {
      const d = e.data;
      return {
        ...initialState,
        status: 'open',
        entryId: d.entryId,
        patientId: d.patientId,
        appointmentType: d.appointmentType,
        priority: d.priority,
        providerIds: d.providerIds,
        locationIds: d.locationIds,
        windows: d.windows,
        earliestOn: d.earliestOn,
        latestOn: d.latestOn,
        ...(d.currentAppointmentId === undefined ? {} : { currentAppointmentId: d.currentAppointmentId }),
        ...(d.currentAppointmentDate === undefined
          ? {}
          : { currentAppointmentDate: d.currentAppointmentDate }),
      };
    }
    case 'SlotOffered': {
      const d = e.data;
      const offer: Offer = {
        offerId: d.offerId,
        date: d.date,
        providerId: d.providerId,
        locationId: d.locationId,
        start: d.start,
        durationMin: d.durationMin,
        expiresAt: d.expiresAt,
        status: 'open',
      };
      return { ...s, offers: { ...s.offers, [d.offerId]: offer } };
    }
    case 'OfferAccepted':
      return setOffer(s, e.data.offerId, 'accepted');
    case 'OfferDeclined':
      return setOffer(s, e.data.offerId, 'declined');
    case 'OfferLapsed':
      return setOffer(s, e.data.offerId, 'lapsed');
    case 'WaitlistLeft':
      return { ...s, status: 'closed' };
  }
};

type D = Decision<WaitlistEvent>;
const openEntry = (s: State): D | undefined =>
  s.status === 'none'
    ? reject('UnknownEntry', 'no such waitlist entry', 'entryId')
    : s.status === 'closed'
      ? reject('WaitlistEntryClosed', 'the entry has left the waitlist', 'entryId')
      : undefined;
const ms = (iso: string) => Date.parse(iso);

/**
 * Decides one Waitlist command (pure). Joining: a known patient (`UnknownPatient`), latest ≥
 * earliest and each window from < to on a weekday 1–7 (`InvalidWindow`). Offering: the entry is
 * open, the slot fits its preferences (`OfferDoesNotMatch`, naming the field), at most one open,
 * unexpired offer per entry (`OfferAlreadyOpen`; the same slot may be offered to several
 * entries), expiring after it is made (`InvalidExpiry`). Accepting: before `expiresAt`
 * (`OfferExpired`); a slot already taken lapses the offer (`OfferLapsed`, SlotTaken).
 */
export const decide = (c: WaitlistCommand, s: State): D => {
  switch (c.type) {
    case 'JoinWaitlist': {
      if (s.status !== 'none') return reject('EntryExists', 'already on the waitlist', 'entryId');
      if (!c.patientKnown) return reject('UnknownPatient', `no patient ${c.patientId}`, 'patientId');
      if (c.latestOn < c.earliestOn) return reject('InvalidWindow', 'latest before earliest', 'latestOn');
      for (const [i, w] of c.windows.entries()) {
        if (!Number.isInteger(w.weekday) || w.weekday < 1 || w.weekday > 7)
          return reject('InvalidWindow', 'weekday 1 (Monday) to 7', `windows.${i}.weekday`);
        if (minutesOf(w.from) >= minutesOf(w.to))
          return reject('InvalidWindow', 'a window ends after it starts', `windows.${i}.to`);
      }
      if ((c.currentAppointmentId === undefined) !== (c.currentAppointmentDate === undefined))
        return reject(
          'InvalidWindow',
          'give the current appointment with its date',
          'currentAppointmentDate',
        );
      const { type: _t, patientKnown: _k, ...data } = c;
      return accept(
        events.make('PatientWaitlisted', {
          ...data,
          providerIds: [...c.providerIds],
          locationIds: [...c.locationIds],
          windows: c.windows.map((w) => ({ ...w })),
        }),
      );
    }
    case 'OfferSlot': {
      const bad = openEntry(s);
      if (bad !== undefined) return bad;
      if (s.offers[c.offerId] !== undefined) return reject('OfferExists', 'offer id in use', 'offerId');
      if (ms(c.expiresAt) <= ms(c.offeredAt))
        return reject('InvalidExpiry', 'an offer expires after it is made', 'expiresAt');
      const field = mismatch(s, c);
      if (field !== undefined)
        return reject('OfferDoesNotMatch', `the slot's ${field} is outside the patient's preferences`, field);
      const pending = Object.values(s.offers).find(
        (o) => o.status === 'open' && ms(o.expiresAt) > ms(c.offeredAt),
      );
      if (pending !== undefined)
        return reject(
          'OfferAlreadyOpen',
          `offer ${pending.offerId} is open until ${pending.expiresAt}`,
          'offerId',
        );
      const { type: _t, ...data } = c;
      return accept(events.make('SlotOffered', { ...data, entryId: s.entryId, patientId: s.patientId }));
    }
    case 'AcceptOffer': {
      const bad = openEntry(s);
      if (bad !== undefined) return bad;
      const o = s.offers[c.offerId];
      if (o === undefined) return reject('UnknownOffer', 'no such offer', 'offerId');
      if (o.status !== 'open') return reject('OfferNotOpen', `the offer is ${o.status}`, 'offerId');
      if (ms(c.acceptedAt) > ms(o.expiresAt))
        return reject('OfferExpired', `the offer expired at ${o.expiresAt}`, 'acceptedAt');
      const ref = { entryId: s.entryId, patientId: s.patientId, offerId: o.offerId };
      if (!c.slotFree)
        return accept(events.make('OfferLapsed', { ...ref, reason: 'SlotTaken', lapsedAt: c.acceptedAt }));
      return accept(
        events.make('OfferAccepted', {
          ...ref,
          date: o.date,
          providerId: o.providerId,
          locationId: o.locationId,
          start: o.start,
          durationMin: o.durationMin,
          appointmentType: s.appointmentType,
          priority: s.priority,
          acceptedAt: c.acceptedAt,
          ...(s.currentAppointmentId === undefined ? {} : { currentAppointmentId: s.currentAppointmentId }),
          ...(s.currentAppointmentDate === undefined
            ? {}
            : { currentAppointmentDate: s.currentAppointmentDate }),
        }),
      );
    }
    case 'DeclineOffer': {
      const bad = openEntry(s);
      if (bad !== undefined) return bad;
      const o = s.offers[c.offerId];
      if (o === undefined) return reject('UnknownOffer', 'no such offer', 'offerId');
      if (o.status !== 'open') return reject('OfferNotOpen', `the offer is ${o.status}`, 'offerId');
      return accept(
        events.make('OfferDeclined', {
          entryId: s.entryId,
          patientId: s.patientId,
          offerId: o.offerId,
          declinedAt: c.declinedAt,
        }),
      );
    }
    case 'LeaveWaitlist': {
      const bad = openEntry(s);
      if (bad !== undefined) return bad;
      return accept(
        events.make('WaitlistLeft', {
          entryId: s.entryId,
          patientId: s.patientId,
          reason: c.reason,
          leftAt: c.leftAt,
          recordedBy: c.recordedBy,
        }),
      );
    }
    case 'RecordWaitlistBooking': {
      if (s.status === 'none') return reject('UnknownEntry', 'no such waitlist entry', 'entryId');
      if (s.status === 'closed') return accept();
      return accept(
        events.make('WaitlistLeft', {
          entryId: s.entryId,
          patientId: s.patientId,
          reason: 'booked',
          leftAt: c.bookedAt,
          appointmentId: c.appointmentId,
          date: c.date,
        }),
      );
    }
  }
};

/** The Waitlist aggregate. */
export const decider: Decider<WaitlistCommand, WaitlistEvent, State, WaitlistRefusal> = {
  name: 'Waitlist',
  stateVersion: 1,
  initialState,
  evolve,
  decide,
  events,
  commands,
  refusals,
};

/** The appointment id a waitlist booking gets: `WL-<offerId>`. */
export const waitlistAppointmentId = (offerId: string): string => `WL-${offerId}`;

/** An accepted offer is booked on the day's book as `bookedVia: waitlist`, replacing the current appointment. */
export const bookAcceptedOffers: ProcessManager = {
  name: 'waitlist-book-accepted-offers',
  eventTypes: ['OfferAccepted'],
  grants: ['DayBook.BookAppointment'],
  react: (e) => {
    const d = e.data as unknown as Extract<WaitlistEvent, { type: 'OfferAccepted' }>['data'];
    return [
      {
        aggregate: 'DayBook',
        command: {
          type: 'BookAppointment',
          date: d.date,
          appointmentId: waitlistAppointmentId(d.offerId),
          patientId: d.patientId,
          providerId: d.providerId,
          locationId: d.locationId,
          appointmentType: d.appointmentType,
          start: d.start,
          durationMin: d.durationMin,
          priority: d.priority,
          bookedVia: 'waitlist',
          waitlistEntryId: d.entryId,
          ...(d.currentAppointmentId === undefined ? {} : { rescheduledFrom: d.currentAppointmentId }),
        } as never,
      },
    ];
  },
};

/**
 * A waitlist booking on the book closes the entry and cancels the patient's current appointment
 * (by the practice, reason `moved-earlier`: never a late cancel).
 */
export const closeBookedEntries: ProcessManager = {
  name: 'waitlist-booked',
  eventTypes: ['AppointmentBooked'],
  grants: ['Waitlist.RecordWaitlistBooking', 'DayBook.CancelAppointment'],
  react: async (e, { reader }) => {
    const d = e.data as unknown as { waitlistEntryId?: string; appointmentId: string; date: string };
    if (d.waitlistEntryId === undefined) return [];
    const entryDoc = (await reader.get('patients-waitlist', `entry:${d.waitlistEntryId}`)) as
      { currentAppointmentId?: string; currentAppointmentDate?: string } | undefined;
    const out = [
      {
        aggregate: 'Waitlist',
        command: {
          type: 'RecordWaitlistBooking',
          entryId: d.waitlistEntryId,
          appointmentId: d.appointmentId,
          date: d.date,
        } as never,
      },
    ];
    if (entryDoc?.currentAppointmentId !== undefined && entryDoc.currentAppointmentDate !== undefined)
      out.push({
        aggregate: 'DayBook',
        command: {
          type: 'CancelAppointment',
          date: entryDoc.currentAppointmentDate,
          appointmentId: entryDoc.currentAppointmentId,
          by: 'practice',
          reason: 'moved-earlier',
          rescheduledTo: d.appointmentId,
        } as never,
      });
    return out;
  },
};
