import { bind, defineModule } from '@praxis/core';
import * as Goal from './goal/index.js';
import { strategyObligations } from './obligations.js';

/** Goals: `practice.strategy.draftGoal({ goalId, … })`. */
export const goal = bind(Goal.decider, Goal.commands, 'goalId');

/**
 * Strategic planning (MODULES.md §3.4), area `strategy`: goals judged by the log and their
 * checkpoint obligations, with the goal KPIs.
 */
export const strategyModule = defineModule({
  area: 'strategy',
  aggregates: [goal],
  projections: [Goal.strategyGoals, strategyObligations],
  kpis: [...Goal.goalKpis],
});
