import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainHash } from '@praxis/core';
import { praxis, tempDir } from '../test-support.js';

// A keyed demo practice, a receipt kept beside it, and attacks on copies of the file.
const tmp = tempDir();
const db = join(tmp.dir, 'practice.db');
const keyFile = join(tmp.dir, 'trust.key');
const receipt = join(tmp.dir, 'receipt.json');
beforeAll(async () => {
  writeFileSync(keyFile, randomBytes(32).toString('hex'));
  const r = await praxis([
    'demo',
    '--db',
    db,
    '--encounters',
    '100', // enough encounters for more than 1,000 events
    '--seed',
    '5',
    '--key-file',
    keyFile,
  ]);
  if (r.code !== 0) throw new Error(`demo failed: ${r.err}`);
  const k = await praxis(['receipt', '--out', receipt, '--db', db, '--key-file', keyFile]);
  if (k.code !== 0) throw new Error(`receipt failed: ${k.err}`);
});
afterAll(() => tmp.remove());

let copies = 0;
/** A copy of the practice, changed through SQL as someone with write access to the file would. */
const attacked = (statement: string | ((sql: Database.Database) => void)): string => {
  const copy = join(tmp.dir, `attacked-${++copies}.db`);
  copyFileSync(db, copy);
  const sql = new Database(copy);
  try {
    if (typeof statement === 'string') expect(sql.prepare(statement).run().changes).toBeGreaterThan(0);
    else statement(sql);
  } finally {
    sql.close();
  }
  return copy;
};
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
/** Recomputes every sha-256 chain hash, as anyone with write access can. */
const rehash = (sql: Database.Database): void => {
  let prev = '';
  const update = sql.prepare('UPDATE events SET prev_hash = ?, hash = ? WHERE position = ?');
  for (const r of sql.prepare('SELECT * FROM events ORDER BY position').all() as Row[]) {
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
const verify = (file: string, ...more: string[]) =>
  praxis(['verify', '--db', file, '--key-file', keyFile, '--receipt', receipt, ...more]);

describe('praxis receipt and verify --receipt', () => {
  it('verifies the untouched practice against its receipt, with every seal checked', async () => {
    const r = await verify(db);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^intact: [\d,]+ events, every hash matches .*every seal checked under the key; [\d,]+ signed checkpoints; 1 receipt/,
    );
  });

  it('exits 1 naming what is missing after the last row is deleted', async () => {
    const r = await verify(
      attacked('DELETE FROM events WHERE position = (SELECT max(position) FROM events)'),
    );
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/missing: 1 event missing: receipt .*receipt\.json covers/);
  });

  it('exits 1 counting the 1,000 rows deleted from the end', async () => {
    const r = await verify(
      attacked('DELETE FROM events WHERE position > (SELECT max(position) - 1000 FROM events)'),
    );
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/1,000 events missing/);
  });

  it('exits 1 naming data rewritten with a duplicate key that SQL reads one way and JSON another', async () => {
    // Amount changed and hash left stale would be caught by the chain; a careful attacker
    // changes data that the unkeyed chain no longer protects once the hash is recomputed,
    // which the seal and the receipt still catch. Here: a duplicate key SQL reads first.
    const r = await verify(
      attacked(
        `UPDATE events SET data = '{"amount":1,' || substr(data, 2) WHERE position = (SELECT min(position) FROM events WHERE type = 'PatientPaymentCollected')`,
      ),
    );
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/changed at position \d+ .*stored-text/);
  });

  it('exits 1 naming a forged payment appended with a correct sha-256 chain', async () => {
    const r = await verify(
      attacked((sql) => {
        const victim = sql
          .prepare(
            `SELECT * FROM events WHERE type = 'PatientPaymentCollected' ORDER BY position DESC LIMIT 1`,
          )
          .get() as Row;
        const rev = (
          sql.prepare('SELECT max(revision) AS r FROM events WHERE stream_id = ?').get(victim.stream_id) as {
            r: number;
          }
        ).r;
        sql
          .prepare(
            `INSERT INTO events (event_id, stream_id, revision, type, schema_version, data, metadata, prev_hash, hash)
             VALUES ('0190a8c0-0000-7000-8000-0000000000ff', ?, ?, ?, 1, ?, ?, '', '')`,
          )
          .run(
            victim.stream_id,
            rev + 1,
            victim.type,
            victim.data.replace(/"paymentId":"[^"]*"/, '"paymentId":"forged-1"'),
            victim.metadata, // its seal copied from a genuine event
          );
        rehash(sql);
      }),
    );
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/changed at position \d+ .*seal-mismatch/);
  });

  it('exits 1 naming the event whose amount was edited and every later hash recomputed', async () => {
    let position = 0;
    const r = await verify(
      attacked((sql) => {
        const victim = sql
          .prepare(`SELECT * FROM events WHERE type = 'PatientPaymentCollected' ORDER BY position LIMIT 1`)
          .get() as Row;
        position = victim.position;
        const data = JSON.parse(victim.data) as { amount: number };
        sql
          .prepare('UPDATE events SET data = ? WHERE position = ?')
          .run(JSON.stringify({ ...data, amount: data.amount + 100_000 }), victim.position);
        rehash(sql);
      }),
    );
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`changed at position ${position} .*seal-mismatch`));
  });

  it('exits 1 when the last row’s position is renumbered', async () => {
    const r = await verify(
      attacked(
        'UPDATE events SET position = position + 7 WHERE position = (SELECT max(position) FROM events)',
      ),
    );
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/missing: .*no event at position \d+/);
  });

  it('proves one event’s inclusion to an auditor who holds only the receipt and the public key', async () => {
    const pub = (JSON.parse(readFileSync(receipt, 'utf8')) as { publicKey: string }).publicKey;
    const proofFile = join(tmp.dir, 'proof.json');
    const p = await praxis([
      'prove',
      '--position',
      '5',
      '--receipt',
      receipt,
      '--out',
      proofFile,
      '--db',
      db,
    ]);
    expect(p.code).toBe(0);
    const ok = await praxis(['verify', '--proof', proofFile, '--public-key', pub]);
    expect([ok.code, ok.out]).toEqual([
      0,
      expect.stringMatching(
        /^included: .* at position 5 is event #5 of the [\d,]+ signed by key [0-9a-f]{16}\n$/,
      ),
    ]);
    const proof = JSON.parse(readFileSync(proofFile, 'utf8')) as { leaf: string };
    writeFileSync(
      proofFile,
      JSON.stringify({ ...proof, leaf: proof.leaf.replace('"position":"5"', '"position":"6"') }),
    );
    const forged = await praxis(['verify', '--proof', proofFile, '--public-key', pub]);
    expect(forged.code).toBe(1);
    expect(forged.err).toMatch(/the event is not in the log the receipt signed/);
    const other = await praxis(['verify', '--proof', proofFile, '--public-key', '0'.repeat(64)]);
    expect(other.err).toMatch(/not one of the trusted keys/);
  });

  it('refuses to write a receipt without the key, or over an existing file', async () => {
    expect((await praxis(['receipt', '--out', join(tmp.dir, 'r2.json'), '--db', db])).code).toBe(2);
    expect((await praxis(['receipt', '--out', receipt, '--db', db, '--key-file', keyFile])).err).toMatch(
      /cannot write/,
    );
  });
});

