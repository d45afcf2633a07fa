/**
 * @praxis/store-kurrentdb — the event store on KurrentDB, the replicated event database, for
 * practices that outgrow one PostgreSQL server.
 */
export { kurrentdbEventStore, type KurrentDBStoreOptions } from './kurrentdb-event-store.js';
export { toStreamState, fromCurrentState } from './mapping/expected-revision.js';
export { fromKurrentPosition, toKurrentPosition } from './mapping/position.js';
export { planFilter, type FilterPlan } from './mapping/filter.js';
export { toStoreError } from './mapping/errors.js';
export { encodeMetadata, decodeMetadata, praxisKey, type ChainFields } from './mapping/metadata.js';
