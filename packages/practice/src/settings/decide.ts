import {
  accept,
  command,
  CurrencyCode,
  defineCommands,
  NonEmptyString,
  reject,
  TimeZone,
  type CommandOf,
  type Decision,
} from '@praxis/core';
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
});

export type SettingsCommand = CommandOf<typeof commands>;
export type EstablishPractice = SettingsCommand;

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

/** Decides on a settings command. */
export const decide = (c: SettingsCommand, s: Settings): Decision<SettingsEvent> => {
  switch (c.type) {
    case 'EstablishPractice':
      return establishPractice(c, s);
  }
};