describe('praxis verify --read-models', () => {
  it('names the first read-model document edited in the database', async () => {
    let key = '';
    const copy = attacked((sql) => {
      const row = sql
        .prepare(
          `SELECT slot, key, doc FROM read_model_documents WHERE slot NOT LIKE 'audit%' AND doc GLOB '*:[0-9]*' ORDER BY slot, key LIMIT 1`,
        )
        .get() as { slot: string; key: string; doc: string };
      key = row.key;
      const doc = row.doc.replace(/:(\d+)/, (_, n: string) => `:${Number(n) + 1}`);
      sql
        .prepare('UPDATE read_model_documents SET doc = ? WHERE slot = ? AND key = ?')
        .run(doc, row.slot, row.key);
    });
    const r = await praxis(['verify', '--db', copy, '--key-file', keyFile, '--read-models']);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`: document ${key}: `);
  });
});

describe('praxis audit output', () => {
  it('shows a bidi override in an actor id as an escape, never raw', async () => {
    const copy = attacked(
      `UPDATE read_model_documents SET doc = replace(doc, '"actorId":"S-106"', '"actorId":"S-106' || char(8238) || 'live"') WHERE doc LIKE '%"actorId":"S-106"%'`,
    );
    const r = await praxis(['audit', '--db', copy, '--limit', '5']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('S-106\\u{202e}live');
    expect(r.out).not.toContain('\u202e');
  });
});
