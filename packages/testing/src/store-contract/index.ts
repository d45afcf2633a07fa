export { runEventStoreContract } from './run.js';
export {
  defaultScale,
  type AcknowledgedAppend,
  type ContractAspect,
  type ContractCapabilities,
  type ContractFactory,
  type ContractScale,
  type ContractStoreOptions,
  type ContractSubject,
  type CrashOutcome,
  type PendingAppend,
  type StoredJson,
} from './subject.js';
export {
  testEvents,
  testRegistry,
  testActor,
  testOccurredAt,
  testMetadata,
  note,
  notes,
  increment,
  batchItems,
  type TestEvent,
} from './test-events.js';
export { runCrashWorkload, killDuringAppends, type CrashChild } from './crash-workload.js';
