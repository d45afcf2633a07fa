/**
 * `--rss`: seeds 1,000,000 events into a SQLite file, then streams them with `readAll` in a
 * fresh child process and reports that process's peak resident memory (the target is
 * under 150 MB: readAll must stream, not load the log).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sqliteEventStore } from '@praxis/store-sqlite';
import { paymentEvent, paymentEvents } from './fixtures.js';
import type { BenchContext } from './harness.js';
import { fmt } from './harness.js';

const TOTAL = 1_000_000;
const reader = fileURLToPath(new URL('./sqlite-rss-reader.ts', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

export const measureReadAllRss = async (ctx: BenchContext): Promise<string[]> => {
  const path = join(ctx.dir, 'rss-1m.db');
  ctx.log(`  seeding ${fmt(TOTAL)} events for the RSS run (synchronous=NORMAL, 1,000-event batches)`);
  const store = sqliteEventStore({ path, synchronous: 'NORMAL', registry: paymentEvents });
  for (let b = 0; b < TOTAL / 1_000; b++) {
    await store.appendToStream(
      `PaymentAccount-${b % 1_000}`,
      Array.from({ length: 1_000 }, (_, k) => paymentEvent(b * 1_000 + k)),
    );
  }
  await store.close();
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', reader, path], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let text = '';
    child.stdout.on('data', (b: Buffer) => (text += b.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`RSS reader exited with ${code}`)),
    );
  });
  const r = JSON.parse(out) as { events: number; ms: number; startRssMb: number; peakRssMb: number };
  return [
    `readAll of ${fmt(r.events)} events in a fresh process: ${fmt((r.events * 1000) / r.ms)} events/s, ` +
      `RSS at start ${r.startRssMb.toFixed(0)} MB, peak ${r.peakRssMb.toFixed(0)} MB (target < 150 MB)`,
  ];
};
