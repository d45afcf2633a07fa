/**
 * S1–S5: the SQLite store against raw better-sqlite3 doing the same work, in the same run, with
 * the same synchronous setting (issue 2 §6). `--rss` adds the peak memory of a 1M-event readAll.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fixedClock, makeCommandHandler } from '@praxis/core';
import { sqliteEventStore, type SqliteEventStore } from '@praxis/store-sqlite';
import type Database from 'better-sqlite3';
import {
  benchMetadata,
  evolveBalance,
  initialBalance,
  paymentData,
  paymentDecider,
  paymentEvent,
  paymentEvents,
} from './lib/fixtures.js';
import type { BenchContext, BenchSuite, Runner, Side } from './lib/harness.js';
import { openRaw, rawAppender, rawFoldStream, rawScan } from './lib/raw-sqlite.js';
import { measureReadAllRss } from './lib/sqlite-rss.js';

const STORE = 'praxis store';
const RAW = 'raw better-sqlite3';

const openStore = (ctx: BenchContext, file: string): SqliteEventStore =>
  sqliteEventStore({ path: join(ctx.dir, file), synchronous: ctx.synchronous, registry: paymentEvents });

const streamOf = (i: number) => `PaymentAccount-${i}`;

/**
 * Appends through the store: slice `s` appends events s·perSlice … in batches of `batch`,
 * the i-th batch going to stream i mod `streams`, each with its exact expected revision.
 */
const storeAppends = (store: SqliteEventStore, perSlice: number, batch: number, streams: number) => {
  const revisions = new Map<string, bigint>();
  return async (slice: number): Promise<number> => {
    for (let n = slice * perSlice; n < (slice + 1) * perSlice; n += batch) {
      const streamId = streamOf((n / batch) % streams);
      const events = Array.from({ length: batch }, (_, k) => paymentEvent(n + k));
      const r = await store.appendToStream(streamId, events, {
        expectedRevision: revisions.get(streamId) ?? 'no_stream',
      });
      revisions.set(streamId, r.nextExpectedRevision as bigint);
    }
    return perSlice;
  };
};

/** The same appends written by hand (see lib/raw-sqlite.ts). */
const rawAppends = (db: Database.Database, perSlice: number, batch: number, streams: number) => {
  const append = rawAppender(db);
  const revisions = new Map<string, number>();
  return async (slice: number): Promise<number> => {
    for (let n = slice * perSlice; n < (slice + 1) * perSlice; n += batch) {
      const streamId = streamOf((n / batch) % streams);
      const datas = Array.from({ length: batch }, (_, k) => paymentData(n + k));
      revisions.set(streamId, append(streamId, revisions.get(streamId) ?? -1, datas));
    }
    return perSlice;
  };
};

const storeSide = (
  file: (ctx: BenchContext) => string,
  work: (store: SqliteEventStore, ctx: BenchContext) => Promise<(slice: number) => Promise<number>>,
): Side => ({
  label: STORE,
  open: async (ctx) => {
    const store = openStore(ctx, file(ctx));
    const run = await work(store, ctx);
    return { run, close: () => store.close() } satisfies Runner;
  },
});

const rawSide = (
  file: (ctx: BenchContext) => string,
  work: (db: Database.Database, ctx: BenchContext) => Promise<(slice: number) => Promise<number>>,
): Side => ({
  label: RAW,
  open: async (ctx) => {
    const db = openRaw(join(ctx.dir, file(ctx)), ctx.synchronous);
    const run = await work(db, ctx);
    return { run, close: async () => void db.close() } satisfies Runner;
  },
});

/** Seeds a file once per run (the reading scenarios reuse it in every round). */
const seedOnce = async (ctx: BenchContext, file: string, seed: () => Promise<unknown>) => {
  if (ctx.round === 1 || !existsSync(join(ctx.dir, file))) await seed();
};

const S3_EVENTS = 10_000;
const S4_EVENTS = 100_000;
const fresh = (name: string) => (ctx: BenchContext) => `${name}-${ctx.round}.db`;

