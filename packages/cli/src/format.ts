import { terminalSafe } from '@praxis/audit';
import type { KpiLine } from '@praxis/practice';

/** Money in cents as the practice's currency: `$1,234.50`. */
export const money = (cents: number, currency: string): string =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);

/** A KPI value for people: one decimal for percentages and days, never "Infinity". */
export const kpiValue = (l: Pick<KpiLine, 'value' | 'unit'>, currency: string): string => {
  if (l.value === undefined) return 'n/a';
  switch (l.unit) {
    case 'percent':
      return `${l.value.toFixed(1)}%`;
    case 'days':
      return `${l.value.toFixed(1)} d`;
    case 'business-days':
      return `${l.value.toFixed(1)} business d`;
    case 'minutes':
      return `${l.value.toFixed(1)} min`;
    case 'cents':
      return money(l.value, currency);
    case 'count':
      return String(l.value);
    case 'ratio':
      return l.value.toFixed(2);
  }
};

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
