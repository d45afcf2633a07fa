import { accept, reject, type Decision } from '@praxis/core';
import { events, type SettingsEvent } from './events.js';
import type { Settings } from './state.js';

/** Records the practice's name, time zone and currency. */
export interface EstablishPractice {
  readonly type: 'EstablishPractice';
  readonly name: string;
  readonly timeZone: string;
  readonly currency: string;
  readonly at: string;
}

export type SettingsCommand = EstablishPractice;

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
