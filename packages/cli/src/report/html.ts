import type { CalendarEntry } from '@praxis/kpi';
import type { KpiReport, PracticeSettings } from '@praxis/practice';
import { noTargetNote } from '@praxis/practice';
import { kpiTarget, kpiValue, money } from '../format.js';
import type { Goal } from '@praxis/strategy';
import { patientsSection } from './patients.js';
import { barChart, esc, hbarChart, lineChart } from './svg.js';
import { resourcesSectionHtml, type ResourcesSection } from './resources.js';
import { strategySection } from './strategy.js';
import { deltaOf, groupObligations, headlineOf, monthLabel, statusOf } from './glance.js';

/** What the dashboard shows: the period's report, each of its months, and open obligations. */
export interface DashboardData {
  readonly settings: PracticeSettings;
  readonly report: KpiReport;
  /** The same period on the other basis (restated when `report` is as reported), compared side by side. */
  readonly other?: KpiReport;
  readonly months: readonly KpiReport[];
  readonly obligations: readonly CalendarEntry[];
  /** The resources section (reorder list, cross-training, resource duties), when the practice has the module. */
  readonly resources?: ResourcesSection;
  /** The practice's goals (@praxis/strategy), shown against their checkpoint paths. */
  readonly goals?: readonly Goal.GoalView[];
  /** The period before (same basis), for the change on each card. */
  readonly previous?: KpiReport;
  /** A person's name for an id (staff record), shown instead of the id. */
  readonly nameOf?: (id: string) => string | undefined;
  /** A CARC code's description (X12 claim adjustment reason codes); the code alone without it. */
  readonly carcDescription?: (code: string) => string | undefined;
  /** Approved budget variances by category (cents): an overspend within one is not drawn as over. */
  readonly approvedVariances?: Readonly<Record<string, number>>;
  /** When the dashboard was made (ISO instant). */
  readonly generatedAt: string;
}

const css = `
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#111827;margin:0;background:#f9fafb}
header{background:#0f766e;color:#fff;padding:20px 32px}h1{margin:0;font-size:22px}header p{margin:4px 0 0;opacity:.85}
main{padding:24px 32px;max-width:1400px}section{margin-bottom:28px}h2{font-size:16px;margin:0 0 10px;color:#0f766e}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(210px,1fr));gap:12px}
.card{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:12px 14px}
.card .v{font-size:22px;font-weight:600}.card .l{color:#4b5563;font-size:12px}.card .t{font-size:12px;color:#6b7280}
.met{border-left:4px solid #16a34a}.missed{border-left:4px solid #dc2626;background:#fef2f2}.none{border-left:4px dashed #9ca3af}
.s{font-size:11px;font-weight:700;letter-spacing:.04em;text-transform:uppercase;color:#374151}.missed .s{color:#b91c1c}.met .s{color:#15803d}
.card .d{font-size:12px;color:#374151}.card .ts{font-size:11px;color:#6b7280;font-style:italic}.headline{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:14px 18px}
.headline .big{font-size:24px;font-weight:700;margin:0 0 4px}.headline ul{margin:6px 0 0;padding-left:20px}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(520px,1fr));gap:16px}
.chart{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:12px}.chart h3{margin:0 0 6px;font-size:13px;color:#374151}
table{border-collapse:collapse;background:#fff;width:100%}td,th{border-bottom:1px solid #e5e7eb;padding:6px 8px;text-align:left;font-size:13px}
th{background:#f3f4f6}td.n{text-align:right}.overdue{color:#dc2626;font-weight:600}footer{color:#6b7280;font-size:12px;padding:0 32px 24px}
@media print{body{background:#fff}.chart,.card{break-inside:avoid}}
`;

const pctFmt = (n: number) => `${n.toFixed(0)}%`;
const daysFmt = (n: number) => `${n.toFixed(0)} d`;

/**
 * A KPI dashboard as one self-contained HTML file: inline CSS and SVG, no script, no font or
 * CDN, so it opens offline and prints.
 */
