import * as t from 'io-ts';
import {
  ISODate,
  NonEmptyString,
  NonNegativeInt,
  defineEvents,
  personal,
  struct,
  subject,
  type EventOf,
} from '@praxis/core';
import { BusinessAssociate, NotificationDeadline, Recipient, StateResidents } from './deadlines.js';

/**
 * Every event of a HIPAA Breach of unsecured PHI. The events carry the notification
 * deadlines in force after them, so the legal clock is part of the record.
 */
export const events = defineEvents({
  /**
   * A breach was discovered by the practice (the first day it was known, or should reasonably
   * have been, 164.404(a)(2)); `businessAssociate` when a business associate discovered it
   * and owes the practice notice (164.410).
   */
  BreachDiscovered: struct(
    {
      /** The breach record: the subject (`breach:<breachId>`) of its description. */
      breachId: subject('breach', NonEmptyString),
      /**
       * What happened: free text that may describe the people affected, sealed by the vault;
       * erase it with `forgetSubject('breach:<breachId>')` (counts, states and deadlines stay).
       */
      description: personal(NonEmptyString),
      discoveredOn: ISODate,
      affected: NonNegativeInt,
      states: t.array(StateResidents),
      deadlines: t.array(NotificationDeadline),
    },
    { businessAssociate: BusinessAssociate },
  ),
  /** The breach's scope was revised; deadlines only ever move earlier or are added. */
  BreachScopeRevised: t.type({
    breachId: NonEmptyString,
    revisedOn: ISODate,
    affected: NonNegativeInt,
    states: t.array(StateResidents),
    deadlines: t.array(NotificationDeadline),
  }),
  /** A required notification was sent (recipient `covered-entity`: the business associate's notice to the practice). */
  BreachNotificationSent: struct(
    { breachId: NonEmptyString, recipient: Recipient, sentOn: ISODate, dueOn: ISODate },
    { state: NonEmptyString },
  ),
});

/** Every Breach event. */
export type BreachEvent = EventOf<typeof events>;
