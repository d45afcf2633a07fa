import * as t from 'io-ts';
import {
  ISODate,
  NonEmptyString,
  NonNegativeInt,
  PositiveInt,
  TimeZone,
  command,
  defineCommands,
  type CommandOf,
} from '@praxis/core';
import { LocalTime } from '../shared/time.js';

/** A provider's day as the handler finds it on their schedule (`scheduled: false`: no schedule at all). */
export const ProviderDayFact = t.type({
  providerId: NonEmptyString,
  scheduled: t.boolean,
  intervals: t.readonlyArray(t.type({ start: LocalTime, end: LocalTime, locationId: NonEmptyString })),
  capacity: PositiveInt,
});

/** Portal rules and grid as a booking uses them (frozen from the scheduling policy in force). */
export const BookingPolicyFact = t.type({
  policyVersion: NonNegativeInt,
  gridMinutes: PositiveInt,
  portal: t.type({
    minNoticeHours: NonNegativeInt,
    bookableTypes: t.readonlyArray(t.string),
    approvalRequired: t.boolean,
  }),
});

/** An authorization as booking sees it (null: no such authorization). */
export const AuthorizationFact = t.union([
  t.null,
  t.type({
    status: t.string,
    patientId: t.string,
    validFrom: t.string,
    validTo: t.string,
    remainingUnits: t.number,
  }),
]);

const Via = t.keyof({ staff: null, portal: null, waitlist: null, phone: null, kiosk: null });
const Rule = t.keyof({ OutsideProviderHours: null, TimeBlockReserved: null });

/**
 * DayBook commands (`DayBook-<date>`, one practice day). Times of day are `HH:MM` in the
 * practice zone on the book's date; instants (`…At`) are the command's business time, stamped
 * from the call. Fields under "facts" are frozen by the facade from other aggregates.
 */
