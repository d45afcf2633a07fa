import type { ExpectedRevision, StreamRevision } from '../event-store.js';
import { DuplicateEventId } from '../errors/duplicate-event-id.js';
import { InvalidArgument } from '../errors/invalid-argument.js';
import { WrongExpectedRevision } from '../errors/wrong-expected-revision.js';

/** Throws WrongExpectedRevision unless `current` satisfies `expected`. */
export const checkExpectedRevision = (
  streamId: string,
  expected: ExpectedRevision,
  current: StreamRevision,
): void => {
  if (expected === 'any') return;
  if (expected === 'no_stream') {
    if (current !== 'no_stream') throw new WrongExpectedRevision(streamId, expected, current);
    return;
  }
  if (expected === 'stream_exists') {
    if (current === 'no_stream') throw new WrongExpectedRevision(streamId, expected, current);
    return;
  }
  if (typeof expected !== 'bigint' || expected < 0n) {
    throw new InvalidArgument(
      'expectedRevision',
      `${String(expected)} is not 'any', 'no_stream', 'stream_exists' or a bigint ≥ 0`,
    );
  }
  if (current !== expected) throw new WrongExpectedRevision(streamId, expected, current);
};

/** Where an id of the batch already sits in the log. */
export interface ExistingEvent {
  readonly streamId: string;
  readonly revision: bigint;
}

/**
 * Decides what an append whose event ids may already be stored means (contract 11–14):
 * - none stored: `{ kind: 'new' }`, append normally;
 * - all stored, consecutively, in this stream, and `expected` agrees with the revision before
 *   them: `{ kind: 'replay', first, last }`, return the original result, store nothing;
 * - any stored in another stream: DuplicateEventId;
 * - otherwise (only some match, or the expected revision does not): WrongExpectedRevision.
 */
export const classifyRetry = (
  streamId: string,
  ids: readonly string[],
  found: ReadonlyMap<string, ExistingEvent>,
  expected: ExpectedRevision,
  current: StreamRevision,
): { kind: 'new' } | { kind: 'replay'; first: bigint; last: bigint } => {
  if (found.size === 0) return { kind: 'new' };
  for (const id of ids) {
    const f = found.get(id);
    if (f !== undefined && f.streamId !== streamId) {
      throw new DuplicateEventId(id, streamId, 'used-in-another-stream');
    }
  }
  const first = found.get(ids[0] ?? '');
  const consecutive =
    first !== undefined && ids.every((id, i) => found.get(id)?.revision === first.revision + BigInt(i));
  if (!consecutive) throw new WrongExpectedRevision(streamId, expected, current);
  const before: StreamRevision = first.revision === 0n ? 'no_stream' : first.revision - 1n;
  const agrees =
    expected === 'any' ||
    (expected === 'no_stream' && before === 'no_stream') ||
    (expected === 'stream_exists' && before !== 'no_stream') ||
    expected === before;
  if (!agrees) throw new WrongExpectedRevision(streamId, expected, current);
  return { kind: 'replay', first: first.revision, last: first.revision + BigInt(ids.length - 1) };
};
