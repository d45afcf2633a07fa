import {
  BusinessCalendarSettings,
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
  /**
   * The practice's business days from now on: the weekdays it is open (ISO 1 = Monday … 7 =
   * Sunday, ascending) and the dates it is closed (ascending). Rules that count business days
   * read the calendar in force when they decide.
   */
  BusinessCalendarSet: BusinessCalendarSettings,
});

/** Every settings event. */
export type SettingsEvent = EventOf<typeof events>;
