import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { domainError, type DomainError } from '../domain-error.js';
import { excessKey, failureCode } from './exact.js';
import { failureOf } from './registry.js';

/**
 * What the command handler fills in from the call rather than the payload:
 * - `actor`: the acting person's id (`approvedBy`, `recordedBy`, `verifiedBy`, …);
 * - `role`: the acting person's role (`approverRole`);
 * - `time`: the business time, an ISO instant (`at`).
 *
 * A caller may leave such a field out (the usual way) or send it equal to what the call says;
 * a different value is refused (`NotTheActor`, `NotTheActorRole`, `TimeMismatch`).
 */
export type Stamp = 'actor' | 'role' | 'time';

/** How one command is checked and stamped (build it with `command`). */
export interface CommandSpec<
  R extends t.Props = t.Props,
  O extends t.Props = t.Props,
  St extends string = string,
  Fa extends t.Props = t.Props,
> {
  readonly required: R;
  readonly optional: O;
  /**
   * Fields the handler fills in from outside the aggregate's stream (another aggregate, a read
   * model, a KPI) before `decide`: a caller may not send them (`UnknownField`); the binding's
   * fact provider supplies them and they are decoded with these codecs. `decide` should copy
   * them into its events, so the decision is frozen and replays without the read model.
   */
  readonly facts: Fa;
  readonly stamps: Readonly<Record<St, Stamp>>;
  /** The stamped fields' names (the keys of `stamps`). */
  readonly stamped: readonly St[];
  /**
   * The date (`YYYY-MM-DD`, start of that day in the practice zone) or instant field that is the
   * command's business time when the call gives no `at`: `hiredOn` for `HireStaffMember`.
   */
  readonly businessTime?: string;
  /**
   * The field naming the person the command is about (`staffId`): a role granted the command
   * only `self:` may name nobody but the acting person.
   */
  readonly subject?: string;
}

/** Any command spec, for maps and lookups. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a map of specs of different shapes
export type AnyCommandSpec = CommandSpec<any, any, any, any>;

/**
 * Declares one command: its required and optional fields (io-ts codecs), and which fields the
 * handler stamps from the call. Unknown fields are refused at every depth.
 *
 * @example
 * const ApproveBudget = command({}, {}, { stamps: { approvedBy: 'actor', at: 'time' } });
 * const HireStaffMember = command({ hiredOn: ISODate }, { role: NonEmptyString }, { businessTime: 'hiredOn' });
 */
export const command = <
  R extends t.Props,
  O extends t.Props = Record<never, never>,
  St extends string = never,
  Fa extends t.Props = Record<never, never>,
>(
  required: R,
  optional?: O,
  options: {
    readonly stamps?: Readonly<Record<St, Stamp>>;
    /** Fields the handler fetches (see `CommandSpec.facts`): `{ baselineValue: t.number }`. */
    readonly facts?: Fa;
    readonly businessTime?: (keyof R | keyof O) & string;
    /** May be the aggregate's id field (`staffId`), which every command accepts. */
    readonly subject?: string;
  } = {},
): CommandSpec<R, O, NoInfer<St>, Fa> => ({
  required,
  optional: (optional ?? {}) as O,
  facts: (options.facts ?? {}) as Fa,
  stamps: (options.stamps ?? {}) as Readonly<Record<St, Stamp>>,
  stamped: Object.keys(options.stamps ?? {}) as St[],
  ...(options.businessTime === undefined ? {} : { businessTime: options.businessTime }),
  ...(options.subject === undefined ? {} : { subject: options.subject }),
});

type Fields<R extends t.Props, O extends t.Props> = { readonly [K in keyof R]: t.TypeOf<R[K]> } & {
  readonly [K in keyof O]?: t.TypeOf<O[K]>;
};

type StampedOf<S> = S extends { readonly stamped: readonly (infer St)[] } ? St & string : never;
type RequiredOf<S> = S extends { readonly required: infer R extends t.Props } ? R : never;
type OptionalOf<S> = S extends { readonly optional: infer O extends t.Props } ? O : never;
type FactsOf<S> = S extends { readonly facts: infer F extends t.Props } ? F : never;

/** The fields a caller sends for a command: stamped fields may be left out. */
export type CommandInput<S> = Fields<RequiredOf<S>, OptionalOf<S>> & {
  readonly [K in StampedOf<S>]?: string;
};

