/**
 * A mistake the person at the keyboard made (a bad option, a missing file). The CLI prints
 * its message on one line and exits with code 2; it never shows a stack trace for it.
 */
export class UsageError extends Error {
  readonly _tag = 'UsageError' as const;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
  static isInstance = (e: unknown): e is UsageError =>
    typeof e === 'object' && e !== null && (e as { _tag?: unknown })._tag === 'UsageError';
}
