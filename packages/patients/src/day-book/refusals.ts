import { defineRefusals } from '@praxis/core';

/** Every code a DayBook refuses with, and its category (HTTP: conflict → 409). */
export const refusals = defineRefusals({
  DayAlreadyOpen: 'conflict',
  DayNotOpen: 'conflict',
  /** The book's date is not the date the command names. */
  WrongDay: 'invalid',
  InvalidHours: 'invalid',
  InvalidReleaseWindow: 'invalid',
  BlockOverlapsBlock: 'conflict',
  /** A wall-clock time that does not exist that day (the hour skipped when clocks spring forward). */
  NonexistentLocalTime: 'invalid',
  InvalidDuration: 'invalid',
  OffGrid: 'invalid',
  UnknownProvider: 'not-found',
  UnknownPatient: 'not-found',
  OutsideProviderHours: 'rule',
  ProviderDoubleBooked: 'conflict',
  PatientDoubleBooked: 'conflict',
  StartInPast: 'rule',
  TooShortNotice: 'rule',
  NotBookableOnline: 'rule',
  OverrideNotAllowed: 'forbidden',
  AppointmentExists: 'conflict',
  UnknownAppointment: 'not-found',
  AppointmentClosed: 'conflict',
  NotRequested: 'conflict',
  AlreadyArrived: 'conflict',
  NotArrivedYet: 'conflict',
  NotOnThatDay: 'rule',
  FlowOutOfOrder: 'rule',
  NoShowTooEarly: 'rule',
  UnknownAuthorization: 'not-found',
  /** A reserved block holds that time for other appointment types. */
  TimeBlockReserved: 'rule',
  BlockExists: 'conflict',
  UnknownBlock: 'not-found',
  NoAppointmentTypes: 'invalid',
  /** Booked appointments of other types already sit in the block's time. */
  BlockOverlapsAppointments: 'conflict',
  /** Neither a late cancel nor a no-show: nothing to charge. */
  NotMissed: 'rule',
  NoFeeSet: 'rule',
  FeeAlreadyCharged: 'conflict',
  AuthorizationNotApproved: 'rule',
  AuthorizationExpired: 'rule',
  AuthorizationNotYetValid: 'rule',
  AuthorizationOtherPatient: 'rule',
});

export type DayBookRefusal = keyof typeof refusals;
