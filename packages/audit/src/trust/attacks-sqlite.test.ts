import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chainHash, combineRegistries } from '@praxis/core';
import { sqliteEventStore } from '@praxis/store-sqlite';
import { registry as pettyRegistry } from '../testing/petty-cash.js';
import { verify } from '../verify.js';
import { signLogHead } from './checkpoint.js';
import { trustEvents } from './events.js';
import { trustKeyFromSecret } from './key.js';
import { ensureTrustKey } from './key-records.js';
import { receiptOf, type Receipt } from './receipt.js';
import { sealedStore } from './sealed-store.js';

const registry = combineRegistries(pettyRegistry, trustEvents);
const key = trustKeyFromSecret(Buffer.alloc(32, 7));
const alice = { id: 'alice', role: 'manager' };
const meta = { actor: alice, occurredAt: '2026-03-01T09:00:00Z' };

interface Row {
  position: number;
  event_id: string;
  stream_id: string;
  revision: number;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  prev_hash: string;
  hash: string;
}

/** What an attacker with write access to the file does: plain SQL, hashes recomputed with sha-256. */
const attacker = (path: string) => {
  const db = new Database(path);
  const rows = () => db.prepare('SELECT * FROM events ORDER BY position').all() as Row[];
  /** Recomputes every hash from `fromPosition` on, as the unkeyed chain allows. */
  const rehash = () => {
    let prev = '';
    const update = db.prepare('UPDATE events SET prev_hash = ?, hash = ? WHERE position = ?');
    for (const r of rows()) {
      const hash = chainHash(prev, {
        eventId: r.event_id,
        streamId: r.stream_id,
        revision: BigInt(r.revision),
        type: r.type,
        schemaVersion: r.schema_version,
        data: JSON.parse(r.data) as unknown,
        metadata: JSON.parse(r.metadata) as never,
      });
      if (hash !== r.hash || prev !== r.prev_hash) update.run(prev, hash, r.position);
      prev = hash;
    }
  };
  return { db, rows, rehash, close: () => db.close() };
};

