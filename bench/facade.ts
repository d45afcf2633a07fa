/**
 * FC1–FC2: the facade's own cost (issue 18, item 6) — `createPractice` on a SQLite file, one
 * command, `close()` — against the same command through the bare core `CommandHandler` on a
 * `sqliteEventStore` of the same file kind, in the same run (both with synchronous=FULL).
 *
 * - FC1: a new practice file each time (the facade also creates its read-model, vault and trust
 *   tables and opens a slot for every projection of every built-in module; the baseline creates
 *   the event tables only).
 * - FC2: an existing practice file (made once per side, not timed), reopened each time, one
 *   command, closed — what a CLI call or a short-lived worker pays.
 *
 * Imports are not timed (both sides' modules are loaded before the first slice). As whole
 * processes, measured with farm-bench after `npm run build` (docs/benchmarks.md, Facade), the two
 * scripts are, in short:
 *
 *   facade.mjs: const p = await createPractice({ store: 'sqlite:<new file>', timeZone, currency });
 *               await p.as(maria).finance.draftBudget(draft('2026'), { at }); await p.close();
 *   bare.mjs:   const store = sqliteEventStore({ path: '<new file>', registry: Budget.events });
 *               await makeCommandHandler({ store, decider: Budget.decider, clock })
 *                 .handle({ streamId: 'Budget-2026', command: { type: 'DraftBudget', ...draft('2026') }, actor, at });
 *               await store.close();
 *
 * Target: within 2× (ratio ≥ 0.5).
 */
import { join } from 'node:path';
import { fixedClock, makeCommandHandler } from '@praxis/core';
import { Budget } from '@praxis/finance';
import { createPractice } from '@praxis/practice';
import { sqliteEventStore } from '@praxis/store-sqlite';
import type { BenchContext, BenchSuite, Side } from './lib/harness.js';

const SLICES = 20;
const ZONE = 'America/Chicago';
const at = '2026-01-05T09:00:00-06:00';
const actor = { id: 'maria', role: 'practice_manager' } as const;

/** The quickstart's budget draft (README), under a budget id of its own per command. */
const draft = (budgetId: string) => ({
  budgetId,
  fiscalYear: '2026',
  startsOn: '2026-01-01',
  timeZone: ZONE,
  currency: 'USD',
  projections: [{ month: '2026-01', visits: 400, netRevenuePerVisit: 11_000 }],
  lines: [{ category: 'supplies', months: { '2026-01': 500_000 } }],
});

const facadeCommand = async (file: string, budgetId: string): Promise<void> => {
  const practice = await createPractice({ store: `sqlite:${file}`, timeZone: ZONE, currency: 'USD' });
  try {
    const r = await practice.as(actor).finance.draftBudget(draft(budgetId), { at });
    if (!r.ok) throw new Error(`the facade refused the draft: ${r.summary}`);
  } finally {
    await practice.close();
  }
};

const bareCommand = async (file: string, budgetId: string, synchronous: 'FULL' | 'NORMAL'): Promise<void> => {
  const store = sqliteEventStore({ path: file, registry: Budget.events, synchronous });
  try {
    const handler = makeCommandHandler({
      store,
      decider: Budget.decider,
      clock: fixedClock('2026-01-05T09:00:00', ZONE),
    });
    const r = await handler.handle({
      streamId: Budget.streamId(budgetId),
      command: { type: 'DraftBudget', ...draft(budgetId) } as unknown as Budget.BudgetCommand,
      actor,
      at,
    });
    if (r._tag === 'Left') throw new Error(`the handler refused the draft: ${r.left.message}`);
  } finally {
    await store.close();
  }
};

type Work = (ctx: BenchContext, slice: number) => Promise<void>;

const side = (label: string, prepare: (ctx: BenchContext) => Promise<void>, work: Work): Side => ({
  label,
  open: async (ctx) => {
    await prepare(ctx);
    return {
      run: async (slice) => {
        await work(ctx, slice);
        return 1;
      },
      close: async () => {},
    };
  },
});

const nothing = async (): Promise<void> => {};
const fresh = (ctx: BenchContext, who: string, slice: number): string =>
  join(ctx.dir, `${who}-r${ctx.round}-s${slice}.db`);
const existing = (ctx: BenchContext, who: string): string =>
  join(ctx.dir, `${who}-existing-r${ctx.round}.db`);

export const suite: BenchSuite = {
  name: 'facade',
  description: 'createPractice + one command + close vs the bare CommandHandler on a SQLite file',
  scenarios: [
    {
      id: 'FC1',
      title: 'new practice file: createPractice, one budget draft, close vs store + CommandHandler',
      unit: 'practices',
      slices: SLICES,
      target: 0.5,
      subject: side('createPractice', nothing, (ctx, s) => facadeCommand(fresh(ctx, 'facade', s), '2026')),
      baseline: side('CommandHandler', nothing, (ctx, s) =>
        bareCommand(fresh(ctx, 'bare', s), '2026', ctx.synchronous),
      ),
    },
    {
      id: 'FC2',
      title: 'existing practice file: reopen, one budget draft, close vs store + CommandHandler',
      unit: 'practices',
      slices: SLICES,
      target: 0.5,
      subject: side(
        'createPractice',
        (ctx) => facadeCommand(existing(ctx, 'facade'), 'first'),
        (ctx, s) => facadeCommand(existing(ctx, 'facade'), `b${s}`),
      ),
      baseline: side(
        'CommandHandler',
        (ctx) => bareCommand(existing(ctx, 'bare'), 'first', ctx.synchronous),
        (ctx, s) => bareCommand(existing(ctx, 'bare'), `b${s}`, ctx.synchronous),
      ),
    },
  ],
};
