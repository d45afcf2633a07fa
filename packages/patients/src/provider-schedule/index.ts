/** When a provider works: weekly hours, capacity, time off (MODULES.md §3.1 P1). */
export { decider, decide } from './decide.js';
export { evolve, initialState, type ProviderSchedule as State } from './state.js';
export { commands, WeeklyInterval, type ProviderScheduleCommand } from './commands.js';
export { events, type ProviderScheduleEvent } from './events.js';
export { refusals, type ProviderScheduleRefusal } from './refusals.js';
export { providerDay, type ProviderDay } from './day-plan.js';