describe('tamper evidence against someone with write access to the SQLite file', () => {
  let dir = '';
  let path = '';
  let receipt: Receipt;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'praxis-attack-'));
    path = join(dir, 'practice.db');
    const raw = sqliteEventStore({ path, registry });
    await ensureTrustKey(raw, key);
    const store = sealedStore(raw, key, registry);
    for (let batch = 0; batch < 12; batch++) {
      const events = Array.from({ length: 100 }, (_, i) => ({
        type: 'CashDeposited',
        data: { cents: 100 * batch + i + 1 },
        metadata: meta,
      }));
      await store.appendToStream(`PettyCash-box${batch % 3}`, events);
    }
    receipt = receiptOf(await signLogHead(store, key), key.publicKey);
    await raw.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const verifyFile = async (options: { receipts?: boolean; keys?: boolean } = {}) => {
    const store = sqliteEventStore({ path, registry });
    try {
      return await verify(store, {
        ...(options.keys === false ? {} : { keys: [key] }),
        ...(options.receipts === false ? {} : { receipts: [{ receipt, source: 'receipt.json' }] }),
      });
    } finally {
      await store.close();
    }
  };
  const sql = (f: (a: ReturnType<typeof attacker>) => void) => {
    const a = attacker(path);
    try {
      f(a);
    } finally {
      a.close();
    }
  };

  it('finds an untouched file intact against its receipt, every event covered', async () => {
    const r = await verifyFile();
    expect(r.message).toBe('log intact: 1,202 events verified');
    expect(r).toMatchObject({ ok: true, keyed: true, receipts: 1, checkpoints: 1, uncovered: 0 });
  });

  it('names the missing event when the last row is deleted', async () => {
    sql((a) => a.db.exec('DELETE FROM events WHERE position = (SELECT max(position) FROM events)'));
    const r = await verifyFile();
    expect(r.ok).toBe(false);
    expect(r.findings).toContainEqual(
      expect.objectContaining({
        kind: 'missing',
        detail: expect.stringMatching(
          /^1 event missing: receipt receipt.json covers 1,202 events up to position 1202 .* and no event at position 1202/,
        ),
      }),
    );
  });

  it('counts the missing events when the last 1,000 rows are deleted', async () => {
    sql((a) => a.db.exec('DELETE FROM events WHERE position > (SELECT max(position) - 1000 FROM events)'));
    const r = await verifyFile();
    expect(r.ok).toBe(false);
    expect(r.findings.filter((f) => f.kind === 'missing').map((f) => f.detail)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^1,000 events missing: receipt receipt.json covers 1,202 events/),
      ]),
    );
  });

  it('rejects a forged payment appended with a correct sha-256 chain (no seal, or a copied one)', async () => {
    sql((a) => {
      const last = a.rows().at(-1)!;
      const copy = a.rows().find((r) => r.type === 'CashDeposited')!;
      const insert = a.db.prepare(
        `INSERT INTO events (event_id, stream_id, revision, type, schema_version, data, metadata, prev_hash, hash)
         VALUES (?, 'PettyCash-box0', ?, 'CashWithdrawn', 1, ?, ?, '', '')`,
      );
      const rev = (
        a.db.prepare(`SELECT max(revision) AS r FROM events WHERE stream_id = 'PettyCash-box0'`).get() as {
          r: number;
        }
      ).r;
      insert.run(
        '0190a8c0-0000-7000-8000-000000000001',
        rev + 1,
        '{"cents":50000}',
        JSON.stringify({
          ...meta,
          correlationId: 'x',
          causationId: 'x',
          recordedAt: '2026-03-02T00:00:00.000Z',
        }),
      );
      insert.run(
        '0190a8c0-0000-7000-8000-000000000002',
        rev + 2,
        '{"cents":70000}',
        JSON.stringify({ ...JSON.parse(copy.metadata) }),
      );
      a.rehash();
      expect(a.rows().at(-1)!.position).toBeGreaterThan(last.position);
    });
    const r = await verifyFile();
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => [f.position, f.reason])).toEqual([
      ['1203', 'unsealed'],
      ['1204', 'seal-mismatch'],
    ]);
    // Without a receipt too: the seals alone catch a forged append.
    expect((await verifyFile({ receipts: false })).ok).toBe(false);
  });

  it('names the edited event when an amount is changed and every later hash recomputed', async () => {
    let edited = 0;
    sql((a) => {
      const victim = a.rows().find((r) => r.data === '{"cents":500}')!;
      edited = victim.position;
      a.db.prepare('UPDATE events SET data = ? WHERE position = ?').run('{"cents":50000}', victim.position);
      a.rehash();
    });
    const r = await verifyFile();
    expect(r.ok).toBe(false);
    expect(r.findings[0]).toMatchObject({
      kind: 'changed',
      reason: 'seal-mismatch',
      position: String(edited),
    });
    expect(r.findings.some((f) => f.reason === 'differs-from-checkpoint')).toBe(true);
    // Without the secret, the checkpoint signed in the log still shows it (public key only).
    expect((await verifyFile({ keys: false, receipts: false })).findings).toContainEqual(
      expect.objectContaining({ reason: 'differs-from-checkpoint' }),
    );
  });

  it('still catches an edit when the attacker also deletes the checkpoints: by seal or by receipt, not by the chain alone', async () => {
    sql((a) => {
      a.db.prepare('UPDATE events SET data = ? WHERE data = ?').run('{"cents":50000}', '{"cents":500}');
      a.db.exec("DELETE FROM events WHERE stream_id = 'Trust-checkpoints'");
      a.rehash();
    });
    expect((await verifyFile({ keys: true, receipts: false })).findings[0]).toMatchObject({
      reason: 'seal-mismatch',
    });
    expect((await verifyFile({ keys: false, receipts: true })).ok).toBe(false);
    // The unkeyed chain alone proves nothing against write access: what the key and receipts are for.
    const bare = await verifyFile({ keys: false, receipts: false });
    expect(bare.ok).toBe(true);
    expect(bare.keyed).toBe(false);
  });

  it('notices the last row’s position renumbered', async () => {
    sql((a) =>
      a.db.exec(
        'UPDATE events SET position = position + 7 WHERE position = (SELECT max(position) FROM events)',
      ),
    );
    const r = await verifyFile();
    expect(r.ok).toBe(false);
    expect(r.findings).toContainEqual(
      expect.objectContaining({
        kind: 'missing',
        detail: expect.stringMatching(/no event at position 1202/),
      }),
    );
  });

  it('notices an interior position renumbered into a gap', async () => {
    sql((a) => {
      a.db.exec('DELETE FROM events WHERE position = 600');
      a.db.exec('UPDATE events SET position = 600 WHERE position = 599');
      a.rehash();
    });
    const r = await verifyFile();
    expect(r.ok).toBe(false);
    expect(r.findings.some((f) => f.kind === 'missing' || f.reason === 'differs-from-checkpoint')).toBe(true);
  });

  it('catches data rewritten with a duplicate key that SQL reads one way and JSON.parse another', async () => {
    let at = 0;
    sql((a) => {
      const victim = a.rows().find((r) => r.data === '{"cents":1119}')!;
      at = victim.position;
      a.db.prepare('UPDATE events SET data = ? WHERE position = ?').run('{"cents":1,"cents":1119}', at);
      expect(
        a.db.prepare("SELECT json_extract(data, '$.cents') AS c FROM events WHERE position = ?").get(at),
      ).toEqual({ c: 1 });
    });
    const r = await verifyFile();
    expect(r.ok).toBe(false);
    expect(r.findings[0]).toMatchObject({ kind: 'changed', reason: 'stored-text', position: String(at) });
    // Even with no key and no receipt, the second spelling shows.
    expect((await verifyFile({ keys: false, receipts: false })).findings[0]).toMatchObject({
      reason: 'stored-text',
    });
  });

  it('refuses a receipt that was edited to match a truncated log', async () => {
    receipt = { ...receipt, count: 202 };
    const r = await verifyFile();
    expect(r.findings).toContainEqual(
      expect.objectContaining({
        kind: 'forged',
        detail: 'receipt receipt.json: its signature does not verify',
      }),
    );
  });
});
