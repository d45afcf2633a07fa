/**
 * The child side of the engine's crash test: runs `visitsPerRoom` over a SQLite file in
 * batches of 100 and, half-way through its fourth batch (three batches committed, the fourth
 * half applied in memory), prints `MID-BATCH` and stalls so the parent can SIGKILL it there.
 * With `--finish` it runs to the head without stalling (the restart) and prints `FINISHED`.
 * Run as: node --import tsx crash-child.ts <file> [--finish]
 */
import type { Projection } from '@praxis/core';
import { sqliteEventStore, sqliteReadModelStore } from '@praxis/store-sqlite';
import { projectionEngine } from '../engine.js';
import { testEvents, visitsPerRoom } from './fixtures.js';

const [path, mode] = process.argv.slice(2);
if (path === undefined) throw new Error('usage: crash-child.ts <file>');
const store = sqliteEventStore({ path, registry: testEvents });
const counting = visitsPerRoom();
let handled = 0;
const stalling: Projection = {
  ...counting,
  handle: (e) => {
    handled++;
    if (handled === 350 && mode !== '--finish') {
      process.stdout.write('MID-BATCH\n');
      const until = Date.now() + 30_000;
      while (Date.now() < until) {
        // Stall inside the batch until the parent kills the process.
      }
    }
    return counting.handle(e);
  },
};
await projectionEngine({
  store,
  readModels: sqliteReadModelStore(store),
  projections: [stalling],
  batchSize: 100,
}).catchUp();
process.stdout.write('FINISHED\n');
