import type { Position } from '../position.js';
import { PraxisError, isTagged } from './praxis-error.js';

/** A stored event could not be decoded on read (corrupt row, or data its codec rejects). */
export class EventDecodeFailed extends PraxisError {
  readonly _tag = 'EventDecodeFailed' as const;
  constructor(
    readonly streamId: string,
    readonly revision: bigint,
    readonly eventType: string,
    readonly reason: string,
    /** Where the row sits in the log, when the store knows it. */
    readonly position?: Position,
  ) {
    super(`cannot decode ${eventType} at ${streamId}@${revision}: ${reason}`);
  }
  static isInstance = isTagged<EventDecodeFailed>('EventDecodeFailed');
}
