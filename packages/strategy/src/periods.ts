import { isPeriodError, parsePeriod } from '@praxis/core';

/**
 * Reporting periods as calendar labels (`2026-03`, `2026-Q1`, `2026`), read without a time zone:
 * a goal names periods, and their first and last calendar days do not depend on the zone.
 */
export interface PeriodDays {
  readonly label: string;
  readonly kind: 'month' | 'quarter' | 'year';
  readonly firstDay: string;
  readonly lastDay: string;
}

/** The period a label names, or `undefined` when it is not a month, quarter or year. */
export const periodDays = (label: string): PeriodDays | undefined => {
  const p = parsePeriod(label, 'UTC');
  if (isPeriodError(p)) return undefined;
  return { label: p.label, kind: p.kind, firstDay: p.firstDay, lastDay: p.lastDay };
};

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The period of the same kind right after `p`. */
export const nextPeriod = (p: PeriodDays): PeriodDays => {
  const y = Number(p.label.slice(0, 4));
  if (p.kind === 'year') return periodDays(String(y + 1))!;
  if (p.kind === 'quarter') {
    const q = Number(p.label.slice(6));
    return periodDays(q === 4 ? `${y + 1}-Q1` : `${y}-Q${q + 1}`)!;
  }
  const m = Number(p.label.slice(5, 7));
  return periodDays(m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`)!;
};

/** The period of `kind` containing a calendar date (`YYYY-MM-DD`). */
export const periodContaining = (day: string, kind: PeriodDays['kind']): PeriodDays => {
  const y = day.slice(0, 4);
  const m = Number(day.slice(5, 7));
  if (kind === 'year') return periodDays(y)!;
  if (kind === 'quarter') return periodDays(`${y}-Q${Math.floor((m - 1) / 3) + 1}`)!;
  return periodDays(day.slice(0, 7))!;
};

/** Whole days from `a` to `b` (both `YYYY-MM-DD`), negative when `b` is earlier. */
export const daysBetween = (a: string, b: string): number =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** The calendar date `n` days after `day`. */
export const addDays = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The calendar day of an ISO instant, read in the offset it carries (the call's practice-zone time). */
export const dayOf = (instant: string): string => instant.slice(0, 10);
