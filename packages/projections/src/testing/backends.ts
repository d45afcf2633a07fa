import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore, ReadModelStore } from '@praxis/core';
import { memoryEventStore, memoryReadModelStore } from '@praxis/store-memory';
import { sqliteEventStore, sqliteReadModelStore } from '@praxis/store-sqlite';
import { postgresEventStore, postgresReadModelStore } from '@praxis/store-postgres';
import { startTestPostgres, type TestPostgres } from '../../../store-postgres/src/testing/embedded-server.js';
import { testEvents } from './fixtures.js';

/** An event store and a read-model store on one backend, for the engine tests. */
export interface Backend {
  readonly store: EventStore;
  readonly readModels: ReadModelStore;
  /** Makes the stored data of the event at (the sequence part of) a position fail its codec. */
  corrupt(position: bigint): void | Promise<void>;
  /** A second read-model store on the same backend (another process's view). */
  reopenReadModels(): Promise<ReadModelStore>;
  close(): Promise<void>;
}

/** A named way of making backends. */
export interface BackendKind {
  readonly name: string;
  make(): Promise<Backend>;
  /** Stops what the kind started for all its backends (a database server). */
  teardown?(): Promise<void>;
}

export const memoryBackend: BackendKind = {
  name: 'memory',
  make: async () => {
    const store = memoryEventStore({ registry: testEvents });
    const readModels = memoryReadModelStore();
    return {
      store,
      readModels,
      corrupt: (position) => store.tamper(position, (s) => ({ ...s, data: '{"room":42}' })),
      reopenReadModels: async () => readModels,
      close: async () => {
        await readModels.close();
        await store.close();
      },
    };
  },
};

/** A fresh SQLite file in a temporary directory. */
export const sqliteBackend: BackendKind = {
  name: 'sqlite',
  make: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'praxis-projections-'));
    const path = join(dir, 'practice.db');
    const store = sqliteEventStore({ path, registry: testEvents, synchronous: 'NORMAL' });
    const readModels = sqliteReadModelStore(store);
    const others: EventStore[] = [];
    return {
      store,
      readModels,
      corrupt: (position) => {
        store.database.prepare(`UPDATE events SET data = '{"room":42}' WHERE position = ?`).run(position);
      },
      reopenReadModels: async () => {
        const other = sqliteEventStore({ path, registry: testEvents, synchronous: 'NORMAL' });
        others.push(other);
        return sqliteReadModelStore(other);
      },
      close: async () => {
        for (const o of others) await o.close();
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

let server: Promise<TestPostgres> | undefined;
let practices = 0;

/** A fresh practice schema on a real PostgreSQL server (embedded, or `PRAXIS_PG_URL`). */
export const postgresBackend: BackendKind = {
  name: 'postgres',
  make: async () => {
    server ??= startTestPostgres();
    const { url } = await server;
    const practice = `projections_${process.pid}_${++practices}`;
    const store = await postgresEventStore({ connectionString: url, practice, registry: testEvents });
    const readModels = await postgresReadModelStore(store);
    await store.pool.query(`TRUNCATE "${store.schema}".read_model_slots, "${store.schema}".read_model_active,
      "${store.schema}".read_model_documents, "${store.schema}".read_model_parked`);
    return {
      store,
      readModels,
      corrupt: async (position) => {
        await store.pool.query(
          `UPDATE "${store.schema}".events SET data = '{"room":42}' WHERE position = $1`,
          [position.toString()],
        );
      },
      reopenReadModels: () => postgresReadModelStore(store),
      close: async () => {
        await store.pool.query(`DROP SCHEMA "${store.schema}" CASCADE`);
        await store.close();
      },
    };
  },
  teardown: async () => {
    const s = server;
    server = undefined;
    if (s !== undefined) await (await s).stop();
  },
};

/** Every backend available in this checkout. */
export const backends: BackendKind[] = [memoryBackend, sqliteBackend, postgresBackend];
