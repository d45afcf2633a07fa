import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { collect } from '@praxis/core';
import { memoryReadModelStore } from '@praxis/store-memory';
import { sqliteEventStore, sqliteReadModelStore } from '@praxis/store-sqlite';
import { projectionEngine } from './engine.js';
import { testEvents, visit, visitsPerRoom } from './testing/fixtures.js';

const child = fileURLToPath(new URL('./testing/crash-child.ts', import.meta.url));
const repo = fileURLToPath(new URL('../../..', import.meta.url));

/** Runs the crash child to the end (the restart); resolves with what it printed. */
const finish = (path: string) =>
  new Promise<string>((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, path, '--finish'], {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    proc.on('error', reject);
    proc.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`restart failed (${code}): ${err}`)),
    );
  });

/** Runs the crash child until it reports being mid-batch, then kills it with SIGKILL. */
const killMidBatch = (path: string) =>
  new Promise<void>((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, path], {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let killed = false;
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!killed && out.includes('MID-BATCH')) {
        killed = true;
        proc.kill('SIGKILL');
      }
    });
    proc.on('error', reject);
    proc.on('close', (_code, signal) =>
      killed && signal === 'SIGKILL'
        ? resolve()
        : reject(new Error(`child was not killed mid-batch: ${out} ${err}`)),
    );
  });

describe('projection engine across a crash (SQLite file, SIGKILL)', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('applies every event exactly once after a kill mid-batch and a restart', async () => {
    dir = mkdtempSync(join(tmpdir(), 'praxis-crash-'));
    const path = join(dir, 'practice.db');
    const writer = sqliteEventStore({ path, registry: testEvents });
    const rooms = ['a', 'b', 'c'];
    for (let i = 0; i < 10; i++) {
      await writer.appendToStream(
        `Room-${i}`,
        Array.from({ length: 100 }, (_, j) => visit(rooms[(i + j) % 3]!, j % 11)),
      );
    }
    await writer.close();

    await killMidBatch(path);

    const store = sqliteEventStore({ path, registry: testEvents });
    try {
      const readModels = sqliteReadModelStore(store);
      const [killed] = await readModels.slots('visits-per-room');
      // Three whole batches survived the kill; nothing of the fourth.
      expect(killed?.eventsApplied).toBe(300);
      expect(await readModels.getIn(killed!.slot, 'total')).toBe(300);

      // The restart: a new process resumes from the checkpoint and runs to the head.
      expect(await finish(path)).toContain('FINISHED');
      const [restarted] = await readModels.slots('visits-per-room');
      expect(restarted).toMatchObject({ slot: killed?.slot, eventsApplied: 1000 });

      const clean = memoryReadModelStore();
      await projectionEngine({ store, readModels: clean, projections: [visitsPerRoom()] }).catchUp();
      expect(await collect(readModels.list('visits-per-room', ''))).toEqual(
        await collect(clean.list('visits-per-room', '')),
      );
      expect(await readModels.get('visits-per-room', 'total')).toBe(1000);
    } finally {
      await store.close();
    }
  });
});
