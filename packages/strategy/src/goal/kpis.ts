import type { KpiContext, KpiDefinition, ReadModelReader } from '@praxis/core';
import { strategyGoalsName, type GoalView } from './read-model.js';

/** Every goal in `strategy-goals`. */
export const listGoals = async (reader: ReadModelReader): Promise<GoalView[]> => {
  const out: GoalView[] = [];
  for await (const [, doc] of reader.list(strategyGoalsName, 'goal:')) out.push(doc as unknown as GoalView);
  return out;
};

const goals = (ctx: KpiContext) => ctx.shared('strategy:goals', (reader) => listGoals(reader));

/** The standing of a goal at the end of `day`: that of its latest checkpoint reviewed by then. */
export const standingOn = (g: GoalView, day: string): GoalView['standing'] => {
  let latest: GoalView['standing'] = 'not-reviewed';
  for (const c of g.checkpoints)
    if (c.reviewedOn !== undefined && c.reviewedOn <= day && c.standing !== undefined) latest = c.standing;
  return latest;
};

/**
 * The strategy KPIs of goals (MODULES.md S2):
 * - `goalsOnTrack`: approved goals open at the period's end whose latest checkpoint review by
 *   then was on track ÷ such goals with a reviewed standing × 100 (goals not yet reviewed, or
 *   whose KPI had no value, are left out of both);
 * - `goalsAchievedRate`: goals closed as achieved in the period ÷ goals closed as achieved or
 *   missed in the period × 100 (withdrawn goals are not judged).
 */
export const goalKpis: readonly KpiDefinition[] = [
  {
    id: 'goalsOnTrack',
    label: 'Goals on track %',
    area: 'strategy',
    unit: 'percent',
    direction: 'higher-is-better',
    formula:
      'open approved goals on track at their latest checkpoint review ÷ open approved goals reviewed × 100',
    source: 'MODULES.md S2 (Doran 1981 SMART goals)',
    compute: async (ctx) => {
      const last = ctx.period.lastDay;
      let open = 0;
      let onTrack = 0;
      for (const g of await goals(ctx)) {
        if (g.approvedOn === undefined || g.approvedOn > last) continue;
        if (g.closedOn !== undefined && g.closedOn <= last) continue;
        const s = standingOn(g, last);
        if (s === 'not-reviewed' || s === 'no-data') continue;
        open++;
        if (s === 'on-track') onTrack++;
      }
      return open === 0 ? undefined : (onTrack / open) * 100;
    },
  },
  {
    id: 'goalsAchievedRate',
    label: 'Goals achieved %',
    area: 'strategy',
    unit: 'percent',
    direction: 'higher-is-better',
    formula: 'goals closed achieved in the period ÷ goals closed achieved or missed in the period × 100',
    source: 'MODULES.md S2',
    compute: async (ctx) => {
      let closed = 0;
      let achieved = 0;
      for (const g of await goals(ctx)) {
        if (g.closedOn === undefined || g.closedOn < ctx.period.firstDay || g.closedOn > ctx.period.lastDay)
          continue;
        if (g.status !== 'achieved' && g.status !== 'missed') continue;
        closed++;
        if (g.status === 'achieved') achieved++;
      }
      return closed === 0 ? undefined : (achieved / closed) * 100;
    },
  },
];
