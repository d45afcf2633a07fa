import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import * as P from './primitives.js';
import { PersonalType, SubjectType } from '../vault/personal.js';
import { personalSpecOf, type PersonalSpec } from '../vault/plan.js';
import { InvalidArgument } from '../errors/invalid-argument.js';

/** A domain event before it is stored: its type and its data. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/** Turns data of schema version `n` into data of version `n + 1`. */
export type Upcaster = (data: unknown) => unknown;

/** How one event type is checked: its codec, current schema version and upcasters. */
export interface EventSpec<A = unknown> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the JSON form of each codec differs
  readonly codec: t.Type<A, any, unknown>;
  /** Current schema version (default 1). */
  readonly version?: number;
  /** `upcasters[n]` turns version n into n + 1, for every n below `version`. */
  readonly upcasters?: Readonly<Record<number, Upcaster>>;
}

type SpecOrCodec = t.Mixed | EventSpec<unknown>;
type DataOf<S> = S extends t.Mixed ? t.TypeOf<S> : S extends EventSpec<infer A> ? A : never;

/** The union of domain events a definitions map describes. */
export type EventOf<R> =
  R extends EventCodecs<infer Defs>
    ? { [K in keyof Defs & string]: DomainEvent<K, DataOf<Defs[K]>> }[keyof Defs & string]
    : never;

/** Why data did not pass a codec: the first offending field and the reason. */
export interface CodecFailure {
  readonly field: string;
  readonly reason: string;
}

/**
 * A set of event codecs: exhaustive over an aggregate's event union because the union is
 * inferred from the map (an event type without a codec cannot exist).
 */
export interface EventRegistry {
  readonly types: readonly string[];
  has(type: string): boolean;
  /** The current schema version of `type`. */
  version(type: string): number | undefined;
  /** Validates data about to be appended; returns its JSON form. */
  encode(type: string, data: unknown): E.Either<CodecFailure, unknown>;
  /** Upcasts stored data from `schemaVersion` to the current version, then validates it. */
  decode(type: string, schemaVersion: number, data: unknown): E.Either<CodecFailure, unknown>;
  /**
   * Where `type`'s personal fields are and which field names their subject (undefined: none);
   * the vault seals those fields before the event is stored. Optional for hand-written registries.
   */
  personal?(type: string): PersonalSpec | undefined;
}

export interface EventCodecs<Defs extends Record<string, SpecOrCodec>> extends EventRegistry {
  readonly definitions: Defs;
  /** Typed helper to build one event: `Budget.events.make('BudgetApproved', {...})`. */
  make<K extends keyof Defs & string>(type: K, data: DataOf<Defs[K]>): DomainEvent<K, DataOf<Defs[K]>>;
}

/**
 * Core codecs built on a scalar base whose check is one predicate: `is(u)` and `validate(u)` run
 * the same predicate and a success returns `u` itself.
 */
const identityPrimitives: ReadonlySet<t.Mixed> = new Set<t.Mixed>([
  P.Cents,
  P.NonNegativeCents,
  P.PositiveCents,
  P.PositiveInt,
  P.NonNegativeInt,
  P.NonEmptyString,
  P.ISODate,
  P.ISOInstant,
  P.TimeZone,
  P.CurrencyCode,
  P.Uuid,
]);

/** Scalar io-ts types: `validate(u)` succeeds exactly when `is(u)`, with `u` itself. */
const isScalar = (c: t.Mixed): boolean =>
  c instanceof t.StringType ||
  c instanceof t.NumberType ||
  c instanceof t.BooleanType ||
  c instanceof t.NullType ||
  c instanceof t.LiteralType ||
  c instanceof t.KeyofType ||
  identityPrimitives.has(c);

/**
 * Whether `codec.is(u)` implies that `codec.decode(u)` succeeds with `u` itself (no copy, no
 * transformation), read off the structure of io-ts's own combinators (io-ts 2.2: `type` and
 * `partial` copy an object only when a field's value changes, `array` likewise, `intersection`
 * returns the input when every member does, `refinement`/`brand` return the base's value). Then
 * a read may check stored data with the allocation-free `is` and run the full `decode` only to
 * explain a failure — the same check and the same result. Anything not recognised is `false`
 * (always the full decode).
 */
export const decodesToItself = (codec: t.Mixed): boolean => {
  if (isScalar(codec)) return true;
  // A personal field's stored form is a token string, checked by one predicate.
  if (codec instanceof PersonalType) return true;
  if (codec instanceof SubjectType) return decodesToItself(codec.inner as t.Mixed);
  if (codec instanceof t.InterfaceType || codec instanceof t.PartialType)
    return Object.values(codec.props as Record<string, t.Mixed>).every(decodesToItself);
  if (codec instanceof t.RefinementType || codec instanceof t.ReadonlyType)
    return decodesToItself(codec.type as t.Mixed);
  if (codec instanceof t.ArrayType || codec instanceof t.ReadonlyArrayType)
    return decodesToItself(codec.type as t.Mixed);
  if (codec instanceof t.IntersectionType) return (codec.types as t.Mixed[]).every(decodesToItself);
  // A union returns the first member that validates: safe when every member is a scalar.
  if (codec instanceof t.UnionType) return (codec.types as t.Mixed[]).every(isScalar);
  return false;
};

const isSpec = (s: SpecOrCodec): s is EventSpec<unknown> => !(s instanceof t.Type);

