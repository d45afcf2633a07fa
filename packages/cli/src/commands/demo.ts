import { existsSync, rmSync } from 'node:fs';
import { InvalidArgument, fixedClock } from '@praxis/core';
import { createPractice, parseStoreUrl } from '@praxis/practice';
import type { CliCommand } from '../command.js';
import {
  DemoStepFailed,
  planDemoYear,
  practiceCurrency,
  practiceName,
  practiceZone,
  runSteps,
  type DemoRun,
} from '../demo/index.js';
import { ExitCode } from '../exit-code.js';
import { storeOf, trustKeyOf } from '../open.js';
import { progress } from '../progress.js';
import { UsageError } from '../usage-error.js';
import { printKpis } from './kpi.js';

const positiveInt = (
  name: string,
  text: string | boolean | undefined,
  fallback: number,
  max: number,
): number => {
  if (text === undefined || typeof text === 'boolean') return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > max)
    throw new UsageError(`--${name} must be a whole number from 0 to ${max} (got "${text}")`);
  return n;
};

/** `praxis demo`: a deterministic year of a small practice, written through the command API. */
export const demo: CliCommand = {
  name: 'demo',
  summary: 'write a realistic year of a small practice (3 providers) and print its KPIs',
  usage: [
    'praxis demo [--seed N] [--db file | --store url] [--year YYYY] [--encounters N] [--force]',
    '',
    '  --seed N          same seed, same practice (default 1)',
    '  --db file         the SQLite file to write (default ./practice.db)',
    '  --year YYYY       the calendar year to simulate (default 2025)',
    '  --encounters N    patient encounters (claims) over the year (default 3000)',
    '  --force           replace an existing database that is not a demo',
  ].join('\n'),
  options: {
    seed: { type: 'string' },
    year: { type: 'string' },
    encounters: { type: 'string' },
    force: { type: 'boolean' },
  },
  run: async (ctx) => {
    const seed = positiveInt('seed', ctx.values.seed, 1, 2 ** 31);
    const year = positiveInt('year', ctx.values.year, 2025, 2100);
    if (year < 2000) throw new UsageError(`--year must be 2000 or later (got ${year})`);
    const encounters = positiveInt('encounters', ctx.values.encounters, 3000, 100_000);
    const store = storeOf(ctx);
    const where = parseStoreUrl(store);
    if (where.kind === 'sqlite' && existsSync(where.path)) {
      await replaceable(store, where.path, ctx.values.force === true);
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${where.path}${suffix}`, { force: true });
    } else if (where.kind === 'postgres' || where.kind === 'kurrentdb') {
      await mustBeEmpty(store);
    }
    const clock = fixedClock(`${year - 1}-01-01T08:00:00`, practiceZone);
    // A demo can be written again at will: skip the per-commit fsync (a crash loses nothing
    // older than the last checkpoint, and a power cut at worst the last commits).
    const fast = where.kind === 'sqlite' && !store.includes('?') ? `${store}?synchronous=normal` : store;
    const trustKey = trustKeyOf(ctx);
    const practice = await createPractice({
      ...(trustKey === undefined ? {} : { trustKey }),
      store: fast,
      timeZone: practiceZone,
      currency: practiceCurrency,
      name: practiceName,
      clock,
    });
    try {
      const steps = planDemoYear({ seed, year, encounters, zone: practiceZone });
      ctx.io.err(
        `writing ${steps.length.toLocaleString('en-US')} commands of ${year} (seed ${seed}) to ${where.kind === 'sqlite' ? where.path : where.kind}`,
      );
      const bar = progress(ctx.io, 'commands');
      const started = Date.now();
      let run: DemoRun;
      try {
        run = await runSteps(
          practice,
          steps,
          (iso) => clock.set(iso),
          (done, total) => bar.update(done, total),
        );
      } catch (err) {
        if (!(err instanceof DemoStepFailed)) throw err;
        bar.done();
        // A module's rules changed under the demo's plan: say which step, and stop.
        ctx.io.err(`praxis: demo stopped: ${err.message}`);
        return ExitCode.failed;
      }
      bar.done();
      const seconds = (Date.now() - started) / 1000;
      ctx.io.err(
        `${run.commands.toLocaleString('en-US')} commands → ${run.events.toLocaleString('en-US')} events in ${seconds.toFixed(1)} s` +
          ` (${run.refusedAsPlanned} refused on purpose, to show the rules at work)`,
      );
      const rm = progress(ctx.io, 'events into read models');
      await practice.catchUp();
      rm.done();
      await printKpis(practice, String(year), ctx.io);
      return ExitCode.ok;
    } finally {
      await practice.close();
    }
  },
};

/** A server store is never cleared by the demo: it must not hold a practice yet. */
const mustBeEmpty = async (store: string): Promise<void> => {
  let name: string | undefined;
  try {
    const p = await createPractice({ store });
    name = p.settings.name;
    await p.close();
  } catch (err) {
    // No practice established there yet: the demo may write it.
    if (InvalidArgument.isInstance(err) && err.argument === 'timeZone') return;
    throw err;
  }
  throw new UsageError(`that store already holds the practice "${name}"; the demo needs an empty practice`);
};

/** A demo may overwrite an earlier demo, never a real practice unless forced. */
const replaceable = async (store: string, path: string, force: boolean): Promise<void> => {
  if (force) return;
  let holds: string;
  try {
    const p = await createPractice({ store });
    holds = `the practice "${p.settings.name}"`;
    await p.close();
    if (p.settings.name === practiceName) return;
  } catch (err) {
    holds = `something that is not a Praxis demo (${err instanceof Error ? err.message : String(err)})`;
  }
  throw new UsageError(`${path} already holds ${holds}; pass --force to replace it, or choose another --db`);
};
