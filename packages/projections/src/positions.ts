import { Position } from '@praxis/core';

/**
 * The smallest position after `p` that a store can be asked to read from. Stores with one
 * sequence (memory, SQLite) use the next number; two-part positions (PostgreSQL's
 * (transaction, sequence)) the next sequence within the same transaction.
 */
export const positionAfter = (p: Position.Position): Position.Position =>
  p.commit === p.prepare ? Position.make(p.commit + 1n) : Position.make(p.commit, p.prepare + 1n);

/** The later of two positions. */
export const later = (a: Position.Position, b: Position.Position | undefined): Position.Position =>
  b === undefined || Position.compare(a, b) >= 0 ? a : b;

/**
 * Events between a checkpoint and the head of the log. Exact on stores whose positions count
 * events (memory, SQLite); an estimate where the sequence has gaps (PostgreSQL).
 */
export const eventsBehind = (
  checkpoint: Position.Position | undefined,
  head: Position.Position | undefined,
): number => {
  if (head === undefined) return 0;
  const done = checkpoint?.prepare ?? 0n;
  return head.prepare > done ? Number(head.prepare - done) : 0;
};
