import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock, makeCommandHandler } from '@praxis/core';
import { sqliteEventStore } from '@praxis/store-sqlite';
import { pettyCash, registry } from './testing/petty-cash.js';
import { verify } from './verify.js';

const alice = { id: 'alice', role: 'manager' };

describe('verify on a real SQLite file', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('verifies a clean file, then names the event whose byte was altered on disk', async () => {
    dir = mkdtempSync(join(tmpdir(), 'praxis-verify-'));
    const path = join(dir, 'practice.db');
    const store = sqliteEventStore({ path, registry });
    const h = makeCommandHandler({
      store,
      decider: pettyCash,
      clock: fixedClock('2026-03-01T09:00:00', 'UTC'),
    });
    for (const cents of [1100, 2200, 4242, 3300]) {
      await h.handle({ streamId: 'PettyCash-front', actor: alice, command: { type: 'Deposit', cents } });
    }
    expect(await verify(store)).toMatchObject({ ok: true, eventsChecked: 4 });
    await store.close(); // checkpoints the WAL into the file

    const bytes = readFileSync(path);
    const at = bytes.indexOf('"cents":4242');
    expect(at).toBeGreaterThan(0);
    expect(bytes.indexOf('"cents":4242', at + 1)).toBe(-1);
    bytes[at + '"cents":424'.length] = '3'.charCodeAt(0);
    writeFileSync(path, bytes);

    const reopened = sqliteEventStore({ path, registry });
    try {
      expect(await verify(reopened)).toMatchObject({
        ok: false,
        position: '3',
        streamId: 'PettyCash-front',
        revision: 2n,
        reason: 'content-altered',
        eventsChecked: 4,
      });
    } finally {
      await reopened.close();
    }
  });
});