/** The command `decide` sees: the decoded fields, its `type`, and the stamped fields filled in. */
export type DecidedCommand<K extends string, S> = { readonly type: K } & Fields<
  RequiredOf<S>,
  OptionalOf<S>
> & {
    readonly [F in StampedOf<S>]: string;
  } & { readonly [F in keyof FactsOf<S>]: t.TypeOf<FactsOf<S>[F]> };

/** The union of commands a `defineCommands` map describes, as `decide` sees them. */
export type CommandOf<C> =
  C extends CommandCodecs<infer Defs>
    ? { [K in keyof Defs & string]: DecidedCommand<K, Defs[K]> }[keyof Defs & string]
    : never;

/** The input of command `K` of a `defineCommands` map. */
export type CommandInputOf<C, K extends string> =
  C extends CommandCodecs<infer Defs> ? (K extends keyof Defs ? CommandInput<Defs[K]> : never) : never;

/** A decoded command before stamping: its fields, and the stamped fields the caller sent. */
export interface DecodedCommand {
  readonly type: string;
  readonly fields: Readonly<Record<string, unknown>>;
  /** Stamped fields present in the input, to be compared with the call. */
  readonly claimed: Readonly<Record<string, string>>;
  readonly spec: AnyCommandSpec;
}

/** The commands of one aggregate, with their codecs. */
export interface CommandCodecs<Defs extends Record<string, AnyCommandSpec> = Record<string, AnyCommandSpec>> {
  readonly definitions: Defs;
  /** The input field naming the aggregate instance (`budgetId`): always accepted. */
  readonly idKey: string;
  readonly types: readonly string[];
  has(type: string): boolean;
  spec(type: string): AnyCommandSpec | undefined;
  /**
   * Decodes untrusted input (JSON from a caller) for command `type`: exactly the declared
   * fields, each valid. The first failure is a DomainError naming the field path
   * (`charges.0.amount`) with a stable code: `UnknownCommand`, `UnknownField`, `Required`,
   * `InvalidDate`, `InvalidInstant`, `InvalidAmount`, `InvalidNumber`, `InvalidTimeZone`,
   * `InvalidValue`, `InvalidField`.
   */
  decode(type: string, input: unknown): E.Either<DomainError, DecodedCommand>;
}

const isPlainObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/**
 * Longest text (UTF-16 code units) any string in a command may hold: free text (descriptions,
 * notes, reasons, findings), names, labels. Longer is refused `TooLong` naming the field.
 */
export const maxCommandTextLength = 4000;
/**
 * Longest id a command may hold: the aggregate id, any field named `…Id`, each item of a field
 * named `…Ids`. Ids become stream names and read-model keys. Longer is refused `TooLong`.
 */
export const maxCommandIdLength = 200;
/**
 * Most items any list in a command may hold (claim lines, ZIP codes, attendees, findings). A
 * longer list is refused `TooLong` naming the field, before any item is decoded: a command is one
 * decision, and a list of 100,000 items would be frozen into one event and re-read on every replay.
 * Bulk data (go-live imports, remittance files) arrives as many commands, not one long one.
 */
export const maxCommandListLength = 1000;
const isIdField = (key: string): boolean => key.endsWith('Id') || key === 'id';

/**
 * The first string or list in a command's fields longer than its bound, as a `TooLong` refusal
 * naming its path (`findings.0.description`, `zipCodes`). Nesting deeper than 16 levels is left to the codecs, which
 * refuse it as an unknown shape.
 */
const firstTooLong = (v: unknown, path: string, id: boolean, depth: number): DomainError | undefined => {
  if (typeof v === 'string') {
    const max = id ? maxCommandIdLength : maxCommandTextLength;
    return v.length > max
      ? domainError('TooLong', `${bounded(path)} must be at most ${max} characters`, bounded(path))
      : undefined;
  }
  if (depth > 16 || typeof v !== 'object' || v === null) return undefined;
  if (Array.isArray(v)) {
    if (v.length > maxCommandListLength)
      return domainError(
        'TooLong',
        `${bounded(path)} must have at most ${maxCommandListLength} items`,
        bounded(path),
      );
    for (let i = 0; i < v.length; i++) {
      const r = firstTooLong(v[i], `${path}.${i}`, id, depth + 1);
      if (r !== undefined) return r;
    }
    return undefined;
  }
  for (const [k, x] of Object.entries(v)) {
    const r = firstTooLong(x, path === '' ? k : `${path}.${k}`, isIdField(k) || k.endsWith('Ids'), depth + 1);
    if (r !== undefined) return r;
  }
  return undefined;
};

