import type { ExpectedRevision, StreamRevision } from '../event-store.js';
import { PraxisError, isTagged } from './praxis-error.js';

/** An append's expected revision did not match the stream; `actual` says what the stream is at. */
export class WrongExpectedRevision extends PraxisError {
  readonly _tag = 'WrongExpectedRevision' as const;
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: StreamRevision,
  ) {
    super(
      `stream ${streamId}: expected revision ${String(expected)}, actual ${actual === 'no_stream' ? 'no stream' : String(actual)}`,
    );
  }
  static isInstance = isTagged<WrongExpectedRevision>('WrongExpectedRevision');
}
