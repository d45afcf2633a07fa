import type { Decider } from '@praxis/core';
import { commands, decide, type SettingsCommand } from './decide.js';
import { events, type SettingsEvent } from './events.js';
import { evolve, initialState, type Settings } from './state.js';
import { refusals, type SettingsRefusal } from './refusals.js';
export { refusals, type SettingsRefusal } from './refusals.js';

export { events, type SettingsEvent } from './events.js';
export { initialState, evolve, type Settings } from './state.js';
export {
  commands,
  decide,
  type SettingsCommand,
  type EstablishPractice,
  type SetBusinessCalendar,
} from './decide.js';

/** The one settings stream of a practice: `Practice-settings`. */
export const settingsId = 'settings';

/** The practice-settings aggregate. */
export const decider: Decider<SettingsCommand, SettingsEvent, Settings, SettingsRefusal> = {
  name: 'Practice',
  stateVersion: 2,
  initialState,
  evolve,
  decide,
  events,
  commands,
  refusals,
};
