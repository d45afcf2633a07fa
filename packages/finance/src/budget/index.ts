/**
 * The Budget aggregate: one per fiscal year. Stream `Budget-<budgetId>`.
 *
 * @example
 * import { Budget } from '@praxis/finance';
 * const handler = makeCommandHandler({ store, clock, decider: Budget.decider });
 * await handler.handle({ streamId: Budget.streamId('2026'), actor, command: { type: 'SubmitBudget', submittedBy: 'pm', at } });
 */
import { streamIdOf, type Decider } from '@praxis/core';
import { commands, type BudgetCommand } from './commands.js';
import { decide } from './decide.js';
import { events, type BudgetEvent } from './events.js';
import { evolve, initialState, type State } from './state.js';
import { refusals, type BudgetRefusal } from './refusals.js';
export { refusals, type BudgetRefusal } from './refusals.js';

export * from './commands.js';
export { decide } from './decide.js';
export * from './events.js';
export * from './state.js';

/** The Budget decider (name `Budget`). */
export const decider: Decider<BudgetCommand, BudgetEvent, State, BudgetRefusal> = {
  name: 'Budget',
  // 2: expenses by id (for corrections)
  stateVersion: 2,
  initialState,
  evolve,
  decide,
  events,
  commands,
  refusals,
};

/** The stream of one budget: `Budget-2026`. */
export const streamId = (budgetId: string): string => streamIdOf(decider, budgetId);
