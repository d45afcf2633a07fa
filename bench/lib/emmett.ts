/**
 * Emmett 0.42, loaded from its own folder (bench/peers/emmett, its own lockfile, installed there
 * with `npm ci` the first time), and the store suites' workloads written against its API: the
 * peer side of `npm run bench -- peers` (bench/peers.ts) and `npm run bench -- table`
 * (bench/table.ts). Memory, SQLite (`@event-driven-io/emmett-sqlite` on the `sqlite3` driver) and
 * PostgreSQL (`@event-driven-io/emmett-postgresql` with pongo/dumbo on `pg`).
 *
 * SQLite: Emmett 0.42.4's own connection (`sqliteConnection`) starts every connection with
 * `db.run('PRAGMA journal_mode = WAL')` and does not wait for it. `sqlite3`'s `run` steps a
 * statement once and finalizes it later; `PRAGMA journal_mode` returns a row, so the statement
 * stays active (it counts as a writer) until that finalize, and `sqlite3` runs a connection's
 * statements in parallel by default. Its pool opens a connection per operation, so every append
 * races its own `COMMIT` against that pragma: when the commit wins, SQLite refuses it with
 * "SQLITE_BUSY: cannot commit transaction - SQL statements in progress" (reproduced alone, without
 * Praxis or the harness: about one append in 50–1,000 on this machine). We therefore hand
 * Emmett a pool (its documented `pool` option) of connections that are Emmett's own, statement
 * for statement, except that the pragmas are awaited: a connection per operation as Emmett's
 * pool does, WAL, the run's `synchronous` and a 5 s busy timeout like the raw baseline.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchMetadata, evolveBalance, initialBalance, paymentData, type Balance } from './fixtures.js';
import { rawAppends, streamOf } from './workloads.js';

const peerDir = fileURLToPath(new URL('../peers/emmett/', import.meta.url));

/** What the suite uses of Emmett, typed loosely: it is loaded from its own folder at run time. */
export interface EmmettEvent {
  readonly type: string;
  readonly data: unknown;
  readonly metadata?: unknown;
}
export interface EmmettStore {
  appendToStream(
    streamName: string,
    events: EmmettEvent[],
    options?: { expectedStreamVersion?: bigint | string },
  ): Promise<{ nextExpectedStreamVersion: bigint }>;
  aggregateStream<S>(
    streamName: string,
    options: { evolve: (s: S, e: EmmettEvent) => S; initialState: () => S },
  ): Promise<{ state: S; currentStreamVersion: bigint; streamExists: boolean }>;
  close?: () => Promise<void> | void;
}
export interface Emmett {
  readonly core: {
    getInMemoryEventStore(): EmmettStore;
    STREAM_DOES_NOT_EXIST: string;
  };
  readonly sqlite: { getSQLiteEventStore(options: { fileName: string; pool?: unknown }): EmmettStore };
  readonly postgresql: { getPostgreSQLEventStore(connectionString: string): EmmettStore };
  readonly sqlite3: Sqlite3;
}

/** The part of the `sqlite3` driver Emmett's connection uses. */
interface Sqlite3Db {
  run(sql: string, params: unknown[], cb: (this: unknown, err: Error | null) => void): void;
  all(sql: string, params: unknown[], cb: (err: Error | null, rows: unknown[]) => void): void;
  get(sql: string, params: unknown[], cb: (err: Error | null, row: unknown) => void): void;
  exec(sql: string, cb: (err: Error | null) => void): void;
  configure(option: 'busyTimeout', value: number): void;
  close(cb?: (err: Error | null) => void): void;
}
interface Sqlite3 {
  Database: new (file: string, cb: (err: Error | null) => void) => Sqlite3Db;
}

