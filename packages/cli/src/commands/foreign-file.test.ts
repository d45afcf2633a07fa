import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { praxis, tempDir } from '../test-support.js';

const tmp = tempDir();
afterAll(() => tmp.remove());
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('commands that read a practice refuse a file that is not one, and leave it untouched', () => {
  it("another program's SQLite database: verify and kpi refuse it, no table is added, no WAL", async () => {
    const path = join(tmp.dir, 'accounts.db');
    const other = new Database(path);
    other.exec(
      'CREATE TABLE ledger (id INTEGER PRIMARY KEY, cents INTEGER); INSERT INTO ledger VALUES (1, 500);',
    );
    other.close();
    const before = sha256(path);
    for (const argv of [['verify'], ['kpi', '--period', '2025-Q2']]) {
      const r = await praxis([...argv, '--db', path], tmp.dir);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(
        /accounts\.db is not a Praxis practice: it is another program's SQLite database \(tables ledger\); it was not changed/,
      );
      expect(r.out).not.toMatch(/intact/);
    }
    expect(sha256(path)).toBe(before);
    const again = new Database(path, { readonly: true });
    expect(again.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(again.prepare('SELECT name FROM sqlite_master').pluck().all()).toEqual(['ledger']);
    again.close();
  });

  it('a 0-byte file: verify refuses it and it stays empty', async () => {
    const path = join(tmp.dir, 'empty.db');
    writeFileSync(path, '');
    const r = await praxis(['verify', '--db', path], tmp.dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/empty\.db is not a Praxis practice: the file is empty \(0 bytes\)/);
    expect(readFileSync(path).length).toBe(0);
  });

  it('a folder or a file that is not SQLite (a README) is an input error (exit 2), and the file is left as it was', async () => {
    const text = join(tmp.dir, 'README.md');
    writeFileSync(text, '# Not a database\n\nJust text.\n');
    const before = sha256(text);
    for (const argv of [['kpi', '--period', '2025-Q2'], ['audit'], ['stock']]) {
      const onText = await praxis([...argv, '--db', text], tmp.dir);
      expect([onText.code, onText.err.trim()]).toEqual([
        2,
        `praxis: ${text} is not a Praxis practice: it is not a SQLite database; it was not changed`,
      ]);
      const onDir = await praxis([...argv, '--db', tmp.dir], tmp.dir);
      expect([onDir.code, onDir.err.trim()]).toEqual([
        2,
        `praxis: ${tmp.dir} is a folder, not a practice database (pass --db <file>)`,
      ]);
    }
    expect(sha256(text)).toBe(before);
  });
});
