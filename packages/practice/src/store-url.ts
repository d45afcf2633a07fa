import { InvalidArgument } from '@praxis/core';

/** Where a practice keeps its event log, parsed from a URL-like string. */
export type StoreLocation =
  | { readonly kind: 'memory' }
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'postgres'; readonly url: string }
  | { readonly kind: 'kurrentdb'; readonly url: string };

/** The store used when none is named: one SQLite file in the working directory. */
export const defaultStore = 'sqlite:./practice.db';

/**
 * Parses a store string: `sqlite:./practice.db` (or `sqlite:///abs/path.db`), `memory:`,
 * `postgres://user:pass@host/db` (`postgresql://` too), `kurrentdb://host:2113?tls=false`
 * (`esdb://` too). Throws InvalidArgument naming the string otherwise.
 *
 * @example
 * parseStoreUrl('sqlite:./practice.db'); // { kind: 'sqlite', path: './practice.db' }
 */
export const parseStoreUrl = (text: string): StoreLocation => {
  const s = text.trim();
  if (s === 'memory:' || s === 'memory') return { kind: 'memory' };
  if (s.startsWith('sqlite:')) {
    const rest = s.slice('sqlite:'.length);
    const path = rest.startsWith('//') ? rest.slice(2) : rest;
    if (path === '') throw new InvalidArgument('store', `"${text}" names no file (try sqlite:./practice.db)`);
    return { kind: 'sqlite', path };
  }
  if (/^postgres(ql)?:\/\//.test(s)) return { kind: 'postgres', url: s };
  if (/^(kurrentdb|kurrent|esdb)(\+discover)?:\/\//.test(s)) return { kind: 'kurrentdb', url: s };
  throw new InvalidArgument(
    'store',
    `"${text}" is not a store (use sqlite:<file>, memory:, postgres://… or kurrentdb://…)`,
  );
};
