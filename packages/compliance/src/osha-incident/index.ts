import type { Decider } from '@praxis/core';
import { commands } from './commands.js';
export { commands } from './commands.js';
import { decide, type OshaIncidentCommand } from './decide.js';
import { events, type OshaIncidentEvent } from './events.js';
import { evolve, initialState, type OshaIncident } from './state.js';
import { refusals, type OshaIncidentRefusal } from './refusals.js';
export { refusals, type OshaIncidentRefusal } from './refusals.js';

export * from './events.js';
export * from './state.js';
export * from './decide.js';
export * from './clocks.js';

/**
 * The OshaIncident aggregate: a work-related injury or illness with its clocks — report to
 * OSHA (8 h fatality, 24 h admission / amputation / eye), 300-log entry (7 days), retention
 * (5 years after the year). Streams are `OshaIncident-<incidentId>`.
 *
 * @example
 * const incidents = makeCommandHandler({ store, decider: OshaIncident.decider, clock });
 */
export const decider: Decider<OshaIncidentCommand, OshaIncidentEvent, OshaIncident, OshaIncidentRefusal> = {
  name: 'OshaIncident',
  stateVersion: 1,
  initialState,
  evolve,
  decide,
  events,
  commands,
  refusals,
};
