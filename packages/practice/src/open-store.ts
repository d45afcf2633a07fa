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
import { defaultStore, parseStoreUrl, storePackageOf, type StoreLocation } from './store-url.js';
import { StoreDriverMissing, missingPackageOf } from './store-driver-missing.js';

/**
 * Imports the package of one kind of store when a store of that kind is first opened, so a
 * practice on SQLite never loads the PostgreSQL or KurrentDB clients (see
 * docs/decisions/facade-lazy-store-drivers.md). A package that is not installed becomes
 * StoreDriverMissing naming it; any other failure is rethrown as it is.
 */
const driver = async <M>(kind: StoreLocation['kind'], load: () => Promise<M>): Promise<M> => {
  try {
    return await load();
  } catch (err) {
    const missing = missingPackageOf(err);
    if (missing === undefined) throw err;
    throw new StoreDriverMissing(kind, storePackageOf[kind], missing, { cause: err });
  }
};

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
 * read-model and snapshot stores beside it (in the same database for SQL stores). The store's
 * package is imported here, on first use; a missing optional one (`@praxis/store-postgres`,
 * `@praxis/store-kurrentdb`) throws StoreDriverMissing naming the package to install. `create:
 * false` opens only an existing practice (a missing or empty SQLite file is NotAPractice);
 * a file of another program is always refused untouched.
 *
 * @example
 * const backend = await openBackend('sqlite:./practice.db', registry);
 */
export const openBackend = async (
  store: string | undefined,
  registry: EventRegistry,
  options: { readonly create?: boolean; readonly subjectKeys?: SubjectKeyStore } = {},
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
      const { sqliteEventStore, sqliteReadModelStore, sqliteSnapshotStore, sqliteSubjectKeyStore } =
        await driver('sqlite', () => import('@praxis/store-sqlite'));
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
        subjectKeys: options.subjectKeys ?? sqliteSubjectKeyStore(events),
        close: () => events.close(),
      };
    }
    case 'postgres': {
      const { postgresEventStore, postgresReadModelStore, postgresSnapshotStore, postgresSubjectKeyStore } =
        await driver('postgres', () => import('@praxis/store-postgres'));
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
      const { kurrentdbEventStore } = await driver('kurrentdb', () => import('@praxis/store-kurrentdb'));
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
export const openStore = async (
  store: string | undefined,
  registry: EventRegistry,
  options: { readonly create?: boolean } = {},
): Promise<EventStore> =>
  // Raw reads open no personal data: the keys are not needed (nor their tables created).
  (await openBackend(store, registry, { ...options, subjectKeys: memorySubjectKeyStore() })).events;
