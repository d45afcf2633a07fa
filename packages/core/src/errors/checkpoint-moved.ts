import { PraxisError, isTagged } from './praxis-error.js';

/**
 * A read-model commit expected the slot at one checkpoint and found it at another: a second
 * engine is running the same projection. Nothing was written.
 */
export class CheckpointMoved extends PraxisError {
  readonly _tag = 'CheckpointMoved' as const;
  constructor(
    readonly slot: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`read-model slot ${slot}: expected checkpoint ${expected}, found ${actual}`);
  }
  static isInstance = isTagged<CheckpointMoved>('CheckpointMoved');
}
