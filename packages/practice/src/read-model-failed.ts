import { PraxisError, isTagged } from '@praxis/core';

/** A read model could not be brought up to date (its projection failed; see `praxis rebuild`). */
export class ReadModelFailed extends PraxisError {
  readonly _tag = 'ReadModelFailed' as const;
  constructor(
    readonly projection: string,
    readonly reason: string,
  ) {
    super(`read model ${projection} could not be updated: ${reason}`);
  }
  static isInstance = isTagged<ReadModelFailed>('ReadModelFailed');
}
