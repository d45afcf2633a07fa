/**
 * K1–K2: KPI speed (issue 14) as ratios in one run, on a demo practice in a SQLite file
 * (`--kpi-encounters=N` claims, default 3,000, made once per run — not timed).
 *
 * - K1: a year's KPIs (`practice.kpis(year)`) against one scan of the read-model documents
 *   they are computed from (every claim document listed). Target: within 3× (ratio ≥ 0.33).
 * - K2: the report's numbers (the year, its other basis and each of its 12 months, from
 *   documents loaded once) against one year's KPIs. Target: within 2× (ratio ≥ 0.5).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bufferIo } from '../packages/cli/src/io.js';
import { main } from '../packages/cli/src/main.js';
import { createPractice, loadFinanceDocuments, type Practice } from '@praxis/practice';
import { memoizedReader } from '@praxis/core';
import type { BenchContext, BenchSuite, Side } from './lib/harness.js';

const YEAR = '2025';
const encounters = (): string => {
  const flag = process.argv.find((a) => a.startsWith('--kpi-encounters='));
  return flag === undefined ? '3000' : flag.slice('--kpi-encounters='.length);
};

/** The demo practice, written once per run into the scenario's folder. */
const demo = async (ctx: BenchContext): Promise<string> => {
  const file = join(ctx.dir, 'demo.db');
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

const side = (label: string, work: (p: Practice) => Promise<void>): Side => ({
  label,
  open: async (ctx) => {
    const practice = await createPractice({ store: `sqlite:${await demo(ctx)}` });
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

const yearKpis = (p: Practice) => p.kpis(YEAR).then(() => undefined);

export const suite: BenchSuite = {
  name: 'kpi',
  description: 'KPIs and the report on a demo practice (SQLite) against a scan of their read-model documents',
  scenarios: [
    {
      id: 'K1',
      title: "a year's KPIs vs one scan of the claim documents",
      unit: 'runs',
      slices: 5,
      target: 1 / 3,
      subject: side('practice.kpis(year)', yearKpis),
      baseline: side('scan finance-claims', async (p) => {
        for await (const _doc of p.readModels.list('finance-claims', 'claim:'));
      }),
    },
    {
      id: 'K2',
      title: "the report's numbers (year, other basis, 12 months) vs a year's KPIs",
      unit: 'runs',
      slices: 3,
      target: 1 / 2,
      subject: side('report numbers', async (p) => {
        // as `praxis report` does: every document read once (as stored) for the year and its months
        await p.catchUp();
        const reader = memoizedReader(p.sealedReadModels);
        const documents = await loadFinanceDocuments(reader);
        await p.kpis(YEAR, { documents, reader });
        await p.kpis(YEAR, { documents, reader, basis: 'restated' });
        for (let m = 1; m <= 12; m++)
          await p.kpis(`${YEAR}-${String(m).padStart(2, '0')}`, { documents, reader });
      }),
      baseline: side('practice.kpis(year)', yearKpis),
    },
  ],
};
