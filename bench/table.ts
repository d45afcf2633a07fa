/**
 * `npm run bench -- table`: issue 18's table. For each store (memory, SQLite, PostgreSQL) and
 * each scenario S1–S5 plus S1 with 16 concurrent writers, Praxis, the raw driver (plain JS,
 * better-sqlite3, pg) and Emmett 0.42 (the best-known TypeScript event-sourcing library) do the
 * same work in the same process, their slices interleaved in every round, and the table gives
 * both ratios — Praxis ÷ raw and Praxis ÷ Emmett — with the round-by-round figures and the
 * issue's targets marked met / MISSED. Same events (~200 B `PaymentReceived`), same
 * expected-revision discipline, same fold everywhere (bench/lib/fixtures.ts, workloads.ts).
 *
 * Emmett is installed apart (bench/peers/emmett, its own lockfile, on first run) and driven as
 * bench/lib/emmett.ts explains (its SQLite store through its `pool` option, because of a race in
 * its own connection). Its EventStore has no read of the whole log, so S4 aggregates every
 * stream of the seeded log through its public `aggregateStream`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { EventStore } from '@praxis/core';
import { memoryEventStore } from '@praxis/store-memory';
import { postgresEventStore } from '@praxis/store-postgres';
import { sqliteEventStore } from '@praxis/store-sqlite';
import type Database from 'better-sqlite3';
import {
  emmettAppends,
  emmettCommands,
  emmettFold,
  emmettFoldStreams,
  emmettSqliteStore,
  loadEmmett,
  type Emmett,
  type EmmettStore,
} from './lib/emmett.js';
import { evolveBalance, foldBalance, initialBalance, paymentData, paymentEvents } from './lib/fixtures.js';
import type { BenchContext, BenchSuite, Runner, Scenario, Side } from './lib/harness.js';
import { RawMemoryLog } from './lib/raw-memory.js';
import {
  nameOf,
  poolConfig,
  rawAppend,
  rawPgCommands,
  rawPgFold,
  rawPgScan,
  rawTable,
  serverUrl,
} from './lib/raw-pg.js';
import { openRaw, rawAppender, rawFoldStream, rawScan } from './lib/raw-sqlite.js';
import { rawAppends, receivePayments, storeAppends, streamOf } from './lib/workloads.js';

type Store = 'memory' | 'sqlite' | 'postgres';
type Work = 'S1' | 'S1c' | 'S2' | 'S3' | 'S4' | 'S5';

/** The size of each scenario per store (Emmett's SQLite store opens a connection per operation). */
interface Size {
  readonly slices: number;
  readonly perSlice: number;
  readonly batch: number;
  /** Streams (per writer for S1c). */
  readonly streams: number;
  readonly writers: number;
}
const S3_EVENTS = 10_000;
const S4_EVENTS = 100_000;
const S4_BATCH = 500;
/** S4's seed writes batch i to stream i mod 1,000: 200 streams of 500 events. */
const S4_STREAMS = S4_EVENTS / S4_BATCH;

const sizes: Record<Store, Record<Work, Size>> = {
  memory: {
    S1: { slices: 20, perSlice: 500, batch: 1, streams: 1_000, writers: 1 },
    S1c: { slices: 10, perSlice: 800, batch: 1, streams: 10, writers: 16 },
    S2: { slices: 20, perSlice: 1_000, batch: 100, streams: 50, writers: 1 },
    S3: { slices: 10, perSlice: S3_EVENTS, batch: 1_000, streams: 1, writers: 1 },
    S4: { slices: 4, perSlice: S4_EVENTS, batch: S4_BATCH, streams: 1_000, writers: 1 },
    S5: { slices: 20, perSlice: 250, batch: 1, streams: 500, writers: 1 },
  },
  sqlite: {
    S1: { slices: 20, perSlice: 100, batch: 1, streams: 1_000, writers: 1 },
    S1c: { slices: 10, perSlice: 160, batch: 1, streams: 10, writers: 16 },
    S2: { slices: 20, perSlice: 500, batch: 100, streams: 50, writers: 1 },
    S3: { slices: 10, perSlice: S3_EVENTS, batch: 1_000, streams: 1, writers: 1 },
    S4: { slices: 4, perSlice: S4_EVENTS, batch: S4_BATCH, streams: 1_000, writers: 1 },
    S5: { slices: 20, perSlice: 50, batch: 1, streams: 500, writers: 1 },
  },
  postgres: {
    S1: { slices: 10, perSlice: 200, batch: 1, streams: 200, writers: 1 },
    S1c: { slices: 10, perSlice: 320, batch: 1, streams: 10, writers: 16 },
    S2: { slices: 10, perSlice: 2_000, batch: 100, streams: 50, writers: 1 },
    S3: { slices: 10, perSlice: S3_EVENTS, batch: 1_000, streams: 1, writers: 1 },
    S4: { slices: 3, perSlice: S4_EVENTS, batch: S4_BATCH, streams: 1_000, writers: 1 },
    S5: { slices: 10, perSlice: 200, batch: 1, streams: 200, writers: 1 },
  },
};

