import { PraxisError, isTagged } from './praxis-error.js';

/** An event type that no registered codec covers. */
export class UnknownEventType extends PraxisError {
  readonly _tag = 'UnknownEventType' as const;
  constructor(readonly eventType: string) {
    super(`no codec is registered for event type ${eventType}`);
  }
  static isInstance = isTagged<UnknownEventType>('UnknownEventType');
}
