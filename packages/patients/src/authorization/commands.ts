import * as t from 'io-ts';
import { ISODate, NonEmptyString, PositiveInt, command, defineCommands, type CommandOf } from '@praxis/core';

/** What an authorization covers: CPT codes, or a category of service (e.g. `physical-therapy`). */
export const Services = t.union([
  t.type({ cptCodes: t.readonlyArray(NonEmptyString) }),
  t.type({ category: NonEmptyString }),
]);

/** Authorization commands (`Authorization-<authorizationId>`), MODULES.md §3.1 P5. */
export const commands = defineCommands('authorizationId', {
  RequestAuthorization: command(
    {
      authorizationId: NonEmptyString,
      patientId: NonEmptyString,
      payerId: NonEmptyString,
      services: Services,
      unitKind: t.keyof({ visits: null, units: null }),
      requestedUnits: PositiveInt,
      requestedOn: ISODate,
    },
    { referralId: NonEmptyString },
    { businessTime: 'requestedOn', stamps: { requestedBy: 'actor' } },
  ),
  RecordAuthorizationDecision: command(
    {
      decision: t.keyof({ approved: null, 'partially-approved': null, denied: null }),
      decidedOn: ISODate,
    },
    {
      number: NonEmptyString,
      approvedUnits: t.number,
      validFrom: ISODate,
      validTo: ISODate,
      reason: NonEmptyString,
    },
    { businessTime: 'decidedOn', stamps: { recordedBy: 'actor' } },
  ),
  /** Holds units for a booked appointment (a process manager issues it on `AppointmentBooked`). */
  ReserveUnits: command(
    { appointmentId: NonEmptyString, units: t.number, serviceOn: ISODate },
    {},
    { stamps: { reservedAt: 'time' } },
  ),
  /** Gives back an appointment's reserved units (cancelled, no-show, moved). */
  ReleaseUnits: command(
    {
      appointmentId: NonEmptyString,
      reason: t.keyof({ cancelled: null, 'no-show': null, moved: null, other: null }),
    },
    {},
    { stamps: { releasedAt: 'time' } },
  ),
  /** Uses units for a service rendered (a process manager issues it on `PatientCheckedOut`). */
  ConsumeUnits: command(
    { units: t.number, serviceOn: ISODate },
    { appointmentId: NonEmptyString, claimId: NonEmptyString, cptCode: NonEmptyString },
    { stamps: { consumedAt: 'time' } },
  ),
  ExtendAuthorization: command(
    { payerRef: NonEmptyString, extendedOn: ISODate },
    { validTo: ISODate, addedUnits: t.number },
    { businessTime: 'extendedOn' },
  ),
  CloseAuthorization: command(
    { closedOn: ISODate },
    { reason: NonEmptyString },
    { businessTime: 'closedOn' },
  ),
});

export type AuthorizationCommand = CommandOf<typeof commands>;
export type AuthorizationCommandOf<K extends AuthorizationCommand['type']> = Extract<
  AuthorizationCommand,
  { type: K }
>;
