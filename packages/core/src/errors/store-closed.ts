import { PraxisError, isTagged } from './praxis-error.js';

/** An operation on a store after `close()`. */
export class StoreClosed extends PraxisError {
  readonly _tag = 'StoreClosed' as const;
  constructor(readonly store: string) {
    super(`the ${store} store is closed`);
  }
  static isInstance = isTagged<StoreClosed>('StoreClosed');
}
