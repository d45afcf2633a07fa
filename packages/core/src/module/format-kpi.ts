import type { KpiUnit } from './kpi.js';

/** How `formatKpi` writes a value. */
export interface FormatKpiOptions {
  /** ISO 4217 currency of `cents` values (default `USD`). */
  readonly currency?: string;
  /** BCP 47 locale for digits and the currency sign (default `en-US`). */
  readonly locale?: string;
  /** Write a sign on positive values too (`+2.5 d`): for changes between periods. */
  readonly signed?: boolean;
}

const minus = '−';

/**
 * A KPI value for people, in its unit: `cents` as money (`$1,234.50`, from integer cents),
 * `percent` with one decimal (`96.4%`), `days` / `business-days` / `minutes` with one decimal and
 * their unit (`41.2 d`, `3.0 business d`, `12.5 min`), `count` as a whole number with grouping
 * (`1,204`), `ratio` with two decimals. `undefined`, `NaN` and infinities (a KPI undefined for the
 * period, docs/decisions/finance-undefined-ratios.md) are `n/a`. With `signed`, a change:
 * `+$120.00`, `−3.5 d`, `±0`.
 *
 * @example
 * formatKpi(1234550, 'cents');                 // '$12,345.50'
 * formatKpi(-250, 'cents', { signed: true });  // '−$2.50'
 * formatKpi(41.23, 'days');                    // '41.2 d'
 * formatKpi(undefined, 'percent');             // 'n/a'
 */
export const formatKpi = (
  value: number | undefined | null,
  unit: KpiUnit,
  options: FormatKpiOptions = {},
): string => {
  if (value === undefined || value === null || !Number.isFinite(value)) return 'n/a';
  const locale = options.locale ?? 'en-US';
  const signed = options.signed === true;
  if (signed && value === 0) return '±0';
  const sign = value < 0 ? minus : signed ? '+' : '';
  const v = Math.abs(value);
  const fixed = (digits: number) =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
  const body = (() => {
    switch (unit) {
      case 'cents':
        return new Intl.NumberFormat(locale, {
          style: 'currency',
          currency: options.currency ?? 'USD',
        }).format(v / 100);
      case 'percent':
        return `${fixed(1)}%`;
      case 'days':
        return `${fixed(1)} d`;
      case 'business-days':
        return `${fixed(1)} business d`;
      case 'minutes':
        return `${fixed(1)} min`;
      case 'count':
        return Number.isInteger(v) ? new Intl.NumberFormat(locale).format(v) : fixed(1);
      case 'ratio':
        return fixed(2);
    }
  })();
  return `${sign}${body}`;
};
