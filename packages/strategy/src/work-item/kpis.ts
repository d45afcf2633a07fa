import type { KpiContext, KpiDefinition, ReadModelReader } from '@praxis/core';
import { daysBetween } from '../periods.js';
import { strategyWorkQueueName, type WorkItemView } from './read-model.js';

/** Every work item in `strategy-work-queue`. */
export const listWorkItems = async (reader: ReadModelReader): Promise<WorkItemView[]> => {
  const out: WorkItemView[] = [];
  for await (const [, doc] of reader.list(strategyWorkQueueName, 'item:'))
    out.push(doc as unknown as WorkItemView);
  return out;
};

const items = (ctx: KpiContext) => ctx.shared('strategy:work-items', (reader) => listWorkItems(reader));
const openAt = (v: WorkItemView, day: string) =>
  v.createdOn <= day && (v.completedOn === undefined || v.completedOn > day);

/**
 * The work-queue KPIs (MODULES.md S5): completed by due ÷ due × 100; share delegated; median
 * age of open items; overdue high-impact items (target 0). Impact is the item's current one.
 */
export const workItemKpis: readonly KpiDefinition[] = [
  {
    id: 'workCompletedByDue',
    label: 'Work completed by due date %',
    area: 'strategy',
    unit: 'percent',
    direction: 'higher-is-better',
    formula:
      'work items due in the period completed on or before their due date ÷ work items due in the period × 100',
    source: 'MODULES.md S5',
    compute: async (ctx) => {
      let due = 0;
      let onTime = 0;
      for (const v of await items(ctx)) {
        if (v.dueOn === undefined || v.dueOn < ctx.period.firstDay || v.dueOn > ctx.period.lastDay) continue;
        due++;
        if (v.completedOn !== undefined && v.completedOn <= v.dueOn) onTime++;
      }
      return due === 0 ? undefined : (onTime / due) * 100;
    },
  },
  {
    id: 'workDelegatedShare',
    label: 'Work items delegated %',
    area: 'strategy',
    unit: 'percent',
    direction: 'higher-is-better',
    formula: 'work items created in the period ever delegated ÷ work items created in the period × 100',
    source: 'MODULES.md S5 (the seed, tip 2: delegate)',
    compute: async (ctx) => {
      const created = (await items(ctx)).filter(
        (v) => v.createdOn >= ctx.period.firstDay && v.createdOn <= ctx.period.lastDay,
      );
      return created.length === 0
        ? undefined
        : (created.filter((v) => v.delegated).length / created.length) * 100;
    },
  },
  {
    id: 'openWorkItemAge',
    label: 'Median age of open work items (days)',
    area: 'strategy',
    unit: 'days',
    direction: 'lower-is-better',
    formula: 'median of (period end − created) over work items open at the period end, in calendar days',
    source: 'MODULES.md S5',
    compute: async (ctx) => {
      const last = ctx.period.lastDay;
      const ages = (await items(ctx))
        .filter((v) => openAt(v, last))
        .map((v) => daysBetween(v.createdOn, last))
        .sort((a, b) => a - b);
      if (ages.length === 0) return undefined;
      const mid = Math.floor(ages.length / 2);
      return ages.length % 2 === 1 ? ages[mid]! : (ages[mid - 1]! + ages[mid]!) / 2;
    },
  },
  {
    id: 'overdueHighImpactWork',
    label: 'Overdue high-impact work items',
    area: 'strategy',
    unit: 'count',
    direction: 'lower-is-better',
    formula:
      'work items of legal or patient-safety impact open at the period end past their due date (target 0)',
    source: 'MODULES.md S5',
    compute: async (ctx) => {
      const last = ctx.period.lastDay;
      return (await items(ctx)).filter(
        (v) =>
          openAt(v, last) &&
          (v.impact === 'legal' || v.impact === 'patient-safety') &&
          v.dueOn !== undefined &&
          v.dueOn < last,
      ).length;
    },
  },
];
