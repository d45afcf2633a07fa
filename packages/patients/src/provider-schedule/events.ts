import * as t from 'io-ts';
import {
  ISODate,
  ISOInstant,
  NonEmptyString,
  PositiveInt,
  defineEvents,
  personal,
  subject,
  type EventOf,
} from '@praxis/core';
import { LocalTime } from '../shared/time.js';

const Interval = t.type({
  weekday: PositiveInt,
  start: LocalTime,
  end: LocalTime,
  locationId: NonEmptyString,
});

/** Events of one provider's schedule (`ProviderSchedule-<providerId>`). Providers are staff. */
export const events = defineEvents({
  ProviderHoursSet: t.type({
    providerId: NonEmptyString,
    effectiveFrom: ISODate,
    weekly: t.array(Interval),
    setBy: NonEmptyString,
  }),
  /** The reason is about the provider as a person (sickness, leave): sealed, subject `staff:<providerId>`. */
  ProviderTimeOffRecorded: t.intersection([
    t.type({
      providerId: subject('staff', NonEmptyString),
      timeOffId: NonEmptyString,
      fromAt: ISOInstant,
      toAt: ISOInstant,
      recordedBy: NonEmptyString,
    }),
    t.partial({ reason: personal(NonEmptyString) }),
  ]),
  ProviderCapacitySet: t.type({
    providerId: NonEmptyString,
    concurrent: PositiveInt,
    from: ISODate,
    setBy: NonEmptyString,
  }),
});

export type ProviderScheduleEvent = EventOf<typeof events>;
