/**
 * P-M1…P-Q5: Praxis beside Emmett (the best-known TypeScript event-sourcing library), same
 * process, same events (~200 B `PaymentReceived`), same expected-revision discipline, same fold
 * (issue 18). Ratios above 1: Praxis faster. Each scenario's id names the store and the S-number
 * of the store suites (`npm run bench -- sqlite` gives Praxis ÷ raw for the same work):
 * `PM1` memory S1, `PL1` SQLite S1, and so on.
 *
 * Emmett is not a workspace dependency: it lives in `bench/peers/emmett` with its own lockfile
 * and is installed there (`npm ci`) the first time this suite runs, so `npm ci` at the root and
 * CI never fetch it. Its SQLite store uses the `sqlite3` driver, built from source when no
 * prebuilt binary fits; on a machine without internet access to nodejs.org, node-gyp needs the
 * local headers (`npm_config_nodedir`, set here when /usr/include/node exists).
 *
 * This suite covers the memory store only; `npm run bench -- table` (bench/table.ts) runs the
 * same comparison on memory, SQLite and PostgreSQL with the raw drivers beside it, and
 * bench/lib/emmett.ts explains how Emmett's SQLite store is driven (its own connection raced its
 * WAL pragma against COMMIT: SQLITE_BUSY).
 */
import { join } from 'node:path';
import { memoryEventStore } from '@praxis/store-memory';
import { sqliteEventStore } from '@praxis/store-sqlite';
import type { EventStore } from '@praxis/core';
import { foldBalance, paymentEvents } from './lib/fixtures.js';
import type { BenchContext, BenchSuite, Runner, Scenario, Side } from './lib/harness.js';
import { receivePayments, storeAppends, streamOf } from './lib/workloads.js';
import { S3_EVENTS, emmettWork, loadEmmett, type PeerWork } from './lib/emmett.js';

const PRAXIS = 'praxis';
const EMMETT = 'emmett 0.42';

type Kind = 'memory' | 'sqlite';

const praxisStore = (kind: Kind, ctx: BenchContext, file: string): EventStore & { close(): Promise<void> } =>
  kind === 'memory'
    ? memoryEventStore({ registry: paymentEvents })
    : sqliteEventStore({ path: join(ctx.dir, file), synchronous: ctx.synchronous, registry: paymentEvents });

const praxisSide = (
  kind: Kind,
  file: (ctx: BenchContext) => string,
  work: (store: EventStore, ctx: BenchContext) => Promise<(slice: number) => Promise<number>>,
): Side => ({
  label: PRAXIS,
  open: async (ctx) => {
    const store = praxisStore(kind, ctx, file(ctx));
    const run = await work(store, ctx);
    return { run, close: () => store.close() } satisfies Runner;
  },
});

/** Emmett's side: its in-memory store. */
const emmettSide = (work: PeerWork): Side => ({
  label: EMMETT,
  open: async (ctx) => {
    const e = await loadEmmett(ctx.log);
    const run = await emmettWork(e, e.core.getInMemoryEventStore(), work);
    return { run, close: async () => undefined } satisfies Runner;
  },
});

const perRound = (name: string) => (ctx: BenchContext) => `${name}-${ctx.round}.db`;

/** S1, S2, S3 and S5 of the store suites on one kind of store, Praxis against Emmett. */
const scenariosOf = (kind: Kind, letter: string): Scenario[] => [
  {
    id: `P${letter}1`,
    title: `${kind}: 10,000 single-event appends, expected revision, 1,000 streams`,
    unit: 'events',
    slices: 100,
    target: 1,
    subject: praxisSide(kind, perRound(`${kind}-s1-praxis`), async (s) => storeAppends(s, 100, 1, 1_000)),
    baseline: emmettSide('s1'),
  },
  {
    id: `P${letter}2`,
    title: `${kind}: 20,000 events in 100-event batches, 50 streams`,
    unit: 'events',
    slices: 40,
    target: 1,
    subject: praxisSide(kind, perRound(`${kind}-s2-praxis`), async (s) => storeAppends(s, 500, 100, 50)),
    baseline: emmettSide('s2'),
  },
  {
    id: `P${letter}3`,
    title: `${kind}: read + fold one ${S3_EVENTS.toLocaleString('en-US')}-event stream (10 reads)`,
    unit: 'events',
    slices: 10,
    target: 1,
    subject: praxisSide(kind, perRound(`${kind}-s3-praxis`), async (store) => {
      await storeAppends(store, S3_EVENTS, 1_000, 1)(0);
      return async () => (await foldBalance(store.readStream(streamOf(0)))).payments;
    }),
    baseline: emmettSide('s3'),
  },
  {
    id: `P${letter}5`,
    title: `${kind}: 5,000 load-decide-append commands, 500 streams`,
    unit: 'commands',
    slices: 100,
    target: 1,
    subject: praxisSide(kind, perRound(`${kind}-s5-praxis`), async (store) =>
      receivePayments(store, 50, 500),
    ),
    baseline: emmettSide('s5'),
  },
];

export const suite: BenchSuite = {
  name: 'peers',
  description:
    'Praxis beside Emmett 0.42 (installed apart, in bench/peers/emmett, on first run): memory store, S1–S3 and S5',
  scenarios: scenariosOf('memory', 'M'),
};
