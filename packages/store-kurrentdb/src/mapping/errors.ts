import {
  AccessDeniedError,
  MaxAppendSizeExceededError,
  StreamDeletedError,
  StreamNotFoundError,
  StreamTombstonedError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import {
  InvalidArgument,
  PraxisError,
  StoreUnavailable,
  StreamNotFound,
  WrongExpectedRevision,
  type ExpectedRevision,
} from '@praxis/core';
import { fromCurrentState } from './expected-revision.js';

/**
 * Turns what the KurrentDB client threw into the error every Praxis store throws:
 * - WrongExpectedVersionError → WrongExpectedRevision (with the actual revision, and the
 *   expectation the caller gave, not the one the adapter may have sent);
 * - StreamNotFoundError, StreamDeletedError, StreamTombstonedError → StreamNotFound;
 * - MaxAppendSizeExceededError → InvalidArgument (the batch is too large);
 * - anything else (unavailable, not leader, deadline, access denied, …) → StoreUnavailable,
 *   with the original as `cause`. Praxis errors pass through unchanged.
 */
export const toStoreError = (
  err: unknown,
  context: { streamId?: string; expected?: ExpectedRevision } = {},
): unknown => {
  if (PraxisError.isPraxisError(err)) return err;
  if (err instanceof WrongExpectedVersionError) {
    const streamId = context.streamId ?? err.streamName;
    return new WrongExpectedRevision(
      streamId,
      context.expected ?? err.expectedState,
      fromCurrentState(err.actualState),
    );
  }
  if (
    err instanceof StreamNotFoundError ||
    err instanceof StreamDeletedError ||
    err instanceof StreamTombstonedError
  ) {
    return new StreamNotFound(context.streamId ?? streamNameOf(err));
  }
  if (err instanceof MaxAppendSizeExceededError) {
    return new InvalidArgument(
      'events',
      `the batch exceeds the server's maximum append size (${err.maxAppendSize} bytes)`,
    );
  }
  const reason =
    err instanceof AccessDeniedError
      ? `access denied: ${err.message}`
      : err instanceof Error
        ? err.message
        : String(err);
  return new StoreUnavailable('kurrentdb', reason, { cause: err });
};

const streamNameOf = (err: StreamNotFoundError | StreamDeletedError | StreamTombstonedError): string =>
  'streamName' in err ? err.streamName : err.stream;
