import { PraxisError, isTagged } from './praxis-error.js';

/**
 * A store was asked to open something that is not a Praxis practice: a missing or empty file
 * when creating was not asked for, a file of another program, or a file that is not a database
 * at all. Nothing was changed.
 */
export class NotAPractice extends PraxisError {
  readonly _tag = 'NotAPractice' as const;
  constructor(
    readonly location: string,
    readonly reason: 'missing' | 'empty' | 'foreign' | 'not-a-database',
    readonly detail: string,
  ) {
    super(`${location} is not a Praxis practice: ${detail}; it was not changed`);
  }
  static isInstance = isTagged<NotAPractice>('NotAPractice');
}