let loaded: Promise<Emmett> | undefined;
/** Installs Emmett into its folder the first time (its own lockfile), then imports it. */
export const loadEmmett = (log: (line: string) => void): Promise<Emmett> =>
  (loaded ??= (async () => {
    if (!existsSync(join(peerDir, 'node_modules', '@event-driven-io', 'emmett-postgresql'))) {
      log('installing Emmett into bench/peers/emmett (first run only)…');
      const headers = '/usr/include/node/node.h';
      execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--workspaces=false'], {
        cwd: peerDir,
        stdio: 'inherit',
        env: {
          ...process.env,
          ...(existsSync(headers) && process.env.npm_config_nodedir === undefined
            ? { npm_config_nodedir: '/usr' }
            : {}),
        },
      });
    }
    const require = createRequire(join(peerDir, 'package.json'));
    const load = async (name: string) =>
      (await import(pathToFileURL(require.resolve(name)).href)) as Record<string, unknown>;
    return {
      core: (await load('@event-driven-io/emmett')) as unknown as Emmett['core'],
      sqlite: (await load('@event-driven-io/emmett-sqlite')) as unknown as Emmett['sqlite'],
      postgresql: (await load('@event-driven-io/emmett-postgresql')) as unknown as Emmett['postgresql'],
      sqlite3: ((await load('sqlite3')) as { default: Sqlite3 }).default,
    };
  })());

/** The n-th payment as Emmett takes it (the same data and metadata as Praxis's). */
const emmettEvent = (data: unknown): EmmettEvent => ({
  type: 'PaymentReceived',
  data,
  metadata: benchMetadata,
});

/**
 * The append workload through Emmett: Praxis revisions count from 0, Emmett's stream versions
 * count events (the version after the first event is 1), so the expected version is the last
 * revision + 1, or STREAM_DOES_NOT_EXIST for a new stream.
 */
export const emmettAppends = (
  e: Emmett,
  store: EmmettStore,
  perSlice: number,
  batch: number,
  streams: number,
  writers = 1,
) =>
  rawAppends(
    async (streamId, last, datas) => {
      const r = await store.appendToStream(streamId, datas.map(emmettEvent), {
        expectedStreamVersion: last < 0 ? e.core.STREAM_DOES_NOT_EXIST : BigInt(last + 1),
      });
      return Number(r.nextExpectedStreamVersion) - 1;
    },
    perSlice,
    batch,
    streams,
    writers,
  );

/** S5 through Emmett: aggregate the stream, decide, append with the version it read. */
export const emmettCommands = (store: EmmettStore, perSlice: number, streams: number) => {
  const evolve = (s: Balance, ev: EmmettEvent) => evolveBalance(s, ev);
  return async (slice: number): Promise<number> => {
    for (let i = slice * perSlice; i < (slice + 1) * perSlice; i++) {
      const streamId = streamOf(i % streams);
      const { state, currentStreamVersion } = await store.aggregateStream(streamId, {
        evolve,
        initialState: () => initialBalance,
      });
      if (state.payments >= 1_000) throw new Error('an account holds at most 1 000 payments');
      await store.appendToStream(streamId, [emmettEvent(paymentData(i))], {
        expectedStreamVersion: currentStreamVersion,
      });
    }
    return perSlice;
  };
};

/** S3 through Emmett: aggregate one stream with the same fold. */
export const emmettFold = async (store: EmmettStore, streamId: string): Promise<Balance> =>
  (
    await store.aggregateStream(streamId, {
      evolve: (s: Balance, ev: EmmettEvent) => evolveBalance(s, ev),
      initialState: () => initialBalance,
    })
  ).state;

/** The work of one scenario on an Emmett store: S1, S2 and S5 append; S3 seeds once, then reads. */
export type PeerWork = 's1' | 's2' | 's3' | 's5';
export const S3_EVENTS = 10_000;
export const emmettWork = async (
  e: Emmett,
  store: EmmettStore,
  work: PeerWork,
): Promise<(slice: number) => Promise<number>> => {
  switch (work) {
    case 's1':
      return emmettAppends(e, store, 100, 1, 1_000);
    case 's2':
      return emmettAppends(e, store, 500, 100, 50);
    case 's3':
      await emmettAppends(e, store, S3_EVENTS, 1_000, 1)(0);
      return async () => (await emmettFold(store, streamOf(0))).payments;
    case 's5':
      return emmettCommands(store, 50, 500);
  }
};

