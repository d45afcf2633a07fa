import type { Practice } from '@praxis/practice';
import { actorOf, people } from './cast.js';
import type { Step } from './plan.js';
import type { DemoTime } from './time.js';

/** One practice goal of the demo: its KPI, owner, deadline and how far it aims from the baseline. */
interface DemoGoal {
  readonly goalId: string;
  readonly kpiId: string;
  readonly statement: string;
  readonly rationale: string;
  readonly ownerId: string;
  /** The deadline quarter (of the demo year). */
  readonly quarter: 3 | 4;
  /** The target from the frozen baseline (rounded to 2 decimals). */
  readonly aim: (baseline: number) => number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

const goals: readonly DemoGoal[] = [
  {
    goalId: 'ar-days',
    kpiId: 'daysInAR',
    statement: 'Cut days in A/R by 15 % by working denials within 5 days',
    rationale: 'MGMA better performers stay under 40 days; our Q1 was above',
    ownerId: people.biller.id,
    quarter: 3,
    aim: (b) => round2(b * 0.85),
  },
  {
    goalId: 'collections',
    kpiId: 'adjustedCollectionRate',
    statement: 'Raise the adjusted collection rate by 5 points with copays at the visit',
    rationale: 'Copays collected at check-in are rarely written off later',
    ownerId: people.biller.id,
    quarter: 4,
    aim: (b) => round2(Math.min(100, b + 5)),
  },
  {
    goalId: 'charge-lag',
    kpiId: 'chargeLagDays',
    statement: 'Halve the charge lag: charges entered before the patient leaves',
    rationale: 'Charges entered at checkout reach the payer a day sooner',
    ownerId: people.reyes.id,
    quarter: 3,
    aim: (b) => round2(b / 2),
  },
];

/**
 * The practice's strategic goals (@praxis/strategy): three goals tied to KPIs, drafted in the
 * first week of April with the first quarter as baseline (frozen from the log), approved by the
 * manager, reviewed at each monthly checkpoint, and — for the two due with the third quarter —
 * closed in October as achieved or missed from the KPI of their deadline.
 */
export const planStrategy = (time: DemoTime, year: number): Step[] => {
  const steps: Step[] = [];
  const manager = actorOf(people.manager);
  const day = (md: string) => `${year}-${md}`;
  for (const g of goals) {
    const deadline = `${year}-Q${g.quarter}`;
    steps.push({
      at: time.at(day('04-07'), 9),
      label: `goal ${g.goalId}: draft`,
      run: async (p: Practice) => {
        // The target is set from the baseline the owner sees in the KPI report.
        const base = (await p.kpis(`${year}-Q1`)).lines.find((l) => l.id === g.kpiId)?.value;
        return p.strategy.draftGoal(
          {
            goalId: g.goalId,
            statement: g.statement,
            rationale: g.rationale,
            kpiId: g.kpiId,
            baselinePeriod: `${year}-Q1`,
            target: base === undefined ? 0 : g.aim(base),
            deadline,
            ownerId: g.ownerId,
          },
          { actor: manager },
        );
      },
    });
    steps.push({
      at: time.at(day('04-08'), 9),
      label: `goal ${g.goalId}: approve`,
      run: (p) => p.strategy.approveGoal({ goalId: g.goalId }, { actor: manager }),
    });
    const lastMonth = g.quarter * 3;
    for (let m = 4; m <= lastMonth; m++) {
      const period = `${year}-${String(m).padStart(2, '0')}`;
      if (m === 12) continue; // reviewed in January, after the demo year
      steps.push({
        at: time.at(`${year}-${String(m + 1).padStart(2, '0')}-05`, 9, 30),
        label: `goal ${g.goalId}: review ${period}`,
        run: (p) => p.strategy.reviewCheckpoint({ goalId: g.goalId, period }, { actor: manager }),
      });
    }
    if (g.quarter === 3)
      steps.push({
        at: time.at(day('10-06'), 10),
        label: `goal ${g.goalId}: close`,
        run: (p) => p.strategy.closeGoal({ goalId: g.goalId }, { actor: manager }),
      });
  }
  return steps;
};
