import { terminalSafe } from '@praxis/audit';
import { formatKpi, type KpiLine } from '@praxis/practice';

/** Money in cents as the practice's currency: `$1,234.50`. */
export const money = (cents: number, currency: string): string =>
  // A sum that nets to zero may be -0 (or round to zero): written $0.00, never -$0.00.
  new Intl.NumberFormat('en-US', { style: 'currency', currency, signDisplay: 'negative' }).format(
    cents / 100,
  );

/** A KPI value for people (`formatKpi` of @praxis/core): money from cents, one decimal for percentages and days, `n/a`. */
export const kpiValue = (l: Pick<KpiLine, 'value' | 'unit'>, currency: string): string =>
  formatKpi(l.value, l.unit, { currency });

/** A target for people: `≤ 40.0 d`, `≥ 95.0%`. */
export const kpiTarget = (l: KpiLine, currency: string): string =>
  l.target === undefined
    ? ''
    : `${l.target.direction === 'at-least' ? '≥' : '≤'} ${kpiValue({ value: l.target.value, unit: l.unit }, currency)}`;

/**
 * Lays rows out in columns (the first row is the header), right-aligning the columns in `right`.
 * Control characters and bidi overrides in cells are shown as visible escapes (`terminalSafe`).
 */
export const table = (
  unsafeRows: readonly (readonly string[])[],
  right: ReadonlySet<number> = new Set(),
): string => {
  const rows = unsafeRows.map((r) => r.map(terminalSafe));
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, [...c].length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
};
