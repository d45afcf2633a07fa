import { createHash } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  InvalidArgument,
  Position,
  SchemaTooNew,
  StoreClosed,
  StreamNotFound,
  chainHash,
  collect,
  verifyChain,
  type RecordedEvent,
} from '@praxis/core';
import { note, notes, testRegistry } from '@praxis/testing';
import { chainTextAround } from './chain-text.js';
import { latestVersion, migrations } from './migrations.js';
import { postgresEventStore, type PostgresEventStore } from './postgres-event-store.js';
import { startTestPostgres, type TestPostgres } from './testing/embedded-server.js';

let server: TestPostgres;
let admin: pg.Client;
let n = 0;
const practice = () => `t${process.pid}_${n++}`;
const open = (p: string, extra: { pollMs?: number } = {}) =>
  postgresEventStore({ connectionString: server.url, practice: p, registry: testRegistry, ...extra });

beforeAll(async () => {
  server = await startTestPostgres();
  admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
});
afterAll(async () => {
  await admin?.end();
  await server?.stop();
});

const until = async (done: () => boolean, what: string) => {
  const deadline = Date.now() + 20_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('practices sharing one database', () => {
  it('a store opened for one practice never reads or writes another practice’s events', async () => {
    const [a, b] = await Promise.all([open(practice()), open(practice())]);
    try {
      const shared = note('only in A');
      await a.appendToStream('Budget-2026', [shared, note('second')], { expectedRevision: 'no_stream' });
      expect(await b.streamRevision('Budget-2026')).toBe('no_stream');
      await expect(collect(b.readStream('Budget-2026'))).rejects.toSatisfy(StreamNotFound.isInstance);
      expect(await collect(b.readAll())).toEqual([]);
      expect(await b.headPosition()).toBeUndefined();
      // B's stream of the same name is its own, and even the same event id is B's to use.
      await b.appendToStream('Budget-2026', [shared], { expectedRevision: 'no_stream' });
      expect((await collect(a.readStream('Budget-2026'))).map((e) => e.revision)).toEqual([0n, 1n]);
      expect((await collect(b.readAll())).map((e) => (e.data as { text: string }).text)).toEqual([
        'only in A',
      ]);
      const seenByB: RecordedEvent[] = [];
      const sub = b.subscribeToAll({}, (e) => {
        seenByB.push(e);
      });
      await a.appendToStream('Budget-2026', [note('A again')]);
      await b.appendToStream('Other-1', [note('B again')]);
      await until(() => seenByB.length === 2, 'B’s two events');
      await sub.stop();
      expect(seenByB.map((e) => e.streamId)).toEqual(['Budget-2026', 'Other-1']);
      expect(seenByB.map((e) => (e.data as { text: string }).text)).toEqual(['only in A', 'B again']);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('refuses a practice name that is not a plain identifier, before touching the database', async () => {
    for (const bad of ['', 'A', 'a-b', 'x"; drop schema public cascade; --', '1abc', 'a'.repeat(41)]) {
      await expect(open(bad)).rejects.toSatisfy(InvalidArgument.isInstance);
    }
  });
});

describe('schema migrations', () => {
  it('records each applied version once, and reopening changes nothing', async () => {
    const p = practice();
    await (await open(p)).close();
    await (await open(p)).close();
    const { rows } = await admin.query(
      `SELECT version FROM "praxis_${p}".schema_migrations ORDER BY version`,
    );
    expect(rows.map((r: { version: number }) => r.version)).toEqual(
      Array.from({ length: latestVersion }, (_, i) => i + 1),
    );
  });

  it('upgrades a schema written by version 1: its events stay and later appends chain on them', async () => {
    const p = practice();
    const s = `"praxis_${p}"`;
    await admin.query(`CREATE SCHEMA ${s}`);
    await admin.query(
      `CREATE TABLE ${s}.schema_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    await admin.query(migrations[0]!.sql(s));
    await admin.query(`INSERT INTO ${s}.schema_migrations (version, name) VALUES (1, 'v1')`);
    // An event appended by version 1's function, as an older Praxis did.
    const prepared = {
      eventId: '01890a5d-ac96-774b-bcce-b302099a8057',
      type: 'ContractNoteWritten',
      schemaVersion: 1,
      data: { text: 'before the upgrade' },
      metadata: {
        actor: { id: 'a', role: 'owner' },
        occurredAt: '2026-03-02T09:30:00.000+01:00',
        correlationId: 'c',
        causationId: 'c',
        recordedAt: '2026-03-02T08:30:00.000Z',
      },
    };
    const { before, after } = chainTextAround('A-1', prepared);
    await admin.query(
      `SELECT * FROM ${s}.append_events('A-1', 'no_stream', $1::uuid[], $2::text[], $3::int[], $4::text[], $5::text[])`,
      [[prepared.eventId], [prepared.type], [1], [before], [after]],
    );
    const store = await open(p);
    try {
      await store.appendToStream('A-1', notes('new', 2), { expectedRevision: 0n });
      expect(await store.streamRevision('A-1')).toBe(2n);
      expect(await verifyChain(store)).toEqual({ _tag: 'Intact', eventsChecked: 3 });
      const { rows } = await admin.query(`SELECT max(version) AS v FROM ${s}.schema_migrations`);
      expect((rows[0] as { v: number }).v).toBe(latestVersion);
    } finally {
      await store.close();
    }
  });

  it('leaves a schema written by a newer Praxis untouched and says so', async () => {
    const p = practice();
    await (await open(p)).close();
    await admin.query(
      `INSERT INTO "praxis_${p}".schema_migrations (version, name) VALUES ($1, 'from the future')`,
      [latestVersion + 1],
    );
    const err = await open(p).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(SchemaTooNew.isInstance(err), String(err)).toBe(true);
    expect((err as SchemaTooNew).found).toBe(latestVersion + 1);
  });

  it('two servers opening a new practice at once both succeed', async () => {
    const p = practice();
    const stores = await Promise.all([open(p), open(p), open(p)]);
    await stores[0]!.appendToStream('S-1', [note('x')]);
    expect(await stores[2]!.streamRevision('S-1')).toBe(0n);
    await Promise.all(stores.map((s) => s.close()));
  });
});

describe('global order by transaction id', () => {
  it('orders by the numeric transaction id when it gains a digit (999 → 1000 sorts after, not before)', async () => {
    const store = await open(practice());
    try {
      const xidNow = async () =>
        BigInt((await admin.query('SELECT pg_current_xact_id()::text AS x')).rows[0].x);
      // Burn transaction ids until the next ones cross a power of ten.
      let x = await xidNow();
      const boundary = 10n ** BigInt(x.toString().length);
      while (x < boundary - 4n) x = await xidNow();
      const appended: string[] = [];
      for (let i = 0; i < 8; i++) {
        const e = note(`e${i}`);
        await store.appendToStream(`S-${i}`, [e]);
        appended.push(e.eventId!);
      }
      const all = await collect(store.readAll());
      expect(all.map((e) => e.eventId)).toEqual(appended);
      expect(all.some((e) => e.position.commit >= boundary)).toBe(true);
      expect(all.some((e) => e.position.commit < boundary)).toBe(true);
      const backwards = await collect(store.readAll({ direction: 'backwards' }));
      expect(backwards.map((e) => e.eventId)).toEqual([...appended].reverse());
      expect(await store.headPosition()).toEqual(all[all.length - 1]!.position);
    } finally {
      await store.close();
    }
  });

  it('hides events committed after an older transaction that is still open, until it ends', async () => {
    const store = await open(practice());
    const client = await store.pool.connect();
    try {
      await client.query('BEGIN');
      await store.appendInTransaction(client, 'Slow-1', [note('slow')]);
      await store.appendToStream('Fast-1', [note('fast')]);
      // The fast event is committed, but a reader cannot know yet what will sort before it.
      expect(await collect(store.readAll())).toEqual([]);
      expect((await collect(store.readStream('Fast-1'))).length).toBe(1);
      await client.query('COMMIT');
      const all = await collect(store.readAll());
      expect(all.map((e) => e.streamId)).toEqual(['Slow-1', 'Fast-1']);
    } finally {
      client.release();
      await store.close();
    }
  });
});

describe('hash chain per stream', () => {
  it('the text the server hashes is exactly what chainHash hashes', () => {
    const prepared = {
      eventId: '01890a5d-ac96-774b-bcce-b302099a8057',
      type: 'ContractNoteWritten',
      schemaVersion: 3,
      data: { text: 'Zoë — “quotes” \u2028 🎉', nested: { b: [1, 2.5, null], a: 'x' } },
      metadata: {
        actor: { id: 'dr-ü', role: 'owner' },
        occurredAt: '2026-03-02T09:30:00.000+01:00',
        correlationId: 'c',
        causationId: 'd',
        recordedAt: '2026-03-02T08:30:00.000Z',
      },
    };
    const { before, after } = chainTextAround('Budget-"2026"', prepared);
    const text = `${before}41${after}`;
    expect(JSON.parse(text)).toEqual({ ...prepared, streamId: 'Budget-"2026"', revision: '41' });
    // What the server computes: sha-256 over prevHash, a newline, and the text.
    const serverSide = createHash('sha256').update(`abc\n${text}`, 'utf8').digest('hex');
    expect(serverSide).toBe(chainHash('abc', { ...prepared, streamId: 'Budget-"2026"', revision: 41n }));
  });

  it('append_batch hashes on the server exactly what chainHash hashes on the client (escapes, unicode, numbers)', async () => {
    const store = await postgresEventStore({ connectionString: server.url, practice: practice() });
    try {
      const streamId = 'Budget-"2026"\\ü\u2028';
      const events = [
        {
          type: 'Odd "type" ü\t',
          data: { text: 'Zoë — “quotes” \u2028 🎉 \\ \n', nested: { b: [1, 2.5, null, 1e21], a: 'x' } },
        },
        { type: 'Plain', schemaVersion: 7, data: null },
        { type: 'Plain', data: 'just a string' },
        { type: 'Plain', data: [{ z: 1, a: [true, false] }, 0.1] },
      ].map((e) => ({
        ...e,
        metadata: { actor: { id: 'dr-ü "x"', role: 'owner' }, occurredAt: '2026-03-02T09:30:00.000+01:00' },
      }));
      await store.appendToStream(streamId, events, { expectedRevision: 'no_stream' });
      await store.appendToStream(
        streamId,
        [events[1]!].map((e) => ({ ...e })),
        { expectedRevision: 'any' },
      );
      const read = await collect(store.readStream(streamId));
      expect(read).toHaveLength(5);
      for (const e of read) {
        expect(e.hash).toBe(
          chainHash(e.prevHash, {
            eventId: e.eventId,
            streamId,
            revision: e.revision,
            type: e.type,
            schemaVersion: e.schemaVersion,
            data: e.data,
            metadata: e.metadata,
          }),
        );
      }
      expect(read.map((e) => e.type)).toEqual(['Odd "type" ü\t', 'Plain', 'Plain', 'Plain', 'Plain']);
      expect(read[1]!.schemaVersion).toBe(7);
      expect(read[0]!.data).toEqual(events[0]!.data);
      expect(await verifyChain(store)).toEqual({ _tag: 'Intact', eventsChecked: 5 });
    } finally {
      await store.close();
    }
  });

  it('each event chains to the previous event of its own stream, and verification passes', async () => {
    const store = await open(practice());
    try {
      await store.appendToStream('A-1', notes('a', 3));
      await store.appendToStream('B-1', notes('b', 2));
      await store.appendToStream('A-1', [note('a3')]);
      const a = await collect(store.readStream('A-1'));
      expect(a[0]!.prevHash).toBe('');
      for (let i = 1; i < a.length; i++) expect(a[i]!.prevHash).toBe(a[i - 1]!.hash);
      expect((await collect(store.readStream('B-1')))[0]!.prevHash).toBe('');
      expect(await verifyChain(store)).toEqual({ _tag: 'Intact', eventsChecked: 6 });
    } finally {
      await store.close();
    }
  });
});

describe('live subscriptions and shutdown', () => {
  it('a subscriber is woken by NOTIFY when another process (here: another store) appends', async () => {
    const p = practice();
    // A poll interval far beyond the wait below: only a notification can deliver in time.
    const reader = await open(p, { pollMs: 600_000 });
    const writer = await open(p);
    try {
      const got: RecordedEvent[] = [];
      let caughtUp = false;
      const sub = reader.subscribeToAll({ onCaughtUp: () => (caughtUp = true) }, (e) => {
        got.push(e);
      });
      await until(() => caughtUp, 'caught up');
      await new Promise((r) => setTimeout(r, 200)); // let the LISTEN connection open
      await writer.appendToStream('Remote-1', [note('from elsewhere')]);
      await until(() => got.length === 1, 'the remote event');
      await sub.stop();
      expect(Position.toString(got[0]!.position)).toMatch(/^\d+\/\d+$/);
    } finally {
      await Promise.all([reader.close(), writer.close()]);
    }
  });

  it('close stops subscriptions, ends the pool and the LISTEN connection, and refuses later calls', async () => {
    const p = practice();
    const store: PostgresEventStore = await open(p);
    let caughtUp = false;
    const sub = store.subscribeToAll({ onCaughtUp: () => (caughtUp = true) }, () => undefined);
    await until(() => caughtUp, 'caught up');
    await new Promise((r) => setTimeout(r, 200));
    const connections = async () =>
      Number(
        (
          await admin.query('SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1', [
            `praxis:${p}`,
          ])
        ).rows[0].n,
      );
    expect(await connections()).toBeGreaterThan(0);
    await store.close();
    await sub.done;
    await until(() => store.pool.totalCount === 0, 'the pool to empty');
    const deadline = Date.now() + 10_000;
    while ((await connections()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await connections()).toBe(0);
    await expect(store.appendToStream('S-1', [note('late')])).rejects.toSatisfy(StoreClosed.isInstance);
    await expect(store.headPosition()).rejects.toSatisfy(StoreClosed.isInstance);
    await store.close(); // twice is fine
  });
});
