/**
 * Contract case 27, child side: opens the PostgreSQL store of one practice and appends
 * batches until the parent kills it with SIGKILL.
 * Run as: node --import tsx crash-child.ts <connection string> <practice> <stream prefix>
 */
import { runCrashWorkload, testRegistry } from '@praxis/testing';
import { postgresEventStore } from '../postgres-event-store.js';

const [connectionString, practice, streamPrefix] = process.argv.slice(2);
if (connectionString === undefined || practice === undefined || streamPrefix === undefined) {
  throw new Error('usage: crash-child.ts <connection string> <practice> <stream prefix>');
}
const store = await postgresEventStore({ connectionString, practice, registry: testRegistry });
await runCrashWorkload(store, { streamPrefix });
