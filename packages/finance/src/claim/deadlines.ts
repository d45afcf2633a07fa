import { DateTime } from 'luxon';
import type { PayerKind } from './events.js';

/**
 * Claim deadlines, computed with luxon in the practice's time zone.
 *
 * Timely filing belongs to the payer: Medicare allows 12 months from the date of service
 * (42 CFR 424.44); Medicaid programmes (by state) and commercial payers (by contract) set
 * their own limit, given per payer on the charges; a self-pay claim is filed with nobody and
 * has no filing limit. Medicare redetermination: request within 120 days of the initial
 * determination (42 CFR 405.942; DOMAIN.md "Dated rules").
 */
export const MEDICARE_FILING_MONTHS = 12;
/** Days a Medicare redetermination can be requested after the denial (42 CFR 405.942). */
export const MEDICARE_REDETERMINATION_DAYS = 120;

/** A payer's timely-filing limit and where it comes from. */
export interface FilingLimit {
  /** Months from the date of service. */
  readonly months: number;
  /** The rule: `42 CFR 424.44` for Medicare, otherwise the payer's own limit. */
  readonly source: string;
}

/**
 * The filing limit of a claim: Medicare's 12 months (42 CFR 424.44); the payer's own limit
 * for Medicaid, commercial and other payers when one is given; none for self-pay, nor for a
 * payer whose limit was not given (the practice records it per payer on the charges).
 *
 * @example
 * filingLimitOf('medicare', undefined); // { months: 12, source: '42 CFR 424.44' }
 * filingLimitOf('commercial', 6);       // { months: 6, source: 'payer filing limit (6 months)' }
 * filingLimitOf('self-pay', undefined); // undefined
 */
export const filingLimitOf = (payerKind: PayerKind, months: number | undefined): FilingLimit | undefined =>
  payerKind === 'self-pay'
    ? undefined
    : payerKind === 'medicare'
      ? { months: MEDICARE_FILING_MONTHS, source: '42 CFR 424.44' }
      : months === undefined
        ? undefined
        : { months, source: `payer filing limit (${months} months)` };

/** Last day to file: date of service + `months` (ISO date). */
export const filingDeadline = (dateOfService: string, months: number = MEDICARE_FILING_MONTHS): string =>
  DateTime.fromISO(dateOfService, { zone: 'utc' }).plus({ months }).toISODate()!;

/** Last day to file a claim with its payer, or `undefined` when it has no filing limit. */
export const filingDeadlineOf = (
  payerKind: PayerKind,
  dateOfService: string,
  months: number | undefined,
): string | undefined => {
  const limit = filingLimitOf(payerKind, months);
  return limit === undefined ? undefined : filingDeadline(dateOfService, limit.months);
};

/** The calendar day an instant falls on in `zone`. */
export const localDate = (instant: string, zone: string): string =>
  DateTime.fromISO(instant, { setZone: true }).setZone(zone).toISODate()!;

/** Last day to appeal: the denial's local date + `days`. */
export const appealDeadline = (deniedAt: string, zone: string, days: number): string =>
  DateTime.fromISO(localDate(deniedAt, zone), { zone: 'utc' }).plus({ days }).toISODate()!;
