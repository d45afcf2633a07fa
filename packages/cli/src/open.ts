import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadTrustKey, type TrustKey } from '@praxis/audit';
import {
  createPractice,
  parseStoreUrl,
  sqliteStoreUrl,
  type Practice,
  type PracticeOptions,
} from '@praxis/practice';
import type { CommandContext } from './command.js';
import { UsageError } from './usage-error.js';

/** The store string the options name: `--store`, else `--db`, else PRAXIS_STORE, else ./practice.db. */
export const storeOf = (ctx: CommandContext): string => {
  const { store, db } = ctx.values;
  if (typeof store === 'string' && typeof db === 'string')
    throw new UsageError('give --db or --store, not both');
  if (typeof store === 'string') return store;
  if (typeof db === 'string') return sqliteStoreUrl(resolve(ctx.io.cwd, db));
  const env = ctx.io.env['PRAXIS_STORE'];
  if (env !== undefined && env !== '') return env;
  return sqliteStoreUrl(resolve(ctx.io.cwd, 'practice.db'));
};

/**
 * Opens the practice the options name. An existing practice is required unless `create`
 * options are given: a command that reads must not silently create an empty database.
 */
export const openPractice = async (
  ctx: CommandContext,
  create?: Omit<PracticeOptions, 'store'>,
): Promise<Practice> => {
  const store = storeOf(ctx);
  if (create === undefined) checkExists(store);
  const trustKey = trustKeyOf(ctx);
  // A command that reads opens only an existing practice: an empty or foreign file is refused.
  return createPractice({
    store,
    ...(trustKey === undefined ? {} : { trustKey }),
    ...(create ?? { create: false }),
  });
};

/** The trust key: `--key-file`, else PRAXIS_TRUST_KEY_FILE, else PRAXIS_TRUST_KEY (hex or base64); none without. */
export const trustKeyOf = (ctx: CommandContext): TrustKey | undefined => {
  const given = ctx.values['key-file'];
  const file = typeof given === 'string' ? given : ctx.io.env['PRAXIS_TRUST_KEY_FILE'];
  if (file !== undefined && file !== '') return loadTrustKey({ file: resolve(ctx.io.cwd, file) });
  return loadTrustKey({}, ctx.io.env);
};

/**
 * Refuses to go on (a usage error, exit 2) when the SQLite file a command would read does not
 * exist, is a folder, or is a file that is not a SQLite database (its first 16 bytes are not
 * the SQLite header) — input errors, not a store failure.
 */
export const checkExists = (store: string): void => {
  const where = parseStoreUrl(store);
  if (where.kind !== 'sqlite') return;
  if (!existsSync(where.path)) {
    throw new UsageError(`no practice database at ${where.path} (run \`praxis demo\` or pass --db <file>)`);
  }
  if (statSync(where.path).isDirectory())
    throw new UsageError(`${where.path} is a folder, not a practice database (pass --db <file>)`);
  if (!looksLikeSqlite(where.path))
    throw new UsageError(
      `${where.path} is not a Praxis practice: it is not a SQLite database; it was not changed`,
    );
};

const sqliteHeader = Buffer.from('SQLite format 3\0', 'latin1');

/** Whether a file starts with the SQLite header; an empty file (a new database) counts as one. */
const looksLikeSqlite = (path: string): boolean => {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(sqliteHeader.length);
    const n = readSync(fd, head, 0, head.length, 0);
    return n === 0 || (n === head.length && head.equals(sqliteHeader));
  } catch {
    // Unreadable (permissions, …): let the store report why when it opens it.
    return true;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
};
