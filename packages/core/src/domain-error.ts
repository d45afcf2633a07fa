import * as E from 'fp-ts/lib/Either.js';

/**
 * A decider's refusal, as data. `code` is a stable name (`BudgetNotApproved`), `message` a
 * sentence a person can read, `field` the offending input when there is one.
 */
export interface DomainError {
  readonly _tag: 'DomainError';
  readonly code: string;
  readonly message: string;
  readonly field?: string;
}

/** What `decide` returns: the events to append, or why not. */
export type Decision<Ev> = E.Either<DomainError, readonly Ev[]>;

/** Builds a DomainError. */
export const domainError = (code: string, message: string, field?: string): DomainError =>
  field === undefined
    ? { _tag: 'DomainError', code, message }
    : { _tag: 'DomainError', code, message, field };

/**
 * Refuses a command.
 *
 * @example
 * s.status !== 'approved' ? reject('BudgetNotApproved', 'budget must be approved first') : accept(ev)
 */
export const reject = <Ev = never>(code: string, message: string, field?: string): Decision<Ev> =>
  E.left(domainError(code, message, field));

/** Accepts a command with the events it produces. */
export const accept = <Ev>(...events: readonly Ev[]): Decision<Ev> => E.right(events);
