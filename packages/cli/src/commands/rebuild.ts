import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-code.js';
import { openPractice } from '../open.js';
import { progress } from '../progress.js';

/** `praxis rebuild`: rebuilds read models from the log, beside the live ones. */
export const rebuild: CliCommand = {
  name: 'rebuild',
  summary: 'rebuild one read model (or all) from the event log, with progress',
  usage: [
    'praxis rebuild [projection] [--db file | --store url]',
    '',
    '  projection    e.g. audit, finance-claims, staff-roster (default: every read model)',
    '                the live read model keeps answering until the rebuilt one has caught up',
  ].join('\n'),
  options: {},
  positionals: 1,
  run: async (ctx) => {
    const practice = await openPractice(ctx);
    try {
      const name = ctx.positionals[0];
      const bars = new Map<string, ReturnType<typeof progress>>();
      const statuses = await practice.rebuild(name, (p) => {
        let bar = bars.get(p.projection);
        if (bar === undefined) {
          bar = progress(ctx.io, `events into ${p.projection}`);
          bars.set(p.projection, bar);
        }
        bar.update(p.eventsApplied, p.eventsApplied + p.lag);
      });
      for (const bar of bars.values()) bar.done();
      let failed = 0;
      for (const s of statuses) {
        if (s.phase === 'failed') {
          failed++;
          const why = s.error instanceof Error ? s.error.message : String(s.error);
          ctx.io.err(`praxis: ${s.projection} failed: ${why}`);
          continue;
        }
        ctx.io.out(
          `rebuilt ${s.projection} v${s.version}: ${s.eventsApplied.toLocaleString('en-US')} events applied, ${s.parked} parked`,
        );
      }
      return failed === 0 ? ExitCode.ok : ExitCode.failed;
    } finally {
      await practice.close();
    }
  },
};
