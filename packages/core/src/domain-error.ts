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

/**
 * What kind of refusal a code is, so an embedding can map it (HTTP: invalid → 422, not-found →
 * 404, conflict → 409, forbidden → 403, rule → 422):
 * - `invalid`: the input is malformed (a missing field, a bad date, an unknown field);
 * - `not-found`: it names something that does not exist;
 * - `conflict`: it clashes with what already happened (a duplicate, a wrong state);
 * - `forbidden`: the actor may not do it (permissions, acting for someone else);
 * - `rule`: a business rule said no.
 */
export type RefusalCategory = 'invalid' | 'not-found' | 'conflict' | 'forbidden' | 'rule';

/** The codes the platform itself refuses with, whatever the aggregate, and their categories. */
export const platformRefusals = {
  UnknownCommand: 'invalid',
  UnknownAggregate: 'not-found',
  UnknownField: 'invalid',
  Required: 'invalid',
  MissingId: 'invalid',
  InvalidField: 'invalid',
  InvalidValue: 'invalid',
  InvalidDate: 'invalid',
  InvalidInstant: 'invalid',
  InvalidAmount: 'invalid',
  InvalidNumber: 'invalid',
  InvalidTimeZone: 'invalid',
  InvalidCurrency: 'invalid',
  InvalidActor: 'invalid',
  NotOpaque: 'invalid',
  TooLong: 'invalid',
  TimeMismatch: 'invalid',
  NotTheActor: 'forbidden',
  NotTheActorRole: 'forbidden',
  Unauthorized: 'forbidden',
} as const satisfies Record<string, RefusalCategory>;

/** A refusal code the platform itself uses. */
export type PlatformRefusalCode = keyof typeof platformRefusals;

/**
 * Declares an aggregate's refusal codes with their categories; the codes' union is
 * `keyof typeof refusals`.
 *
 * @example
 * export const refusals = defineRefusals({ BudgetNotApproved: 'conflict', LineOverspent: 'rule' });
 * export type BudgetRefusal = keyof typeof refusals;
 */
export const defineRefusals = <const R extends Record<string, RefusalCategory>>(refusals: R): R => refusals;

/** The category of a refusal code: the platform's own, the aggregate's declared one, else `rule`. */
export const refusalCategory = (
  code: string,
  declared: Readonly<Record<string, RefusalCategory>> | undefined,
): RefusalCategory =>
  Object.prototype.hasOwnProperty.call(platformRefusals, code)
    ? platformRefusals[code as PlatformRefusalCode]
    : declared !== undefined && Object.prototype.hasOwnProperty.call(declared, code)
      ? declared[code]!
      : 'rule';