/** A field name or path short enough to keep in a refusal record. */
const bounded = (s: string): string => (s.length > 80 ? `${s.slice(0, 77)}...` : s);

/**
 * Declares the commands of one aggregate: the sibling of `defineEvents`. The command types
 * `decide` sees are inferred (`CommandOf<typeof commands>`), so a codec and its type cannot drift.
 *
 * @example
 * export const commands = defineCommands('budgetId', {
 *   ApproveBudget: command({}, {}, { stamps: { approvedBy: 'actor', at: 'time' } }),
 *   RecordExpense: command({ expenseId: NonEmptyString, amount: PositiveCents }, { vendor: NonEmptyString }),
 * });
 * export type BudgetCommand = CommandOf<typeof commands>;
 */
export const defineCommands = <Defs extends Record<string, AnyCommandSpec>>(
  idKey: string,
  definitions: Defs,
): CommandCodecs<Defs> => {
  const compiled = new Map<string, { spec: AnyCommandSpec; codec: t.Mixed; keys: ReadonlySet<string> }>();
  for (const [type, spec] of Object.entries(definitions)) {
    const stampKeys = Object.keys(spec.stamps);
    const codec =
      Object.keys(spec.optional).length === 0
        ? t.type(spec.required)
        : t.intersection([t.type(spec.required), t.partial(spec.optional)]);
    compiled.set(type, {
      spec,
      codec,
      keys: new Set([...Object.keys(spec.required), ...Object.keys(spec.optional), ...stampKeys]),
    });
  }
  const decode = (type: string, input: unknown): E.Either<DomainError, DecodedCommand> => {
    const c = Object.prototype.hasOwnProperty.call(definitions, type) ? compiled.get(type) : undefined;
    if (c === undefined)
      return E.left(
        domainError('UnknownCommand', `there is no command ${bounded(String(type))} here`, 'type'),
      );
    if (!isPlainObject(input))
      return E.left(domainError('InvalidField', 'a command is an object of named fields', ''));
    const fields: Record<string, unknown> = {};
    const claimed: Record<string, string> = {};
    for (const [key, value] of Object.entries(input)) {
      if (key === 'type') continue;
      if (key in c.spec.stamps && !Object.prototype.hasOwnProperty.call(c.spec.required, key)) {
        if (typeof value !== 'string') return E.left(domainError('InvalidField', `${key} must be text`, key));
        claimed[key] = value;
        continue;
      }
      if (!c.keys.has(key)) {
        if (key === idKey) {
          if (typeof value !== 'string' || value.trim() === '')
            return E.left(domainError('Required', `${idKey} is required`, idKey));
          if (value.length > maxCommandIdLength)
            return E.left(
              domainError('TooLong', `${idKey} must be at most ${maxCommandIdLength} characters`, idKey),
            );
          continue;
        }
        return E.left(domainError('UnknownField', `${bounded(key)} is not a field of ${type}`, bounded(key)));
      }
      fields[key] = value;
    }
    const long = firstTooLong(fields, '', false, 0);
    if (long !== undefined) return E.left(long);
    const r = c.codec.decode(fields);
    if (r._tag === 'Left') {
      const failure = failureOf(r.left);
      return E.left(
        domainError(
          failureCode(r.left),
          `${bounded(failure.field)} ${failure.reason}`,
          bounded(failure.field),
        ),
      );
    }
    const extra = excessKey(c.codec, r.right);
    if (extra !== undefined)
      return E.left(domainError('UnknownField', `${bounded(extra)} is not a known field`, bounded(extra)));
    return E.right({ type, fields: r.right as Record<string, unknown>, claimed, spec: c.spec });
  };
  return {
    definitions,
    idKey,
    types: Object.keys(definitions),
    has: (type) => compiled.has(type) && Object.prototype.hasOwnProperty.call(definitions, type),
    spec: (type) =>
      Object.prototype.hasOwnProperty.call(definitions, type) ? compiled.get(type)?.spec : undefined,
    decode,
  };
};
