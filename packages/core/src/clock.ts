import { DateTime } from 'luxon';
import { InvalidArgument } from './errors/invalid-argument.js';

/**
 * Where "now" comes from, in the practice's time zone. Deciders never read a clock: the
 * command handler stamps business time on commands that do not carry their own.
 */
export interface Clock {
  /** IANA zone of the practice, e.g. `America/Chicago`. */
  readonly zone: string;
  now(): DateTime;
}

const checkZone = (zone: string): string => {
  if (!DateTime.now().setZone(zone).isValid)
    throw new InvalidArgument('timeZone', `"${zone}" is not an IANA time zone`);
  return zone;
};

/** The machine's clock, seen in `zone`. */
export const systemClock = (zone: string): Clock => {
  checkZone(zone);
  return { zone, now: () => DateTime.now().setZone(zone) };
};

/**
 * A clock that stands still (tests, replays) until `advance` is called.
 *
 * @example
 * const clock = fixedClock('2026-03-01T09:00:00', 'America/New_York');
 * clock.advance({ days: 1 });
 */
export const fixedClock = (
  iso: string,
  zone: string,
): Clock & { advance(d: Record<string, number>): void; set(iso: string): void } => {
  checkZone(zone);
  const parse = (s: string) => {
    const t = DateTime.fromISO(s, { zone });
    if (!t.isValid) throw new InvalidArgument('instant', `"${s}" is not an ISO-8601 date-time`);
    return t;
  };
  let current = parse(iso);
  return {
    zone,
    now: () => current,
    advance: (d) => {
      current = current.plus(d);
    },
    set: (s) => {
      current = parse(s);
    },
  };
};
