/**
 * The projection of the P1/P2 benchmarks, and `--projection-rss`: a 1M-event rebuild in a fresh
 * process, reporting that process's peak resident memory (issue 4's target: under 200 MB).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Projection } from '@praxis/core';
import { sqliteEventStore } from '@praxis/store-sqlite';
import { paymentEvent, paymentEvents, type PaymentEvent } from './fixtures.js';
import { fmt, type BenchContext } from './harness.js';

const add =
  (cents: number) =>
  (cur: unknown): { paidCents: number; payments: number } => {
    const c = (cur ?? { paidCents: 0, payments: 0 }) as { paidCents: number; payments: number };
    return { paidCents: c.paidCents + cents, payments: c.payments + 1 };
  };

/** Paid amount and count per invoice, per patient and per payment method: three documents per event. */
export const paymentsByInvoice: Projection = {
  name: 'payments-by-invoice',
  version: 1,
  eventTypes: ['PaymentReceived'],
  handle: (e) => {
    const d = e.data as PaymentEvent['data'];
    return [
      { key: `invoice:${d.invoiceId}`, update: add(d.amountCents) },
      { key: `patient:${d.patientId}`, update: add(d.amountCents) },
      { key: `method:${d.method}`, update: add(d.amountCents) },
    ];
  },
};

const child = fileURLToPath(new URL('./projection-rss-child.ts', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

export const measureProjectionRss = async (ctx: BenchContext, total: number): Promise<string[]> => {
  const path = join(ctx.dir, 'rss-projection.db');
  ctx.log(`  seeding ${fmt(total)} events for the projection RSS run`);
  const store = sqliteEventStore({ path, synchronous: 'NORMAL', registry: paymentEvents });
  for (let b = 0; b < total / 1_000; b++) {
    await store.appendToStream(
      `PaymentAccount-${b % 1_000}`,
      Array.from({ length: 1_000 }, (_, k) => paymentEvent(b * 1_000 + k)),
    );
  }
  await store.close();
  const out = await new Promise<string>((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, path], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let text = '';
    proc.stdout.on('data', (b: Buffer) => (text += b.toString()));
    proc.on('error', reject);
    proc.on('exit', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`projection RSS child exited with ${code}`)),
    );
  });
  const r = JSON.parse(out) as { events: number; ms: number; startRssMb: number; peakRssMb: number };
  return [
    `projection rebuild of ${fmt(r.events)} events in a fresh process: ${fmt((r.events * 1000) / r.ms)} events/s, ` +
      `RSS at start ${r.startRssMb.toFixed(0)} MB, peak ${r.peakRssMb.toFixed(0)} MB (target < 200 MB)`,
  ];
};
