import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-code.js';
import { openPractice } from '../open.js';
import { progress } from '../progress.js';
import { Goal } from '@praxis/strategy';
import { carcDescription } from '@praxis/x12';
import { dashboardHtml } from '../report/html.js';
import { loadResourcesSection } from '../report/resources.js';
import { UsageError } from '../usage-error.js';
import { str } from '../when.js';
import { loadFinanceDocuments } from '@praxis/practice';
import { memoizedReader } from '@praxis/core';
import { basisOption, latestYear } from './kpi.js';
import { Finance } from '@praxis/kpi';
import { Roster } from '@praxis/staff';
import { previousPeriod } from '../report/glance.js';

/** `praxis report --html out.html`: a self-contained KPI dashboard. */
export const report: CliCommand = {
  name: 'report',
  summary: 'write a self-contained HTML KPI dashboard (inline SVG charts, works offline)',
  usage: [
    'praxis report --html <file> [--period 2026|2026-Q1|2026-03] [--basis as-reported|restated] [--db file | --store url]',
    '',
    '  --html F      the file to write (one HTML file: no scripts, fonts or CDN)',
    '  --period P    default: the latest year with events; charts show each month of it',
    '  --basis B     as-reported (default) or restated; the report also compares the two for the period',
  ].join('\n'),
  options: { html: { type: 'string' }, period: { type: 'string' }, basis: { type: 'string' } },
  run: async (ctx) => {
    const out = str(ctx.values.html);
    if (out === undefined) throw new UsageError('report needs --html <file> (see praxis report --help)');
    const basis = basisOption(ctx.values.basis);
    const practice = await openPractice(ctx);
    try {
      const period = str(ctx.values.period) ?? (await latestYear(practice));
      // every read-model document is read once for the period and every month of it
      await practice.catchUp();
      // The KPIs read documents as stored (a measure is never a personal field; `kpis` reveals
      // the names of its detail itself); what the page shows as read (obligations, goals,
      // resources) is read revealed.
      const reader = memoizedReader(practice.sealedReadModels);
      const shown = memoizedReader(practice.readModels);
      const documents = await loadFinanceDocuments(reader);
      const report = await practice.kpis(period, { basis, documents, reader });
      const other = await practice.kpis(period, {
        basis: basis === 'restated' ? 'as-reported' : 'restated',
        documents,
        reader,
      });
      const bar = progress(ctx.io, 'months');
      const months = [];
      const labels = periodMonths(report.period.firstDay, report.period.lastDay);
      for (const [i, m] of labels.entries()) {
        months.push(await practice.kpis(m, { basis, documents, reader }));
        bar.update(i + 1, labels.length);
      }
      bar.done();
      const obligations = await practice.calendar(report.period.lastDay, { openOnly: true, reader: shown });
      // The change on each card: the period before, on the same basis.
      const before = previousPeriod(report.period.label);
      const previous =
        before === undefined ? undefined : await practice.kpis(before, { basis, documents, reader });
      // Names instead of ids (the staff record, personal fields revealed as on every read).
      const names = new Map(
        (await Roster.listRoster(practice.readModels)).map((r) => [r.staffId, r.name] as const),
      );
      // Approved variances of the budgets of the period's years.
      const approvedVariances: Record<string, number> = {};
      const years = new Set([report.period.firstDay.slice(0, 4), report.period.lastDay.slice(0, 4)]);
      for (const b of await Finance.loadBudgets(reader))
        if (years.has(b.startsOn.slice(0, 4)))
          for (const [category, cents] of Object.entries(b.approvedVariances))
            approvedVariances[category] = (approvedVariances[category] ?? 0) + cents;
      const html = dashboardHtml({
        settings: practice.settings,
        report,
        other,
        months,
        obligations,
        resources: await loadResourcesSection(shown, report.period.lastDay, obligations),
        goals: await Goal.listGoals(shown),
        ...(previous === undefined ? {} : { previous }),
        nameOf: (id) => names.get(id),
        approvedVariances,
        // The denial table names each CARC with its description from @praxis/x12's code list.
        carcDescription,
        generatedAt: new Date().toISOString(),
      });
      const path = resolve(ctx.io.cwd, out);
      try {
        writeFileSync(path, html);
      } catch (err) {
        throw new UsageError(`cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
      }
      ctx.io.out(
        `wrote ${path} (${Math.round(html.length / 1024)} KB, ${months.length} months of ${report.period.label})`,
      );
      return ExitCode.ok;
    } finally {
      await practice.close();
    }
  },
};

/** The `YYYY-MM` months from one day to another. */
const periodMonths = (first: string, last: string): string[] => {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const end = last.slice(0, 7);
  for (;;) {
    const label = `${y}-${String(m).padStart(2, '0')}`;
    if (label > end) return out;
    out.push(label);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
};
