import type { KpiReport, Practice } from '@praxis/practice';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-code.js';
import { kpiTarget, kpiValue, table } from '../format.js';
import type { Io } from '../io.js';
import { openPractice } from '../open.js';
import { UsageError } from '../usage-error.js';

/** The year of the practice's latest business event (what `kpi` shows by default). */
export const latestYear = async (practice: Practice): Promise<string> => {
  for await (const e of practice.store.readAll({ direction: 'backwards', maxCount: 1 })) {
    return e.metadata.occurredAt.slice(0, 4);
  }
  return String(practice.clock.now().year);
};

/** How each basis is named to a reader. */
export const basisLabel = (basis: KpiReport['basis']): string =>
  basis === 'restated'
    ? 'restated: with every correction recorded since'
    : 'as reported: only what was recorded by the close of the period';

/** Reads `--basis`: `as-reported` (default) or `restated`. */
export const basisOption = (value: unknown): KpiReport['basis'] => {
  if (value === undefined || value === 'as-reported') return 'as-reported';
  if (value === 'restated') return 'restated';
  throw new UsageError(`--basis must be as-reported or restated (got "${String(value)}")`);
};

/** Prints the KPI table of a period. */
export const printKpis = async (
  practice: Practice,
  period: string,
  io: Io,
  basis: KpiReport['basis'] = 'as-reported',
): Promise<void> => {
  const report = await practice.kpis(period, { basis });
  const { currency, name, timeZone } = practice.settings;
  const rows: string[][] = [['KPI', 'value', 'target', '']];
  let area = '';
  for (const l of report.lines) {
    if (l.area !== area) {
      area = l.area;
      rows.push([area[0]!.toUpperCase() + area.slice(1), '', '', '']);
    }
    rows.push([
      `  ${l.label}`,
      kpiValue(l, currency),
      kpiTarget(l, currency),
      l.met === true
        ? 'met'
        : l.met === false
          ? 'MISSED'
          : l.target === undefined
            ? 'no target set'
            : 'no data',
    ]);
  }
  io.out(
    `${name}: KPIs for ${report.period.label} (${report.period.firstDay} to ${report.period.lastDay}, ${timeZone})\n` +
      `Finance figures ${basisLabel(report.basis)}\n`,
  );
  io.out(table(rows, new Set([1])));
};

/** `praxis kpi`: the KPI table of a month, quarter or year. */
export const kpi: CliCommand = {
  name: 'kpi',
  summary: 'KPI table of a period, with targets where set',
  usage: [
    'praxis kpi [--period 2026|2026-Q1|2026-03] [--basis as-reported|restated] [--format table|json] [--db file | --store url]',
    '',
    '  --period P    a year, quarter or month in the practice time zone (default: the latest year with events)',
    '  --basis B     as-reported (default): what was recorded by the close of the period, so a closed',
    '                period never changes; restated: with every correction recorded since',
    '  --format F    table (default) or json (every KPI with the detail it was computed from)',
  ].join('\n'),
  options: { period: { type: 'string' }, format: { type: 'string' }, basis: { type: 'string' } },
  run: async (ctx) => {
    const format = (ctx.values.format as string | undefined) ?? 'table';
    if (format !== 'table' && format !== 'json')
      throw new UsageError(`--format must be table or json (got "${format}")`);
    const basis = basisOption(ctx.values.basis);
    const practice = await openPractice(ctx);
    try {
      const period = (ctx.values.period as string | undefined) ?? (await latestYear(practice));
      if (format === 'json') {
        ctx.io.out(JSON.stringify(await practice.kpis(period, { basis }), null, 2));
      } else {
        await printKpis(practice, period, ctx.io, basis);
      }
      return ExitCode.ok;
    } finally {
      await practice.close();
    }
  },
};
