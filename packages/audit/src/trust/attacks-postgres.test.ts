import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chainHash, combineRegistries } from '@praxis/core';
import { postgresEventStore, type PostgresEventStore } from '@praxis/store-postgres';
import { startTestPostgres, type TestPostgres } from '../../../store-postgres/src/testing/embedded-server.js';
import { registry as pettyRegistry } from '../testing/petty-cash.js';
import { verify } from '../verify.js';
import { signLogHead } from './checkpoint.js';
import { trustEvents } from './events.js';
import { trustKeyFromSecret } from './key.js';
import { ensureTrustKey } from './key-records.js';
import { receiptOf, type Receipt } from './receipt.js';
import { sealedStore } from './sealed-store.js';

// PostgreSQL differs from SQLite where it matters here: the chain runs per stream (computed in
// SQL), data is jsonb, and the global order is (xid, position). The same attacks, in SQL.
const registry = combineRegistries(pettyRegistry, trustEvents);
const key = trustKeyFromSecret(Buffer.alloc(32, 3));
const meta = { actor: { id: 'alice', role: 'manager' }, occurredAt: '2026-03-01T09:00:00Z' };

let server: TestPostgres;
beforeAll(async () => {
  server = await startTestPostgres();
}, 120_000);
afterAll(async () => server.stop());

interface Row {
  position: string;
  stream_id: string;
  revision: string;
  event_id: string;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: unknown;
  prev_hash: string;
  hash: string;
}

describe('tamper evidence against someone with write access to the PostgreSQL schema', () => {
  let store: PostgresEventStore;
  let receipt: Receipt;
  let t = '';
  beforeEach(async () => {
    store = await postgresEventStore({
      connectionString: server.url,
      practice: `t_${randomBytes(5).toString('hex')}`,
      registry,
    });
    t = `"${store.schema}".events`;
    await ensureTrustKey(store, key);
    const sealed = sealedStore(store, key, registry);
    for (let batch = 0; batch < 12; batch++) {
      await sealed.appendToStream(
        `PettyCash-box${batch % 3}`,
        Array.from({ length: 100 }, (_, i) => ({
          type: 'CashDeposited',
          data: { cents: 100 * batch + i + 1 },
          metadata: meta,
        })),
      );
    }
    receipt = receiptOf(await signLogHead(sealed, key), key.publicKey);
  });
  afterEach(async () => {
    await store.pool.query(`DROP SCHEMA "${store.schema}" CASCADE`);
    await store.close();
  });

  const check = () => verify(store, { keys: [key], receipts: [{ receipt, source: 'receipt.json' }] });
  /** Recomputes each stream's chain with sha-256, as anyone can. */
  const rehash = async () => {
    const rows = (await store.pool.query<Row>(`SELECT * FROM ${t} ORDER BY stream_id, revision`)).rows;
    const last = new Map<string, string>();
    for (const r of rows) {
      const prev = last.get(r.stream_id) ?? '';
      const hash = chainHash(prev, {
        eventId: r.event_id,
        streamId: r.stream_id,
        revision: BigInt(r.revision),
        type: r.type,
        schemaVersion: r.schema_version,
        data: r.data,
        metadata: r.metadata as never,
      });
      if (hash !== r.hash || prev !== r.prev_hash) {
        await store.pool.query(`UPDATE ${t} SET prev_hash = $1, hash = $2 WHERE position = $3`, [
          prev,
          hash,
          r.position,
        ]);
      }
      last.set(r.stream_id, hash);
    }
  };

  it('finds the untouched log intact against its receipt', async () => {
    expect(await check()).toMatchObject({ ok: true, keyed: true, receipts: 1, uncovered: 0 });
  });

  it('names the missing event when the last row is deleted (the per-stream chain alone cannot see it)', async () => {
    await store.pool.query(`DELETE FROM ${t} WHERE position = (SELECT max(position) FROM ${t})`);
    const r = await check();
    expect(r.ok).toBe(false);
    expect(r.findings).toContainEqual(
      expect.objectContaining({ kind: 'missing', detail: expect.stringMatching(/^1 event missing/) }),
    );
  });

  it('counts the last 1,000 rows deleted', async () => {
    await store.pool.query(`DELETE FROM ${t} WHERE position > (SELECT max(position) - 1000 FROM ${t})`);
    const r = await check();
    expect(r.findings.map((f) => f.detail)).toContainEqual(expect.stringMatching(/^1,000 events missing/));
  });

  it('rejects a forged append whose per-stream sha-256 chain is correct', async () => {
    const rev = (
      await store.pool.query<{ r: string }>(
        `SELECT max(revision) AS r FROM ${t} WHERE stream_id = 'PettyCash-box0'`,
      )
    ).rows[0]!.r;
    await store.pool.query(
      `INSERT INTO ${t} (stream_id, revision, event_id, type, schema_version, data, metadata, prev_hash, hash)
       VALUES ('PettyCash-box0', $1, '0190a8c0-0000-7000-8000-0000000000aa', 'CashWithdrawn', 1, '{"cents":50000}', $2, '', '')`,
      [
        BigInt(rev) + 1n,
        JSON.stringify({
          ...meta,
          correlationId: 'x',
          causationId: 'x',
          recordedAt: '2026-03-02T00:00:00.000Z',
        }),
      ],
    );
    await rehash();
    const r = await check();
    expect(r.findings.map((f) => f.reason)).toEqual(['unsealed']);
  });

  it('names the edited event after an edit-and-rehash, and the receipt no longer matches', async () => {
    const victim = (
      await store.pool.query<{ position: string }>(
        `SELECT position FROM ${t} WHERE data = '{"cents":500}'::jsonb`,
      )
    ).rows[0]!.position;
    await store.pool.query(`UPDATE ${t} SET data = '{"cents":50000}' WHERE position = $1`, [victim]);
    await rehash();
    const r = await check();
    expect(r.findings[0]).toMatchObject({ kind: 'changed', reason: 'seal-mismatch' });
    expect(r.findings.some((f) => f.reason === 'differs-from-checkpoint')).toBe(true);
  });

  it('notices the last event moved in the global order (its xid renumbered)', async () => {
    await store.pool.query(
      `UPDATE ${t} SET xid = ((xid::text)::bigint + 1000)::text::xid8 WHERE position = (SELECT max(position) FROM ${t})`,
    );
    const r = await check();
    expect(r.ok).toBe(false);
  });

  it('cannot be given data that SQL and JSON read differently: jsonb keeps one value per key', async () => {
    await store.pool.query(
      `UPDATE ${t} SET data = '{"cents":1,"cents":1119}' WHERE data = '{"cents":1119}'::jsonb`,
    );
    const read = await store.pool.query<{ c: number }>(
      `SELECT (data->>'cents')::int AS c FROM ${t} WHERE data = '{"cents":1119}'::jsonb`,
    );
    expect(read.rows).toEqual([{ c: 1119 }]);
    expect((await check()).ok).toBe(true);
  });
});
