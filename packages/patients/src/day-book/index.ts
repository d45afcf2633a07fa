/** The booking ledger of one practice day (MODULES.md §3.1 P2). */
export { decider, decide } from './decide.js';
export {
  evolve,
  initialState,
  holdsSlot,
  type DayBook as State,
  type BookedAppointment,
  type AppointmentStatus,
} from './state.js';
export { commands, type DayBookCommand, type DayBookCommandOf } from './commands.js';
export { events, type DayBookEvent, type DayBookEventData } from './events.js';
export { refusals, type DayBookRefusal } from './refusals.js';
export { nextOpenSlots, providerHasRoom, insideHours } from './slots.js';
export { seriesDates } from './series.js';
export { conflictsOnTimeOff } from './process-managers.js';
