import type { Migration } from './migrations.js';

/** The component name under which the event log's migrations are recorded. */
export const eventsComponent = 'events';

/**
 * The event log's schema, one migration per change. Never edit a released migration: add the
 * next one. `position` is an AUTOINCREMENT rowid, so a position is never handed out twice,
 * not even after the newest row is deleted.
 */
export const eventMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'event log',
    sql: `
      CREATE TABLE events (
        position       INTEGER PRIMARY KEY AUTOINCREMENT,
        event_id       TEXT    NOT NULL,
        stream_id      TEXT    NOT NULL,
        revision       INTEGER NOT NULL CHECK (revision >= 0),
        type           TEXT    NOT NULL,
        schema_version INTEGER NOT NULL,
        data           TEXT    NOT NULL,
        metadata       TEXT    NOT NULL,
        prev_hash      TEXT    NOT NULL,
        hash           TEXT    NOT NULL,
        CONSTRAINT events_event_id UNIQUE (event_id),
        CONSTRAINT events_stream_revision UNIQUE (stream_id, revision)
      );
    `,
  },
];
