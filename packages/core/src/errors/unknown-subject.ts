import { PraxisError, isTagged } from './praxis-error.js';

/**
 * The vault's key store has never held a key for this subject: nothing was ever sealed for
 * it here (a mistyped id), or the key store was not restored with the log (see
 * docs/operations.md: losing the key store loses the personal data).
 */
export class UnknownSubject extends PraxisError {
  readonly _tag = 'UnknownSubject' as const;
  constructor(readonly subjectId: string) {
    super(`no personal-data key was ever issued for subject ${JSON.stringify(subjectId.slice(0, 200))}`);
  }
  static isInstance = isTagged<UnknownSubject>('UnknownSubject');
}
