import type { Position as KurrentPosition } from '@kurrent/kurrentdb-client';
import { Position } from '@praxis/core';

/**
 * KurrentDB's $all position is a (commit, prepare) pair of transaction-log offsets, ordered
 * by commit, then prepare — exactly Praxis' Position, so the mapping keeps both parts.
 */
export const fromKurrentPosition = (p: KurrentPosition): Position.Position =>
  Position.make(p.commit, p.prepare);

/** A Praxis position as KurrentDB's, for `fromPosition` of reads and subscriptions. */
export const toKurrentPosition = (p: Position.Position): KurrentPosition => ({
  commit: p.commit,
  prepare: p.prepare,
});
