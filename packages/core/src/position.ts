import { InvalidArgument } from './errors/invalid-argument.js';

/**
 * A place in the global order of the log. Opaque to callers but totally ordered:
 * compare with `Position.compare`, persist with `Position.toString` / `Position.parse`.
 *
 * Adapters fill the two parts as their backend orders events: SQLite and memory use one
 * global sequence for both; PostgreSQL uses (transaction id, sequence); KurrentDB its
 * (commit, prepare) pair.
 */
export interface Position {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** Makes a position from its two parts (or one, for single-sequence stores). */
export const make = (commit: bigint, prepare: bigint = commit): Position => ({ commit, prepare });

/** -1, 0 or 1: the order of two positions in the log. */
export const compare = (a: Position, b: Position): -1 | 0 | 1 =>
  a.commit < b.commit
    ? -1
    : a.commit > b.commit
      ? 1
      : a.prepare < b.prepare
        ? -1
        : a.prepare > b.prepare
          ? 1
          : 0;

export const equals = (a: Position, b: Position): boolean => compare(a, b) === 0;

/** `"<commit>/<prepare>"`, or the bare number when both parts are equal. */
export const toString = (p: Position): string =>
  p.commit === p.prepare ? p.commit.toString() : `${p.commit}/${p.prepare}`;

const part = /^\d+$/;

/** Parses what `toString` wrote. Throws InvalidArgument naming the text otherwise. */
export const parse = (text: string): Position => {
  const [c, p, extra] = text.split('/');
  if (c === undefined || !part.test(c) || (p !== undefined && !part.test(p)) || extra !== undefined) {
    throw new InvalidArgument('position', `"${text}" is not a position (expected "123" or "123/456")`);
  }
  return make(BigInt(c), p === undefined ? BigInt(c) : BigInt(p));
};

/** The position before every event. */
export const start: Position = make(0n, 0n);
