import { PraxisError, isTagged } from './praxis-error.js';

/**
 * The subject was forgotten (its key destroyed): nothing new may be sealed for it. A person
 * who comes back after an erasure is a new subject with a new id.
 */
export class SubjectForgotten extends PraxisError {
  readonly _tag = 'SubjectForgotten' as const;
  constructor(
    readonly subjectId: string,
    readonly forgottenAt: string,
  ) {
    super(`subject ${JSON.stringify(subjectId.slice(0, 200))} was forgotten at ${forgottenAt}`);
  }
  static isInstance = isTagged<SubjectForgotten>('SubjectForgotten');
}
