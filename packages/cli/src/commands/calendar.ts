import type { CalendarEntry } from '@praxis/kpi';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-code.js';
import { table } from '../format.js';
import { openPractice } from '../open.js';
import { UsageError } from '../usage-error.js';
import { str } from '../when.js';

const order: Readonly<Record<CalendarEntry['state'], number>> = {
  overdue: 0,
  'due-soon': 1,
  upcoming: 2,
  done: 3,
};
const impactOrder: Readonly<Record<string, number>> = {
  legal: 0,
  'patient-safety': 1,
  financial: 2,
  operational: 3,
};

/** Most urgent first: overdue, then due soon, upcoming, done; within each by due date, then impact. */
export const calendarOrder = (a: CalendarEntry, b: CalendarEntry): number =>
  order[a.state] - order[b.state] ||
  a.daysLeft - b.daysLeft ||
  (impactOrder[a.impact ?? ''] ?? 9) - (impactOrder[b.impact ?? ''] ?? 9) ||
  a.label.localeCompare(b.label);

const days = (e: CalendarEntry): string =>
  e.state === 'done'
    ? ''
    : e.daysLeft < 0
      ? `${-e.daysLeft} d late`
      : e.daysLeft === 0
        ? 'today'
        : `in ${e.daysLeft} d`;

/** `praxis calendar`: every dated duty as of a date — overdue, due soon, upcoming. */
export const calendar: CliCommand = {
  name: 'calendar',
  summary: 'dated duties as of a date: overdue, due soon, upcoming (and done with --all)',
  usage: [
    'praxis calendar [--as-of 2026-06-30] [--all] [--format table|json] [--db file | --store url]',
    '',
    '  --as-of D     a date (the end of that day in the practice time zone); default: today',
    '  --all         also list duties already done',
    '  --format F    table (default) or json',
  ].join('\n'),
  options: { 'as-of': { type: 'string' }, all: { type: 'boolean' }, format: { type: 'string' } },
  run: async (ctx) => {
    const format = str(ctx.values.format) ?? 'table';
    if (format !== 'table' && format !== 'json')
      throw new UsageError(`--format must be table or json (got "${format}")`);
    const practice = await openPractice(ctx);
    try {
      const asOf = str(ctx.values['as-of']) ?? practice.clock.now().toISODate()!;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf))
        throw new UsageError(`--as-of must be a date YYYY-MM-DD (got "${asOf}")`);
      const entries = [...(await practice.calendar(asOf, { openOnly: ctx.values.all !== true }))].sort(
        calendarOrder,
      );
      if (format === 'json') {
        ctx.io.out(JSON.stringify(entries, null, 2));
        return ExitCode.ok;
      }
      const count = (s: CalendarEntry['state']) => entries.filter((e) => e.state === s).length;
      ctx.io.out(
        `${practice.settings.name}: duties as of ${asOf} — ${count('overdue')} overdue, ${count('due-soon')} due soon, ${count('upcoming')} upcoming\n`,
      );
      const rows = [['state', 'due', 'when', 'impact', 'duty', 'area']];
      for (const e of entries)
        rows.push([e.state, e.dueAt.slice(0, 10), days(e), e.impact ?? '', e.label, e.module]);
      ctx.io.out(table(rows));
      return ExitCode.ok;
    } finally {
      await practice.close();
    }
  },
};
