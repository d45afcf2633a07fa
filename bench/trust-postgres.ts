/**
 * TP1–TP3: the cost of the keyed log on PostgreSQL (docs/decisions/trust-keyed-log.md): sealed
 * commands, checkpoints over the committed (xid) order, and verify — against the same store
 * without the key, same server, same run. Needs a server: `npm run bench -- trust-postgres`
 * (embedded PostgreSQL 17 with fsync on, or PRAXIS_PG_URL).
 */
import {
  ensureTrustKey,
  sealedStore,
  trustEvents,
  trustKeyFromSecret,
  verifyLog,
  writeCheckpoint,
} from '@praxis/audit';
import { combineRegistries, verifyChain, type EventStore } from '@praxis/core';
import { postgresEventStore, type PostgresEventStore } from '@praxis/store-postgres';
import {
  startTestPostgres,
  type TestPostgres,
} from '../packages/store-postgres/src/testing/embedded-server.js';
import { paymentEvents } from './lib/fixtures.js';
import type { BenchContext, BenchSuite, Side } from './lib/harness.js';
import { receivePayments, storeAppends } from './lib/workloads.js';

const registry = combineRegistries(paymentEvents, trustEvents);
const key = trustKeyFromSecret(Buffer.alloc(32, 42));

let server: Promise<TestPostgres> | undefined;
const serverUrl = async (): Promise<string> => {
  if (server === undefined) {
    server = startTestPostgres({ durable: true, unref: true });
    const started = await server;
    if (started.embedded) process.once('beforeExit', () => void started.stop());
  }
  return (await server).url;
};

const side = (
  label: string,
  name: string,
  work: (store: PostgresEventStore) => Promise<(slice: number) => Promise<number>>,
): Side => ({
  label,
  open: async (ctx: BenchContext) => {
    const store = await postgresEventStore({
      connectionString: await serverUrl(),
      practice: `bench_${name}_r${ctx.round}`,
      registry,
      ...(ctx.synchronous === 'NORMAL' ? { poolConfig: { options: '-c synchronous_commit=off' } } : {}),
    });
    const run = await work(store);
    return { run, close: () => store.close() };
  },
});

const keyed = async (store: PostgresEventStore): Promise<EventStore> => {
  await ensureTrustKey(store, key);
  return sealedStore(store, key, registry);
};

export const suite: BenchSuite = {
  name: 'trust-postgres',
  description: 'keyed log vs the unkeyed per-stream chain on PostgreSQL, same server and run',
  runByDefault: false,
  scenarios: [
    {
      id: 'TP1',
      title: '2,000 commands through the CommandHandler, every event sealed',
      unit: 'commands',
      slices: 40,
      subject: side('keyed log', 'tp1k', async (s) => receivePayments(await keyed(s), 50, 200)),
      baseline: side('unkeyed log', 'tp1u', async (s) => receivePayments(s, 50, 200)),
    },
    {
      id: 'TP2',
      title: '2,000 commands, sealed, and a signed checkpoint every 100 commands',
      unit: 'commands',
      slices: 20,
      subject: side('keyed log', 'tp2k', async (s) => {
        const store = await keyed(s);
        const run = receivePayments(store, 100, 200);
        return async (slice) => {
          const n = await run(slice);
          await writeCheckpoint(store, key);
          return n;
        };
      }),
      baseline: side('unkeyed log', 'tp2u', async (s) => receivePayments(s, 100, 200)),
    },
    {
      id: 'TP3',
      title: 'verify 20,000 events: seals + Merkle root vs the per-stream chain alone',
      unit: 'events',
      slices: 3,
      subject: side('keyed log', 'tp3k', async (s) => {
        await storeAppends(await keyed(s), 20_000, 500, 100)(0);
        await writeCheckpoint(s, key);
        return async () => {
          const r = await verifyLog(s, { keys: [key] });
          if (!r.ok) throw new Error(r.findings[0]?.detail);
          return r.eventsChecked;
        };
      }),
      baseline: side('unkeyed log', 'tp3u', async (s) => {
        await storeAppends(s, 20_000, 500, 100)(0);
        return async () => {
          const r = await verifyChain(s);
          if (r._tag !== 'Intact') throw new Error(r.detail);
          return r.eventsChecked;
        };
      }),
    },
  ],
};