/** One way of doing every scenario's work: seeding (not timed) and the timed slice. */
interface Driver {
  /** Appends `n` events as the scenario's size says, slice by slice (also seeds S3/S4). */
  appends(size: Size): (slice: number) => Promise<number>;
  /** S3: read and fold one stream; returns the events folded. */
  foldStream(streamId: string): Promise<number>;
  /** S4: read and fold the whole log; returns the events folded. */
  foldAll(): Promise<number>;
  /** S5: `perSlice` load-fold-decide-append commands per slice. */
  commands(size: Size): (slice: number) => Promise<number>;
  /** Whether the log already holds the seed (files and schemas are reused across rounds). */
  seeded(): Promise<boolean>;
  close(): Promise<void>;
}

const praxisDriver = (store: EventStore & { close(): Promise<void> }): Driver => ({
  appends: (z) => storeAppends(store, z.perSlice, z.batch, z.streams, z.writers),
  foldStream: async (id) => (await foldBalance(store.readStream(id))).payments,
  foldAll: async () => (await foldBalance(store.readAll())).payments,
  commands: (z) => receivePayments(store, z.perSlice, z.streams),
  seeded: async () => (await store.headPosition()) !== undefined,
  close: () => store.close(),
});

/** A raw S5: per command, load and fold the stream, decide, append with the revision read. */
const rawCommands =
  (
    fold: (
      streamId: string,
    ) => Promise<{ payments: number; last: number }> | { payments: number; last: number },
    append: (streamId: string, last: number, datas: readonly unknown[]) => unknown,
  ) =>
  (z: Size) =>
  async (slice: number): Promise<number> => {
    for (let i = slice * z.perSlice; i < (slice + 1) * z.perSlice; i++) {
      const streamId = streamOf(i % z.streams);
      const { payments, last } = await fold(streamId);
      if (payments >= 1_000) throw new Error('an account holds at most 1 000 payments');
      await append(streamId, last, [paymentData(i)]);
    }
    return z.perSlice;
  };

const rawMemoryDriver = (): Driver => {
  const log = new RawMemoryLog();
  const append = (id: string, last: number, datas: readonly unknown[]) => log.append(id, last, datas);
  const fold = (id: string) => {
    const r = log.fold(id);
    return { payments: r.balance.payments, last: r.revision };
  };
  return {
    appends: (z) => rawAppends(append, z.perSlice, z.batch, z.streams, z.writers),
    foldStream: async (id) => log.fold(id).balance.payments,
    foldAll: async () => log.foldAll().count,
    commands: rawCommands(fold, append),
    seeded: async () => log.log.length > 0,
    close: async () => undefined,
  };
};

const rawSqliteDriver = (db: Database.Database): Driver => {
  const append = rawAppender(db);
  const foldStream = rawFoldStream(db);
  const scan = rawScan(db);
  const fold = (id: string) => {
    const r = foldStream(id);
    return { payments: r.balance.payments, last: r.revision };
  };
  return {
    appends: (z) => rawAppends(append, z.perSlice, z.batch, z.streams, z.writers),
    foldStream: async (id) => foldStream(id).balance.payments,
    foldAll: async () => scan().count,
    commands: rawCommands(fold, append),
    seeded: async () => (db.prepare('SELECT count(*) FROM raw_events').pluck().get() as number) > 0,
    close: async () => void db.close(),
  };
};

