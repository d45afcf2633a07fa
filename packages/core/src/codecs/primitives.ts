import * as t from 'io-ts';
import { isCalendarDate, isInstant, isTimeZone } from './iso-dates.js';

/**
 * Codecs for the values every domain shares. They validate at runtime but keep plain
 * TypeScript types (`string`, `number`), so domain code stays light while nothing invalid
 * reaches the log.
 */
const refine = <A>(name: string, base: t.Type<A, A, unknown>, ok: (a: A) => boolean): t.Type<A, A, unknown> =>
  new t.Type<A, A, unknown>(
    name,
    (u): u is A => base.is(u) && ok(u),
    (u, c) => {
      const r = base.validate(u, c);
      return r._tag === 'Left'
        ? r
        : ok(r.right)
          ? t.success(r.right)
          : t.failure(u, c, `not a valid ${name}`);
    },
    t.identity,
  );

/** Money as an integer number of cents (may be negative, e.g. a refund). */
export const Cents = refine('Cents', t.number, Number.isSafeInteger);
/** Money ≥ 0 as integer cents. */
export const NonNegativeCents = refine(
  'NonNegativeCents',
  t.number,
  (n) => Number.isSafeInteger(n) && n >= 0,
);
/** Money > 0 as integer cents. */
export const PositiveCents = refine('PositiveCents', t.number, (n) => Number.isSafeInteger(n) && n > 0);
export const PositiveInt = refine('PositiveInt', t.number, (n) => Number.isSafeInteger(n) && n > 0);
export const NonNegativeInt = refine('NonNegativeInt', t.number, (n) => Number.isSafeInteger(n) && n >= 0);
export const NonEmptyString = refine('NonEmptyString', t.string, (s) => s.trim().length > 0);

/** A calendar date `YYYY-MM-DD` that exists (2025-02-29 does not). */
export const ISODate = refine('ISODate', t.string, isCalendarDate);

/** An instant: ISO-8601 date-time with an explicit offset or `Z`. */
export const ISOInstant = refine('ISOInstant', t.string, isInstant);

/** An IANA time zone such as `America/New_York`. */
export const TimeZone = refine('TimeZone', t.string, isTimeZone);

/** A currency code such as `USD`. */
export const CurrencyCode = refine('CurrencyCode', t.string, (s) => /^[A-Z]{3}$/.test(s));

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const Uuid = refine('Uuid', t.string, (s) => uuidPattern.test(s));

/** Longest opaque id (characters). */
export const maxOpaqueIdLength = 64;
const opaquePattern = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

/**
 * An opaque reference to a person (a patient id): a UUID, or 1–64 characters of letters, digits
 * and `. _ : -`, starting with a letter or digit and holding at least one letter (`P-10442`,
 * `pat_8f3c`). It stays in the log after the person is forgotten, so it must not be anything
 * that identifies them outside Praxis. The format refuses what commonly is: names (spaces), e-mail
 * addresses (`@`), and numbers made only of digits and punctuation — MRNs, SSNs, phone, member
 * and account numbers, dates. A format cannot prove an id is opaque (an alphanumeric member id
 * passes): issue the id yourself, e.g. the @praxis/patients registration's `patientId`.
 * Refused as `NotOpaque`.
 */
export const OpaqueId = refine(
  'OpaqueId',
  t.string,
  (s) =>
    uuidPattern.test(s) || (s.length <= maxOpaqueIdLength && opaquePattern.test(s) && /[A-Za-z]/.test(s)),
);

/** io-ts `t.type` with some optional keys, in one call. */
export const struct = <R extends t.Props, O extends t.Props = Record<never, never>>(
  required: R,
  optional?: O,
): t.Type<t.TypeOf<t.TypeC<R>> & Partial<t.TypeOf<t.TypeC<O>>>, unknown, unknown> =>
  (optional === undefined
    ? t.type(required)
    : t.intersection([t.type(required), t.partial(optional)])) as never;