/** Dotted path of the first failing field in an io-ts error, e.g. `lines.0.amount`. */
export const failureOf = (errors: t.Errors): CodecFailure => {
  const first = errors[0];
  if (first === undefined) return { field: '', reason: 'is invalid' };
  // Skip the root, and the branch indices that unions and intersections add to the path.
  const ctx = first.context;
  const field = ctx
    .filter((c, i) => {
      const parent = ctx[i - 1]?.type;
      return (
        i > 0 && c.key !== '' && !(parent instanceof t.UnionType || parent instanceof t.IntersectionType)
      );
    })
    .map((c) => c.key)
    .join('.');
  const expected = first.context[first.context.length - 1]?.type.name ?? 'value';
  const shown = first.value === undefined ? 'missing' : showValue(first.value);
  return { field, reason: first.message ?? `must be ${expected} (got ${shown})` };
};

/** A value as JSON for a message; never throws (bigint, cycles, odd objects). */
const showValue = (v: unknown): string => {
  try {
    return JSON.stringify(v)?.slice(0, 60) ?? typeof v;
  } catch {
    return typeof v === 'bigint' ? `${v}n` : typeof v;
  }
};

/**
 * Declares the events of one aggregate.
 *
 * @example
 * const events = defineEvents({
 *   BudgetApproved: t.type({ budgetId: t.string, approvedBy: t.string }),
 *   BudgetLineAdded: { codec: LineCodec, version: 2, upcasters: { 1: (d) => ({ ...d as object, note: '' }) } },
 * });
 * type BudgetEvent = EventOf<typeof events>;
 */
export const defineEvents = <Defs extends Record<string, SpecOrCodec>>(
  definitions: Defs,
): EventCodecs<Defs> => {
  const specs = new Map<string, CompiledSpec>();
  for (const [type, s] of Object.entries(definitions)) {
    const spec: EventSpec<unknown> = isSpec(s) ? s : { codec: s };
    const version = spec.version ?? 1;
    const upcasters = spec.upcasters ?? {};
    for (let v = 1; v < version; v++) {
      if (typeof upcasters[v] !== 'function')
        throw new Error(`event ${type}: no upcaster from version ${v} to ${v + 1}`);
    }
    const personal = personalSpecOf(type, spec.codec);
    specs.set(type, {
      codec: spec.codec,
      version,
      upcasters,
      checkOnly: decodesToItself(spec.codec),
      personal,
    });
  }
  return registryFrom(specs, definitions);
};

/** A spec ready for use; `checkOnly`: see `decodesToItself`. */
interface CompiledSpec extends Required<EventSpec<unknown>> {
  readonly checkOnly: boolean;
  readonly personal: PersonalSpec | undefined;
}

const registryFrom = <Defs extends Record<string, SpecOrCodec>>(
  specs: Map<string, CompiledSpec>,
  definitions: Defs,
): EventCodecs<Defs> => ({
  definitions,
  types: [...specs.keys()],
  has: (type) => specs.has(type),
  version: (type) => specs.get(type)?.version,
  personal: (type) => specs.get(type)?.personal,
  make: (type, data) => ({ type, data }),
  encode: (type, data) => {
    const spec = specs.get(type);
    if (spec === undefined) return E.left({ field: 'type', reason: `no codec is registered for ${type}` });
    const r = spec.codec.decode(data);
    return r._tag === 'Left' ? E.left(failureOf(r.left)) : E.right(spec.codec.encode(r.right));
  },
  decode: (type, schemaVersion, data) => {
    const spec = specs.get(type);
    if (spec === undefined) return E.left({ field: 'type', reason: `no codec is registered for ${type}` });
    if (!Number.isInteger(schemaVersion) || schemaVersion < 1 || schemaVersion > spec.version) {
      return E.left({
        field: 'schemaVersion',
        reason: `version ${schemaVersion} is not known (current ${spec.version})`,
      });
    }
    let current = data;
    if (schemaVersion < spec.version) {
      try {
        for (let v = schemaVersion; v < spec.version; v++) current = spec.upcasters[v]!(current);
      } catch (e) {
        return E.left({
          field: '',
          reason: `upcaster failed: ${e instanceof Error ? e.message : String(e)}`,
        });
      }
    }
    // Reading is the hot path: the allocation-free check when it gives the same answer.
    if (spec.checkOnly && spec.codec.is(current)) return E.right(current);
    const r = spec.codec.decode(current);
    return r._tag === 'Left' ? E.left(failureOf(r.left)) : r;
  },
});

/** Joins the registries of several aggregates; an event type may be defined only once. */
export const combineRegistries = (...registries: readonly EventRegistry[]): EventRegistry => {
  const owner = new Map<string, EventRegistry>();
  for (const r of registries) {
    for (const type of r.types) {
      if (owner.has(type) && owner.get(type) !== r)
        throw new InvalidArgument('modules', `event type ${type} is defined twice`);
      owner.set(type, r);
    }
  }
  return {
    types: [...owner.keys()],
    has: (type) => owner.has(type),
    version: (type) => owner.get(type)?.version(type),
    personal: (type) => owner.get(type)?.personal?.(type),
    encode: (type, data) =>
      owner.get(type)?.encode(type, data) ??
      E.left({ field: 'type', reason: `no codec is registered for ${type}` }),
    decode: (type, v, data) =>
      owner.get(type)?.decode(type, v, data) ??
      E.left({ field: 'type', reason: `no codec is registered for ${type}` }),
  };
};
