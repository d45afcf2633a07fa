/**
 * S1–S5: the SQLite store against raw better-sqlite3 doing the same work, in the same run, with
 * the same synchronous setting (issue 2 §6). `--rss` adds the peak memory of a 1M-event readAll.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sqliteEventStore, type SqliteEventStore } from '@praxis/store-sqlite';
import type Database from 'better-sqlite3';
import { foldBalance, paymentEvents } from './lib/fixtures.js';
import type { BenchContext, BenchSuite, Runner, Side } from './lib/harness.js';
import { openRaw, rawAppender, rawFoldStream, rawScan } from './lib/raw-sqlite.js';
import { measureReadAllRss } from './lib/sqlite-rss.js';
import { rawAppends, receivePayments, storeAppends, streamOf } from './lib/workloads.js';

const STORE = 'praxis store';
const RAW = 'raw better-sqlite3';

const openStore = (ctx: BenchContext, file: string): SqliteEventStore =>
  sqliteEventStore({ path: join(ctx.dir, file), synchronous: ctx.synchronous, registry: paymentEvents });

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
      baseline: rawSide(fresh('s1-raw'), async (db) => rawAppends(rawAppender(db), 100, 1, 1_000)),
    },
    {
      id: 'S1c',
      title: '8,000 single-event appends, 16 concurrent writers (group commit) vs raw single writer',
      unit: 'events',
      slices: 50,
      // Issue 18: concurrent appends coalesce into one commit, so 16 writers pass one raw writer.
      target: 1,
      subject: storeSide(fresh('s1c-store'), async (s) => storeAppends(s, 160, 1, 64, 16)),
      baseline: rawSide(fresh('s1c-raw'), async (db) => rawAppends(rawAppender(db), 160, 1, 1_000)),
    },
    {
      id: 'S2',
      title: '20,000 events in 100-event batches, 50 streams',
      unit: 'events',
      slices: 40,
      subject: storeSide(fresh('s2-store'), async (s) => storeAppends(s, 500, 100, 50)),
      baseline: rawSide(fresh('s2-raw'), async (db) => rawAppends(rawAppender(db), 500, 100, 50)),
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
          return async () => (await foldBalance(store.readStream(streamOf(0)))).payments;
        },
      ),
      baseline: rawSide(
        () => 's3-raw.db',
        async (db, ctx) => {
          await seedOnce(ctx, 's3-raw.db', () => rawAppends(rawAppender(db), S3_EVENTS, 1_000, 1)(0));
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
          return async () => (await foldBalance(store.readAll())).payments;
        },
      ),
      baseline: rawSide(
        () => 's4-raw.db',
        async (db, ctx) => {
          await seedOnce(ctx, 's4-raw.db', () => rawAppends(rawAppender(db), S4_EVENTS, 500, 1_000)(0));
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
      subject: storeSide(fresh('s5-store'), async (store) => receivePayments(store, 50, 500)),
      // The baseline for S5: per command, select the stream's last revision and insert.
      baseline: rawSide(fresh('s5-raw'), async (db) => rawAppends(rawAppender(db), 50, 1, 500)),
    },
  ],
  extras: {
    rss: (ctx) => measureReadAllRss(ctx),
  },
};
