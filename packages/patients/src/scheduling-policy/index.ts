/** The practice's scheduling policy: late-cancel window, no-show grace, grid, portal rules, fees. */
export { decider, decide, evolve } from './decide.js';
export { commands, type SchedulingPolicyCommand } from './commands.js';
export { events, type SchedulingPolicyEvent } from './events.js';
export { refusals, type SchedulingPolicyRefusal } from './refusals.js';
export {
  defaultSchedulingPolicy,
  gridSteps,
  PortalRules,
  MissedAppointmentFees,
  type SchedulingPolicy,
} from './policy.js';
