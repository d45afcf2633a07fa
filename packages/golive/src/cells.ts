import { DateTime } from 'luxon';

/** A CSV cell read as a typed value, or what is wrong with it (in words, for the user). */
export type Cell<T> = (
  text: string,
) => { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const ok = <T>(value: T) => ({ ok: true as const, value });
const bad = (message: string) => ({ ok: false as const, message });

/** Dollars (`140`, `140.5`, `140.50`) as integer cents, without floating-point error. */
export const centsOf = (text: string): number => {
  const [whole = '0', frac = ''] = text.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
};

/** Non-empty text (at most 500 characters). */
export const text: Cell<string> = (s) =>
  s === '' ? bad('is empty') : s.length > 500 ? bad('is longer than 500 characters') : ok(s);

/** An identifier: letters, digits, `.`, `_`, `-`, `:` (at most 100). */
export const id: Cell<string> = (s) =>
  s === ''
    ? bad('is empty')
    : /^[A-Za-z0-9._:-]{1,100}$/.test(s)
      ? ok(s)
      : bad(`"${s}" may hold only letters, digits, ".", "_", ":" and "-" (at most 100)`);

/** A calendar date `YYYY-MM-DD` that exists. */
export const date: Cell<string> = (s) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && DateTime.fromISO(s, { zone: 'utc' }).isValid
    ? ok(s)
    : bad(`"${s}" is not a date (YYYY-MM-DD)`);

/** An amount in dollars (`140.00`, at most 9 digits before the point) as cents, zero allowed. */
export const money: Cell<number> = (s) =>
  /^\d{1,9}(\.\d{1,2})?$/.test(s) ? ok(centsOf(s)) : bad(`"${s}" is not an amount in dollars (like 140.00)`);

/** An amount in dollars above zero, as cents. */
export const positiveMoney: Cell<number> = (s) => {
  const m = money(s);
  return m.ok && m.value === 0 ? bad(`"${s}" is not above zero`) : m;
};

/** A whole number from 1 to `max`. */
export const count =
  (max: number): Cell<number> =>
  (s) =>
    /^[1-9]\d*$/.test(s) && Number(s) <= max
      ? ok(Number(s))
      : bad(`"${s}" is not a whole number from 1 to ${max}`);

/** A positive number of hours (`1`, `1.5`). */
export const hours: Cell<number> = (s) =>
  /^\d{1,4}(\.\d{1,2})?$/.test(s) && Number(s) > 0
    ? ok(Number(s))
    : bad(`"${s}" is not a number of hours above zero`);

/** `yes`/`no` (also `true`/`false`, `y`/`n`, `1`/`0`). */
export const yesNo: Cell<boolean> = (s) => {
  const v = s.toLowerCase();
  return ['yes', 'y', 'true', '1'].includes(v)
    ? ok(true)
    : ['no', 'n', 'false', '0'].includes(v)
      ? ok(false)
      : bad(`"${s}" is not yes or no`);
};

/** One of a closed set of words. */
export const oneOf =
  <const W extends string>(words: readonly W[]): Cell<W> =>
  (s) =>
    (words as readonly string[]).includes(s) ? ok(s as W) : bad(`"${s}" is not one of ${words.join(', ')}`);

/** A `;`-separated list of identifiers (at least one). */
export const idList: Cell<string[]> = (s) => {
  const items = s
    .split(';')
    .map((x) => x.trim())
    .filter((x) => x !== '');
  if (items.length === 0) return bad('is empty (list items separated by ";")');
  for (const i of items) {
    const r = id(i);
    if (!r.ok) return bad(`item ${r.message}`);
  }
  return ok(items);
};

/** An optional cell: empty reads as `undefined`. */
export const optional =
  <T>(cell: Cell<T>): Cell<T | undefined> =>
  (s) =>
    s === '' ? ok(undefined) : cell(s);
