import { describe, expect, it } from 'vitest';
import { dateInPeriod, instantInPeriod, isPeriodError, parsePeriod, periodOf } from './period.js';

describe('periods in the practice time zone', () => {
  it('reads a month, a quarter and a year', () => {
    const m = periodOf('2026-02', 'America/New_York');
    expect([m.kind, m.firstDay, m.lastDay, m.days]).toEqual(['month', '2026-02-01', '2026-02-28', 28]);
    const q = periodOf('2026-q1', 'America/New_York');
    // 31 (Jan) + 28 (Feb) + 31 (Mar) = 90 days
    expect([q.label, q.kind, q.lastDay, q.days, q.months]).toEqual([
      '2026-Q1',
      'quarter',
      '2026-03-31',
      90,
      ['2026-01', '2026-02', '2026-03'],
    ]);
    const y = periodOf('2028', 'Europe/Paris');
    expect([y.kind, y.days, y.months.length]).toEqual(['year', 366, 12]);
  });

  it('places instants by the practice zone, not UTC', () => {
    const march = periodOf('2026-03', 'America/New_York');
    // 2026-04-01T02:00Z is 22:00 on 31 March in New York (EDT, UTC-4)
    expect(instantInPeriod('2026-04-01T02:00:00Z', march)).toBe(true);
    expect(instantInPeriod('2026-04-01T04:00:00Z', march)).toBe(false);
    expect(dateInPeriod('2026-03-31', march)).toBe(true);
    expect(dateInPeriod('2026-04-01', march)).toBe(false);
  });

  it('names the bad field', () => {
    const bad = parsePeriod('2026-13', 'UTC');
    expect(isPeriodError(bad) && bad.field).toBe('period');
    const zone = parsePeriod('2026', 'Mars/Olympus');
    expect(isPeriodError(zone) && zone.field).toBe('zone');
  });

  it('gives an equal period of its own for a label and zone asked again, and errors stay errors', () => {
    const a = periodOf('2026-q1', 'America/Chicago');
    const b = periodOf('2026-Q1', 'America/Chicago');
    expect(b).toEqual(a);
    // a caller changing its copy changes nobody else's (periods are kept between calls)
    (a.months as string[]).push('2026-04');
    (a as { lastDay: string }).lastDay = '2031-01-01';
    (a.interval as unknown as Record<string, unknown>)['e'] = a.interval.end.plus({ years: 5 });
    const c = periodOf('2026-Q1', 'America/Chicago');
    expect(c.months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect([c.lastDay, c.interval.end.toISO()]).toEqual(['2026-03-31', '2026-04-01T00:00:00.000-05:00']);
    // another zone is another period
    expect(periodOf('2026-Q1', 'Asia/Tokyo').interval.start.toMillis()).not.toBe(a.interval.start.toMillis());
    for (let i = 0; i < 3; i++) {
      expect(isPeriodError(parsePeriod('2026-13', 'America/Chicago'))).toBe(true);
      expect(isPeriodError(parsePeriod('2026-Q1', 'Mars/Olympus'))).toBe(true);
    }
  });
});
