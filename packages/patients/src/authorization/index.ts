/** A payer's authorization with units: booking reserves, checkout consumes (MODULES.md §3.1 P5). */
export { decider, decide } from './decide.js';
export {
  evolve,
  initialState,
  remainingUnits,
  reservedUnits,
  type Authorization as State,
  type AuthorizationStatus,
} from './state.js';
export { commands, type AuthorizationCommand, type AuthorizationCommandOf } from './commands.js';
export { events, type AuthorizationEvent } from './events.js';
export { refusals, type AuthorizationRefusal } from './refusals.js';
export {
  authorizationProcessManagers,
  reserveOnBooking,
  consumeOnCheckout,
  releaseOnCancel,
} from './process-managers.js';
