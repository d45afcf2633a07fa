import * as t from 'io-ts';
import { defineEvents, type NewEvent, type Projection } from '@praxis/core';

/** Test events: visits to a clinic room, and notes. */
export const testEvents = defineEvents({
  PatientVisited: t.type({ room: t.string, minutes: t.number }),
  NoteWritten: t.type({ text: t.string }),
});

const actor = { id: 'u-1', role: 'nurse' };

/** A visit event to append. */
export const visit = (room: string, minutes: number, occurredAt = '2026-03-01T09:00:00Z'): NewEvent => ({
  type: 'PatientVisited',
  data: { room, minutes },
  metadata: { actor, occurredAt },
});

/** A note event to append. */
export const note = (text: string): NewEvent => ({
  type: 'NoteWritten',
  data: { text },
  metadata: { actor, occurredAt: '2026-03-01T09:00:00Z' },
});

/**
 * Visits and minutes per room: counters, so an event applied twice (or lost) shows. A room
 * named `boom` makes `handle` throw (a bug in a projection).
 */
export const visitsPerRoom = (version = 1, perVisit = 1): Projection => ({
  name: 'visits-per-room',
  version,
  eventTypes: ['PatientVisited'],
  handle: (e) => {
    const d = e.data as { room: string; minutes: number };
    if (d.room === 'boom') throw new Error('cannot count room boom');
    return [
      {
        key: `room:${d.room}`,
        update: (cur) => {
          const c = (cur ?? { visits: 0, minutes: 0 }) as { visits: number; minutes: number };
          return { visits: c.visits + perVisit, minutes: c.minutes + d.minutes };
        },
      },
      { key: 'total', update: (cur) => ((cur as number | undefined) ?? 0) + perVisit },
    ];
  },
});

/** Counts notes: a second projection that must keep going when the first one parks. */
export const notesCount: Projection = {
  name: 'notes-count',
  version: 1,
  eventTypes: ['NoteWritten'],
  handle: () => [{ key: 'notes', update: (cur) => ((cur as number | undefined) ?? 0) + 1 }],
};
