import { bind, defineModule } from '@praxis/core';
import * as Goal from './goal/index.js';
import { strategyObligations } from './obligations.js';
import * as WorkItem from './work-item/index.js';

/** Goals: `practice.strategy.draftGoal({ goalId, … })`. */
export const goal = bind(Goal.decider, Goal.commands, 'goalId');

/** Work items: `practice.strategy.createWorkItem({ workItemId, … })`. */
export const workItem = bind(WorkItem.decider, WorkItem.commands, 'workItemId');

/** What every staff role may do with work items: create them, answer delegations, complete and verify. */
const workItemGrants = [
  'WorkItem.CreateWorkItem',
  'WorkItem.DelegateWorkItem',
  'WorkItem.AcceptWorkItem',
  'WorkItem.DeclineWorkItem',
  'WorkItem.CompleteWorkItem',
  'WorkItem.VerifyWorkItem',
  'Goal.ReviewCheckpoint',
];

/**
 * Strategic planning (MODULES.md §3.4), area `strategy`: goals judged by the log (S2) and the
 * work queue (S5), their read models, calendar obligations and KPIs. Every role but the auditor
 * works its own queue (accepting or declining is still only the delegate's, by `decide`).
 */
export const strategyModule = defineModule({
  area: 'strategy',
  aggregates: [goal, workItem],
  projections: [Goal.strategyGoals, WorkItem.strategyWorkQueue, strategyObligations],
  kpis: [...Goal.goalKpis, ...WorkItem.workItemKpis],
  roles: {
    physician: workItemGrants,
    biller: workItemGrants,
    hr: workItemGrants,
    compliance_officer: workItemGrants,
    staff: workItemGrants,
  },
});
