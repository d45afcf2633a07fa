import { PraxisError, isTagged } from './praxis-error.js';

/**
 * A write to a keyed log (one whose events are sealed under a trust key, see docs/audit.md)
 * through a practice opened without that key. Such a practice reads, verifies and reports, but
 * records nothing: an unsealed event would read as tampering (`unsealed`) for good, and no
 * checkpoint could be signed over it. Open it with its key (`createPractice({ trustKey })`,
 * `--key-file`) to write.
 */
export class TrustKeyRequired extends PraxisError {
  readonly _tag = 'TrustKeyRequired' as const;
  constructor(
    /** The key id the log is sealed under. */
    readonly keyId: string,
    /** The stream the refused write was for. */
    readonly streamId: string,
  ) {
    super(
      `this log is sealed with trust key ${keyId}: writing to ${streamId} needs that key (createPractice({ trustKey }) or --key-file); without it the practice is read-only`,
    );
  }
  static isInstance = isTagged<TrustKeyRequired>('TrustKeyRequired');
}
