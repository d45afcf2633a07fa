import { InvalidArgument } from './errors/invalid-argument.js';
import type { Holiday } from './business-days.js';

/**
 * The legal public holidays of the United States, 5 U.S.C. 6103(a), on the dates federal
 * offices close for them: a holiday on a Saturday is observed the Friday before and one on a
 * Sunday the Monday after (5 U.S.C. 6103(b); Executive Order 11582). A preset, not a rule: a
 * practice that closes on other days (or stays open on some of these) records its own list.
 *
 * - New Year's Day, 1 January (observed 31 December of the year before when on a Saturday);
 * - Birthday of Martin Luther King, Jr., third Monday in January (from 1986);
 * - Washington's Birthday, third Monday in February;
 * - Memorial Day, last Monday in May;
 * - Juneteenth National Independence Day, 19 June (from 2021);
 * - Independence Day, 4 July;
 * - Labor Day, first Monday in September;
 * - Columbus Day, second Monday in October;
 * - Veterans Day, 11 November (the fourth Monday in October from 1971 to 1977);
 * - Thanksgiving Day, fourth Thursday in November;
 * - Christmas Day, 25 December.
 *
 * Inauguration Day (20 January every fourth year, 5 U.S.C. 6103(c)) is left out: it is a
 * holiday only for federal employees in the Washington, D.C. area. The Monday holidays apply
 * from 1971 (Uniform Monday Holiday Act), so years before 1971 are refused.
 *
 * Returns the holidays whose observed date falls in years `fromYear`…`toYear`, by date.
 * Throws InvalidArgument for a year outside 1971–9998 or fromYear > toYear.
 *
 * @example
 * usFederalHolidays(2026, 2026).find((h) => h.name === 'Independence Day'); // { on: '2026-07-03', … } (4 July is a Saturday)
 */
export const usFederalHolidays = (fromYear: number, toYear: number = fromYear): Holiday[] => {
  for (const [name, y] of [
    ['fromYear', fromYear],
    ['toYear', toYear],
  ] as const) {
    if (typeof y !== 'number' || !Number.isInteger(y) || y < 1971 || y > 9998) {
      throw new InvalidArgument(name, 'must be a year from 1971 to 9998');
    }
  }
  if (fromYear > toYear) throw new InvalidArgument('fromYear', `${fromYear} is after toYear ${toYear}`);
  const out: Holiday[] = [];
  // The year after toYear too: its New Year's Day may be observed on 31 December of toYear.
  for (let y = fromYear; y <= toYear + 1; y++) {
    for (const h of holidaysOf(y)) {
      const year = Number(h.on.slice(0, 4));
      if (year >= fromYear && year <= toYear) out.push(h);
    }
  }
  return out.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
};

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
/** ISO weekday (1 = Monday … 7 = Sunday) of a UTC date. */
const weekday = (d: Date) => ((d.getUTCDay() + 6) % 7) + 1;

/** The `nth` (1-based; -1 = last) `wd` (ISO weekday) of a month. */
const nthWeekday = (year: number, month: number, wd: number, nth: number): Date => {
  if (nth > 0) {
    const first = new Date(Date.UTC(year, month - 1, 1));
    const offset = (wd - weekday(first) + 7) % 7;
    return new Date(Date.UTC(year, month - 1, 1 + offset + (nth - 1) * 7));
  }
  const last = new Date(Date.UTC(year, month, 0));
  const back = (weekday(last) - wd + 7) % 7;
  return new Date(Date.UTC(year, month - 1, last.getUTCDate() - back));
};

/** A fixed-date holiday moved to the weekday it is observed on (Saturday → Friday, Sunday → Monday). */
const observed = (year: number, month: number, day: number): Date => {
  const d = new Date(Date.UTC(year, month - 1, day));
  const wd = weekday(d);
  if (wd === 6) return new Date(Date.UTC(year, month - 1, day - 1));
  if (wd === 7) return new Date(Date.UTC(year, month - 1, day + 1));
  return d;
};

const holidaysOf = (y: number): Holiday[] => {
  const list: [string, Date][] = [
    ["New Year's Day", observed(y, 1, 1)],
    ["Washington's Birthday", nthWeekday(y, 2, 1, 3)],
    ['Memorial Day', nthWeekday(y, 5, 1, -1)],
    ['Independence Day', observed(y, 7, 4)],
    ['Labor Day', nthWeekday(y, 9, 1, 1)],
    ['Columbus Day', nthWeekday(y, 10, 1, 2)],
    ['Veterans Day', y >= 1971 && y <= 1977 ? nthWeekday(y, 10, 1, 4) : observed(y, 11, 11)],
    ['Thanksgiving Day', nthWeekday(y, 11, 4, 4)],
    ['Christmas Day', observed(y, 12, 25)],
  ];
  if (y >= 1986) list.push(['Birthday of Martin Luther King, Jr.', nthWeekday(y, 1, 1, 3)]);
  if (y >= 2021) list.push(['Juneteenth National Independence Day', observed(y, 6, 19)]);
  return list.map(([name, d]) => ({ on: iso(d), name }));
};
