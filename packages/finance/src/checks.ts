import * as E from 'fp-ts/lib/Either.js';
import { ISODate, ISOInstant, TimeZone, domainError, type DomainError } from '@praxis/core';

/**
 * Field checks shared by the finance deciders. Commands are typed, but they can come from
 * JSON (the CLI, an integration), so `decide` still refuses a bad value by naming the field.
 * Each returns the error, or `undefined` when the value is fine.
 */
export type Check = DomainError | undefined;

/** Integer cents greater than zero. */
export const positiveCents = (n: unknown, field: string): Check =>
  typeof n === 'number' && Number.isSafeInteger(n) && n > 0
    ? undefined
    : domainError('InvalidAmount', `${field} must be a positive whole number of cents`, field);

/** Integer cents, zero or more. */
export const nonNegativeCents = (n: unknown, field: string): Check =>
  typeof n === 'number' && Number.isSafeInteger(n) && n >= 0
    ? undefined
    : domainError('InvalidAmount', `${field} must be a whole number of cents, zero or more`, field);

/** A whole number, zero or more. */
export const nonNegativeInt = (n: unknown, field: string): Check =>
  typeof n === 'number' && Number.isSafeInteger(n) && n >= 0
    ? undefined
    : domainError('InvalidNumber', `${field} must be a whole number, zero or more`, field);

/** Text with something in it. */
export const required = (s: unknown, field: string): Check =>
  typeof s === 'string' && s.trim().length > 0
    ? undefined
    : domainError('Required', `${field} is required`, field);

/** An ISO-8601 instant with offset (business time of the command). */
export const instant = (s: unknown, field = 'at'): Check =>
  ISOInstant.is(s)
    ? undefined
    : domainError('InvalidInstant', `${field} must be an ISO-8601 instant with offset`, field);

/** A `YYYY-MM-DD` calendar date. */
export const date = (s: unknown, field: string): Check =>
  ISODate.is(s) ? undefined : domainError('InvalidDate', `${field} must be a YYYY-MM-DD date`, field);

/** An IANA time zone. */
export const zone = (s: unknown, field = 'timeZone'): Check =>
  TimeZone.is(s) ? undefined : domainError('InvalidTimeZone', `${field} must be an IANA time zone`, field);

/** The first failing check, as a Decision-compatible Left, or `undefined`. */
export const firstFailure = (...checks: readonly Check[]): E.Either<DomainError, never> | undefined => {
  const failed = checks.find((c) => c !== undefined);
  return failed === undefined ? undefined : E.left(failed);
};

/**
 * A sum of cents that must stay a safe integer (at most `Number.MAX_SAFE_INTEGER`, 2^53 − 1):
 * beyond it a number no longer holds every whole cent, so the total would be wrong. Returns
 * `InvalidAmount` naming `field` when the sum leaves the range.
 *
 * @example
 * safeTotal([Number.MAX_SAFE_INTEGER, 2], 'charges'); // InvalidAmount on `charges`
 */
export const safeTotal = (amounts: Iterable<number>, field: string): Check => {
  let total = 0;
  for (const a of amounts) {
    total += a;
    if (!Number.isSafeInteger(total))
      return domainError(
        'InvalidAmount',
        `${field} add up to more than ${Number.MAX_SAFE_INTEGER} cents, the largest total Praxis can hold exactly`,
        field,
      );
  }
  return undefined;
};
