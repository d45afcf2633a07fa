// Child process of contract case 27: appends to a SQLite file until the parent SIGKILLs it.
// Usage: node --import tsx crash-child.ts <file> <streamPrefix>
import { runCrashWorkload, testRegistry } from '@praxis/testing';
import { sqliteEventStore } from '../sqlite-event-store.js';

const [path, streamPrefix] = process.argv.slice(2);
if (path === undefined || streamPrefix === undefined)
  throw new Error('usage: crash-child.ts <file> <streamPrefix>');
const store = sqliteEventStore({ path, registry: testRegistry });
await runCrashWorkload(store, { streamPrefix });
