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
 * Parses a store string: `sqlite:./practice.db` (or `sqlite:///abs/path.db`, and
 * `?synchronous=normal` to trade power-cut durability for speed), `memory:`,
 * `postgres://user:pass@host/db?practice=riverside` (`postgresql://` too; one database can
 * hold many practices), `kurrentdb://host:2113?tls=false` (`esdb://` too). Throws
 * InvalidArgument naming the string otherwise.
 *
 * @example
 * parseStoreUrl('sqlite:./practice.db'); // { kind: 'sqlite', path: './practice.db', synchronous: 'FULL' }
 */
export const parseStoreUrl = (text: string): StoreLocation => {
  const s = text.trim();
  if (s === 'memory:' || s === 'memory') return { kind: 'memory' };
  if (s.startsWith('sqlite:')) {
    const [rest = '', query = ''] = s.slice('sqlite:'.length).split('?', 2);
    const path = rest.startsWith('//') ? rest.slice(2) : rest;
    if (path === '') throw new InvalidArgument('store', `"${text}" names no file (try sqlite:./practice.db)`);
    const sync = new URLSearchParams(query).get('synchronous')?.toUpperCase() ?? 'FULL';
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
