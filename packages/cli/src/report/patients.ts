import { monthLabel } from './glance.js';
import type { KpiReport } from '@praxis/practice';
import { kpiValue } from '../format.js';
import { esc, lineChart } from './svg.js';

const pctFmt = (n: number) => `${n.toFixed(0)}%`;
const minFmt = (n: number) => `${n.toFixed(0)} min`;

/**
 * The dashboard's patients section (issue 15): attendance and experience by month as charts,
 * and every KPI of area `patients` for the period with its formula and source. Survey results
 * appear only as these aggregates.
 */
export const patientsSection = (
  report: KpiReport,
  months: readonly KpiReport[],
  currency: string,
): string => {
  const lines = report.lines.filter((l) => l.area === 'patients');
  if (lines.length === 0) return '';
  const labels = months.map((m) => monthLabel(m.period.label));
  const series = (id: string) => months.map((m) => m.lines.find((l) => l.id === id)?.value ?? undefined);
  const charts = [
    [
      'Attendance',
      lineChart(
        'No-show and late-cancel rates by month',
        labels,
        [
          { name: 'No-show rate', color: '#dc2626', values: series('noShowRate') },
          { name: 'Late-cancel rate', color: '#f59e0b', values: series('lateCancelRate') },
          { name: 'Confirmation rate', color: '#16a34a', values: series('confirmationRate') },
        ],
        pctFmt,
        undefined,
        100,
      ),
    ],
    [
      'Patient wait (median minutes)',
      lineChart(
        'Patient wait by month',
        labels,
        [
          { name: 'Arrival to roomed', color: '#0891b2', values: series('waitArrivalToRoomed') },
          { name: 'Arrival to provider', color: '#7c3aed', values: series('waitArrivalToProvider') },
        ],
        minFmt,
      ),
    ],
    [
      'Patient experience (CG-CAHPS top box)',
      lineChart(
        'CG-CAHPS top-box % by month',
        labels,
        [
          { name: 'Access', color: '#0f766e', values: series('cgcahpsAccess') },
          {
            name: 'Provider communication',
            color: '#2563eb',
            values: series('cgcahpsProviderCommunication'),
          },
          { name: 'Office staff', color: '#ca8a04', values: series('cgcahpsOfficeStaff') },
          { name: 'Provider rated 9–10', color: '#db2777', values: series('providerRating9or10') },
        ],
        pctFmt,
        undefined,
        100,
      ),
    ],
  ]
    .map(([title, svg]) => `<div class="chart"><h3>${esc(title!)}</h3>${svg}</div>`)
    .join('');
  const rows = lines
    .map(
      (l) =>
        `<tr><td>${esc(l.label)}</td><td class="n">${esc(kpiValue(l, currency))}</td><td>${esc(l.formula)}</td><td>${esc(l.source)}</td></tr>`,
    )
    .join('');
  return `<section><h2>Patients</h2><div class="charts">${charts}</div><table><thead><tr><th>KPI</th><th>${esc(report.period.label)}</th><th>Formula</th><th>Source</th></tr></thead><tbody>${rows}</tbody></table></section>`;
};
