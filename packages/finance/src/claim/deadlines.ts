import { DateTime } from 'luxon';

/**
 * Claim deadlines, computed with luxon in the practice's time zone.
 *
 * Medicare timely filing: 12 months from the date of service (42 CFR 424.44); other payers
 * may set their own limit in months. Medicare redetermination: request within 120 days of
 * the initial determination (42 CFR 405.942; DOMAIN.md "Dated rules").
 */
export const MEDICARE_FILING_MONTHS = 12;
/** Days a Medicare redetermination can be requested after the denial (42 CFR 405.942). */
export const MEDICARE_REDETERMINATION_DAYS = 120;

/** Last day to file: date of service + `months` (ISO date). */
export const filingDeadline = (dateOfService: string, months: number = MEDICARE_FILING_MONTHS): string =>
  DateTime.fromISO(dateOfService, { zone: 'utc' }).plus({ months }).toISODate()!;

/** The calendar day an instant falls on in `zone`. */
export const localDate = (instant: string, zone: string): string =>
  DateTime.fromISO(instant, { setZone: true }).setZone(zone).toISODate()!;

/** Last day to appeal: the denial's local date + `days`. */
export const appealDeadline = (deniedAt: string, zone: string, days: number): string =>
  DateTime.fromISO(localDate(deniedAt, zone), { zone: 'utc' }).plus({ days }).toISODate()!;
