/**
 * T1–T4: the cost of the keyed log (docs/audit.md, issue 12) as ratios in one run: the same work
 * on a SQLite store with the trust key (events sealed with HMAC-SHA-256, checkpoints signed with
 * Ed25519 over RFC 6962 Merkle roots) against the same store without it.
 */
import { join } from 'node:path';
import {
  ensureTrustKey,
  sealedStore,
  trustEvents,
  trustKeyFromSecret,
  verifyLog,
  writeCheckpoint,
} from '@praxis/audit';
import { combineRegistries, verifyChain, type EventStore } from '@praxis/core';
import { sqliteEventStore, type SqliteEventStore } from '@praxis/store-sqlite';
import { paymentEvents } from './lib/fixtures.js';
import type { BenchContext, BenchSuite, Side } from './lib/harness.js';
import { receivePayments, storeAppends } from './lib/workloads.js';

const registry = combineRegistries(paymentEvents, trustEvents);
const key = trustKeyFromSecret(Buffer.alloc(32, 42));
const KEYED = 'keyed log';
const PLAIN = 'unkeyed log';

const open = (ctx: BenchContext, file: string): SqliteEventStore =>
  sqliteEventStore({
    path: join(ctx.dir, `${file}-${ctx.round}.db`),
    synchronous: ctx.synchronous,
    registry,
  });

const side = (
  label: string,
  file: string,
  work: (store: SqliteEventStore, ctx: BenchContext) => Promise<(slice: number) => Promise<number>>,
): Side => ({
  label,
  open: async (ctx) => {
    const store = open(ctx, file);
    const run = await work(store, ctx);
    return { run, close: () => store.close() };
  },
});

const keyed = async (store: SqliteEventStore): Promise<EventStore> => {
  await ensureTrustKey(store, key);
  return sealedStore(store, key, registry);
};

const VERIFY_EVENTS = 20_000;

export const suite: BenchSuite = {
  name: 'trust',
  description: 'keyed log (seals, signed checkpoints) vs the unkeyed hash chain, SQLite, same run',
  scenarios: [
    {
      id: 'T1',
      title: '5,000 commands through the CommandHandler, every event sealed',
      unit: 'commands',
      slices: 100,
      subject: side(KEYED, 't1-keyed', async (s) => receivePayments(await keyed(s), 50, 500)),
      baseline: side(PLAIN, 't1-plain', async (s) => receivePayments(s, 50, 500)),
    },
    {
      id: 'T2',
      title: '5,000 commands, sealed, and a signed checkpoint every 100 commands',
      unit: 'commands',
      slices: 50,
      subject: side(KEYED, 't2-keyed', async (s) => {
        const store = await keyed(s);
        const run = receivePayments(store, 100, 500);
        return async (slice) => {
          const n = await run(slice);
          await writeCheckpoint(store, key);
          return n;
        };
      }),
      baseline: side(PLAIN, 't2-plain', async (s) => receivePayments(s, 100, 500)),
    },
    {
      id: 'T3',
      title: `20,000 events appended in 100-event batches, sealed`,
      unit: 'events',
      slices: 20,
      subject: side(KEYED, 't3-keyed', async (s) => storeAppends(await keyed(s), 1_000, 100, 50)),
      baseline: side(PLAIN, 't3-plain', async (s) => storeAppends(s, 1_000, 100, 50)),
    },
    {
      id: 'T4',
      title: `verify ${VERIFY_EVENTS.toLocaleString('en-US')} events: seals + Merkle root vs the chain alone`,
      unit: 'events',
      slices: 3,
      subject: side(KEYED, 't4-keyed', async (s) => {
        await storeAppends(await keyed(s), VERIFY_EVENTS, 500, 100)(0);
        await writeCheckpoint(s, key);
        return async () => {
          const r = await verifyLog(s, { keys: [key] });
          if (!r.ok) throw new Error(r.findings[0]?.detail);
          return r.eventsChecked;
        };
      }),
      baseline: side(PLAIN, 't4-plain', async (s) => {
        await storeAppends(s, VERIFY_EVENTS, 500, 100)(0);
        return async () => {
          const r = await verifyChain(s);
          if (r._tag !== 'Intact') throw new Error(r.detail);
          return r.eventsChecked;
        };
      }),
    },
  ],
};
