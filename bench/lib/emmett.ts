/**
 * Emmett 0.42, loaded from its own folder (bench/peers/emmett, its own lockfile, installed there
 * with `npm ci` the first time), and the store suites' workloads written against its API: the
 * peer side of `npm run bench -- peers` (bench/peers.ts). Used in the main thread (memory) and
 * in a worker thread (SQLite, see emmett-worker.ts).
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
  readonly sqlite: { getSQLiteEventStore(options: { fileName: string }): EmmettStore };
}

let loaded: Promise<Emmett> | undefined;
/** Installs Emmett into its folder the first time (its own lockfile), then imports it. */
export const loadEmmett = (log: (line: string) => void): Promise<Emmett> =>
  (loaded ??= (async () => {
    if (!existsSync(join(peerDir, 'node_modules', '@event-driven-io', 'emmett-sqlite'))) {
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
