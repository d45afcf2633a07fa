import * as t from 'io-ts';

const isObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

const objectProps = (codec: t.Mixed): Record<string, t.Mixed> | undefined => {
  if (codec instanceof t.InterfaceType || codec instanceof t.PartialType)
    return codec.props as Record<string, t.Mixed>;
  if (codec instanceof t.ExactType || codec instanceof t.ReadonlyType || codec instanceof t.RefinementType)
    return objectProps(codec.type as t.Mixed);
  if (codec instanceof t.IntersectionType) {
    const parts = (codec.types as t.Mixed[]).map(objectProps);
    if (parts.some((p) => p === undefined)) return undefined;
    return Object.assign({}, ...parts) as Record<string, t.Mixed>;
  }
  return undefined;
};

/**
 * The path of the first key in `value` that `codec` does not declare, at any depth, or
 * `undefined`. io-ts `type`/`partial` let unknown keys through; a command must not (a misspelt
 * optional field would be silently ignored). `value` must already have passed `codec`.
 */
export const excessKey = (codec: t.Mixed, value: unknown, path = ''): string | undefined => {
  const at = (k: string | number) => (path === '' ? String(k) : `${path}.${k}`);
  if (codec instanceof t.ReadonlyType || codec instanceof t.RefinementType || codec instanceof t.ExactType)
    return excessKey(codec.type as t.Mixed, value, path);
  if (codec instanceof t.ArrayType || codec instanceof t.ReadonlyArrayType) {
    if (!Array.isArray(value)) return undefined;
    for (let i = 0; i < value.length; i++) {
      const found = excessKey(codec.type as t.Mixed, value[i], at(i));
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (codec instanceof t.DictionaryType) {
    if (!isObject(value)) return undefined;
    for (const [k, v] of Object.entries(value)) {
      const found = excessKey(codec.codomain as t.Mixed, v, at(k));
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (codec instanceof t.UnionType) {
    let first: string | undefined;
    for (const member of codec.types as t.Mixed[]) {
      if (!member.is(value)) continue;
      const found = excessKey(member, value, path);
      if (found === undefined) return undefined;
      first ??= found;
    }
    return first;
  }
  const props = objectProps(codec);
  if (props === undefined || !isObject(value)) return undefined;
  for (const [k, v] of Object.entries(value)) {
    const prop = Object.prototype.hasOwnProperty.call(props, k) ? props[k] : undefined;
    if (prop === undefined) return at(k);
    const found = excessKey(prop, v, at(k));
    if (found !== undefined) return found;
  }
  return undefined;
};

const codeOfType: Readonly<Record<string, string>> = {
  ISODate: 'InvalidDate',
  ISOInstant: 'InvalidInstant',
  Cents: 'InvalidAmount',
  NonNegativeCents: 'InvalidAmount',
  PositiveCents: 'InvalidAmount',
  PositiveInt: 'InvalidNumber',
  NonNegativeInt: 'InvalidNumber',
  TimeZone: 'InvalidTimeZone',
  CurrencyCode: 'InvalidCurrency',
  NonEmptyString: 'Required',
  OpaqueId: 'NotOpaque',
};

/**
 * The stable refusal code of a decode failure, from the codec that failed: a missing field is
 * `Required`, a bad date `InvalidDate`, bad cents `InvalidAmount`, a value outside a closed set
 * `InvalidValue`, anything else `InvalidField`.
 */
export const failureCode = (errors: t.Errors): string => {
  const first = errors[0];
  if (first === undefined) return 'InvalidField';
  if (first.value === undefined) return 'Required';
  const type = first.context[first.context.length - 1]?.type;
  if (type === undefined) return 'InvalidField';
  if (Object.prototype.hasOwnProperty.call(codeOfType, type.name)) {
    const code = codeOfType[type.name]!;
    // Text of the wrong kind (a number where a name goes) is a bad field, not a missing one.
    return code === 'Required' && typeof first.value !== 'string' ? 'InvalidField' : code;
  }
  if (type instanceof t.KeyofType || type instanceof t.LiteralType) return 'InvalidValue';
  if (type instanceof t.UnionType && (type.types as t.Mixed[]).every((m) => m instanceof t.LiteralType))
    return 'InvalidValue';
  return 'InvalidField';
};
