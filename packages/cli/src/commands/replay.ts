import { DateTime } from 'luxon';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-code.js';
import { kpiTarget, kpiValue, table } from '../format.js';
import { openPractice } from '../open.js';
import { UsageError } from '../usage-error.js';
import { instantArg, str } from '../when.js';

/** `praxis replay`: the practice, or one entity, as it stood at a past moment. */
export const replay: CliCommand = {
  name: 'replay',
  summary: 'the practice (or one entity) as it stood at a past date, from the log alone',
  usage: [
    'praxis replay --as-of <date|instant> [--entity <stream>] [--db file | --store url]',
    '',
    '  --as-of T      a date (the end of that day in the practice time zone) or an ISO instant',
    '  --entity S     one stream, e.g. Budget-2025 or Claim-c2025-00012: prints its state then (JSON)',
    '                 without it: the KPIs of that month and the open obligations, as they stood then',
  ].join('\n'),
  options: { 'as-of': { type: 'string' }, entity: { type: 'string' } },
  run: async (ctx) => {
    const asOfText = str(ctx.values['as-of']);
    if (asOfText === undefined)
      throw new UsageError('replay needs --as-of <date|instant> (see praxis replay --help)');
    const practice = await openPractice(ctx);
    try {
      const zone = practice.settings.timeZone;
      // A date means "as it stood at the end of that day": every event up to its last instant.
      const at = /^\d{4}-\d{2}-\d{2}$/.test(asOfText)
        ? DateTime.fromISO(asOfText, { zone }).endOf('day').toISO()!
        : instantArg('as-of', asOfText, zone);
      if (!DateTime.fromISO(at).isValid) throw new UsageError(`--as-of: "${asOfText}" is not a date`);
      const entity = str(ctx.values.entity);
      if (entity !== undefined) {
        const r = await practice.audit.entityAsOf(entity, { at });
        if (r.revision === 'no_stream') {
          ctx.io.err(`praxis: ${entity} had no events by ${at}`);
          return ExitCode.failed;
        }
        ctx.io.out(`${entity} as of ${at} (${r.eventsFolded} events, revision ${r.revision}):`);
        ctx.io.out(
          JSON.stringify(r.state, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2),
        );
        return ExitCode.ok;
      }
      const past = await practice.audit.practiceAsOf({ at });
      const month = DateTime.fromISO(at, { setZone: true }).setZone(zone).toFormat('yyyy-MM');
      const report = await practice.kpis(month, { reader: past });
      const calendar = await practice.calendar(at, { reader: past, openOnly: true });
      const { currency } = practice.settings;
      ctx.io.out(
        `${practice.settings.name} as of ${at}: ${past.eventsFolded.toLocaleString('en-US')} events replayed`,
      );
      ctx.io.out(`\nKPIs of ${month} as they stood then:`);
      ctx.io.out(
        table(
          [
            ['KPI', 'value', 'target'],
            ...report.lines.map((l) => [`  ${l.label}`, kpiValue(l, currency), kpiTarget(l, currency)]),
          ],
          new Set([1]),
        ),
      );
      const overdue = calendar.filter((c) => c.state === 'overdue');
      const soon = calendar.filter((c) => c.state === 'due-soon');
      ctx.io.out(`\nObligations then: ${overdue.length} overdue, ${soon.length} due within 60 days`);
      for (const c of overdue.slice(0, 10)) ctx.io.out(`  overdue since ${c.dueAt}: ${c.label}`);
      if (overdue.length > 10) ctx.io.out(`  … and ${overdue.length - 10} more`);
      return ExitCode.ok;
    } finally {
      await practice.close();
    }
  },
};
