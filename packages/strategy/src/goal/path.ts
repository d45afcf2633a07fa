import { daysBetween, nextPeriod, periodContaining, type PeriodDays } from '../periods.js';
import type { Checkpoint, Direction, GoalStanding } from './events.js';

/** Whether `value` is strictly better than `than` in the KPI's good direction. */
export const isImprovement = (direction: Direction, value: number, than: number): boolean =>
  direction === 'higher-is-better' ? value > than : value < than;

/** Whether `value` reaches `target` (equal counts) in the KPI's good direction. */
export const reaches = (direction: Direction, value: number, target: number): boolean =>
  direction === 'higher-is-better' ? value >= target : value <= target;

/**
 * Share of the whole planned change (|target − baseline|) a checkpoint may fall short by and
 * still be `at-risk` rather than `off-track`: 10 %.
 */
export const atRiskTolerance = 0.1;

/**
 * How an actual value stands against the path: `on-track` when it reaches the expected value,
 * `at-risk` when it falls short by at most `atRiskTolerance` of the planned change, `off-track`
 * beyond that, `no-data` when the KPI had no value.
 */
export const standing = (
  direction: Direction,
  actual: number | null,
  expected: number,
  baseline: number,
  target: number,
): GoalStanding => {
  if (actual === null) return 'no-data';
  if (reaches(direction, actual, expected)) return 'on-track';
  const shortfall = Math.abs(actual - expected);
  return shortfall <= atRiskTolerance * Math.abs(target - baseline) ? 'at-risk' : 'off-track';
};

/** Most default checkpoints a path gets: monthly up to three years, quarterly beyond. */
const maxMonthly = 36;

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * The default path: one checkpoint per month (per quarter when that would be more than 36)
 * from the period containing `fromDay` to the deadline period, the expected value moving in a
 * straight line from the baseline on `fromDay` to the target on the deadline's last day.
 */
export const straightPath = (
  fromDay: string,
  deadline: PeriodDays,
  baseline: number,
  target: number,
): Checkpoint[] => {
  const months = periods(fromDay, deadline, 'month');
  const chosen = months.length > maxMonthly ? periods(fromDay, deadline, 'quarter') : months;
  const span = Math.max(1, daysBetween(fromDay, deadline.lastDay));
  return chosen.map((p) => ({
    period: p.label,
    dueOn: p.lastDay,
    expected:
      p.lastDay >= deadline.lastDay
        ? target
        : round(baseline + ((target - baseline) * daysBetween(fromDay, p.lastDay)) / span),
  }));
};

const periods = (fromDay: string, deadline: PeriodDays, kind: 'month' | 'quarter'): PeriodDays[] => {
  const out: PeriodDays[] = [];
  for (let p = periodContaining(fromDay, kind); p.firstDay <= deadline.lastDay; p = nextPeriod(p)) {
    // A quarter running past a monthly deadline: the deadline period closes the path instead.
    if (p.lastDay > deadline.lastDay) {
      out.push(deadline);
      break;
    }
    out.push(p);
  }
  return out;
};
