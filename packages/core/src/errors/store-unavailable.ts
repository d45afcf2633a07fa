import { PraxisError, isTagged } from './praxis-error.js';

/** The backend could not be reached or failed in a way that is not the caller's input. */
export class StoreUnavailable extends PraxisError {
  readonly _tag = 'StoreUnavailable' as const;
  constructor(
    readonly store: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`the ${store} store is unavailable: ${reason}`, options);
  }
  static isInstance = isTagged<StoreUnavailable>('StoreUnavailable');
}
