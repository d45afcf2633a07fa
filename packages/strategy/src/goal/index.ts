import type { Decider } from '@praxis/core';
import { commands } from './commands.js';
import { decide, type GoalCommand } from './decide.js';
import { events, type GoalEvent } from './events.js';
import { refusals, type GoalRefusal } from './refusals.js';
import { evolve, initialState, type Goal } from './state.js';

export { commands, facts, CheckpointInput } from './commands.js';
export { refusals, type GoalRefusal } from './refusals.js';
export * from './events.js';
export * from './state.js';
export * from './decide.js';
export * from './path.js';

/**
 * A practice goal (MODULES.md S2): a SMART goal on a registered KPI, judged by the log — the
 * baseline is frozen when drafted, checkpoints and the outcome are the KPI computed for their
 * periods, never typed in. Streams are `Goal-<goalId>`.
 */
export const decider: Decider<GoalCommand, GoalEvent, Goal, GoalRefusal> = {
  name: 'Goal',
  stateVersion: 1,
  initialState,
  evolve,
  decide,
  events,
  commands,
  refusals,
};
export * from './read-model.js';
export * from './kpis.js';
