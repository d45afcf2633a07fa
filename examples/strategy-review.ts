/**
 * Example: a quarterly strategy review. Measures the revenue cycle's flow (charge lag, hold lag,
 * the bottleneck), ranks the work queue, and tries a goal on a fork of the log first: what the
 * rules would refuse and how the KPIs would move, without recording anything.
 *
 *   node --import tsx examples/strategy-review.ts [practice.db] [quarter] [date]
 *   e.g. node --import tsx examples/strategy-review.ts practice.db 2025-Q2 2025-07-02
 */
import { pathToFileURL } from 'node:url';
import { periodOf } from '@praxis/core';
import { stepTiming } from '@praxis/operations';
import { createPractice } from '@praxis/practice';
import { WorkItem } from '@praxis/strategy';

/** What the review found. */
export interface StrategyReview {
  readonly lines: readonly string[];
  readonly bottleneck?: string;
  readonly refusals: readonly string[];
}

const days = (minutes: number | undefined) =>
  minutes === undefined ? 'n/a' : `${(minutes / 1440).toFixed(1)} d`;

/** Reviews `quarter` (e.g. `2025-Q2`) as of `date` (a day after it, `YYYY-MM-DD`). */
export const strategyReview = async (
  store: string,
  quarter: string,
  date: string,
): Promise<StrategyReview> => {
  const practice = await createPractice({ store, create: false });
  try {
    const lines: string[] = [];
    const flow = await stepTiming(practice.readModels, periodOf(quarter, practice.settings.timeZone));
    lines.push(`Revenue cycle, ${quarter}:`);
    for (const s of flow?.steps ?? [])
      lines.push(
        `  ${s.name}: ${s.throughput} done, median ${days(s.medianMinutes)}, p90 ${days(s.p90Minutes)}, ${s.wip} in progress`,
      );
    if (flow?.bottleneck !== undefined)
      lines.push(
        `  bottleneck: ${flow.bottleneck.stepId} (${flow.bottleneck.sharePct}% of the median lead time)`,
      );

    const items = await WorkItem.listWorkItems(practice.readModels);
    const queue = WorkItem.rankQueue({ items, obligations: await practice.calendar(date), today: date });
    lines.push(`Work queue as of ${date} (top 5 of ${queue.entries.length}):`);
    for (const e of queue.entries.slice(0, 5))
      lines.push(`  ${e.rank}  ${e.impact}  ${e.dueOn ?? ''}  ${e.label}`);

    // Try two versions of a goal on a fork: the rules judge them; nothing is recorded.
    const at = `${date}T09:00:00Z`;
    const goal = (goalId: string, target: number) => ({
      aggregate: 'Goal',
      at,
      actor: { id: 'S-101', role: 'practice_manager' },
      command: {
        type: 'DraftGoal',
        goalId,
        statement: 'Cut the charge lag',
        rationale: 'Charges entered the same day at checkout',
        kpiId: 'chargeLagDays',
        baselinePeriod: quarter,
        target,
        deadline: `${Number(date.slice(0, 4)) + 1}-Q2`,
        ownerId: 'S-105',
      },
    });
    const tried = await practice.whatIf([goal('lag-up', 30), goal('lag-down', 0.2)], { periods: [quarter] });
    const refusals = tried.refusals.map((r) => `${r.code}: ${r.message}`);
    lines.push('What-if, two goals on the charge lag:', ...tried.outcomes.map((o) => `  ${o.summary}`));
    return {
      lines,
      refusals,
      ...(flow?.bottleneck === undefined ? {} : { bottleneck: flow.bottleneck.stepId }),
    };
  } finally {
    await practice.close();
  }
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [db = 'practice.db', quarter = '2025-Q2', date = '2025-07-02'] = process.argv.slice(2);
  const r = await strategyReview(`sqlite:${db}`, quarter, date);
  console.log(r.lines.join('\n'));
}
