import { InvalidArgument, type EventRegistry, type EventStore } from '@praxis/core';
import { memoryEventStore } from '@praxis/store-memory';
import { defaultStore, parseStoreUrl } from './store-url.js';

/**
 * Opens the event store a string names, validating every event with `registry`.
 * An `EventStore` object is returned as it is (its owner chose its registry).
 *
 * @example
 * const store = await openStore('sqlite:./practice.db', registry);
 */
export const openStore = async (
  store: string | EventStore | undefined,
  registry: EventRegistry,
): Promise<EventStore> => {
  if (store !== undefined && typeof store !== 'string') return store;
  const where = parseStoreUrl(store ?? defaultStore);
  switch (where.kind) {
    case 'memory':
      return memoryEventStore({ registry });
    default:
      throw new InvalidArgument('store', `the ${where.kind} store is not available in this build`);
  }
};
