/**
 * The PostgreSQL side of the store benches: one server for the whole run (embedded PostgreSQL 17,
 * fsync on, or PRAXIS_PG_URL) and the raw `pg` baseline (bench/postgres.ts, bench/table.ts).
 */
import pg from 'pg';
import { newEventId } from '@praxis/core';
import {
  startTestPostgres,
  type TestPostgres,
} from '../../packages/store-postgres/src/testing/embedded-server.js';
import { benchMetadata, evolveBalance, initialBalance, paymentData } from './fixtures.js';
import type { BenchContext, Runner, Side } from './harness.js';
import { streamOf } from './workloads.js';

export const RAW_PG = 'raw pg';

// One server for the whole run, started on first use and stopped when the run is over.
let server: Promise<TestPostgres> | undefined;
export const serverUrl = async (): Promise<string> => {
  if (server === undefined) {
    server = startTestPostgres({ durable: true, unref: true });
    const started = await server;
    if (started.embedded) {
      process.once('beforeExit', () => void started.stop());
    }
  }
  return (await server).url;
};

export const poolConfig = (ctx: BenchContext, max: number): pg.PoolConfig => ({
  max,
  ...(ctx.synchronous === 'NORMAL' ? { options: '-c synchronous_commit=off' } : {}),
});

/** A practice (schema) name per scenario and round, so write scenarios start empty. */
export const nameOf = (ctx: BenchContext, scenario: string, fresh: boolean) =>
  `bench_${scenario}${fresh ? `_r${ctx.round}` : ''}`;

/**
 * The table a careful programmer would write by hand: an event log with a unique (stream,
 * revision) and unique event id, JSONB data — without Praxis's hash chain, codecs or global
 * order by transaction id.
 */
export const rawTable = (schema: string) => `
  CREATE SCHEMA IF NOT EXISTS ${schema};
  CREATE TABLE IF NOT EXISTS ${schema}.raw_events (
    position  bigserial PRIMARY KEY,
    event_id  uuid NOT NULL UNIQUE,
    stream_id text NOT NULL,
    revision  bigint NOT NULL,
    type      text NOT NULL,
    data      jsonb NOT NULL,
    metadata  jsonb NOT NULL,
    UNIQUE (stream_id, revision)
  )`;

export interface Raw {
  readonly pool: pg.Pool;
  readonly table: string;
}

export const rawSide = (
  scenario: string,
  fresh: boolean,
  connections: number,
  work: (raw: Raw, ctx: BenchContext) => Promise<(slice: number) => Promise<number>>,
): Side => ({
  label: RAW_PG,
  open: async (ctx) => {
    const pool = new pg.Pool({ connectionString: await serverUrl(), ...poolConfig(ctx, connections) });
    const schema = `raw_${nameOf(ctx, scenario, fresh)}`;
    await pool.query(rawTable(schema));
    const run = await work({ pool, table: `${schema}.raw_events` }, ctx);
    return { run, close: () => pool.end() } satisfies Runner;
  },
});

const rawMetadata = () => JSON.stringify({ ...benchMetadata, recordedAt: new Date().toISOString() });

/**
 * One raw append in one round trip: the events of a batch as one INSERT … SELECT FROM unnest,
 * at revisions the writer tracks itself (the unique (stream, revision) catches a conflict).
 */
export const rawAppend = (raw: Raw) => {
  const text =
    `INSERT INTO ${raw.table} (event_id, stream_id, revision, type, data, metadata) ` +
    `SELECT u.id, $1, $2::bigint + u.ord, 'PaymentReceived', u.data, $4::jsonb ` +
    `FROM unnest($3::uuid[], $5::jsonb[]) WITH ORDINALITY AS u(id, data, ord)`;
  return async (streamId: string, lastRevision: number, datas: readonly unknown[]): Promise<number> => {
    await raw.pool.query({
      name: 'raw-append',
      text,
      values: [
        streamId,
        lastRevision,
        datas.map(() => newEventId()),
        rawMetadata(),
        datas.map((d) => JSON.stringify(d)),
      ],
    });
    return lastRevision + datas.length;
  };
};

/** S3 / S4 baseline: a keyset scan in pages of 1 000 (pg parses the JSONB), folded. */
export const rawPgScan = (raw: Raw) => async (): Promise<number> => {
  let state = initialBalance;
  let after = '0';
  for (;;) {
    const { rows } = await raw.pool.query({
      name: 'raw-scan',
      text: `SELECT position, stream_id, revision, type, data, metadata FROM ${raw.table} WHERE position > $1 ORDER BY position LIMIT 1000`,
      values: [after],
    });
    for (const r of rows as { type: string; data: unknown }[]) state = evolveBalance(state, r);
    if (rows.length < 1000) return state.payments;
    after = (rows[rows.length - 1] as { position: string }).position;
  }
};

/** Select one stream's events in order and fold them: S3's read, S5's load. */
export const rawPgFold = async (raw: Raw, streamId: string) => {
  const { rows } = await raw.pool.query({
    name: 'raw-fold',
    text: `SELECT revision, type, data FROM ${raw.table} WHERE stream_id = $1 ORDER BY revision`,
    values: [streamId],
  });
  let state = initialBalance;
  for (const r of rows as { type: string; data: unknown }[]) state = evolveBalance(state, r);
  const last = rows.length === 0 ? -1 : Number((rows[rows.length - 1] as { revision: string }).revision);
  return { state, last };
};

/** S5 baseline: per command, what a hand-written handler does — select the stream's events, fold, insert. */
export const rawPgCommands = (raw: Raw, perSlice: number, streams: number) => {
  const append = rawAppend(raw);
  return async (slice: number): Promise<number> => {
    for (let i = slice * perSlice; i < (slice + 1) * perSlice; i++) {
      const streamId = streamOf(i % streams);
      const { state, last } = await rawPgFold(raw, streamId);
      if (state.payments >= 1_000) throw new Error('account full');
      await append(streamId, last, [paymentData(i)]);
    }
    return perSlice;
  };
};
