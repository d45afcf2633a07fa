import {
  CurrencyCode,
  ISOInstant,
  NonEmptyString,
  TimeZone,
  defineEvents,
  struct,
  type EventOf,
} from '@praxis/core';

/** The practice's own settings: recorded once, when its log is first opened. */
export const events = defineEvents({
  /** A practice began keeping its log: its name, time zone (for every period and deadline) and currency. */
  PracticeEstablished: struct({
    name: NonEmptyString,
    timeZone: TimeZone,
    currency: CurrencyCode,
    establishedAt: ISOInstant,
  }),
});

/** Every settings event. */
export type SettingsEvent = EventOf<typeof events>;
