import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { praxis, tempDir } from './test-support.js';

const tmp = tempDir();
afterAll(() => tmp.remove());
const missing = join(tmp.dir, 'none.db');

describe('praxis: usage and errors', () => {
  it('lists every command on --help', async () => {
    const r = await praxis(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['demo', 'kpi', 'audit', 'replay', 'verify', 'rebuild', 'report', 'import']) {
      expect(r.out).toMatch(new RegExp(`^  ${c} `, 'm'));
    }
  });

  it('shows the usage of a command with its options', async () => {
    const r = await praxis(['audit', '--help']);
    expect([r.code, r.out.includes('--format table|csv|jsonl')]).toEqual([0, true]);
  });

  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['kpi', '--perid', '2025'], /^praxis: unknown option --perid \(see praxis kpi --help\)$/m],
    [
      ['audit', '--limit', '-3', '--db', missing],
      /--limit needs a value; a value that starts with "-" is written --limit=-…/,
    ],
    [['kpi', '--db', missing], /no practice database at .*none\.db/],
    [['audit', '--format', 'xml', '--db', missing], /--format must be table, csv or jsonl/],
    [['replay', '--db', missing], /replay needs --as-of/],
    [['report', '--db', missing], /report needs --html/],
    [['import', '--db', missing], /import needs a CSV file/],
    [['demo', '--seed', 'x'], /--seed must be a whole number/],
    [['kpi', 'extra', '--db', missing], /unexpected argument "extra"/],
    [['kpi', '--db', 'a.db', '--store', 'memory:'], /give --db or --store, not both/],
    [['kpi', '--store', 'mysql://x'], /is not a store/],
  ])('%j prints one line and exits 2', async (argv, message) => {
    const r = await praxis(argv, tmp.dir);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(message);
  });
});

describe('praxis as a process', () => {
  const bin = fileURLToPath(new URL('./bin.ts', import.meta.url));
  // From the repository root, where tsx finds the tsconfig that maps @praxis/* to the sources.
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const run = (args: string[]) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', bin, ...args], { cwd: root }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({
        code: e.code,
        stdout: e.stdout,
        stderr: e.stderr,
      }),
    );

  it('exits non-zero with one line and no stack trace for a user error', async () => {
    const r = await run(['kpi', '--db', missing]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^praxis: no practice database at /),
    ]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
