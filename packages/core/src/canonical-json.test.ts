import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

/** The definition, written plainly: the fast version must give the same bytes. */
const reference = (value: unknown): string => {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'bigint') return JSON.stringify(value.toString());
    if (value === undefined) return 'null';
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${Array.from(value, reference).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${reference(obj[k])}`).join(',')}}`;
};

const values = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary' }),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.bigInt(),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(
      fc.oneof(fc.string(), fc.constantFrom('10', '9', '0', 'a', 'B', 'é', '__proto__')),
      tie('value'),
      {
        maxKeys: 6,
      },
    ),
  ),
})).value;

describe('canonicalJson', () => {
  it('sorts keys at every depth, drops undefined keys, writes bigint as a string', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: null, y: 2n }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"y":"2","z":null}]},"b":1}',
    );
    expect(canonicalJson({ 10: 'x', 9: 'y' })).toBe('{"10":"x","9":"y"}');
    expect(canonicalJson(new Date(0))).toBe('{}');
    // toJSON is never called (JSON.stringify would call it).
    const withToJson = Object.assign(Object.create({ toJSON: () => 'no' }) as object, { b: 1, a: 2 });
    expect(canonicalJson(withToJson)).toBe('{"a":2,"b":1}');
    expect(canonicalJson(Object.assign(Object.create({ toJSON: () => 'no' }) as object, { a: 2 }))).toBe(
      '{"a":2}',
    );
  });

  it('gives the same bytes as the plain definition for any JSON-like value (property)', () => {
    fc.assert(
      fc.property(values, (v) => {
        expect(canonicalJson(v)).toBe(reference(v));
      }),
      { numRuns: 2_000 },
    );
  });

  it('equals JSON.stringify of the same value with its keys sorted, for JSON values (property)', () => {
    const sortDeep = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(sortDeep)
        : typeof v === 'object' && v !== null
          ? Object.fromEntries(
              Object.keys(v)
                .sort()
                .map((k) => [k, sortDeep((v as Record<string, unknown>)[k])]),
            )
          : v;
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(JSON.parse(canonicalJson(v))).toEqual(JSON.parse(JSON.stringify(sortDeep(v))));
      }),
    );
  });
});
