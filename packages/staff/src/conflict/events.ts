import * as t from 'io-ts';
import { ISODate, NonEmptyString, defineEvents, type EventOf } from '@praxis/core';

/** Events of a workplace conflict (`Conflict-<conflictId>`). */
export const events = defineEvents({
  ConflictOpened: t.type({
    conflictId: NonEmptyString,
    parties: t.array(NonEmptyString),
    description: NonEmptyString,
    openedOn: ISODate,
    reportedBy: NonEmptyString,
  }),
  ConflictMediated: t.type({
    conflictId: NonEmptyString,
    mediator: NonEmptyString,
    mediatedOn: ISODate,
    notes: NonEmptyString,
  }),
  ConflictResolved: t.type({ conflictId: NonEmptyString, resolvedOn: ISODate, resolution: NonEmptyString }),
  ConflictEscalated: t.type({
    conflictId: NonEmptyString,
    escalatedOn: ISODate,
    escalatedTo: NonEmptyString,
    reason: NonEmptyString,
  }),
});

/** The union of Conflict events. */
export type ConflictEvent = EventOf<typeof events>;
