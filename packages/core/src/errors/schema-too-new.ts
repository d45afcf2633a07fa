import { PraxisError, isTagged } from './praxis-error.js';

/** A database whose schema was written by a newer Praxis. It is left untouched. */
export class SchemaTooNew extends PraxisError {
  readonly _tag = 'SchemaTooNew' as const;
  constructor(
    readonly location: string,
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `${location} has schema version ${found}, this Praxis supports up to ${supported}; upgrade Praxis (the file was not changed)`,
    );
  }
  static isInstance = isTagged<SchemaTooNew>('SchemaTooNew');
}
