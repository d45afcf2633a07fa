import type { Decider } from '@praxis/core';
import { commands } from './commands.js';
export { commands } from './commands.js';
import { decide, type ProgrammeCommand } from './decide.js';
import { events, type ProgrammeEvent } from './events.js';
import { evolve, initialState, type Programme } from './state.js';
import { refusals, type ProgrammeRefusal } from './refusals.js';
export { refusals, type ProgrammeRefusal } from './refusals.js';

export * from './events.js';
export * from './state.js';
export * from './decide.js';
export * from './recurrence.js';
export * from './standards.js';

/**
 * The compliance Programme aggregate: one per regulation, holding its recurring requirements
 * (owner, recurrence, next due date). Streams are `Programme-<programmeId>`.
 *
 * @example
 * const programmes = makeCommandHandler({ store, decider: Programme.decider, clock });
 */
export const decider: Decider<ProgrammeCommand, ProgrammeEvent, Programme, ProgrammeRefusal> = {
  name: 'Programme',
  stateVersion: 1,
  initialState,
  evolve,
  decide,
  events,
  commands,
  refusals,
};
