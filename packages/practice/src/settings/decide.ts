import {
  accept,
  command,
  CurrencyCode,
  defineCommands,
  NonEmptyString,
  reject,
  TimeZone,
  HolidayCodec,
  WeekdayCodec,
  BusinessCalendarSettings,
  type CommandOf,
  type Decision,
  type Holiday,
} from '@praxis/core';
import * as t from 'io-ts';
import { events, type SettingsEvent } from './events.js';
import type { Settings } from './state.js';

/** The practice settings' commands, as exact codecs; `at` is the call's business time. */
export const commands = defineCommands('settingsId', {
  /** Records the practice's name, IANA time zone and ISO currency. */
  EstablishPractice: command(
    { name: NonEmptyString, timeZone: TimeZone, currency: CurrencyCode },
    {},
    { stamps: { at: 'time' } },
  ),
  /**
   * Sets the practice's business days: `openWeekdays` (ISO weekday numbers, 1 = Monday …
   * 7 = Sunday) and `holidays` (`{ on: YYYY-MM-DD, name }`, e.g. from `usFederalHolidays`).
   * Replaces the whole calendar; decisions already recorded keep the calendar they used.
   */
  SetBusinessCalendar: command({
    openWeekdays: t.readonlyArray(WeekdayCodec),
    holidays: t.readonlyArray(HolidayCodec),
  }),
});

export type SettingsCommand = CommandOf<typeof commands>;
export type EstablishPractice = Extract<SettingsCommand, { type: 'EstablishPractice' }>;
export type SetBusinessCalendar = Extract<SettingsCommand, { type: 'SetBusinessCalendar' }>;

/**
 * A practice is established once: its time zone and currency fix how every period, deadline
 * and amount in the log is read, so they cannot silently change later.
 */
const establishPractice = (c: EstablishPractice, s: Settings): Decision<SettingsEvent> =>
  s.status === 'established'
    ? reject('PracticeAlreadyEstablished', `the practice "${s.name}" was established on ${s.establishedAt}`)
    : accept(
        events.make('PracticeEstablished', {
          name: c.name,
          timeZone: c.timeZone,
          currency: c.currency,
          establishedAt: c.at,
        }),
      );

/**
 * A business calendar is well formed (`InvalidBusinessCalendar`), opens at least one weekday
 * (`NoOpenWeekday`, or no business day would ever come) and lists each date once
 * (`HolidayListedTwice`). Weekdays and holidays are recorded sorted and without repeats.
 */
const setBusinessCalendar = (c: SetBusinessCalendar, s: Settings): Decision<SettingsEvent> => {
  if (s.status !== 'established') return reject('PracticeNotEstablished', 'the practice is not established');
  const calendar = { openWeekdays: c.openWeekdays, holidays: c.holidays };
  if (!BusinessCalendarSettings.is(calendar)) {
    return reject(
      'InvalidBusinessCalendar',
      'openWeekdays must be weekday numbers 1 (Monday) to 7 (Sunday) and holidays { on: YYYY-MM-DD, name }',
    );
  }
  const openWeekdays = [...new Set(calendar.openWeekdays)].sort((a, b) => a - b);
  if (openWeekdays.length === 0)
    return reject('NoOpenWeekday', 'a business calendar needs at least one open weekday');
  const byDate = new Map<string, Holiday>();
  for (const h of calendar.holidays) {
    const seen = byDate.get(h.on);
    if (seen !== undefined && seen.name !== h.name) {
      return reject('HolidayListedTwice', `${h.on} is listed twice ("${seen.name}", "${h.name}")`);
    }
    byDate.set(h.on, { on: h.on, name: h.name });
  }
  const holidays = [...byDate.values()].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  return accept(events.make('BusinessCalendarSet', { openWeekdays, holidays }));
};

/** Decides on a settings command. */
export const decide = (c: SettingsCommand, s: Settings): Decision<SettingsEvent> => {
  switch (c.type) {
    case 'EstablishPractice':
      return establishPractice(c, s);
    case 'SetBusinessCalendar':
      return setBusinessCalendar(c, s);
  }
};
