import { PraxisError, isTagged } from './praxis-error.js';

/** A caller passed an argument that cannot be used (names the argument and why). */
export class InvalidArgument extends PraxisError {
  readonly _tag = 'InvalidArgument' as const;
  constructor(
    readonly argument: string,
    readonly reason: string,
  ) {
    super(`${argument}: ${reason}`);
  }
  static isInstance = isTagged<InvalidArgument>('InvalidArgument');
}
