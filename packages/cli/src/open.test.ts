import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPractice, parseStoreUrl } from '@praxis/practice';
import { bufferIo } from './io.js';
import { main } from './main.js';
import { storeOf } from './open.js';

const dir = mkdtempSync(join(tmpdir(), 'praxis-db-name-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--db <file>', () => {
  it('keeps a ? (or %) in the file name instead of cutting the name short', () => {
    const store = storeOf({
      io: bufferIo({ cwd: '/data' }),
      values: { db: 'practice?v2 50%.db' },
      positionals: [],
    });
    expect(parseStoreUrl(store)).toMatchObject({ kind: 'sqlite', path: '/data/practice?v2 50%.db' });
  });

  it('opens the practice in practice?v2.db, not in practice', async () => {
    const file = join(dir, 'practice?v2.db');
    const practice = await createPractice({
      store: `sqlite:${file.replace(/\?/g, '%3F')}`,
      timeZone: 'UTC',
      currency: 'USD',
      name: 'Question mark practice',
    });
    await practice.close();
    const io = bufferIo({ cwd: dir });
    expect(await main(['verify', '--db', 'practice?v2.db'], io)).toBe(0);
    // `praxis verify --db practice` would be another (missing) file: the name was not truncated.
    expect(await main(['verify', '--db', 'practice'], bufferIo({ cwd: dir }))).not.toBe(0);
  });
});
