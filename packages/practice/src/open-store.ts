import {
  InvalidArgument,
  type EventRegistry,
  type EventStore,
  type ReadModelStore,
  type SnapshotStore,
  type SubjectKeyStore,
} from '@praxis/core';
import {
  memoryEventStore,
  memoryReadModelStore,
  memorySnapshotStore,
  memorySubjectKeyStore,
} from '@praxis/store-memory';
import { defaultStore, parseStoreUrl } from './store-url.js';
import {
  sqliteEventStore,
  sqliteReadModelStore,
  sqliteSnapshotStore,
  sqliteSubjectKeyStore,
} from '@praxis/store-sqlite';
import {
  postgresEventStore,
  postgresReadModelStore,
  postgresSnapshotStore,
  postgresSubjectKeyStore,
} from '@praxis/store-postgres';
import { kurrentdbEventStore } from '@praxis/store-kurrentdb';

/** Everything a practice keeps: the event log, its read models and its snapshots. */
export interface Backend {
  readonly events: EventStore;
  readonly readModels: ReadModelStore;
  readonly snapshots: SnapshotStore;
  /**
   * The personal-data vault's subject keys, beside the log (same SQLite file, same PostgreSQL
   * schema). Losing them loses every personal field: back them up with the log.
   */
  readonly subjectKeys: SubjectKeyStore;
  /** Closes what this backend opened. */
  close(): Promise<void>;
}

/**
 * Opens the event store a string names, validating every event with `registry`, with its
 * read-model and snapshot stores beside it (in the same database for SQL stores).
 *
 * @example
 * const backend = await openBackend('sqlite:./practice.db', registry);
 */
export const openBackend = async (
  store: string | undefined,
  registry: EventRegistry,
  options: { readonly subjectKeys?: SubjectKeyStore } = {},
): Promise<Backend> => {
  const where = parseStoreUrl(store ?? defaultStore);
  switch (where.kind) {
    case 'memory': {
      const events = memoryEventStore({ registry });
      return {
        events,
        readModels: memoryReadModelStore(),
        snapshots: memorySnapshotStore(),
        subjectKeys: options.subjectKeys ?? memorySubjectKeyStore(),
        close: () => events.close(),
      };
    }
    case 'sqlite': {
      const events = sqliteEventStore({ path: where.path, registry, synchronous: where.synchronous });
      return {
        events,
        readModels: sqliteReadModelStore(events),
        snapshots: sqliteSnapshotStore(events),
        subjectKeys: options.subjectKeys ?? sqliteSubjectKeyStore(events),
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
        subjectKeys: options.subjectKeys ?? (await postgresSubjectKeyStore(connection)),
        close: () => events.close(),
      };
    }
    case 'kurrentdb': {
      // KurrentDB holds the log; read models and snapshots are kept in this process and
      // rebuilt from the log when it starts (see docs/operations.md).
      // KurrentDB keeps no side tables, and keys kept in memory would be lost (and with them
      // every personal field) when the process ends: the caller names where keys live.
      if (options.subjectKeys === undefined)
        throw new InvalidArgument(
          'subjectKeys',
          'a practice on KurrentDB needs a SubjectKeyStore for its personal-data keys (e.g. sqliteSubjectKeyStore on a file, or postgresSubjectKeyStore)',
        );
      const events = kurrentdbEventStore({ connectionString: where.url, registry });
      return {
        events,
        readModels: memoryReadModelStore(),
        snapshots: memorySnapshotStore(),
        subjectKeys: options.subjectKeys,
        close: () => events.close(),
      };
    }
  }
};

/** Opens only the event store a string names (for tools that read the raw log, like verify). */
export const openStore = async (store: string | undefined, registry: EventRegistry): Promise<EventStore> =>
  // Raw reads open no personal data: the keys are not needed (nor their tables created).
  (await openBackend(store, registry, { subjectKeys: memorySubjectKeyStore() })).events;
