import type { Decider } from '@praxis/core';
import { commands } from './commands.js';
import { decide, type WorkItemCommand } from './decide.js';
import { events, type WorkItemEvent } from './events.js';
import { refusals, type WorkItemRefusal } from './refusals.js';
import { evolve, initialState, type WorkItem } from './state.js';

export { commands, facts, SourceObligation } from './commands.js';
export { refusals, type WorkItemRefusal } from './refusals.js';
export * from './events.js';
export * from './state.js';
export * from './decide.js';

/**
 * A work item (MODULES.md S5): prioritised by impact × urgency and delegated with a definition
 * of done; accepted or declined by the delegate, verified by someone other than the doer.
 * Streams are `WorkItem-<workItemId>`.
 */
export const decider: Decider<WorkItemCommand, WorkItemEvent, WorkItem, WorkItemRefusal> = {
  name: 'WorkItem',
  stateVersion: 2, // 2: createdOn kept
  initialState,
  evolve,
  decide,
  events,
  commands,
  refusals,
};
export * from './read-model.js';
export * from './queue.js';
export * from './kpis.js';
