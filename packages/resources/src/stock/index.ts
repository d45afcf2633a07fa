import type { Decider } from '@praxis/core';
import { commands } from './commands.js';
import { decide, type StockCommand } from './decide.js';
import { events, type StockEvent } from './events.js';
import { refusals, type StockRefusal } from './refusals.js';
import { evolve, initialState, type Stock } from './state.js';
export { commands, ItemFacts } from './commands.js';
export { refusals, type StockRefusal } from './refusals.js';
export * from './events.js';
export * from './state.js';
export * from './decide.js';

/**
 * The Stock aggregate (MODULES.md §3.3 R2): one item at one location, by lot — the only place
 * quantities change. Streams are `Stock-<itemId>-<locationId>` (`stockIdOf`).
 */
export const decider: Decider<StockCommand, StockEvent, Stock, StockRefusal> = {
  name: 'Stock',
  stateVersion: 2, // 2: lots carry their arrivals (backdated consumption)
  initialState,
  evolve,
  decide,
  events,
  commands,
  refusals,
};
