import type { ReadModelReader } from '@praxis/core';
import { Roster } from '@praxis/staff';
import { dateInPeriod, type Period } from '../period.js';

/** Staff turnover for one period, with every number it was computed from. */
export interface StaffTurnover {
  readonly period: string;
  readonly firstDay: string;
  readonly lastDay: string;
  /** People whose last day of employment falls in the period. */
  readonly separations: number;
  readonly voluntarySeparations: number;
  readonly involuntarySeparations: number;
  /** Active on the first day of the period. */
  readonly headcountAtStart: number;
  /** Active on the last day of the period. */
  readonly headcountAtEnd: number;
  /** (headcount at start + headcount at end) ÷ 2. */
  readonly averageHeadcount: number;
  /** separations ÷ average headcount × 100; `null` when the average headcount is 0. */
  readonly turnoverPct: number | null;
}

/**
 * Staff turnover = separations in the period ÷ average headcount × 100, where average
 * headcount = (active staff at the start of the period + active staff at the end) ÷ 2
 * (DOMAIN.md, "Staff turnover"; the standard formula). A person is active on a day from
 * their start date through their last day of employment (`separatedOn`). Reads the
 * `staff-roster` read model.
 *
 * @example
 * const t = await staffTurnover(reader, periodOf('2026-Q1', 'America/New_York'));
 * // { separations: 2, headcountAtStart: 4, headcountAtEnd: 4, averageHeadcount: 4, turnoverPct: 50, … }
 */
export const staffTurnover = async (reader: ReadModelReader, period: Period): Promise<StaffTurnover> => {
  const roster = await Roster.listRoster(reader);
  const separated = roster.filter((r) => r.separatedOn !== undefined && dateInPeriod(r.separatedOn, period));
  const voluntary = separated.filter((r) => r.voluntary === true).length;
  const atStart = roster.filter((r) => Roster.isActiveOn(r, period.firstDay)).length;
  const atEnd = roster.filter((r) => Roster.isActiveOn(r, period.lastDay)).length;
  const average = (atStart + atEnd) / 2;
  return {
    period: period.label,
    firstDay: period.firstDay,
    lastDay: period.lastDay,
    separations: separated.length,
    voluntarySeparations: voluntary,
    involuntarySeparations: separated.length - voluntary,
    headcountAtStart: atStart,
    headcountAtEnd: atEnd,
    averageHeadcount: average,
    turnoverPct: average === 0 ? null : (separated.length / average) * 100,
  };
};
