/** Child of `--rss`: streams every event of the file given as argument and prints its peak RSS. */
import { sqliteEventStore } from '@praxis/store-sqlite';
import { paymentEvents } from './fixtures.js';

const path = process.argv[2];
if (path === undefined) throw new Error('usage: sqlite-rss-reader.ts <file>');
const startRssMb = process.memoryUsage.rss() / 2 ** 20;
const store = sqliteEventStore({ path, registry: paymentEvents });
const start = performance.now();
let events = 0;
for await (const e of store.readAll()) if (e.revision >= 0n) events++;
const ms = performance.now() - start;
await store.close();
// maxRSS is in kilobytes: the peak over the whole life of this process.
const peakRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify({ events, ms, startRssMb, peakRssMb }));
