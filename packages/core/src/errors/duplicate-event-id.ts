import { PraxisError, isTagged } from './praxis-error.js';

/**
 * An event id is already used by another stream, or appears twice in one batch
 * (contract case 14). Retrying the very same append is not this error: it is idempotent.
 */
export class DuplicateEventId extends PraxisError {
  readonly _tag = 'DuplicateEventId' as const;
  constructor(
    readonly eventId: string,
    readonly streamId: string,
    readonly reason: 'used-in-another-stream' | 'repeated-in-batch',
  ) {
    super(
      reason === 'repeated-in-batch'
        ? `event id ${eventId} appears twice in one batch for stream ${streamId}`
        : `event id ${eventId} is already used by another stream (appending to ${streamId})`,
    );
  }
  static isInstance = isTagged<DuplicateEventId>('DuplicateEventId');
}
