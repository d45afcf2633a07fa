import { DateTime } from 'luxon';

/** Business time in the demo practice's zone. */
export interface DemoTime {
  readonly zone: string;
  /** An ISO instant with offset for a local date and time: `at('2025-03-04', 9, 30)`. */
  at(date: string, hour: number, minute?: number): string;
  /** A date plus some days. */
  addDays(date: string, days: number): string;
  /** Every weekday of the year that the practice is open (no weekends, main US holidays). */
  workingDays(year: number): string[];
}

const holidays = (year: number): Set<string> =>
  new Set([
    `${year}-01-01`,
    `${year}-07-04`,
    `${year}-12-25`,
    `${year}-11-27`,
    `${year}-09-01`,
    `${year}-05-26`,
  ]);

/** Demo time in `zone`. */
export const demoTime = (zone: string): DemoTime => ({
  zone,
  at: (date, hour, minute = 0) =>
    DateTime.fromISO(date, { zone })
      .set({ hour, minute, second: 0, millisecond: 0 })
      .toISO({ suppressMilliseconds: true })!,
  addDays: (date, days) => DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate()!,
  workingDays: (year) => {
    const off = holidays(year);
    const out: string[] = [];
    for (let d = DateTime.utc(year, 1, 1); d.year === year; d = d.plus({ days: 1 })) {
      if (d.weekday <= 5 && !off.has(d.toISODate()!)) out.push(d.toISODate()!);
    }
    return out;
  },
});