export const suite: BenchSuite = {
  name: 'sqlite',
  description: '@praxis/store-sqlite vs raw better-sqlite3 on the same disk and synchronous setting',
  scenarios: [
    {
      id: 'S1',
      title: '10,000 single-event appends, expected revision, 1,000 streams',
      unit: 'events',
      // Fine slices: fsync latency on a shared disk swings within seconds; both sides share it.
      slices: 100,
      target: 0.7,
      subject: storeSide(fresh('s1-store'), async (s) => storeAppends(s, 100, 1, 1_000)),
      baseline: rawSide(fresh('s1-raw'), async (db) => rawAppends(db, 100, 1, 1_000)),
    },
    {
      id: 'S2',
      title: '20,000 events in 100-event batches, 50 streams',
      unit: 'events',
      slices: 40,
      subject: storeSide(fresh('s2-store'), async (s) => storeAppends(s, 500, 100, 50)),
      baseline: rawSide(fresh('s2-raw'), async (db) => rawAppends(db, 500, 100, 50)),
    },
    {
      id: 'S3',
      title: `read + fold one ${S3_EVENTS.toLocaleString('en-US')}-event stream (10 reads)`,
      unit: 'events',
      slices: 10,
      target: 0.5,
      subject: storeSide(
        () => 's3-store.db',
        async (store, ctx) => {
          await seedOnce(ctx, 's3-store.db', async () => {
            const append = storeAppends(store, S3_EVENTS, 1_000, 1);
            await append(0);
          });
          return async () => {
            let state = initialBalance;
            for await (const e of store.readStream(streamOf(0))) state = evolveBalance(state, e);
            return state.payments;
          };
        },
      ),
      baseline: rawSide(
        () => 's3-raw.db',
        async (db, ctx) => {
          await seedOnce(ctx, 's3-raw.db', () => rawAppends(db, S3_EVENTS, 1_000, 1)(0));
          const fold = rawFoldStream(db);
          return async () => fold(streamOf(0)).balance.payments;
        },
      ),
    },
    {
      id: 'S4',
      title: `readAll of ${S4_EVENTS.toLocaleString('en-US')} events (4 scans)`,
      unit: 'events',
      slices: 4,
      target: 0.6,
      subject: storeSide(
        () => 's4-store.db',
        async (store, ctx) => {
          await seedOnce(ctx, 's4-store.db', () => storeAppends(store, S4_EVENTS, 500, 1_000)(0));
          return async () => {
            let state = initialBalance;
            for await (const e of store.readAll()) state = evolveBalance(state, e);
            return state.payments;
          };
        },
      ),
      baseline: rawSide(
        () => 's4-raw.db',
        async (db, ctx) => {
          await seedOnce(ctx, 's4-raw.db', () => rawAppends(db, S4_EVENTS, 500, 1_000)(0));
          const scan = rawScan(db);
          return async () => scan().count;
        },
      ),
    },
    {
      id: 'S5',
      title: '5,000 commands through the CommandHandler, 500 streams',
      unit: 'commands',
      slices: 100,
      target: 0.7,
      subject: storeSide(fresh('s5-store'), async (store) => {
        const clock = fixedClock('2026-03-02T09:30:00', 'Europe/Berlin');
        const handler = makeCommandHandler({ store, decider: paymentDecider, clock });
        return async (slice) => {
          for (let i = slice * 50; i < (slice + 1) * 50; i++) {
            const r = await handler.handle({
              streamId: streamOf(i % 500),
              command: { type: 'ReceivePayment', n: i },
              actor: benchMetadata.actor,
              at: benchMetadata.occurredAt,
            });
            if (r._tag === 'Left') throw new Error(r.left.message);
          }
          return 50;
        };
      }),
      // The baseline for S5: per command, select the stream's last revision and insert.
      baseline: rawSide(fresh('s5-raw'), async (db) => rawAppends(db, 50, 1, 500)),
    },
  ],
  extras: {
    rss: (ctx) => measureReadAllRss(ctx),
  },
};
