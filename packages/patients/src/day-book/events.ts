import * as t from 'io-ts';
import {
  ISODate,
  ISOInstant,
  NonEmptyString,
  NonNegativeInt,
  PositiveInt,
  TimeZone,
  defineEvents,
  personal,
  subject,
  type EventOf,
} from '@praxis/core';
import { LocalTime } from '../shared/time.js';

const PatientId = subject('patient', NonEmptyString);
const Interval = t.type({ start: LocalTime, end: LocalTime, locationId: NonEmptyString });

/** The flow fields every appointment event carries: the book's date, the appointment, its patient. */
const ref = { date: ISODate, appointmentId: NonEmptyString, patientId: NonEmptyString };

/**
 * Events of one practice day's book (`DayBook-<date>`). Patient ids are opaque; the only free
 * text about a patient (a booking note, a cancellation reason) is sealed with subject
 * `patient:<patientId>`.
 */
export const events = defineEvents({
  DayOpened: t.type({
    date: ISODate,
    timeZone: TimeZone,
    providers: t.array(
      t.type({ providerId: NonEmptyString, intervals: t.array(Interval), capacity: PositiveInt }),
    ),
    openedBy: NonEmptyString,
  }),
  /** `status` is `requested` for a portal booking awaiting approval, else `booked`. */
  AppointmentBooked: t.intersection([
    t.type({
      date: ISODate,
      appointmentId: NonEmptyString,
      patientId: PatientId,
      providerId: NonEmptyString,
      locationId: NonEmptyString,
      appointmentType: NonEmptyString,
      start: LocalTime,
      startAt: ISOInstant,
      endAt: ISOInstant,
      durationMin: PositiveInt,
      priority: t.keyof({ routine: null, urgent: null }),
      bookedVia: t.keyof({ staff: null, portal: null, waitlist: null, phone: null, kiosk: null }),
      selfPay: t.boolean,
      status: t.keyof({ requested: null, booked: null }),
      bookedAt: ISOInstant,
      /** The practice-zone date of `bookedAt` (the date of scheduling, 45 CFR 149.610). */
      bookedOn: ISODate,
      bookedBy: NonEmptyString,
      policyVersion: NonNegativeInt,
      gridMinutes: PositiveInt,
    }),
    t.partial({
      authorizationId: NonEmptyString,
      /** Set when the authorization had no units left for this visit (booking warns, MODULES.md P5). */
      authorizationWarning: t.literal('AuthorizationExhausted'),
      rescheduledFrom: NonEmptyString,
      seriesId: NonEmptyString,
      occurrence: PositiveInt,
      waitlistEntryId: NonEmptyString,
      note: personal(NonEmptyString),
      override: t.type({ rule: NonEmptyString, reason: personal(NonEmptyString) }),
    }),
  ]),
  AppointmentRequestApproved: t.type({ ...ref, approvedAt: ISOInstant, approvedBy: NonEmptyString }),
  AppointmentConfirmed: t.type({ ...ref, via: NonEmptyString, confirmedAt: ISOInstant }),
  PatientArrived: t.type({ ...ref, via: NonEmptyString, arrivedAt: ISOInstant }),
  CheckInCompleted: t.type({ ...ref, items: t.array(NonEmptyString), checkedInAt: ISOInstant }),
  PatientRoomed: t.type({ ...ref, room: NonEmptyString, roomedAt: ISOInstant }),
  ProviderEncounterStarted: t.type({ ...ref, providerId: NonEmptyString, startedAt: ISOInstant }),
  PatientCheckedOut: t.intersection([
    t.type({
      ...ref,
      providerId: NonEmptyString,
      appointmentType: NonEmptyString,
      checkedOutAt: ISOInstant,
    }),
    t.partial({ encounterId: NonEmptyString, authorizationId: NonEmptyString }),
  ]),
  /**
   * `lateCancel` is judged when it happens, with the window in force then (`windowHours`,
   * `policyVersion`), and stamped: a later policy change never reclassifies it. A practice
   * cancellation is never late.
   */
  AppointmentCancelled: t.intersection([
    t.type({
      date: ISODate,
      appointmentId: NonEmptyString,
      patientId: PatientId,
      providerId: NonEmptyString,
      by: t.keyof({ patient: null, practice: null }),
      reason: personal(NonEmptyString),
      cancelledAt: ISOInstant,
      cancelledBy: NonEmptyString,
      lateCancel: t.boolean,
      windowHours: NonNegativeInt,
      noticeHours: t.number,
      policyVersion: NonNegativeInt,
    }),
    t.partial({ rescheduledTo: NonEmptyString, authorizationId: NonEmptyString, seriesId: NonEmptyString }),
  ]),
  /** The appointment clashes with the provider's time off: move or cancel it before `startAt`. */
  ScheduleConflictFlagged: t.type({
    ...ref,
    providerId: NonEmptyString,
    timeOffId: NonEmptyString,
    startAt: ISOInstant,
    flaggedAt: ISOInstant,
  }),
  /** Part of a provider's day held for some appointment types (until `releaseHoursBefore` its start). */
  TimeBlockReserved: t.type({
    date: ISODate,
    blockId: NonEmptyString,
    providerId: NonEmptyString,
    start: LocalTime,
    end: LocalTime,
    startAt: ISOInstant,
    endAt: ISOInstant,
    appointmentTypes: t.array(NonEmptyString),
    releaseHoursBefore: NonNegativeInt,
    reservedAt: ISOInstant,
    reservedBy: NonEmptyString,
  }),
  TimeBlockRemoved: t.type({
    date: ISODate,
    blockId: NonEmptyString,
    providerId: NonEmptyString,
    removedAt: ISOInstant,
    removedBy: NonEmptyString,
  }),
  PreRegistrationCompleted: t.type({
    ...ref,
    items: t.array(NonEmptyString),
    preRegisteredAt: ISOInstant,
    preRegisteredBy: NonEmptyString,
  }),
  /**
   * The fee for a late cancel (`D9987`) or a no-show (`D9986`) from the policy in force
   * (`policyVersion`), integer cents; `waived` with `amountCents: 0` for a waived first offence.
   */
  MissedAppointmentFeeCharged: t.type({
    ...ref,
    providerId: NonEmptyString,
    reason: t.keyof({ 'late-cancel': null, 'no-show': null }),
    procedureCode: t.keyof({ D9986: null, D9987: null }),
    amountCents: NonNegativeInt,
    waived: t.boolean,
    policyVersion: NonNegativeInt,
    chargedAt: ISOInstant,
    chargedBy: NonEmptyString,
  }),
  AppointmentNoShowRecorded: t.intersection([
    t.type({
      ...ref,
      providerId: NonEmptyString,
      recordedAt: ISOInstant,
      recordedBy: NonEmptyString,
      graceMinutes: NonNegativeInt,
      policyVersion: NonNegativeInt,
    }),
    t.partial({ authorizationId: NonEmptyString }),
  ]),
});

export type DayBookEvent = EventOf<typeof events>;
export type DayBookEventData<K extends DayBookEvent['type']> = Extract<DayBookEvent, { type: K }>['data'];
