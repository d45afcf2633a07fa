import { X12Error, type X12Location } from './x12-error.js';

const DECIMAL = /^(-?)(\d*)(?:\.(\d*))?$/;

/**
 * An X12 decimal (`R` type: `945`, `945.5`, `-12.00`, `.5`) as integer cents. More than two
 * decimals are allowed only when the extra digits are zeros (`10.500`).
 *
 * @example
 * cents('57.44', where); // 5744
 */
export const cents = (value: string, where: X12Location): number => {
  const m = DECIMAL.exec(value);
  const [, sign, whole = '', frac = ''] = m ?? [];
  if (m === null || (whole === '' && frac === ''))
    throw new X12Error('invalid', `"${value}" is not an amount`, where);
  if (frac.length > 2 && !/^0+$/.test(frac.slice(2)))
    throw new X12Error('invalid', `${value} has fractions of a cent`, where);
  if (whole.length > 13) throw new X12Error('invalid', `${value} is too large an amount`, where);
  const c = Number(whole || '0') * 100 + Number((frac + '00').slice(0, 2));
  return sign === '-' ? -c : c;
};

/** Cents as an X12 decimal: `5744` → `57.44`, `14000` → `140`. */
export const decimal = (c: number): string => {
  const sign = c < 0 ? '-' : '';
  const a = Math.abs(c);
  const whole = Math.floor(a / 100);
  const frac = a % 100;
  return frac === 0
    ? `${sign}${whole}`
    : `${sign}${whole}.${String(frac).padStart(2, '0').replace(/0$/, '')}`;
};

/** Cents as dollars for people: `5744` → `57.44`, `-300` → `-3.00`. */
export const dollars = (c: number): string => {
  const sign = c < 0 ? '-' : '';
  const a = Math.abs(c);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
};
