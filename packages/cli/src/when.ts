import { DateTime } from 'luxon';
import { UsageError } from './usage-error.js';

/**
 * Reads a date (`2025-03-31`) or an instant (`2025-03-31T17:00:00-05:00`) given on the command
 * line as an instant in the practice zone. A date means the start of that day, or with
 * `endOfDay` the start of the next day (so `--until 2025-03-31` includes the 31st).
 */
export const instantArg = (name: string, text: string, zone: string, endOfDay = false): string => {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const d = DateTime.fromISO(text, { zone });
    if (!d.isValid) throw new UsageError(`--${name}: "${text}" is not a date`);
    return (endOfDay ? d.plus({ days: 1 }) : d).startOf('day').toISO()!;
  }
  const t = DateTime.fromISO(text, { setZone: true });
  if (!t.isValid || !/T/.test(text)) {
    throw new UsageError(
      `--${name}: "${text}" is not a date (2025-03-31) or an ISO instant (2025-03-31T17:00:00-05:00)`,
    );
  }
  // An instant without an offset is read in the practice zone.
  return /(Z|[+-]\d{2}:?\d{2})$/.test(text) ? t.toISO()! : DateTime.fromISO(text, { zone }).toISO()!;
};

/** The string value of an option, or undefined. */
export const str = (v: string | boolean | undefined): string | undefined =>
  typeof v === 'string' ? v : undefined;
