export {
  memoryEventStore,
  type MemoryStoreOptions,
  type MemoryStoreInternals,
} from './memory-event-store.js';
export { memoryReadModelStore, memorySnapshotStore } from './read-model-memory.js';
export { memorySubjectKeyStore } from './subject-keys-memory.js';