const rawPgDriver = async (ctx: BenchContext, name: string, connections: number): Promise<Driver> => {
  const pool = new pg.Pool({ connectionString: await serverUrl(), ...poolConfig(ctx, connections) });
  const schema = `raw_${name}`;
  await pool.query(rawTable(schema));
  const raw = { pool, table: `${schema}.raw_events` };
  const scan = rawPgScan(raw);
  return {
    appends: (z) => rawAppends(rawAppend(raw), z.perSlice, z.batch, z.streams, z.writers),
    foldStream: async (id) => (await rawPgFold(raw, id)).state.payments,
    foldAll: scan,
    commands: (z) => rawPgCommands(raw, z.perSlice, z.streams),
    seeded: async () => {
      const { rows } = await pool.query(`SELECT count(*)::int AS n FROM ${raw.table}`);
      return (rows[0] as { n: number }).n > 0;
    },
    close: () => pool.end(),
  };
};

const emmettDriver = (e: Emmett, store: EmmettStore, close: () => Promise<void>): Driver => {
  let seeded = false;
  return {
    appends: (z) => {
      seeded = true;
      return emmettAppends(e, store, z.perSlice, z.batch, z.streams, z.writers);
    },
    foldStream: async (id) => (await emmettFold(store, id)).payments,
    foldAll: () => emmettFoldStreams(store, S4_STREAMS),
    commands: (z) => emmettCommands(store, z.perSlice, z.streams),
    seeded: async () => seeded || (await store.aggregateStream(streamOf(0), foldOptions)).streamExists,
    close,
  };
};
const foldOptions = {
  evolve: (s: typeof initialBalance, ev: { data: unknown }) => evolveBalance(s, ev),
  initialState: () => initialBalance,
};

/** Emmett's PostgreSQL store on a database of its own (fresh per round for the writing scenarios). */
const emmettPgDatabase = async (name: string): Promise<string> => {
  const url = new URL(await serverUrl());
  const admin = new pg.Client({ connectionString: url.href });
  await admin.connect();
  try {
    const { rows } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rows.length === 0) await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  url.pathname = `/${name}`;
  return url.href;
};

/** Whether a scenario writes into a fresh log each round (S3 and S4 read a log seeded once). */
const writes = (w: Work) => w !== 'S3' && w !== 'S4';

const openDriver = async (store: Store, who: 'praxis' | 'raw' | 'emmett', w: Work, ctx: BenchContext) => {
  const tag = `${w.toLowerCase()}${writes(w) ? `-r${ctx.round}` : ''}`;
  const connections = sizes[store][w].writers > 1 ? 16 : 2;
  switch (store) {
    case 'memory':
      if (who === 'praxis') return praxisDriver(memoryEventStore({ registry: paymentEvents }));
      if (who === 'raw') return rawMemoryDriver();
      {
        const e = await loadEmmett(ctx.log);
        return emmettDriver(e, e.core.getInMemoryEventStore(), async () => undefined);
      }
    case 'sqlite': {
      const file = join(ctx.dir, `${who}-${tag}.db`);
      if (who === 'praxis')
        return praxisDriver(
          sqliteEventStore({ path: file, synchronous: ctx.synchronous, registry: paymentEvents }),
        );
      if (who === 'raw') return rawSqliteDriver(openRaw(file, ctx.synchronous));
      const e = await loadEmmett(ctx.log);
      const existed = existsSync(file);
      const driver = emmettDriver(
        e,
        await emmettSqliteStore(e, file, ctx.synchronous),
        async () => undefined,
      );
      return existed ? driver : { ...driver, seeded: async () => false };
    }
    case 'postgres': {
      const name = nameOf(ctx, `t_${w.toLowerCase()}`, writes(w));
      if (who === 'praxis')
        return praxisDriver(
          await postgresEventStore({
            connectionString: await serverUrl(),
            practice: name,
            registry: paymentEvents,
            poolConfig: poolConfig(ctx, connections),
          }),
        );
      if (who === 'raw') return rawPgDriver(ctx, name, connections);
      const e = await loadEmmett(ctx.log);
      const store = e.postgresql.getPostgreSQLEventStore(await emmettPgDatabase(`emmett_${name}`));
      return emmettDriver(e, store, async () => void (await store.close?.()));
    }
  }
};

