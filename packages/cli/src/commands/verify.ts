import { Position, verifyChain } from '@praxis/core';
import { builtinModules, openStore, registryOf } from '@praxis/practice';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-code.js';
import { checkExists, storeOf } from '../open.js';
import { progress } from '../progress.js';

/** `praxis verify`: walks the hash chain; exit 0 when intact, 1 naming the first bad position. */
export const verify: CliCommand = {
  name: 'verify',
  summary: 'check that no recorded event was altered (walks the hash chain)',
  usage: 'praxis verify [--db file | --store url]',
  options: {},
  run: async (ctx) => {
    const where = storeOf(ctx);
    checkExists(where);
    // The raw store, not the practice: verification must not depend on reading any event first.
    const store = await openStore(where, registryOf(builtinModules), { create: false });
    try {
      const bar = progress(ctx.io, 'events checked');
      const r = await verifyChain(store, { onProgress: (n) => bar.update(n) });
      bar.done();
      if (r._tag === 'Intact') {
        ctx.io.out(
          `intact: ${r.eventsChecked.toLocaleString('en-US')} events, every hash matches${r.head === undefined ? '' : ` (head ${r.head.slice(0, 16)}…)`}`,
        );
        return ExitCode.ok;
      }
      const at =
        r.position === undefined ? 'an unknown position' : `position ${Position.toString(r.position)}`;
      ctx.io.err(
        `praxis: chain broken at ${at} (${r.streamId} revision ${r.revision}): ${r.reason}: ${r.detail}; ${r.eventsChecked.toLocaleString('en-US')} events before it are intact`,
      );
      return ExitCode.failed;
    } finally {
      await store.close();
    }
  },
};
