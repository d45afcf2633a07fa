import { ISODate } from '@praxis/core';
import { reorderList } from '@praxis/resources';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-code.js';
import { table } from '../format.js';
import { openPractice } from '../open.js';
import { UsageError } from '../usage-error.js';

const fixed = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** `praxis stock`: the reorder list (MODULES.md §3.3) on a day. */
export const stock: CliCommand = {
  name: 'stock',
  summary: 'reorder list: items at or below their reorder point, with the quantity to order',
  usage: [
    'praxis stock [--on YYYY-MM-DD] [--all] [--format table|json] [--db file | --store url]',
    '',
    '  --on D        the day to compute on (default: today in the practice time zone); consumption',
    '                is read over each item’s window (90 days by default) ending that day',
    '  --all         every item with a reorder policy, not only those to reorder',
    '  --format F    table (default) or json (every line with its safety stock, ROP and par level)',
  ].join('\n'),
  options: { on: { type: 'string' }, all: { type: 'boolean' }, format: { type: 'string' } },
  run: async (ctx) => {
    const format = (ctx.values.format as string | undefined) ?? 'table';
    if (format !== 'table' && format !== 'json')
      throw new UsageError(`--format must be table or json (got "${format}")`);
    const given = ctx.values.on as string | undefined;
    if (given !== undefined && !ISODate.is(given))
      throw new UsageError(`--on must be a date YYYY-MM-DD (got "${given}")`);
    const practice = await openPractice(ctx);
    try {
      const on = given ?? practice.clock.now().setZone(practice.settings.timeZone).toISODate()!;
      const lines = await reorderList(practice.readModels, on, { all: ctx.values.all === true });
      if (format === 'json') {
        ctx.io.out(JSON.stringify({ on, lines }, null, 2));
        return ExitCode.ok;
      }
      ctx.io.out(`${practice.settings.name}: reorder list on ${on}\n`);
      if (lines.length === 0) {
        ctx.io.out(ctx.values.all === true ? 'No item has a reorder policy.\n' : 'Nothing to reorder.\n');
        return ExitCode.ok;
      }
      const rows = [['item', 'location', 'on hand', 'on order', 'min', 'max', 'ROP', 'par', 'order']];
      for (const l of lines)
        rows.push([
          l.name,
          l.locationId,
          String(l.onHand),
          String(l.onOrder),
          String(l.min),
          String(l.max),
          fixed(l.computed.reorderPoint),
          fixed(l.computed.parLevel),
          l.suggestedQty === 0 ? '' : `${l.suggestedQty} ${l.unit}`,
        ]);
      ctx.io.out(table(rows, new Set([2, 3, 4, 5, 6, 7, 8])));
      return ExitCode.ok;
    } finally {
      await practice.close();
    }
  },
};
