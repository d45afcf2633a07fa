/**
 * @praxis/store-postgres — the event store on PostgreSQL: many app servers sharing one
 * practice, or many practices in one database, each in its own schema.
 */
export {
  postgresEventStore,
  type PostgresStoreOptions,
  type PostgresEventStore,
} from './postgres-event-store.js';
export { migrations, latestVersion, schemaNameOf, type Migration } from './migrations.js';
export {
  postgresReadModelStore,
  postgresSnapshotStore,
  type PostgresConnection,
} from './read-model-postgres.js';
export { postgresSubjectKeyStore } from './subject-keys-postgres.js';
