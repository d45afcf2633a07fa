/**
 * P1–P3: the projection engine and snapshots on SQLite (issue 4).
 * - P1: rebuild of a projection over 1,000,000 events vs a plain `readAll` scan of the same log
 *   (target ≥ 0.5×); P2: the same rebuild vs a hand-written better-sqlite3 scan (no codecs).
 * - P3: loading a 100,000-event aggregate with snapshots vs folding the whole stream.
 * `--projection-rss` rebuilds the 1M-event projection in a fresh process and reports its peak RSS.
 * `PRAXIS_BENCH_EVENTS` shrinks the log for a quick try.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { foldStream } from '@praxis/core';
import { projectionEngine, snapshotting } from '@praxis/projections';
import {
  sqliteEventStore,
  sqliteReadModelStore,
  sqliteSnapshotStore,
  type SqliteEventStore,
} from '@praxis/store-sqlite';
import { foldBalance, paymentDecider, paymentEvent, paymentEvents, type Balance } from './lib/fixtures.js';
import type { BenchContext, BenchSuite, Side } from './lib/harness.js';
import { measureProjectionRss, paymentsByInvoice } from './lib/projection-rss.js';
import { openRaw, rawAppender, rawScan } from './lib/raw-sqlite.js';
import { rawAppends, streamOf } from './lib/workloads.js';

const EVENTS = Number(process.env['PRAXIS_BENCH_EVENTS'] ?? 1_000_000);
const STREAM_EVENTS = Math.min(100_000, EVENTS);

/** One log for P1 and P2 (in the run's temporary folder, removed afterwards). */
const sharedLog = join('..', 'projections-log.db');

const open = (ctx: BenchContext, file: string): SqliteEventStore =>
  sqliteEventStore({ path: join(ctx.dir, file), synchronous: ctx.synchronous, registry: paymentEvents });

/** Seeds `n` events in 1,000-event batches over 1,000 streams, once per run. */
const seedLog = async (ctx: BenchContext, store: SqliteEventStore, n: number) => {
  if ((await store.headPosition()) !== undefined) return;
  ctx.log(`  seeding ${n.toLocaleString('en-US')} events`);
  for (let b = 0; b < n / 1_000; b++) {
    await store.appendToStream(
      streamOf(b % 1_000),
      Array.from({ length: 1_000 }, (_, k) => paymentEvent(b * 1_000 + k)),
    );
  }
};

/** The rebuild: a fresh slot from zero, activated when caught up (the previous one dropped). */
const rebuildSide: Side = {
  label: 'projection rebuild',
  open: async (ctx) => {
    const store = open(ctx, sharedLog);
    await seedLog(ctx, store, EVENTS);
    const engine = projectionEngine({
      store,
      readModels: sqliteReadModelStore(store),
      projections: [paymentsByInvoice],
    });
    return {
      run: async () => (await engine.rebuild(paymentsByInvoice.name)).eventsApplied,
      close: () => store.close(),
    };
  },
};

const storeScanSide: Side = {
  label: 'store readAll scan',
  open: async (ctx) => {
    const store = open(ctx, sharedLog);
    await seedLog(ctx, store, EVENTS);
    return {
      run: async () => (await foldBalance(store.readAll())).payments,
      close: () => store.close(),
    };
  },
};

const rawScanSide: Side = {
  label: 'raw better-sqlite3 scan',
  open: async (ctx) => {
    const path = join(ctx.dir, '..', 'projections-raw.db');
    const seeded = existsSync(path);
    const db = openRaw(path, ctx.synchronous);
    if (!seeded) await rawAppends(rawAppender(db), EVENTS, 1_000, 1_000)(0);
    const scan = rawScan(db);
    return { run: async () => scan().count, close: async () => void db.close() };
  },
};

/** A 100,000-event account, and a snapshot taken at its last event. */
const seedStream = async (ctx: BenchContext, store: SqliteEventStore) => {
  if ((await store.streamRevision('PaymentAccount-big')) !== 'no_stream') return;
  for (let b = 0; b < STREAM_EVENTS / 1_000; b++) {
    await store.appendToStream(
      'PaymentAccount-big',
      Array.from({ length: 1_000 }, (_, k) => paymentEvent(b * 1_000 + k)),
    );
  }
  ctx.log(`  seeded a ${STREAM_EVENTS.toLocaleString('en-US')}-event stream`);
};

const account = paymentDecider;

const loadSide = (label: string, withSnapshots: boolean, loads: number): Side => ({
  label,
  open: async (ctx) => {
    const store = open(ctx, 'stream.db');
    await seedStream(ctx, store);
    const snap = snapshotting({ store, snapshots: sqliteSnapshotStore(store), decider: account, every: 100 });
    if (withSnapshots) {
      // A snapshot 37 events before the end, so every load also folds a tail.
      const at = BigInt(STREAM_EVENTS - 38);
      await snap.onAppended('PaymentAccount-big', await foldTo(store, at), at);
    }
    const load = withSnapshots ? snap.load : foldStream(store, account);
    return {
      run: async () => {
        for (let i = 0; i < loads; i++) {
          const r = await load('PaymentAccount-big');
          if (r.state.payments !== STREAM_EVENTS) throw new Error(`loaded ${r.state.payments} payments`);
        }
        return loads;
      },
      close: () => store.close(),
    };
  },
});

const foldTo = (store: SqliteEventStore, revision: bigint): Promise<Balance> =>
  foldBalance(store.readStream('PaymentAccount-big', { maxCount: Number(revision) + 1 }));

const title = `${EVENTS.toLocaleString('en-US')} events`;

export const suite: BenchSuite = {
  name: 'projections',
  description: '@praxis/projections on SQLite: rebuild vs scans of the same log; snapshot loads',
  scenarios: [
    {
      id: 'P1',
      title: `rebuild of ${title} vs readAll scan`,
      unit: 'events',
      slices: 1,
      target: 0.5,
      subject: rebuildSide,
      baseline: storeScanSide,
    },
    {
      id: 'P2',
      title: `rebuild of ${title} vs raw SQL scan`,
      unit: 'events',
      slices: 1,
      subject: rebuildSide,
      baseline: rawScanSide,
    },
    {
      id: 'P3',
      title: `load a ${STREAM_EVENTS.toLocaleString('en-US')}-event aggregate: snapshot + tail vs full fold`,
      unit: 'loads',
      slices: 1,
      subject: loadSide('with snapshots', true, 200),
      baseline: loadSide('full fold', false, 3),
    },
  ],
  extras: {
    'projection-rss': (ctx) => measureProjectionRss(ctx, EVENTS),
  },
};
