import type { Decider } from '@praxis/core';
import { decide, type SettingsCommand } from './decide.js';
import { events, type SettingsEvent } from './events.js';
import { evolve, initialState, type Settings } from './state.js';

export { events, type SettingsEvent } from './events.js';
export { initialState, evolve, type Settings } from './state.js';
export { decide, type SettingsCommand, type EstablishPractice, type SetBusinessCalendar } from './decide.js';

/** The one settings stream of a practice: `Practice-settings`. */
export const settingsId = 'settings';

/** The practice-settings aggregate. */
export const decider: Decider<SettingsCommand, SettingsEvent, Settings> = {
  name: 'Practice',
  stateVersion: 2,
  initialState,
  evolve,
  decide,
  events,
};
