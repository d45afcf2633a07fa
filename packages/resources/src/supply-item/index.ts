import type { Decider } from '@praxis/core';
import { commands } from './commands.js';
import { decide, type SupplyItemCommand } from './decide.js';
import { events, type SupplyItemEvent } from './events.js';
import { refusals, type SupplyItemRefusal } from './refusals.js';
import { evolve, initialState, type SupplyItem } from './state.js';
export { commands } from './commands.js';
export { refusals, type SupplyItemRefusal } from './refusals.js';
export * from './events.js';
export * from './state.js';
export * from './decide.js';

/**
 * The SupplyItem aggregate (MODULES.md §3.3 R1): a supply the practice stocks, with its reorder
 * policy. Streams are `SupplyItem-<itemId>`. Quantities live in `Stock`, never here.
 */
export const decider: Decider<SupplyItemCommand, SupplyItemEvent, SupplyItem, SupplyItemRefusal> = {
  name: 'SupplyItem',
  stateVersion: 1,
  initialState,
  evolve,
  decide,
  events,
  commands,
  refusals,
};
