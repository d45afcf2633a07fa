import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  type AppendStreamState,
  type CurrentStreamState,
} from '@kurrent/kurrentdb-client';
import { StoreKit, type ExpectedRevision, type StreamRevision } from '@praxis/core';

/**
 * Praxis' expected revision as KurrentDB's expected stream state. The two agree exactly:
 * revisions are 0-based in both, and the three keywords have the same meaning.
 * Throws InvalidArgument for anything else (a negative revision, an unknown word).
 */
export const toStreamState = (streamId: string, expected: ExpectedRevision): AppendStreamState => {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      // Validates an exact revision (bigint ≥ 0) and words the refusal otherwise.
      StoreKit.checkExpectedRevision(streamId, expected, expected);
      return expected;
  }
};

/** KurrentDB's "current state" of a stream (in a WrongExpectedVersion error) as a Praxis revision. */
export const fromCurrentState = (state: CurrentStreamState): StreamRevision =>
  state === NO_STREAM ? 'no_stream' : state;