export const dashboardHtml = (d: DashboardData): string => {
  const { currency, name, timeZone } = d.settings;
  const dollars = (cents: number) => money(cents, currency).replace(/\.\d\d$/, '');
  const years = new Set(d.months.map((m) => m.period.label.slice(0, 4)));
  const months = d.months.map((m) => monthLabel(m.period.label, years.size > 1));
  const nameOf = (id: string) => d.nameOf?.(id) ?? undefined;
  const series = (pick: (m: KpiReport) => number | undefined) => d.months.map(pick);
  const rc = (m: KpiReport) => m.revenueCycle;
  const target = (id: string) => d.report.lines.find((l) => l.id === id)?.target;
  const daysTarget = target('daysInAR');
  const denialTarget = target('initialDenialRate');

  const cards = d.report.lines
    .map((l) => {
      const st = statusOf(l);
      const t = kpiTarget(l, currency);
      const delta = deltaOf(l, d.previous, currency);
      return `<div class="card ${st.cls}"><div class="s"><span aria-hidden="true">${st.icon}</span> ${st.word}</div><div class="l">${esc(l.label)}</div><div class="v">${esc(kpiValue(l, currency))}</div><div class="t">${esc(t === '' ? 'target: none set' : `target ${t}`)}</div><div class="ts">${esc(l.target === undefined ? noTargetNote : `target source: ${l.target.source ?? 'set by the practice'}`)}</div>${delta === '' ? '' : `<div class="d">${esc(delta)}</div>`}<div class="t">${esc(l.source)}</div></div>`;
    })
    .join('');
  const headline = headlineOf(d.report.lines);
  const headlineHtml = `<section class="headline" aria-label="headline"><p class="big">${esc(headline.text)}</p>${
    headline.missed.length === 0
      ? ''
      : `<ul>${headline.missed
          .map(
            (l) =>
              `<li>✖ ${esc(l.label)}: ${esc(kpiValue(l, currency))} against ${esc(kpiTarget(l, currency))}</li>`,
          )
          .join('')}</ul>`
  }</section>`;
  const trainingTarget = target('trainingCompliance') ?? target('policyAcknowledgment');
  const approved = d.approvedVariances ?? {};

  const charts = [
    [
      'Charges and collections by month',
      barChart(
        'Charges and collections by month',
        months,
        [
          { name: 'Gross charges', color: '#93c5fd', values: series((m) => rc(m).grossCharges) },
          { name: 'Net collections', color: '#0f766e', values: series((m) => rc(m).netCollections) },
        ],
        dollars,
      ),
    ],
    [
      'Days in A/R',
      lineChart(
        'Days in A/R',
        months,
        [{ name: 'Days in A/R', color: '#7c3aed', values: series((m) => rc(m).daysInAR) }],
        daysFmt,
        daysTarget === undefined
          ? undefined
          : { value: daysTarget.value, label: `target ${daysTarget.value} d` },
      ),
    ],
    [
      'Claims: clean and denied',
      lineChart(
        'Clean claim rate and initial denial rate',
        months,
        [
          { name: 'Clean claim rate', color: '#16a34a', values: series((m) => rc(m).cleanClaimRate) },
          { name: 'Initial denial rate', color: '#dc2626', values: series((m) => rc(m).initialDenialRate) },
        ],
        pctFmt,
        denialTarget === undefined
          ? undefined
          : { value: denialTarget.value, label: `denials ≤ ${denialTarget.value}%` },
        100,
      ),
    ],
    [
      'People and policies',
      lineChart(
        'Training compliance and policy acknowledgment',
        months,
        [
          {
            name: 'Training compliance',
            color: '#0891b2',
            values: series((m) => m.training.compliancePct ?? undefined),
          },
          {
            name: 'Policy acknowledgment',
            color: '#ca8a04',
            values: series((m) => m.policyAcknowledgments.percent),
          },
        ],
        pctFmt,
        trainingTarget === undefined
          ? undefined
          : { value: trainingTarget.value, label: `target ≥ ${trainingTarget.value}%` },
        100,
      ),
    ],
    [
      'Revenue against budget by month',
      barChart(
        'Revenue against budget by month: budgeted (visits × net revenue per visit) and net collections',
        months,
        [
          { name: 'Budgeted revenue', color: '#cbd5e1', values: series((m) => m.budget.revenue.budget) },
          { name: 'Net collections', color: '#0f766e', values: series((m) => m.budget.revenue.actual) },
        ],
        dollars,
      ),
    ],
    [
      `Budget vs actual, ${d.report.period.label}`,
      hbarChart(
        'Budget vs actual by line',
        d.report.budget.lines.map((l) => ({
          label: l.category,
          a: l.budget,
          b: l.actual,
          covered: l.actual > l.budget && l.actual - l.budget <= (approved[l.category] ?? 0),
        })),
        ['Budget', 'Actual'],
        dollars,
      ),
    ],
    [
      `A/R by age at ${d.report.arAging.asOf}`,
      barChart(
        'A/R by age (days from date of service)',
        Object.keys(d.report.arAging.totals.buckets),
        [{ name: 'A/R', color: '#f59e0b', values: Object.values(d.report.arAging.totals.buckets) }],
        dollars,
      ),
    ],
  ]
    .map(([title, svg]) => `<div class="chart"><h3>${esc(title!)}</h3>${svg}</div>`)
    .join('');

  const denials = d.report.revenueCycle.denialsByCarc
    .map(
      (r) =>
        `<tr><td>CARC ${esc(r.carcCode)}</td><td>${esc(d.carcDescription?.(r.carcCode) ?? '')}</td><td class="n">${r.count}</td><td class="n">${esc(money(r.amount, currency))}</td></tr>`,
    )
    .join('');
  const open = groupObligations(
    d.obligations.filter((o) => o.state === 'overdue' || o.state === 'due-soon'),
    nameOf,
  )
    .slice(0, 40)
    .map(
      (o) =>
        `<tr><td class="${o.state === 'overdue' ? 'overdue' : ''}">${o.state === 'overdue' ? '✖ ' : '◷ '}${esc(o.state)}</td><td>${esc(o.count > 1 ? `from ${o.dueAt}` : o.dueAt)}</td><td>${esc(o.label)}${o.count > 1 ? ` <strong>× ${o.count}</strong>` : ''}</td><td>${esc(o.owners)}</td><td>${esc(o.legalSource)}</td></tr>`,
    )
    .join('');

  const basisName = (b: KpiReport['basis']) => (b === 'restated' ? 'Restated' : 'As reported');
  const compared =
    d.other === undefined
      ? ''
      : d.report.lines
          .filter((l) => l.area === 'finance')
          .map((l) => {
            const o = d.other!.lines.find((x) => x.id === l.id);
            const a = kpiValue(l, currency);
            const b = o === undefined ? '' : kpiValue(o, currency);
            return `<tr><td>${esc(l.label)}</td><td class="n">${esc(a)}</td><td class="n">${esc(b)}</td><td>${a === b ? '' : 'changed'}</td></tr>`;
          })
          .join('');
  const comparison =
    d.other === undefined
      ? ''
      : `<section><h2>Finance: ${basisName(d.report.basis).toLowerCase()} and ${basisName(d.other.basis).toLowerCase()}</h2><p>As reported counts only what was recorded by the close of the period, so a closed period never changes; restated applies every correction recorded since.</p><table><thead><tr><th>KPI</th><th>${basisName(d.report.basis)}</th><th>${basisName(d.other.basis)}</th><th></th></tr></thead><tbody>${compared}</tbody></table></section>`;

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(name)} — KPIs ${esc(d.report.period.label)}</title><style>${css}</style></head>
<body><header><h1>${esc(name)}</h1><p>KPI dashboard for ${esc(d.report.period.label)} (${esc(d.report.period.firstDay)} to ${esc(d.report.period.lastDay)}, ${esc(timeZone)}). Finance figures: ${basisName(d.report.basis).toLowerCase()}.</p></header>
<main>
${headlineHtml}
<section><h2>KPIs${d.previous === undefined ? '' : ` (change against ${esc(d.previous.period.label)})`}</h2><div class="cards">${cards}</div></section>
${comparison}
<section><h2>Trends by month</h2><div class="charts">${charts}</div></section>
${strategySection(d.goals ?? [])}
${patientsSection(d.report, d.months, currency)}
<section><h2>Denials by reason (CARC)</h2><table><thead><tr><th>Reason</th><th>Description</th><th>Claims</th><th>Amount</th></tr></thead><tbody>${denials || '<tr><td colspan="4">none</td></tr>'}</tbody></table></section>
${d.resources === undefined ? '' : resourcesSectionHtml(d.resources, d.report, d.months, currency)}
<section><h2>Obligations overdue or due soon at ${esc(d.report.period.lastDay)}</h2><table><thead><tr><th>State</th><th>Due</th><th>What</th><th>Owner</th><th>Source</th></tr></thead><tbody>${open || '<tr><td colspan="5">none</td></tr>'}</tbody></table></section>
</main>
<footer>Made by Praxis at ${esc(d.generatedAt)} from the practice's event log. Every number can be traced to its events with <code>praxis audit</code>.</footer>
</body></html>
`;
};
