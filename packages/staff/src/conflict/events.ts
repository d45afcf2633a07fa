import * as t from 'io-ts';
import { ISODate, NonEmptyString, defineEvents, personal, subject, type EventOf } from '@praxis/core';

/**
 * The conflict is the subject of its free text (`conflict:<conflictId>`): descriptions, notes,
 * resolutions and reasons are about the people in it, so they are sealed by the vault, and
 * forgetting a party means forgetting the conflicts they were part of as well
 * (docs/personal-data.md). Parties are staff ids.
 */
const ConflictId = subject('conflict', NonEmptyString);

/** Events of a workplace conflict (`Conflict-<conflictId>`). */
export const events = defineEvents({
  ConflictOpened: t.type({
    conflictId: ConflictId,
    parties: t.array(NonEmptyString),
    description: personal(NonEmptyString),
    openedOn: ISODate,
    reportedBy: NonEmptyString,
  }),
  ConflictMediated: t.type({
    conflictId: ConflictId,
    mediator: NonEmptyString,
    mediatedOn: ISODate,
    notes: personal(NonEmptyString),
  }),
  ConflictResolved: t.type({
    conflictId: ConflictId,
    resolvedOn: ISODate,
    resolution: personal(NonEmptyString),
  }),
  ConflictEscalated: t.type({
    conflictId: ConflictId,
    escalatedOn: ISODate,
    escalatedTo: NonEmptyString,
    reason: personal(NonEmptyString),
  }),
});

/** The union of Conflict events. */
export type ConflictEvent = EventOf<typeof events>;
