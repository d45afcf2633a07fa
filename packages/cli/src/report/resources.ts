import { monthLabel } from './glance.js';
import type { CalendarEntry } from '@praxis/kpi';
import type { KpiReport } from '@praxis/practice';
import { crossTrainingOn, reorderList, type ReorderLine, type SkillCoverage } from '@praxis/resources';
import type { ReadModelReader } from '@praxis/core';
import { kpiValue } from '../format.js';
import { barChart, esc } from './svg.js';

/** What the dashboard's resources section shows (MODULES.md §3.3), as of the period's last day. */
export interface ResourcesSection {
  readonly asOf: string;
  /** Stock to reorder on that day (`reorderList`). */
  readonly reorder: readonly ReorderLine[];
  /** Critical skills and who is certified in them (`crossTrainingOn`). */
  readonly coverage: readonly SkillCoverage[];
  /** The resources duties overdue or due soon. */
  readonly obligations: readonly CalendarEntry[];
}

/** Reads what the resources section shows from the read models, as of `asOf`. */
export const loadResourcesSection = async (
  reader: ReadModelReader,
  asOf: string,
  obligations: readonly CalendarEntry[],
): Promise<ResourcesSection> => ({
  asOf,
  reorder: await reorderList(reader, asOf),
  coverage: await crossTrainingOn(reader, asOf),
  obligations: obligations.filter(
    (o) => o.module === 'resources' && (o.state === 'overdue' || o.state === 'due-soon'),
  ),
});

const fixed = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/**
 * The resources section of the dashboard: the area's KPIs, a monthly chart of stock-outs and
 * waste, the reorder list, cross-training coverage and the resource duties open at the period's end.
 */
export const resourcesSectionHtml = (
  r: ResourcesSection,
  report: KpiReport,
  months: readonly KpiReport[],
  currency: string,
): string => {
  const lines = report.lines.filter((l) => l.area === 'resources');
  const kpis = lines
    .map(
      (l) =>
        `<tr><td>${esc(l.label)}</td><td class="n">${esc(kpiValue(l, currency))}</td><td>${esc(l.source)}</td></tr>`,
    )
    .join('');
  const value = (m: KpiReport, id: string) => m.lines.find((l) => l.id === id)?.value;
  const chart = barChart(
    'Stock-outs and expired waste by month',
    months.map((m) => monthLabel(m.period.label)),
    [
      { name: 'Stock-outs', color: '#dc2626', values: months.map((m) => value(m, 'stockOuts')) },
      {
        name: 'Expired waste %',
        color: '#f59e0b',
        values: months.map((m) => value(m, 'expiredWastePercent')),
      },
    ],
    fixed,
  );
  const reorder = r.reorder
    .map(
      (l) =>
        `<tr><td>${esc(l.name)}</td><td>${esc(l.locationId)}</td><td class="n">${l.onHand}</td><td class="n">${l.onOrder}</td><td class="n">${l.min}</td><td class="n">${l.max}</td><td class="n">${l.suggestedQty} ${esc(l.unit)}</td></tr>`,
    )
    .join('');
  const coverage = r.coverage
    .map(
      (c) =>
        `<tr><td>${esc(c.skill)}</td><td class="n">${c.certified.length}</td><td class="${c.covered ? '' : 'overdue'}">${c.covered ? 'cross-trained' : 'one person or none'}</td></tr>`,
    )
    .join('');
  const duties = r.obligations
    .slice(0, 30)
    .map(
      (o) =>
        `<tr><td class="${o.state === 'overdue' ? 'overdue' : ''}">${esc(o.state)}</td><td>${esc(o.dueAt)}</td><td>${esc(o.kind)}</td><td>${esc(o.label)}</td></tr>`,
    )
    .join('');
  const none = (n: number) => `<tr><td colspan="${n}">none</td></tr>`;
  return `<section><h2>Resources at ${esc(r.asOf)}</h2>
<table><thead><tr><th>KPI</th><th>Value</th><th>Source</th></tr></thead><tbody>${kpis || none(3)}</tbody></table>
<div class="charts" style="margin-top:12px"><div class="chart"><h3>Stock-outs and expired waste by month</h3>${chart}</div></div>
<h3>Reorder list</h3><table><thead><tr><th>Item</th><th>Location</th><th>On hand</th><th>On order</th><th>Min (ROP)</th><th>Max (par)</th><th>Order</th></tr></thead><tbody>${reorder || none(7)}</tbody></table>
<h3>Cross-training of critical skills</h3><table><thead><tr><th>Skill</th><th>Certified on staff</th><th></th></tr></thead><tbody>${coverage || none(3)}</tbody></table>
<h3>Resource duties overdue or due soon</h3><table><thead><tr><th>State</th><th>Due</th><th>Kind</th><th>What</th></tr></thead><tbody>${duties || none(4)}</tbody></table>
</section>`;
};
