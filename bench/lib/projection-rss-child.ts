/** Child of `--projection-rss`: rebuilds the benchmark projection over the given file and prints its peak RSS. */
import { projectionEngine } from '@praxis/projections';
import { sqliteEventStore, sqliteReadModelStore } from '@praxis/store-sqlite';
import { paymentEvents } from './fixtures.js';
import { paymentsByInvoice } from './projection-rss.js';

const path = process.argv[2];
if (path === undefined) throw new Error('usage: projection-rss-child.ts <file>');
const startRssMb = process.memoryUsage.rss() / 2 ** 20;
const store = sqliteEventStore({ path, registry: paymentEvents });
const engine = projectionEngine({
  store,
  readModels: sqliteReadModelStore(store),
  projections: [paymentsByInvoice],
});
const start = performance.now();
const status = await engine.rebuild(paymentsByInvoice.name);
const ms = performance.now() - start;
await store.close();
const peakRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify({ events: status.eventsApplied, ms, startRssMb, peakRssMb }));
