// A crash-workload child for the helper's own test: a memory store, so nothing survives the kill.
import { memoryEventStore } from '@praxis/store-memory';
import { runCrashWorkload, testRegistry } from '@praxis/testing';

const store = memoryEventStore({ registry: testRegistry });
await runCrashWorkload(store, { streamPrefix: process.argv[2] ?? 'x-' });
