import type { Goal } from '@praxis/strategy';
import { esc, lineChart } from './svg.js';

const num = (n: number | null | undefined): string =>
  n === null || n === undefined ? 'n/a' : String(Math.round(n * 100) / 100);

/**
 * The report's strategy section: each practice goal against its checkpoint path — the expected
 * value on each checkpoint (baseline → target), the KPI value the log gave at each review, the
 * standing, and the goal's outcome. Empty when the practice has no goals.
 */
export const strategySection = (goals: readonly Goal.GoalView[]): string => {
  if (goals.length === 0) return '';
  const cards = goals.map((g) => {
    const labels = g.checkpoints.map((c) => c.period);
    const chart = lineChart(
      `${g.kpiId}: expected path and actual`,
      labels,
      [
        { name: 'Expected (path)', color: '#94a3b8', values: g.checkpoints.map((c) => c.expected) },
        {
          name: 'Actual (at review)',
          color: '#0f766e',
          values: g.checkpoints.map((c) => (typeof c.actual === 'number' ? c.actual : undefined)),
        },
      ],
      num,
      { value: g.target, label: `target ${num(g.target)}` },
    );
    const outcome =
      g.status === 'achieved' || g.status === 'missed'
        ? `${g.status} (actual ${num(g.actual)})`
        : `${g.status}, ${g.standing}`;
    const rows = g.checkpoints
      .map(
        (c) =>
          `<tr><td>${esc(c.period)}</td><td class="n">${esc(num(c.expected))}</td><td class="n">${c.actual === undefined ? '' : esc(num(c.actual))}</td><td class="${c.standing === 'off-track' ? 'overdue' : ''}">${esc(c.standing ?? '')}</td></tr>`,
      )
      .join('');
    return `<div class="chart"><h3>${esc(g.statement)}</h3><p><code>${esc(g.kpiId)}</code> (${esc(g.direction)}): baseline ${esc(num(g.baselineValue))} in ${esc(g.baselinePeriod)} → target ${esc(num(g.target))} by ${esc(g.deadline)}; owner ${esc(g.ownerId)}; ${esc(outcome)}; forecast at the deadline ${esc(num(g.forecast))}.</p>${chart}<table><thead><tr><th>Checkpoint</th><th>Expected</th><th>Actual</th><th>Standing</th></tr></thead><tbody>${rows}</tbody></table></div>`;
  });
  return `<section><h2>Strategy: goals against their checkpoint path</h2><p>Baselines are frozen from the log when a goal is drafted; each checkpoint's actual is the KPI the log gave at its review, and a goal closes from the KPI of its deadline (see docs/strategy.md).</p><div class="charts">${cards.join('')}</div></section>`;
};
