/** The Conflict aggregate: opened (parties, description) → mediated → resolved, or escalated. */
export {
  decider,
  decide,
  type ConflictCommand,
  type OpenConflict,
  type MediateConflict,
  type ResolveConflict,
  type EscalateConflict,
} from './decide.js';
export { events, type ConflictEvent } from './events.js';
export { evolve, initialState, type Conflict as State, type ConflictStatus } from './state.js';
export { commands } from './commands.js';
export { refusals, type ConflictRefusal } from './refusals.js';
