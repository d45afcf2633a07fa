import * as t from 'io-ts';
import {
  ISODate,
  ISOInstant,
  NonEmptyString,
  NonNegativeInt,
  PositiveInt,
  defineEvents,
  type EventOf,
} from '@praxis/core';

const Services = t.union([
  t.type({ cptCodes: t.array(NonEmptyString) }),
  t.type({ category: NonEmptyString }),
]);
const id = { authorizationId: NonEmptyString, patientId: NonEmptyString };

/** Events of one payer authorization (`Authorization-<authorizationId>`). Units are whole visits or units. */
export const events = defineEvents({
  AuthorizationRequested: t.intersection([
    t.type({
      ...id,
      payerId: NonEmptyString,
      services: Services,
      unitKind: t.keyof({ visits: null, units: null }),
      requestedUnits: PositiveInt,
      requestedOn: ISODate,
      requestedBy: NonEmptyString,
    }),
    t.partial({ referralId: NonEmptyString }),
  ]),
  AuthorizationApproved: t.type({
    ...id,
    partial: t.boolean,
    number: NonEmptyString,
    approvedUnits: PositiveInt,
    validFrom: ISODate,
    validTo: ISODate,
    decidedOn: ISODate,
    recordedBy: NonEmptyString,
  }),
  AuthorizationDenied: t.intersection([
    t.type({ ...id, decidedOn: ISODate, recordedBy: NonEmptyString }),
    t.partial({ reason: NonEmptyString }),
  ]),
  AuthorizationUnitsReserved: t.type({
    ...id,
    appointmentId: NonEmptyString,
    units: PositiveInt,
    serviceOn: ISODate,
    reservedAt: ISOInstant,
    /** Units left unreserved and unconsumed after this reservation. */
    remainingUnits: NonNegativeInt,
  }),
  AuthorizationUnitsReleased: t.type({
    ...id,
    appointmentId: NonEmptyString,
    units: PositiveInt,
    reason: NonEmptyString,
    releasedAt: ISOInstant,
  }),
  AuthorizationUnitsConsumed: t.intersection([
    t.type({
      ...id,
      units: PositiveInt,
      /** Of `units`, how many came out of the appointment's reservation. */
      fromReservation: NonNegativeInt,
      serviceOn: ISODate,
      consumedAt: ISOInstant,
      consumedTotal: NonNegativeInt,
    }),
    t.partial({ appointmentId: NonEmptyString, claimId: NonEmptyString, cptCode: NonEmptyString }),
  ]),
  AuthorizationExtended: t.intersection([
    t.type({
      ...id,
      payerRef: NonEmptyString,
      extendedOn: ISODate,
      validTo: ISODate,
      approvedUnits: PositiveInt,
    }),
    t.partial({ addedUnits: PositiveInt }),
  ]),
  AuthorizationClosed: t.intersection([
    t.type({ ...id, closedOn: ISODate }),
    t.partial({ reason: NonEmptyString }),
  ]),
});

export type AuthorizationEvent = EventOf<typeof events>;
