import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import * as P from './primitives.js';
import { Cents, ISODate, NonEmptyString, Uuid, struct } from './primitives.js';
import { decodesToItself, defineEvents } from './registry.js';

const Line = struct(
  { lineId: Uuid, amount: Cents, kind: t.union([t.literal('fee'), t.literal('discount')]) },
  { note: NonEmptyString },
);
const Approved = t.type({
  budgetId: Uuid,
  on: ISODate,
  lines: t.readonlyArray(Line),
  approved: t.boolean,
  by: t.union([t.string, t.null]),
});

/** A codec that transforms: the stored text becomes a number. */
const NumberFromText = new t.Type<number, string, unknown>(
  'NumberFromText',
  (u): u is number => typeof u === 'number',
  (u, c) =>
    typeof u === 'string' && u !== '' && !Number.isNaN(Number(u)) ? t.success(Number(u)) : t.failure(u, c),
  String,
);

const registry = defineEvents({
  BudgetApproved: Approved,
  Exact: t.exact(t.type({ a: t.string })),
  Converted: t.type({ n: NumberFromText }),
});

const valid = {
  budgetId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  on: '2026-03-02',
  lines: [
    { lineId: '7c9e6679-7425-40de-944b-e07fc1f90ae7', amount: 1200, kind: 'fee' },
    { lineId: '7c9e6679-7425-40de-944b-e07fc1f90ae8', amount: -200, kind: 'discount', note: 'loyal' },
  ],
  approved: true,
  by: null,
};

describe('registry decode on read', () => {
  it('recognises io-ts combinators that return their input, and nothing else', () => {
    expect(decodesToItself(Approved)).toBe(true);
    expect(decodesToItself(t.exact(t.type({ a: t.string })))).toBe(false);
    expect(decodesToItself(t.type({ n: NumberFromText }))).toBe(false);
    expect(decodesToItself(t.union([t.type({ a: t.string }), t.type({ b: t.string })]))).toBe(false);
  });

  it('returns exactly what the codec decodes, for valid and invalid data', () => {
    const invalid = [
      { ...valid, budgetId: 'not-a-uuid' },
      { ...valid, on: '2025-02-29' },
      { ...valid, lines: [{ ...valid.lines[0], amount: 1.5 }] },
      { ...valid, lines: [{ ...valid.lines[0], note: '  ' }] },
      { ...valid, lines: [{ ...valid.lines[0], kind: 'gift' }] },
      { ...valid, by: 3 },
      (({ approved: _, ...rest }) => rest)(valid),
      [],
      null,
    ];
    const ok = registry.decode('BudgetApproved', 1, valid);
    expect(ok).toEqual(E.right(valid));
    if (E.isRight(ok)) expect(ok.right).toBe(valid);
    for (const data of invalid) {
      const r = registry.decode('BudgetApproved', 1, data);
      expect(E.isLeft(r)).toBe(true);
      expect(E.isLeft(Approved.decode(data))).toBe(true);
    }
    expect(registry.decode('BudgetApproved', 1, { ...valid, budgetId: 'x' })).toEqual(
      E.left({ field: 'budgetId', reason: expect.stringContaining('Uuid') }),
    );
  });

  it('counts on core primitives that return valid input unchanged', () => {
    const samples: [t.Mixed, unknown][] = [
      [P.Cents, -250],
      [P.NonNegativeCents, 0],
      [P.PositiveCents, 1],
      [P.PositiveInt, 7],
      [P.NonNegativeInt, 0],
      [P.NonEmptyString, ' x '],
      [P.ISODate, '2024-02-29'],
      [P.ISOInstant, '2026-03-02T09:30:00.000+01:00'],
      [P.TimeZone, 'Europe/Berlin'],
      [P.CurrencyCode, 'EUR'],
      [P.Uuid, '0F8FAD5B-D9CB-469F-A165-70867728950E'],
    ];
    for (const [codec, value] of samples) {
      expect(decodesToItself(codec)).toBe(true);
      expect(codec.is(value)).toBe(true);
      expect(codec.decode(value)).toEqual(E.right(value));
    }
  });

  it('still runs transforming codecs in full', () => {
    expect(registry.decode('Exact', 1, { a: 'x', extra: 1 })).toEqual(E.right({ a: 'x' }));
    expect(registry.decode('Converted', 1, { n: '42' })).toEqual(E.right({ n: 42 }));
  });
});