export const commands = defineCommands('date', {
  /** Opens the day's book with each working provider's intervals and capacity. */
  OpenDay: command(
    { date: ISODate, timeZone: TimeZone, providerIds: t.readonlyArray(NonEmptyString) },
    {},
    {
      businessTime: 'date',
      stamps: { openedBy: 'actor' },
      // Each provider's hours and capacity that day, from their ProviderSchedule.
      facts: { providers: t.readonlyArray(ProviderDayFact) },
    },
  ),
  /** Books one appointment (MODULES.md §3.1 P2). */
  BookAppointment: command(
    {
      appointmentId: NonEmptyString,
      patientId: NonEmptyString,
      providerId: NonEmptyString,
      locationId: NonEmptyString,
      appointmentType: NonEmptyString,
      start: LocalTime,
      durationMin: t.number,
    },
    {
      priority: t.keyof({ routine: null, urgent: null }),
      bookedVia: Via,
      selfPay: t.boolean,
      authorizationId: NonEmptyString,
      rescheduledFrom: NonEmptyString,
      seriesId: NonEmptyString,
      occurrence: PositiveInt,
      /** The waitlist entry this booking fills (set by the waitlist process manager). */
      waitlistEntryId: NonEmptyString,
      note: NonEmptyString,
      override: t.type({ rule: Rule, reason: NonEmptyString }),
    },
    {
      stamps: { bookedAt: 'time', bookedBy: 'actor', bookerRole: 'role' },
      facts: { policy: BookingPolicyFact, patientKnown: t.boolean, authorization: AuthorizationFact },
    },
  ),
  /** Approves a portal request (policy `approvalRequired`). */
  ApproveRequest: command(
    { appointmentId: NonEmptyString },
    {},
    { stamps: { approvedAt: 'time', approvedBy: 'actor' } },
  ),
  /** The patient confirmed (a reply, a call, the portal). */
  ConfirmAppointment: command(
    {
      appointmentId: NonEmptyString,
      via: t.keyof({ sms: null, email: null, voice: null, portal: null, desk: null }),
    },
    {},
    { stamps: { confirmedAt: 'time' } },
  ),
  /** The patient arrived (whatever the channel: desk, kiosk, text, portal — once). */
  RecordArrival: command(
    { appointmentId: NonEmptyString, via: t.keyof({ desk: null, kiosk: null, text: null, portal: null }) },
    {},
    { stamps: { arrivedAt: 'time' } },
  ),
  /** Check-in completed (insurance verified, copay collected, forms). */
  CompleteCheckIn: command(
    {
      appointmentId: NonEmptyString,
      items: t.readonlyArray(t.keyof({ 'insurance-verified': null, 'copay-collected': null, forms: null })),
    },
    {},
    { stamps: { checkedInAt: 'time' } },
  ),
  /** The patient is roomed. */
  RoomPatient: command(
    { appointmentId: NonEmptyString, room: NonEmptyString },
    {},
    { stamps: { roomedAt: 'time' } },
  ),
  /** The provider begins the encounter. */
  StartProviderEncounter: command({ appointmentId: NonEmptyString }, {}, { stamps: { startedAt: 'time' } }),
  /** The patient leaves. */
  CheckOut: command(
    { appointmentId: NonEmptyString },
    { encounterId: NonEmptyString },
    { stamps: { checkedOutAt: 'time' } },
  ),
  /** Cancels a booked or confirmed appointment; judged late by the window in force now. */
  CancelAppointment: command(
    { appointmentId: NonEmptyString, by: t.keyof({ patient: null, practice: null }), reason: NonEmptyString },
    { rescheduledTo: NonEmptyString },
    {
      stamps: { cancelledAt: 'time', cancelledBy: 'actor' },
      facts: { policy: t.type({ policyVersion: NonNegativeInt, lateCancelWindowHours: NonNegativeInt }) },
    },
  ),
  /**
   * Marks a booked appointment as clashing with its provider's time off (a process manager issues
   * it on `ProviderTimeOffRecorded`): it becomes a `schedule-conflict` obligation until moved or cancelled.
   */
  FlagScheduleConflict: command(
    { appointmentId: NonEmptyString, timeOffId: NonEmptyString },
    {},
    { stamps: { flaggedAt: 'time' } },
  ),
  /**
   * Holds part of a provider's day for some appointment types only (Dentrix Perfect Day blocks
   * [DX1]): other types cannot be booked into it until `releaseHoursBefore` hours before its start
   * ("don't give away pre-blocks until 24 hours ahead" [DX-smart]; default 0 = never released).
   */
  ReserveTimeBlock: command(
    {
      blockId: NonEmptyString,
      providerId: NonEmptyString,
      start: LocalTime,
      end: LocalTime,
      appointmentTypes: t.readonlyArray(NonEmptyString),
    },
    { releaseHoursBefore: NonNegativeInt },
    { stamps: { reservedAt: 'time', reservedBy: 'actor' } },
  ),
  /** Gives a reserved block back to ordinary booking. */
  RemoveTimeBlock: command(
    { blockId: NonEmptyString },
    {},
    { stamps: { removedAt: 'time', removedBy: 'actor' } },
  ),
  /** Pre-registration done before the patient arrives (demographics, insurance, forms, consents). */
  RecordPreRegistration: command(
    {
      appointmentId: NonEmptyString,
      items: t.readonlyArray(
        t.keyof({
          'demographics-verified': null,
          'insurance-verified': null,
          'eligibility-checked': null,
          forms: null,
          consents: null,
          'payment-method': null,
        }),
      ),
    },
    {},
    { stamps: { preRegisteredAt: 'time', preRegisteredBy: 'actor' } },
  ),
  /**
   * Charges the missed-appointment fee of the scheduling policy in force on a late cancel or a
   * no-show (Open Dental D9986 missed / D9987 cancelled [OD5]); self-pay, never a payer claim.
   */
  ChargeMissedAppointmentFee: command(
    { appointmentId: NonEmptyString },
    {},
    {
      stamps: { chargedAt: 'time', chargedBy: 'actor' },
      facts: {
        policy: t.type({
          policyVersion: NonNegativeInt,
          fees: t.type({
            lateCancelCents: NonNegativeInt,
            noShowCents: NonNegativeInt,
            firstOffenceWaived: t.boolean,
          }),
        }),
        /** Missed-appointment fees (charged or waived) the patient already had. */
        priorFees: NonNegativeInt,
      },
    },
  ),
  /** The patient did not come. */
  RecordNoShow: command(
    { appointmentId: NonEmptyString },
    {},
    {
      stamps: { recordedAt: 'time', recordedBy: 'actor' },
      facts: { policy: t.type({ policyVersion: NonNegativeInt, noShowGraceMinutes: NonNegativeInt }) },
    },
  ),
});

export type DayBookCommand = CommandOf<typeof commands>;
export type DayBookCommandOf<K extends DayBookCommand['type']> = Extract<DayBookCommand, { type: K }>;
