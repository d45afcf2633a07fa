import { DateTime, Interval } from 'luxon';

/**
 * A reporting period: a calendar month (`2026-03`), quarter (`2026-Q1`) or year (`2026`)
 * in the practice's time zone (DOMAIN.md, "Precise definitions": "A period is a calendar
 * month, quarter or year in the practice's time zone").
 */
export interface Period {
  /** The label it was parsed from, normalised: `2026-03`, `2026-Q1`, `2026`. */
  readonly label: string;
  readonly kind: 'month' | 'quarter' | 'year';
  /** Half-open: from the first instant of the period to the first instant after it. */
  readonly interval: Interval<true>;
  readonly zone: string;
  /** First calendar day of the period (`YYYY-MM-DD`). */
  readonly firstDay: string;
  /** Last calendar day of the period (`YYYY-MM-DD`). */
  readonly lastDay: string;
  /** Number of calendar days in the period. */
  readonly days: number;
  /** The calendar months it covers, `YYYY-MM`, in order. */
  readonly months: readonly string[];
}

/** Why a period label could not be read. */
export interface PeriodError {
  readonly _tag: 'PeriodError';
  readonly field: 'period' | 'zone';
  readonly message: string;
}

const make = (label: string, kind: Period['kind'], start: DateTime<true>, zone: string): Period => {
  const end = start.plus(
    kind === 'month' ? { months: 1 } : kind === 'quarter' ? { months: 3 } : { years: 1 },
  );
  const interval = Interval.fromDateTimes(start, end) as Interval<true>;
  const last = end.minus({ days: 1 });
  const months: string[] = [];
  for (let m = start; m < end; m = m.plus({ months: 1 })) months.push(m.toFormat('yyyy-MM'));
  return {
    label,
    kind,
    interval,
    zone,
    firstDay: start.toISODate(),
    lastDay: last.toISODate()!,
    days: Math.round(end.diff(start, 'days').days),
    months,
  };
};

/**
 * Reads `2026-03`, `2026-Q1` or `2026` as a period in `zone`.
 *
 * @example
 * const p = parsePeriod('2026-Q1', 'America/New_York');
 * // p.firstDay === '2026-01-01', p.lastDay === '2026-03-31', p.days === 90
 */
export const parsePeriod = (label: string, zone: string): Period | PeriodError => {
  // luxon's zone arithmetic is most of a month's KPIs once their data is loaded, and a report
  // asks for the same few periods again and again: the parsed period is kept, and every caller
  // gets its own copy (its own interval and months), so no caller can change another's.
  const key = `${label}\u0000${zone}`;
  let known = parsed.get(key);
  if (known === undefined) {
    const p = parse(label, zone);
    if (isPeriodError(p)) return p;
    if (parsed.size >= 1024) parsed.delete(parsed.keys().next().value!);
    parsed.set(key, (known = p));
  }
  return {
    ...known,
    interval: Interval.fromDateTimes(known.interval.start, known.interval.end) as Interval<true>,
    months: [...known.months],
  };
};

const parsed = new Map<string, Period>();

const parse = (label: string, zone: string): Period | PeriodError => {
  if (!DateTime.now().setZone(zone).isValid)
    return { _tag: 'PeriodError', field: 'zone', message: `"${zone}" is not an IANA time zone` };
  const s = label.trim().toUpperCase();
  let m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m !== null) {
    const month = Number(m[2]);
    if (month >= 1 && month <= 12) {
      const start = DateTime.fromObject({ year: Number(m[1]), month, day: 1 }, { zone });
      if (start.isValid) return make(s, 'month', start, zone);
    }
  }
  m = /^(\d{4})-Q([1-4])$/.exec(s);
  if (m !== null) {
    const start = DateTime.fromObject(
      { year: Number(m[1]), month: (Number(m[2]) - 1) * 3 + 1, day: 1 },
      { zone },
    );
    if (start.isValid) return make(s, 'quarter', start, zone);
  }
  m = /^(\d{4})$/.exec(s);
  if (m !== null) {
    const start = DateTime.fromObject({ year: Number(m[1]), month: 1, day: 1 }, { zone });
    if (start.isValid) return make(s, 'year', start, zone);
  }
  return {
    _tag: 'PeriodError',
    field: 'period',
    message: `"${label}" is not a period: use a month (2026-03), a quarter (2026-Q1) or a year (2026)`,
  };
};

/** True when `p` is a parse failure. */
export const isPeriodError = (p: Period | PeriodError): p is PeriodError => '_tag' in p;

/**
 * Like `parsePeriod`, but throws a `RangeError` on a bad label (for callers that have
 * already validated their input, such as tests and the CLI after its own checks).
 */
export const periodOf = (label: string, zone: string): Period => {
  const p = parsePeriod(label, zone);
  if (isPeriodError(p)) throw new RangeError(`${p.field}: ${p.message}`);
  return p;
};

/** Whether an ISO instant (with offset) falls inside the period. */
export const instantInPeriod = (iso: string, p: Period): boolean => {
  const t = DateTime.fromISO(iso, { setZone: true });
  return t.isValid && p.interval.contains(t);
};

/** Whether a calendar date (`YYYY-MM-DD`, a day in the practice zone) falls inside the period. */
export const dateInPeriod = (date: string, p: Period): boolean => date >= p.firstDay && date <= p.lastDay;

/** The calendar date, in `zone`, on which an ISO instant falls. */
export const localDateOf = (iso: string, zone: string): string =>
  DateTime.fromISO(iso, { setZone: true }).setZone(zone).toISODate() ?? '';
