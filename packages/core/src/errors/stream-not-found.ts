import { PraxisError, isTagged } from './praxis-error.js';

/** `readStream` on a stream that has no events. */
export class StreamNotFound extends PraxisError {
  readonly _tag = 'StreamNotFound' as const;
  constructor(readonly streamId: string) {
    super(`stream ${streamId} does not exist`);
  }
  static isInstance = isTagged<StreamNotFound>('StreamNotFound');
}
