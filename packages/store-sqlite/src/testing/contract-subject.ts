import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EventStore } from '@praxis/core';
import { killDuringAppends, type ContractFactory, type ContractSubject } from '@praxis/testing';
import { sqliteEventStore, type SqliteStoreOptions } from '../sqlite-event-store.js';
import { rollbackAppend, setNextPosition, tamperStoredEvent } from './hooks.js';

const crashChild = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));

/**
 * The contract suite's factory for the SQLite store: every test gets a fresh FILE in its own
 * temporary folder (WAL, synchronous=FULL), removed by `cleanup`.
 */
export const sqliteContractFactory =
  (extra: Partial<Omit<SqliteStoreOptions, 'path' | 'registry'>> = {}): ContractFactory =>
  async ({ registry, positionsFrom }): Promise<ContractSubject> => {
    const dir = mkdtempSync(join(tmpdir(), 'praxis-sqlite-contract-'));
    const path = join(dir, 'practice.db');
    const store = sqliteEventStore({ path, registry, pollIntervalMs: 200, ...extra });
    if (positionsFrom !== undefined) setNextPosition(store, positionsFrom + 1n);
    const opened: EventStore[] = [store];
    return {
      store,
      cleanup: async () => {
        for (const s of opened) await s.close();
        rmSync(dir, { recursive: true, force: true });
      },
      corruptStoredEvent: async (position, mutate) =>
        tamperStoredEvent(store, position.commit, (stored) => {
          const next = mutate({ data: JSON.parse(stored.data), metadata: JSON.parse(stored.metadata) });
          return { data: JSON.stringify(next.data), metadata: JSON.stringify(next.metadata) };
        }),
      rollbackAppend: async (streamId, events) => rollbackAppend(store, streamId, events),
      crashDuringAppends: async (streamPrefix) => {
        const acknowledged = await killDuringAppends({
          command: process.execPath,
          args: ['--import', 'tsx', crashChild, path, streamPrefix],
          cwd: repoRoot,
        });
        const after = sqliteEventStore({ path, registry });
        opened.push(after);
        return { acknowledged, store: after };
      },
    };
  };
