import * as t from 'io-ts';
import { isSealedToken, type SealedToken } from './token.js';

/**
 * A personal field: the value a command gives (validated by `inner`) is sealed by the vault,
 * with the key of the event's subject, before the event is stored; events, snapshots and read
 * models hold only the token. As a codec it accepts only tokens, so personal data that was not
 * sealed is refused by every store (EventDataInvalid). `reveal` gives the value back — or the
 * placeholder `[forgotten]` once the subject was forgotten.
 */
export class PersonalType<A> extends t.Type<A | SealedToken, string, unknown> {
  readonly _tag = 'PersonalType' as const;
  constructor(readonly inner: t.Type<A, unknown, unknown>) {
    super(
      `Personal<${inner.name}>`,
      (u): u is A | SealedToken => isSealedToken(u),
      (u, c) =>
        isSealedToken(u)
          ? t.success(u)
          : t.failure(u, c, 'is personal data and must be sealed by the vault before it is stored'),
      (a) => a as string,
    );
  }
}

/**
 * Marks a personal field of an event.
 *
 * @example
 * StaffApplicationReceived: t.type({
 *   staffId: subject('staff', NonEmptyString),
 *   name: personal(NonEmptyString),   // stored as [pii:v1:…], revealed as the name
 * })
 */
export const personal = <A>(inner: t.Type<A, unknown, unknown>): PersonalType<A> => new PersonalType(inner);

/**
 * The field naming whose personal data an event holds: its value `v` makes the subject id
 * `${kind}:${v}` (`staff:S-104`). Validates exactly as `inner`.
 */
export class SubjectType<A extends string> extends t.Type<A, A, unknown> {
  readonly _tag = 'SubjectType' as const;
  constructor(
    readonly kind: string,
    readonly inner: t.Type<A, A, unknown>,
  ) {
    super(inner.name, inner.is, inner.validate, inner.encode);
  }
}

/**
 * Marks the top-level field whose value names the subject of an event's personal fields. An
 * event with a `personal` field must have exactly one.
 *
 * @example
 * OshaIncidentRecorded: t.type({ incidentId: NonEmptyString, employeeId: subject('staff', NonEmptyString), description: personal(NonEmptyString), … })
 */
export const subject = <A extends string>(kind: string, inner: t.Type<A, A, unknown>): SubjectType<A> =>
  new SubjectType(kind, inner);

/** The subject id a subject field's value stands for: `subjectIdOf('staff', 'S-104')` → `staff:S-104`. */
export const subjectIdOf = (kind: string, value: string): string => `${kind}:${value}`;
