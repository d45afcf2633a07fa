/**
 * Base class of every infrastructure error Praxis throws. Domain rejections are not thrown:
 * they are `Left` values (see `DomainError`).
 *
 * Each subclass has a literal `_tag` and an `isInstance` check that works by a marker symbol,
 * so it still recognises errors created by a second copy of the package.
 *
 * @example
 * try { await store.appendToStream(id, events, { expectedRevision: 3n }) }
 * catch (e) { if (WrongExpectedRevision.isInstance(e)) console.log(e.actual) }
 */
const marker = Symbol.for('@praxis/core/error');

export abstract class PraxisError extends Error {
  abstract readonly _tag: string;
  readonly [marker] = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }

  /** True for any Praxis error, whichever copy of the package created it. */
  static isPraxisError(e: unknown): e is PraxisError {
    return typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[marker] === true;
  }
}

/** Builds the `isInstance` check of one error class from its tag. */
export const isTagged =
  <E extends PraxisError>(tag: E['_tag']) =>
  (e: unknown): e is E =>
    PraxisError.isPraxisError(e) && e._tag === tag;
