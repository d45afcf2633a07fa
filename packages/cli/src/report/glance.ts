import type { CalendarEntry } from '@praxis/kpi';
import { formatKpi, type KpiLine, type KpiReport } from '@praxis/practice';

/*
 * What a manager reads at a glance (issue 14 item 5): the headline, each card's status as a word
 * and an icon (never colour alone), the change from the previous period, month names, and
 * repeated obligations grouped.
 */

/** A card's status: a word, an icon and a class (the colour only repeats what the word says). */
export const statusOf = (l: Pick<KpiLine, 'met' | 'target'>): { word: string; icon: string; cls: string } =>
  l.met === true
    ? { word: 'met', icon: '✔', cls: 'met' }
    : l.met === false
      ? { word: 'missed', icon: '✖', cls: 'missed' }
      : l.target === undefined
        ? { word: 'no target set', icon: '–', cls: 'none' }
        : { word: 'no data', icon: '?', cls: 'none' };

/** The headline: how many targets were missed, and which. */
export const headlineOf = (lines: readonly KpiLine[]): { text: string; missed: readonly KpiLine[] } => {
  const judged = lines.filter((l) => l.met !== undefined);
  const missed = judged.filter((l) => l.met === false);
  const text =
    judged.length === 0
      ? 'No KPI with a target has data for this period'
      : missed.length === 0
        ? `All ${judged.length} targets met`
        : `${missed.length} of ${judged.length} targets missed`;
  return { text, missed };
};

/** The period before: `2025` → `2024`, `2025-Q1` → `2024-Q4`, `2025-03` → `2025-02`. */
export const previousPeriod = (label: string): string | undefined => {
  let m = /^(\d{4})$/.exec(label);
  if (m) return String(Number(m[1]) - 1);
  m = /^(\d{4})-Q([1-4])$/.exec(label);
  if (m) return m[2] === '1' ? `${Number(m[1]) - 1}-Q4` : `${m[1]}-Q${Number(m[2]) - 1}`;
  m = /^(\d{4})-(\d{2})$/.exec(label);
  if (m)
    return m[2] === '01' ? `${Number(m[1]) - 1}-12` : `${m[1]}-${String(Number(m[2]) - 1).padStart(2, '0')}`;
  return undefined;
};

/** The change from the previous period in words: `▲ +2.5 d vs 2024 (worse)`; '' when either is n/a. */
export const deltaOf = (l: KpiLine, previous: KpiReport | undefined, currency: string): string => {
  const p = previous?.lines.find((x) => x.id === l.id);
  if (p?.value === undefined || l.value === undefined) return '';
  const d = l.value - p.value;
  if (Math.abs(d) < 1e-9) return `no change vs ${previous!.period.label}`;
  const better = l.direction === 'higher-is-better' ? d > 0 : d < 0;
  return `${d > 0 ? '▲' : '▼'} ${formatKpi(d, l.unit, { signed: true, currency })} vs ${previous!.period.label} (${better ? 'better' : 'worse'})`;
};

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2025-03` → `Mar`; `Mar 2026` when the months span more than one year. */
export const monthLabel = (label: string, withYear = false): string => {
  const [y, m] = label.split('-');
  const name = monthNames[Number(m) - 1] ?? label;
  return withYear ? `${name} ${y}` : name;
};

/** Obligations with the same state, label and source, shown as one row. */
export interface ObligationGroup {
  readonly state: CalendarEntry['state'];
  readonly label: string;
  readonly legalSource: string;
  /** The earliest due date of the group. */
  readonly dueAt: string;
  /** Who owns them (names where the staff record has one), at most 8, then `+ N more`. */
  readonly owners: string;
  readonly count: number;
}

/**
 * Groups repeated obligations (eleven monthly OIG screenings overdue → one row "× 11") so the
 * table shows kinds of duty, not one line per person; overdue first, then by due date.
 */
export const groupObligations = (
  entries: readonly CalendarEntry[],
  nameOf: (id: string) => string | undefined,
): ObligationGroup[] => {
  const groups = new Map<string, CalendarEntry[]>();
  for (const e of entries) {
    const key = `${e.state}\u0000${e.label}\u0000${e.legalSource ?? ''}`;
    const g = groups.get(key);
    if (g === undefined) groups.set(key, [e]);
    else g.push(e);
  }
  const rank = (s: string) => (s === 'overdue' ? 0 : s === 'due-soon' ? 1 : 2);
  return [...groups.values()]
    .map((g) => {
      const owners = [
        ...new Set(g.map((e) => (e.owner === undefined ? '' : (nameOf(e.owner) ?? e.owner)))),
      ].filter((o) => o !== '');
      return {
        state: g[0]!.state,
        label: g[0]!.label,
        legalSource: g[0]!.legalSource ?? '',
        dueAt: g.map((e) => e.dueAt).sort()[0]!,
        owners:
          owners.length > 8
            ? `${owners.slice(0, 8).join(', ')} + ${owners.length - 8} more`
            : owners.join(', '),
        count: g.length,
      };
    })
    .sort(
      (a, b) =>
        rank(a.state) - rank(b.state) || a.dueAt.localeCompare(b.dueAt) || a.label.localeCompare(b.label),
    );
};
