import type { EventStore, ReadModelStore } from '@praxis/core';
import { memoryEventStore, memoryReadModelStore } from '@praxis/store-memory';
import { testEvents } from './fixtures.js';

/** An event store and a read-model store on one backend, for the engine tests. */
export interface Backend {
  readonly store: EventStore;
  readonly readModels: ReadModelStore;
  /** Makes the stored data of the event at a position fail its codec. */
  corrupt(position: bigint): void;
  /** A second read-model store on the same backend (another process's view). */
  reopenReadModels(): Promise<ReadModelStore>;
  close(): Promise<void>;
}

/** A named way of making backends. */
export interface BackendKind {
  readonly name: string;
  make(): Promise<Backend>;
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

/** Every backend available in this checkout. */
export const backends: BackendKind[] = [memoryBackend];
