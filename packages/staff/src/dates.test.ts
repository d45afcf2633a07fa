import { describe, expect, it } from 'vitest';
import { addDays, addMonths, localDate, quarterBounds, quarterOf } from './dates.js';

describe('staff date arithmetic in the practice zone', () => {
  it('adds months with month-end clamping, including leap days', () => {
    expect(addMonths('2024-02-29', 12, 'America/New_York')).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48, 'America/New_York')).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 1, 'Europe/Berlin')).toBe('2026-02-28');
    expect(addMonths('2026-12-31', 1)).toBe('2027-01-31');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', 36)).toBe('2029-01-15');
  });

  it('adds days over a daylight-saving change without losing or gaining a day', () => {
    // US clocks spring forward on 2026-03-08 and fall back on 2026-11-01.
    expect(addDays('2026-03-07', 1, 'America/New_York')).toBe('2026-03-08');
    expect(addDays('2026-03-08', 1, 'America/New_York')).toBe('2026-03-09');
    expect(addDays('2026-10-31', 2, 'America/New_York')).toBe('2026-11-02');
    expect(addDays('2026-03-29', -60, 'Europe/London')).toBe('2026-01-28');
  });

  it('turns an instant into the practice-local date, on both sides of a DST change', () => {
    // 2026-03-08 06:30Z is 01:30 EST (before the 02:00 jump); 07:30Z is 03:30 EDT.
    expect(localDate('2026-03-08T06:30:00Z', 'America/New_York')).toBe('2026-03-08');
    expect(localDate('2026-03-08T04:30:00Z', 'America/New_York')).toBe('2026-03-07');
    // 2026-11-01 04:30Z is 00:30 EDT; 2026-11-02 04:30Z is 23:30 EST on 11-01.
    expect(localDate('2026-11-01T04:30:00Z', 'America/New_York')).toBe('2026-11-01');
    expect(localDate('2026-11-02T04:30:00Z', 'America/New_York')).toBe('2026-11-01');
    // Year end: 2026-12-31 23:30 in Honolulu is already 2027 in UTC.
    expect(localDate('2027-01-01T09:30:00Z', 'Pacific/Honolulu')).toBe('2026-12-31');
  });

  it('names quarters and their bounds', () => {
    expect(quarterOf('2026-03-31')).toBe('2026-Q1');
    expect(quarterOf('2026-04-01')).toBe('2026-Q2');
    expect(quarterBounds('2024-Q1')).toEqual({ first: '2024-01-01', last: '2024-03-31' });
    expect(quarterBounds('2026-Q4')).toEqual({ first: '2026-10-01', last: '2026-12-31' });
    expect(quarterBounds('2026-Q5')).toBeUndefined();
  });
});
