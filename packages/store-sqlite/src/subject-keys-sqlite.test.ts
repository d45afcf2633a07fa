import { existsSync, readFileSync } from 'node:fs';
import * as t from 'io-ts';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ISODate,
  NonEmptyString,
  PraxisError,
  collect,
  defineEvents,
  forgottenPlaceholder,
  makeVault,
  personal,
  subject,
  verifyChain,
} from '@praxis/core';
import { runSubjectKeyStoreContract } from '@praxis/testing';
import { sqliteEventStore } from './sqlite-event-store.js';
import { sqliteSubjectKeyFile, sqliteSubjectKeyStore } from './subject-keys-sqlite.js';
import { tempDatabase } from './testing/temp-file.js';

runSubjectKeyStoreContract('sqlite', async () => {
  const { path, remove } = tempDatabase();
  const opened = [sqliteEventStore({ path })];
  return {
    keys: sqliteSubjectKeyStore(opened[0]!),
    reopen: async () => {
      const other = sqliteEventStore({ path });
      opened.push(other);
      return sqliteSubjectKeyStore(other);
    },
    cleanup: async () => {
      for (const s of opened) await s.close();
      remove();
    },
  };
});

// The same store in a key file of its own (for practices whose log is elsewhere).
runSubjectKeyStoreContract('sqlite key file', async () => {
  const { path, remove } = tempDatabase();
  const opened = [sqliteSubjectKeyFile(path)];
  return {
    keys: opened[0]!,
    reopen: async () => {
      const other = sqliteSubjectKeyFile(path, { create: false });
      opened.push(other);
      return other;
    },
    cleanup: async () => {
      for (const s of opened) s.close();
      remove();
    },
  };
});

describe('a subject-key file', () => {
  it('refuses a file of another kind — a practice file — and a missing file when told not to create', async () => {
    const { path, remove } = tempDatabase();
    const practice = sqliteEventStore({ path });
    try {
      expect(() => sqliteSubjectKeyFile(path)).toThrow(/not a Praxis subject-key file/);
    } finally {
      await practice.close();
      remove();
    }
    const missing = tempDatabase();
    let refused: unknown;
    try {
      sqliteSubjectKeyFile(missing.path, { create: false });
    } catch (e) {
      refused = e;
    }
    expect(PraxisError.isPraxisError(refused)).toBe(true);
    expect(existsSync(missing.path)).toBe(false);
    for (const bad of ['', ' ', ':memory:', 42])
      expect(() => sqliteSubjectKeyFile(bad as string)).toThrow(/path/);
    missing.remove();
  });
});

const events = defineEvents({
  PersonHired: t.type({
    personId: subject('staff', NonEmptyString),
    name: personal(NonEmptyString),
    hiredOn: ISODate,
  }),
});
const metadata = { actor: { id: 'S-001', role: 'hr' }, occurredAt: '2026-01-05T09:00:00-06:00' };

let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

/** Every byte SQLite keeps for the database: the file, its WAL and its shared-memory index. */
const fileBytes = (path: string): Buffer =>
  Buffer.concat(
    [path, `${path}-wal`, `${path}-shm`].filter((p) => existsSync(p)).map((p) => readFileSync(p)),
  );

describe('forgetting a subject in a SQLite file', () => {
  it('leaves neither the name nor the key anywhere in the file, its WAL or freelist; the log still verifies', async () => {
    const { path, remove } = tempDatabase();
    cleanup.push(remove);
    const store = sqliteEventStore({ path, registry: events, synchronous: 'NORMAL' });
    cleanup.push(() => store.close());
    const keys = sqliteSubjectKeyStore(store);
    const vault = makeVault(keys);
    // Enough people that the key table spans several pages (splits and freed pages included).
    const names = Array.from({ length: 200 }, (_, i) => `Person Number${i} Surname${i}`);
    for (const [i, name] of names.entries()) {
      const e = await vault.sealEvent(
        events,
        events.make('PersonHired', { personId: `S-${i}`, name, hiredOn: '2026-01-05' }),
      );
      await store.appendToStream(`StaffMember-S-${i}`, [{ ...e, metadata }]);
    }
    const target = 'staff:S-123';
    const state = (await keys.lookup([target])).get(target);
    if (state?.state !== 'active') throw new Error('the key should exist');
    const key = Buffer.from(state.key);
    expect(fileBytes(path).includes(key)).toBe(true); // the search finds a key that is there
    for (const n of names) expect(fileBytes(path).includes(Buffer.from(n))).toBe(false);

    const report = await vault.forget(target, '2026-06-01T09:00:00.000Z');
    expect(report).toEqual({
      outcome: 'forgotten',
      forgottenAt: '2026-06-01T09:00:00.000Z',
      physicallyErased: true,
    });
    expect(fileBytes(path).includes(key)).toBe(false);
    expect(fileBytes(path).includes(key.subarray(0, 12))).toBe(false);

    const read = await collect(store.readStream('StaffMember-S-123'));
    expect(await vault.reveal(read[0]!.data)).toEqual({
      personId: 'S-123',
      name: forgottenPlaceholder,
      hiredOn: '2026-01-05',
    });
    expect(await vault.reveal((await collect(store.readStream('StaffMember-S-124')))[0]!.data)).toMatchObject(
      {
        name: 'Person Number124 Surname124',
      },
    );
    expect((await verifyChain(store))._tag).toBe('Intact');
  });

  it('reports the erasure as unfinished while another connection holds the WAL, and finishes it on a retry', async () => {
    const { path, remove } = tempDatabase();
    cleanup.push(remove);
    const store = sqliteEventStore({ path, registry: events, synchronous: 'NORMAL' });
    cleanup.push(() => store.close());
    const vault = makeVault(sqliteSubjectKeyStore(store));
    await vault.seal('staff:A', 'Ann');
    const reader = sqliteEventStore({ path });
    cleanup.push(() => reader.close());
    reader.database.prepare('BEGIN').run();
    reader.database.prepare('SELECT count(*) FROM subject_keys').get();
    const first = await vault.forget('staff:A', '2026-06-01T09:00:00.000Z');
    expect([first.outcome, first.physicallyErased]).toEqual(['forgotten', false]);
    reader.database.prepare('COMMIT').run();
    const again = await vault.forget('staff:A', '2026-06-02T09:00:00.000Z');
    expect([again.outcome, again.physicallyErased]).toEqual(['already-forgotten', true]);
  });
});