const LABEL = { praxis: 'praxis', raw: 'raw', emmett: 'emmett 0.42' } as const;

/** A side of scenario `w` on `store`: opens its driver, seeds what the scenario reads, times the work. */
const side = (store: Store, who: 'praxis' | 'raw' | 'emmett', w: Work): Side => ({
  label: LABEL[who],
  open: async (ctx): Promise<Runner> => {
    const d = await openDriver(store, who, w, ctx);
    const z = sizes[store][w];
    let run: (slice: number) => Promise<number>;
    switch (w) {
      case 'S3':
        if (!(await d.seeded())) await d.appends({ ...z, perSlice: S3_EVENTS, slices: 1 })(0);
        run = () => d.foldStream(streamOf(0));
        break;
      case 'S4':
        if (!(await d.seeded())) await d.appends({ ...z, perSlice: S4_EVENTS, slices: 1 })(0);
        run = () => d.foldAll();
        break;
      case 'S5':
        run = d.commands(z);
        break;
      default:
        run = d.appends(z);
    }
    return { run, close: () => d.close() };
  },
});

const titles: Record<Work, (z: Size) => string> = {
  S1: (z) => `${(z.slices * z.perSlice).toLocaleString('en-US')} single-event appends`,
  S1c: (z) => `${(z.slices * z.perSlice).toLocaleString('en-US')} single-event appends, 16 writers`,
  S2: (z) => `${(z.slices * z.perSlice).toLocaleString('en-US')} events in 100-event batches`,
  S3: () => `read + fold one ${S3_EVENTS.toLocaleString('en-US')}-event stream`,
  S4: () => `read + fold all ${S4_EVENTS.toLocaleString('en-US')} events`,
  S5: (z) => `${(z.slices * z.perSlice).toLocaleString('en-US')} load-decide-append commands`,
};

/** The issue's targets against raw: writes ≥ 0.7×, reads ≥ 0.5× (SQLite and PostgreSQL); 16 SQLite writers ≥ 1.0×. */
const rawTarget = (store: Store, w: Work): number | undefined => {
  if (store === 'memory') return undefined;
  if (w === 'S1c') return store === 'sqlite' ? 1.0 : 0.7;
  return w === 'S3' || w === 'S4' ? 0.5 : 0.7;
};

const STORES: readonly [Store, string][] = [
  ['memory', 'M'],
  ['sqlite', 'L'],
  ['postgres', 'Q'],
];
const WORKS: readonly Work[] = ['S1', 'S1c', 'S2', 'S3', 'S4', 'S5'];

const scenarios: Scenario[] = STORES.flatMap(([store, letter]) =>
  WORKS.map((w): Scenario => {
    const z = sizes[store][w];
    const target = rawTarget(store, w);
    return {
      id: `T${letter}${w.slice(1)}`,
      title: `${store} ${w}: ${titles[w](z)}`,
      unit: w === 'S5' ? 'commands' : 'events',
      slices: z.slices,
      ...(target === undefined ? {} : { target }),
      subject: side(store, 'praxis', w),
      baseline: side(store, 'raw', w),
      peers: [side(store, 'emmett', w)],
      peerTargets: [1.0],
    };
  }),
);

export const suite: BenchSuite = {
  name: 'table',
  description:
    "issue 18's table: Praxis ÷ raw (plain JS / better-sqlite3 / pg) and Praxis ÷ Emmett 0.42, memory, SQLite and PostgreSQL, S1–S5 and S1 with 16 writers, interleaved per round",
  scenarios,
  runByDefault: false,
  ratioHeads: ['Praxis ÷ raw', 'Praxis ÷ Emmett'],
  notes: [
    'Ids: T + store (M memory, L SQLite, Q PostgreSQL) + scenario (1, 1c = 16 concurrent writers, 2, 3, 4, 5). Above 1: Praxis faster.',
    'raw: plain JS arrays and maps (memory), better-sqlite3 (SQLite, synchronous: its 16 "writers" run one after another), pg (PostgreSQL).',
    "S4 for Emmett: its EventStore has no whole-log read; it aggregates each of the log's 200 streams (aggregateStream).",
    'Emmett SQLite: its own statements through its `pool` option, a connection per operation as its pool does, pragmas awaited (bench/lib/emmett.ts).',
  ],
};
