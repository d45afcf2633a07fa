export {
  memoryEventStore,
  type MemoryStoreOptions,
  type MemoryStoreInternals,
} from './memory-event-store.js';
