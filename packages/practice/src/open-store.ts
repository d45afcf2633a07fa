import type { EventRegistry, EventStore, ReadModelStore, SnapshotStore } from '@praxis/core';
import { memoryEventStore, memoryReadModelStore, memorySnapshotStore } from '@praxis/store-memory';
import { defaultStore, parseStoreUrl } from './store-url.js';
import { sqliteEventStore, sqliteReadModelStore, sqliteSnapshotStore } from '@praxis/store-sqlite';
import { postgresEventStore, postgresReadModelStore, postgresSnapshotStore } from '@praxis/store-postgres';
import { kurrentdbEventStore } from '@praxis/store-kurrentdb';

/** Everything a practice keeps: the event log, its read models and its snapshots. */
export interface Backend {
  readonly events: EventStore;
  readonly readModels: ReadModelStore;
  readonly snapshots: SnapshotStore;
  /** Closes what this backend opened. */
  close(): Promise<void>;
}

/**
 * Opens the event store a string names, validating every event with `registry`, with its
 * read-model and snapshot stores beside it (in the same database for SQL stores). `create:
 * false` opens only an existing practice (a missing or empty SQLite file is NotAPractice);
 * a file of another program is always refused untouched.
 *
 * @example
 * const backend = await openBackend('sqlite:./practice.db', registry);
 */
export const openBackend = async (
  store: string | undefined,
  registry: EventRegistry,
  options: { readonly create?: boolean } = {},
): Promise<Backend> => {
  const where = parseStoreUrl(store ?? defaultStore);
  switch (where.kind) {
    case 'memory': {
      const events = memoryEventStore({ registry });
      return {
        events,
        readModels: memoryReadModelStore(),
        snapshots: memorySnapshotStore(),
        close: () => events.close(),
      };
    }
    case 'sqlite': {
      const events = sqliteEventStore({
        path: where.path,
        registry,
        synchronous: where.synchronous,
        ...(options.create === undefined ? {} : { create: options.create }),
      });
      return {
        events,
        readModels: sqliteReadModelStore(events),
        snapshots: sqliteSnapshotStore(events),
        close: () => events.close(),
      };
    }
    case 'postgres': {
      const events = await postgresEventStore({
        connectionString: where.url,
        practice: where.practice,
        registry,
      });
      const connection = { pool: events.pool, schema: events.schema };
      return {
        events,
        readModels: await postgresReadModelStore(connection),
        snapshots: await postgresSnapshotStore(connection),
        close: () => events.close(),
      };
    }
    case 'kurrentdb': {
      // KurrentDB holds the log; read models and snapshots are kept in this process and
      // rebuilt from the log when it starts (see docs/operations.md).
      const events = kurrentdbEventStore({ connectionString: where.url, registry });
      return {
        events,
        readModels: memoryReadModelStore(),
        snapshots: memorySnapshotStore(),
        close: () => events.close(),
      };
    }
  }
};

/** Opens only the event store a string names (for tools that read the raw log, like verify). */
export const openStore = async (
  store: string | undefined,
  registry: EventRegistry,
  options: { readonly create?: boolean } = {},
): Promise<EventStore> => (await openBackend(store, registry, options)).events;
