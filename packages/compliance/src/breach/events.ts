import * as t from 'io-ts';
import { ISODate, NonEmptyString, NonNegativeInt, defineEvents, struct, type EventOf } from '@praxis/core';
import { NotificationDeadline, Recipient, StateResidents } from './deadlines.js';

/**
 * Every event of a HIPAA Breach of unsecured PHI. The events carry the notification
 * deadlines in force after them, so the legal clock is part of the record.
 */
export const events = defineEvents({
  /** A breach was discovered (the first day it was known, or should reasonably have been, 164.404(a)(2)). */
  BreachDiscovered: t.type({
    breachId: NonEmptyString,
    description: NonEmptyString,
    discoveredOn: ISODate,
    affected: NonNegativeInt,
    states: t.array(StateResidents),
    deadlines: t.array(NotificationDeadline),
  }),
  /** The breach's scope was revised; deadlines only ever move earlier or are added. */
  BreachScopeRevised: t.type({
    breachId: NonEmptyString,
    revisedOn: ISODate,
    affected: NonNegativeInt,
    states: t.array(StateResidents),
    deadlines: t.array(NotificationDeadline),
  }),
  /** A required notification was sent. */
  BreachNotificationSent: struct(
    { breachId: NonEmptyString, recipient: Recipient, sentOn: ISODate, dueOn: ISODate },
    { state: NonEmptyString },
  ),
});

/** Every Breach event. */
export type BreachEvent = EventOf<typeof events>;
