/**
 * @praxis/store-sqlite — the embedded event store: one SQLite file (better-sqlite3, WAL,
 * synchronous=FULL by default), versioned migrations, a hash-chained global log.
 */
export { sqliteEventStore, type SqliteEventStore, type SqliteStoreOptions } from './sqlite-event-store.js';
export { applyMigrations, schemaVersion, type Migration } from './migrations.js';
export { eventMigrations, eventsComponent } from './schema.js';
export { praxisApplicationId } from './practice-file.js';
export {
  sqliteReadModelStore,
  sqliteSnapshotStore,
  readModelMigrations,
  readModelsComponent,
  type SqliteConnection,
} from './read-model-sqlite.js';
export {
  sqliteSubjectKeyFile,
  sqliteSubjectKeyStore,
  subjectKeyFileApplicationId,
  subjectKeyMigrations,
  subjectKeysComponent,
  type SubjectKeyFile,
} from './subject-keys-sqlite.js';
