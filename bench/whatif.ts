/**
 * W1: what-if on a fork of the log (issue 17) against a plain rebuild of the same log, as a
 * ratio in one run, on a demo practice in a SQLite file (`--kpi-encounters=N` claims, default
 * 3,000, made once per run — not timed).
 *
 * - subject: `practice.whatIf([one goal draft], { periods: [year] })` — copy the log into memory,
 *   open a practice on it (every read model built), run the command, the year's KPIs before and after;
 * - baseline: `practice.rebuild()` of every read model of the same log.
 * Target: within 2× (ratio ≥ 0.5).
 */
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { bufferIo } from '../packages/cli/src/io.js';
import { main } from '../packages/cli/src/main.js';
import { createPractice, type Practice } from '@praxis/practice';
import type { BenchContext, BenchSuite, Side } from './lib/harness.js';

const YEAR = '2025';
const encounters = (): string => {
  const flag = process.argv.find((a) => a.startsWith('--kpi-encounters='));
  return flag === undefined ? '3000' : flag.slice('--kpi-encounters='.length);
};

const demo = async (ctx: BenchContext): Promise<string> => {
  const file = join(ctx.dir, 'whatif-demo.db');
  if (!existsSync(file)) {
    ctx.log(`writing a demo practice with ${encounters()} encounters (not timed)…`);
    const code = await main(
      ['demo', '--db', file, '--encounters', encounters(), '--seed', '7'],
      bufferIo({}),
    );
    if (code !== 0) throw new Error(`the demo failed with exit code ${code}`);
  }
  return file;
};

/** Each side on its own copy of the demo file (a rebuild replaces read-model slots the other would read). */
const side = (label: string, work: (p: Practice) => Promise<void>): Side => ({
  label,
  open: async (ctx) => {
    const file = join(ctx.dir, `whatif-${label.replace(/\W+/g, '-')}.db`);
    if (!existsSync(file)) copyFileSync(await demo(ctx), file);
    const practice = await createPractice({ store: `sqlite:${file}` });
    await practice.catchUp();
    return {
      run: async () => {
        await work(practice);
        return 1;
      },
      close: () => practice.close(),
    };
  },
});

const goal = {
  aggregate: 'Goal',
  at: `${YEAR}-07-02T09:00:00Z`,
  actor: { id: 'S-101', role: 'practice_manager' },
  command: {
    type: 'DraftGoal',
    goalId: 'bench',
    statement: 'Cut the charge lag',
    rationale: 'Charges entered at checkout',
    kpiId: 'chargeLagDays',
    baselinePeriod: `${YEAR}-Q2`,
    target: 0.1,
    deadline: `${Number(YEAR) + 1}-Q2`,
    ownerId: 'S-105',
  },
};

export const suite: BenchSuite = {
  name: 'whatif',
  description: 'what-if on a fork of the demo log against a plain rebuild of its read models',
  scenarios: [
    {
      id: 'W1',
      title: 'whatIf (fork, one command, KPIs before and after) vs rebuild of every read model',
      unit: 'runs',
      slices: 3,
      target: 1 / 2,
      subject: side('whatIf', async (p) => {
        await p.whatIf([goal], { periods: [YEAR] });
      }),
      baseline: side('practice.rebuild()', async (p) => {
        await p.rebuild();
      }),
    },
  ],
};
