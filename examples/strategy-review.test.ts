import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bufferIo, main } from '@praxis/cli';
import { createPractice } from '@praxis/practice';
import { strategyReview } from './strategy-review.js';

const dir = mkdtempSync(join(tmpdir(), 'praxis-strategy-'));
const db = join(dir, 'practice.db');
beforeAll(async () => {
  const io = bufferIo();
  if ((await main(['demo', '--db', db, '--encounters', '40'], io)) !== 0) throw new Error(io.stderr());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('example: quarterly strategy review', () => {
  it('measures the revenue cycle, ranks the queue and tries goals on a fork only', async () => {
    const before = await createPractice({ store: `sqlite:${db}`, create: false });
    const head = await before.store.headPosition();
    await before.close();

    const r = await strategyReview(`sqlite:${db}`, '2025-Q2', '2025-07-02');
    expect(r.lines[0]).toBe('Revenue cycle, 2025-Q2:');
    expect(r.lines.some((l) => /Charge lag .*: [1-9]\d* done, median \d+\.\d d/.test(l))).toBe(true);
    expect(r.bottleneck).toBeDefined();
    expect(r.lines.some((l) => l.startsWith('Work queue as of 2025-07-02'))).toBe(true);
    // A higher charge lag is no improvement; a lower one is a goal the rules accept.
    expect(r.refusals.some((x) => x.startsWith('TargetNotAnImprovement'))).toBe(true);
    expect(r.lines.some((l) => l.includes('Goal-lag-down: GoalDrafted'))).toBe(true);

    const after = await createPractice({ store: `sqlite:${db}`, create: false });
    expect(await after.store.headPosition()).toEqual(head);
    expect(await after.store.streamRevision('Goal-lag-down')).toBe('no_stream');
    await after.close();
  });
});