const settle =
  <T>(resolve: (v: T) => void, reject: (e: Error) => void) =>
  (err: Error | null, v: T) =>
    err === null ? resolve(v) : reject(err);

/**
 * Emmett 0.42.4's `sqliteConnection`, statement for statement, with its pragmas awaited (see the
 * top of this file) and the run's `synchronous`.
 */
const emmettSqliteConnection = async (sqlite3: Sqlite3, fileName: string, synchronous: string) => {
  const db = await new Promise<Sqlite3Db>((resolve, reject) => {
    const d = new sqlite3.Database(fileName, (err) => (err === null ? resolve(d) : reject(err)));
  });
  db.configure('busyTimeout', 5_000);
  await new Promise<void>((resolve, reject) =>
    db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = ${synchronous};`, (err) =>
      err === null ? resolve() : reject(err),
    ),
  );
  const command = (sql: string, params?: unknown[]) =>
    new Promise<unknown>((resolve, reject) =>
      db.run(sql, params ?? [], function (err) {
        if (err === null) resolve(this);
        else reject(err);
      }),
    );
  const run = (sql: string) =>
    new Promise<void>((resolve, reject) => db.run(sql, [], (err) => settle(resolve, reject)(err, undefined)));
  let nesting = 0;
  return {
    close: () => db.close(),
    command,
    batchCommand: async (sqls: string[]) => {
      for (const sql of sqls) await run(sql);
    },
    query: (sql: string, params?: unknown[]) =>
      new Promise<unknown[]>((resolve, reject) => db.all(sql, params ?? [], settle(resolve, reject))),
    querySingle: (sql: string, params?: unknown[]) =>
      new Promise<unknown>((resolve, reject) => db.get(sql, params ?? [], settle(resolve, reject))),
    withTransaction: async <T>(fn: () => Promise<T>): Promise<T> => {
      try {
        if (nesting++ === 0) await run('BEGIN IMMEDIATE TRANSACTION');
        const result = await fn();
        if (nesting === 1) await run('COMMIT');
        nesting--;
        return result;
      } catch (err) {
        // Emmett rolls back here and lets a failed ROLLBACK hide the error; we keep the cause.
        if (--nesting === 0) await run('ROLLBACK').catch(() => undefined);
        throw err;
      }
    },
  };
};

/**
 * Emmett's SQLite store on `fileName`, through its `pool` option (a connection per operation),
 * its schema created before the timed work (as its first operation would).
 */
export const emmettSqliteStore = async (
  e: Emmett,
  fileName: string,
  synchronous: string,
): Promise<EmmettStore> => {
  const open = () => emmettSqliteConnection(e.sqlite3, fileName, synchronous);
  const pool = {
    connection: open,
    withConnection: async <R>(handle: (c: Awaited<ReturnType<typeof open>>) => Promise<R>): Promise<R> => {
      const c = await open();
      try {
        return await handle(c);
      } finally {
        c.close();
      }
    },
    close: async () => undefined,
  };
  const store = e.sqlite.getSQLiteEventStore({ fileName, pool }) as EmmettStore & {
    schema: { migrate(): Promise<void> };
  };
  await store.schema.migrate();
  return store;
};

/** S4 through Emmett: its EventStore has no read of the whole log, so every stream is aggregated. */
export const emmettFoldStreams = async (store: EmmettStore, streams: number): Promise<number> => {
  let payments = 0;
  for (let i = 0; i < streams; i++) payments += (await emmettFold(store, streamOf(i))).payments;
  return payments;
};
