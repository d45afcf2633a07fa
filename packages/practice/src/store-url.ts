import { InvalidArgument } from '@praxis/core';

/** Where a practice keeps its event log, parsed from a URL-like string. */
export type StoreLocation =
  | { readonly kind: 'memory' }
  | {
      readonly kind: 'sqlite';
      readonly path: string;
      /** `FULL` (default): an acknowledged command survives a power cut; `NORMAL`: a process crash. */
      readonly synchronous: 'FULL' | 'NORMAL';
    }
  | {
      readonly kind: 'postgres';
      /** The connection string without the `practice` parameter. */
      readonly url: string;
      /** Which practice's schema to use in the database (default `main`). */
      readonly practice: string;
    }
  | { readonly kind: 'kurrentdb'; readonly url: string };

/** The practice a PostgreSQL URL names when it names none. */
export const defaultPostgresPractice = 'main';

/** The store used when none is named: one SQLite file in the working directory. */
export const defaultStore = 'sqlite:./practice.db';

/**
 * The store string of a SQLite file named by a plain path (as `praxis --db <file>` takes it):
 * `?`, `#`, `%` and white space in the path are percent-encoded, so a file called
 * `practice?v2.db` is not read as `practice` with a `v2.db` parameter.
 *
 * @example
 * sqliteStoreUrl('/data/practice?v2.db'); // 'sqlite:/data/practice%3Fv2.db'
 */
export const sqliteStoreUrl = (path: string): string => {
  const escaped = path.replace(/[%?#\s]/gu, (c) => encodeURIComponent(c));
  // `sqlite://x` means the path `x`: a path that itself starts with `//` keeps both slashes.
  return `sqlite:${escaped.startsWith('//') ? `//${escaped}` : escaped}`;
};

/** The parameters a `sqlite:` store string may carry. */
const sqliteParameters = new Set(['synchronous']);

/**
 * Decodes the `%XX` escapes (UTF-8) of a SQLite path; a `%` that starts no valid escape stays
 * as it is, so `sqlite:./50%.db` still names `./50%.db`.
 */
const decodePath = (path: string): string =>
  path.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });

/**
 * Parses a store string: `sqlite:./practice.db` (or `sqlite:///abs/path.db`, and
 * `?synchronous=normal` to trade power-cut durability for speed), `memory:`,
 * `postgres://user:pass@host/db?practice=riverside` (`postgresql://` too; one database can
 * hold many practices), `kurrentdb://host:2113?tls=false` (`esdb://` too). Throws
 * InvalidArgument naming the string otherwise.
 *
 * In a `sqlite:` string, everything after the first `?` is parameters, and a parameter other
 * than `synchronous` is refused rather than ignored: a file name with a `?` in it is written
 * `%3F` (as in SQLite's own URIs; `sqliteStoreUrl` does it), never silently cut short. `%XX`
 * escapes in the path are decoded (`%25` is a `%`).
 *
 * @example
 * parseStoreUrl('sqlite:./practice.db'); // { kind: 'sqlite', path: './practice.db', synchronous: 'FULL' }
 * parseStoreUrl('sqlite:./practice%3Fv2.db'); // { kind: 'sqlite', path: './practice?v2.db', … }
 */
export const parseStoreUrl = (text: string): StoreLocation => {
  const s = text.trim();
  if (s === 'memory:' || s === 'memory') return { kind: 'memory' };
  if (s.startsWith('sqlite:')) {
    const body = s.slice('sqlite:'.length);
    const mark = body.indexOf('?');
    const rest = mark === -1 ? body : body.slice(0, mark);
    const query = mark === -1 ? '' : body.slice(mark + 1);
    const raw = rest.startsWith('//') ? rest.slice(2) : rest;
    const path = decodePath(raw);
    if (path === '') throw new InvalidArgument('store', `"${text}" names no file (try sqlite:./practice.db)`);
    const params = new URLSearchParams(query);
    for (const key of params.keys()) {
      if (!sqliteParameters.has(key)) {
        throw new InvalidArgument(
          'store',
          `"${text}" has an unknown parameter "${key}" (a SQLite store takes only synchronous; ` +
            `write a "?" in a file name as %3F)`,
        );
      }
    }
    const sync = params.get('synchronous')?.toUpperCase() ?? 'FULL';
    if (sync !== 'FULL' && sync !== 'NORMAL') {
      throw new InvalidArgument('store', `synchronous must be full or normal (got "${sync.toLowerCase()}")`);
    }
    return { kind: 'sqlite', path, synchronous: sync };
  }
  if (/^postgres(ql)?:\/\//.test(s)) {
    let url: URL;
    try {
      url = new URL(s);
    } catch {
      throw new InvalidArgument('store', `"${text}" is not a valid PostgreSQL URL`);
    }
    const practice = url.searchParams.get('practice') ?? defaultPostgresPractice;
    url.searchParams.delete('practice');
    return { kind: 'postgres', url: url.toString(), practice };
  }
  if (/^(kurrentdb|kurrent|esdb)(\+discover)?:\/\//.test(s)) return { kind: 'kurrentdb', url: s };
  throw new InvalidArgument(
    'store',
    `"${text}" is not a store (use sqlite:<file>, memory:, postgres://… or kurrentdb://…)`,
  );
};

/** The package that opens each kind of store, imported only when a store of that kind is opened. */
export const storePackageOf = {
  memory: '@praxis/store-memory',
  sqlite: '@praxis/store-sqlite',
  postgres: '@praxis/store-postgres',
  kurrentdb: '@praxis/store-kurrentdb',
} as const satisfies Record<StoreLocation['kind'], string>;
