import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { missingPackageOf } from './store-driver-missing.js';

const run = promisify(execFile);
const child = fileURLToPath(new URL('./lazy-load-child.fixture.ts', import.meta.url));
const root = fileURLToPath(new URL('../../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'praxis-lazy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the fixture in a plain Node process (tsx for the TypeScript sources) and parses its output. */
const runChild = async (...args: string[]): Promise<Record<string, unknown>> => {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', child, ...args], {
    cwd: root,
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout) as Record<string, unknown>;
};

const driverCode = /\/store-postgres\/|\/store-kurrentdb\/|\/node_modules\/(pg|pg-[a-z-]+|@kurrent|@grpc)\//;

describe('store packages are loaded when their URL is opened', () => {
  it('importing @praxis/practice and opening a SQLite practice loads no PostgreSQL or KurrentDB code', async () => {
    const out = await runChild('sqlite', join(dir, 'practice.db'));
    const afterSqlite = out['afterSqlite'] as string[];
    const afterDrivers = out['afterDrivers'] as string[];
    // The hook saw the facade and the SQLite store being loaded…
    expect(afterSqlite.some((u) => u.includes('/practice/src/'))).toBe(true);
    expect(afterSqlite.some((u) => u.includes('/store-sqlite/'))).toBe(true);
    // …and none of the drivers a SQLite practice does not use.
    expect(afterSqlite.filter((u) => driverCode.test(u))).toEqual([]);
    // The same hook does see them once they are imported: the check above can fail.
    expect(afterDrivers.some((u) => u.includes('/store-postgres/'))).toBe(true);
    expect(afterDrivers.some((u) => /\/node_modules\/pg\//.test(u))).toBe(true);
    expect(afterDrivers.some((u) => u.includes('/store-kurrentdb/'))).toBe(true);
  });

  it('a URL whose store package is not installed is StoreDriverMissing naming the package', async () => {
    expect(await runChild('missing', 'postgres://u:p@localhost:1/practice')).toEqual({
      tag: 'StoreDriverMissing',
      store: 'postgres',
      missing: '@praxis/store-postgres',
      message:
        'a postgres store needs the package @praxis/store-postgres, which is not installed (npm install @praxis/store-postgres)',
    });
    expect(await runChild('missing', 'kurrentdb://localhost:2113?tls=false')).toMatchObject({
      tag: 'StoreDriverMissing',
      store: 'kurrentdb',
      missing: '@praxis/store-kurrentdb',
    });
  });
});

describe('missingPackageOf', () => {
  it("names the package in Node's own not-found errors (ESM and CommonJS)", async () => {
    const esm = await run(process.execPath, [
      '--input-type=module',
      '-e',
      "const s = '@praxis/no-such-store/sub'; import(s).catch((e) => process.stdout.write(JSON.stringify({ code: e.code, message: e.message })))",
    ]);
    expect(missingPackageOf(JSON.parse(esm.stdout))).toBe('@praxis/no-such-store');
    let cjs: unknown;
    try {
      createRequire(import.meta.url)('pg-no-such-driver');
    } catch (err) {
      cjs = err;
    }
    expect(missingPackageOf(cjs)).toBe('pg-no-such-driver');
  });

  it('leaves other failures alone (they are rethrown as they are)', () => {
    expect(missingPackageOf(new Error('boom'))).toBeUndefined();
    expect(missingPackageOf({ code: 'ERR_MODULE_NOT_FOUND', message: "Cannot find module '/x/y.js'" })).toBe(
      undefined,
    );
    expect(missingPackageOf(undefined)).toBeUndefined();
  });
});
