import { PraxisError, isTagged } from './praxis-error.js';

/** An event about to be appended failed its codec. Nothing of its batch was written. */
export class EventDataInvalid extends PraxisError {
  readonly _tag = 'EventDataInvalid' as const;
  constructor(
    readonly eventType: string,
    /** Dotted path of the first offending field, e.g. `lines.0.amount`. */
    readonly field: string,
    readonly reason: string,
  ) {
    super(`event ${eventType}: field ${field === '' ? '(root)' : field} ${reason}`);
  }
  static isInstance = isTagged<EventDataInvalid>('EventDataInvalid');
}
