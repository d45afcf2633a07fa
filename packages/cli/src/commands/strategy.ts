import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { WhatIfCommand } from '@praxis/operations';
import { Goal, WorkItem } from '@praxis/strategy';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-code.js';
import { table } from '../format.js';
import { openPractice } from '../open.js';
import { formatKpi, type KpiUnit } from '@praxis/practice';
import { UsageError } from '../usage-error.js';

const num = (n: number | null | undefined): string =>
  n === null || n === undefined ? 'n/a' : String(Math.round(n * 100) / 100);

const dateOption = (value: unknown, today: string): string => {
  if (value === undefined) return today;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)))
    return value;
  throw new UsageError(`--as-of must be a date YYYY-MM-DD (got "${String(value)}")`);
};

/** `praxis goals`: every goal with its KPI, baseline, target, standing and checkpoint path. */
export const goals: CliCommand = {
  name: 'goals',
  summary: 'practice goals against their checkpoint path (baseline, reviews, standing, forecast)',
  usage: [
    'praxis goals [--format table|json] [--db file | --store url]',
    '',
    '  One line per goal, then its path: each checkpoint with the expected value and, once reviewed,',
    '  the KPI value the log gave and the standing (on-track, at-risk, off-track). See docs/strategy.md.',
  ].join('\n'),
  options: { format: { type: 'string' } },
  run: async (ctx) => {
    const format = (ctx.values.format as string | undefined) ?? 'table';
    if (format !== 'table' && format !== 'json')
      throw new UsageError(`--format must be table or json (got "${format}")`);
    const practice = await openPractice(ctx);
    try {
      const all = await Goal.listGoals(practice.readModels);
      if (format === 'json') {
        ctx.io.out(`${JSON.stringify(all, null, 2)}\n`);
        return ExitCode.ok;
      }
      if (all.length === 0) {
        ctx.io.out('no goals yet (practice.strategy.draftGoal)\n');
        return ExitCode.ok;
      }
      for (const g of all) {
        ctx.io.out(
          `${g.goalId}: ${g.statement}\n  ${g.kpiId} (${g.direction}) ${num(g.baselineValue)} in ${g.baselinePeriod} → ${num(g.target)} in ${g.deadline}; owner ${g.ownerId}; ${g.status}, ${g.standing}; latest ${num(g.latestValue)}, forecast ${num(g.forecast)}${g.actual === undefined ? '' : `, actual ${num(g.actual)}`}\n`,
        );
        const rows = [['  checkpoint', 'due', 'expected', 'actual', 'standing']];
        for (const c of g.checkpoints)
          rows.push([
            `  ${c.period}`,
            c.dueOn,
            num(c.expected),
            c.actual === undefined ? '' : num(c.actual),
            c.standing ?? '',
          ]);
        ctx.io.out(table(rows, new Set([2, 3])));
      }
      return ExitCode.ok;
    } finally {
      await practice.close();
    }
  },
};

/** `praxis queue`: open work items and calendar obligations ranked by impact × urgency. */
export const queue: CliCommand = {
  name: 'queue',
  summary: 'the work queue: open work items and obligations by impact × urgency, and load per person',
  usage: [
    'praxis queue [--as-of YYYY-MM-DD] [--limit N] [--db file | --store url]',
    '',
    '  rank = impact (legal 4, patient-safety 4, financial 3, operational 2) × urgency (overdue 4,',
    '  ≤ 7 days 3, ≤ 30 days 2, later 1); regulatory items first among equals. Default: today, 30 lines.',
  ].join('\n'),
  options: { 'as-of': { type: 'string' }, limit: { type: 'string' } },
  run: async (ctx) => {
    const limit = ctx.values.limit === undefined ? 30 : Number(ctx.values.limit);
    if (!Number.isSafeInteger(limit) || limit <= 0)
      throw new UsageError(`--limit must be a whole number > 0 (got "${String(ctx.values.limit)}")`);
    const practice = await openPractice(ctx);
    try {
      const today = dateOption(ctx.values['as-of'], practice.clock.now().toISODate()!);
      const items = await WorkItem.listWorkItems(practice.readModels);
      const q = WorkItem.rankQueue({ items, obligations: await practice.calendar(today), today });
      ctx.io.out(`Work queue as of ${today}: ${q.entries.length} open\n`);
      const rows = [['rank', 'impact', 'due', 'urgency', 'who', 'what']];
      for (const e of q.entries.slice(0, limit))
        rows.push([
          String(e.rank),
          `${e.impact}${e.regulatory ? ' (reg)' : ''}`,
          e.dueOn ?? '',
          e.urgency,
          e.assignee ?? '',
          e.label,
        ]);
      ctx.io.out(table(rows, new Set([0])));
      const load = Object.entries(q.load).sort((a, b) => b[1] - a[1]);
      ctx.io.out(`Load: ${load.map(([who, n]) => `${who} ${n}`).join(', ')}\n`);
      return ExitCode.ok;
    } finally {
      await practice.close();
    }
  },
};

/** `praxis whatif FILE --period P…`: hypothetical commands on a fork of the log; nothing is recorded. */
export const whatif: CliCommand = {
  name: 'whatif',
  summary: 'run hypothetical commands on a fork of the log: refusals and KPI deltas, nothing recorded',
  usage: [
    'praxis whatif FILE --period P [--period P…] [--db file | --store url]',
    '',
    '  FILE: a JSON list of { "aggregate": "Goal", "command": { "type": "DraftGoal", "goalId": …, … },',
    '  "at"?: ISO instant, "actor"?: { "id", "role" } } (default actor: the practice manager role, id "whatif").',
    '  Prints each outcome and every KPI that moves in each period. Exits 1 when every command is',
    '  refused (nothing hypothetical happened). See docs/operations-efficiency.md.',
  ].join('\n'),
  options: { period: { type: 'string', multiple: true } },
  positionals: 1,
  run: async (ctx) => {
    const file = ctx.positionals[0];
    if (file === undefined)
      throw new UsageError('whatif needs a FILE of commands (see praxis whatif --help)');
    const periods = (ctx.values.period as string[] | undefined) ?? [];
    if (periods.length === 0) throw new UsageError('whatif needs at least one --period');
    let commands: unknown;
    try {
      commands = JSON.parse(readFileSync(resolve(ctx.io.cwd, file), 'utf8'));
    } catch (e) {
      throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
    }
    if (!Array.isArray(commands) || commands.some((c) => typeof c !== 'object' || c === null))
      throw new UsageError(`${file} must be a JSON list of { aggregate, command } objects`);
    for (const [i, c] of (commands as Record<string, unknown>[]).entries())
      if (typeof c.aggregate !== 'string' || typeof c.command !== 'object' || c.command === null)
        throw new UsageError(`${file}: item ${i} needs "aggregate" (text) and "command" (an object)`);
    const practice = await openPractice(ctx);
    try {
      const r = await practice
        .as({ id: 'whatif', role: 'practice_manager' })
        .whatIf(commands as unknown as WhatIfCommand[], { periods });
      const cur = practice.settings.currency;
      for (const o of r.outcomes) ctx.io.out(`${o.summary}\n`);
      for (const p of periods) {
        const moved = (r.kpis[p] ?? []).filter((k) => k.delta !== undefined && k.delta !== 0);
        ctx.io.out(`KPIs ${p}: ${moved.length === 0 ? 'no change' : ''}\n`);
        for (const k of moved)
          ctx.io.out(
            `  ${k.label}: ${fmt(k.before, k.unit, false, cur)} → ${fmt(k.after, k.unit, false, cur)} (${fmt(k.delta, k.unit, true, cur)}, ${k.better ? 'better' : 'worse'})\n`,
          );
      }
      // Every command refused: the scenario did not happen, whatever the KPIs say (exit 1).
      if (r.outcomes.length > 0 && r.refusals.length === r.outcomes.length) {
        ctx.io.err(`every command (${r.outcomes.length}) was refused: the fork is unchanged\n`);
        return ExitCode.failed;
      }
      if (r.refusals.length > 0)
        ctx.io.out(`${r.refusals.length} of ${r.outcomes.length} commands refused\n`);
      return ExitCode.ok;
    } catch (e) {
      if (e instanceof Error && e.name === 'InvalidArgument') throw new UsageError(e.message);
      throw e;
    } finally {
      await practice.close();
    }
  },
};

/** A KPI value (or, `signed`, a change) in its unit: money from cents, days, percent (`formatKpi`). */
const fmt = (n: number | undefined, unit: string, signed = false, currency = 'USD'): string =>
  isKpiUnit(unit) ? formatKpi(n, unit, { signed, currency }) : num(n);
const kpiUnits: readonly string[] = [
  'percent',
  'days',
  'business-days',
  'minutes',
  'cents',
  'count',
  'ratio',
];
const isKpiUnit = (u: string): u is KpiUnit => kpiUnits.includes(u);

/** `praxis explain KPI PERIOD PERIOD`: why a KPI moved, part by part, down to events and actors. */
export const explainCommand: CliCommand = {
  name: 'explain',
  summary: 'why a KPI moved between two periods: contributions by claim, payer and reason, with their events',
  usage: [
    'praxis explain KPI PERIOD PERIOD [--limit N] [--format table|json] [--db file | --store url]',
    '',
    '  e.g. praxis explain daysInAR 2025-Q1 2025-Q2. Prints the change, its split by payer and',
    '  reason, and the largest contributions with the events, actors and commands behind them',
    '  (--limit, default 10). A KPI without a breakdown says so. See docs/operations-efficiency.md.',
  ].join('\n'),
  options: { limit: { type: 'string' }, format: { type: 'string' } },
  positionals: 3,
  run: async (ctx) => {
    const [kpi, a, b] = ctx.positionals;
    if (kpi === undefined || a === undefined || b === undefined)
      throw new UsageError(
        'explain needs a KPI id and two periods (praxis explain daysInAR 2025-Q1 2025-Q2)',
      );
    const format = (ctx.values.format as string | undefined) ?? 'table';
    if (format !== 'table' && format !== 'json')
      throw new UsageError(`--format must be table or json (got "${format}")`);
    const rawLimit = ctx.values.limit as string | undefined;
    const limit = rawLimit === undefined ? 10 : Number(rawLimit);
    if (!Number.isInteger(limit) || limit < 0 || limit > 200)
      throw new UsageError(`--limit must be a whole number from 0 to 200 (got "${rawLimit}")`);
    const practice = await openPractice(ctx);
    try {
      const r = await practice.explain(kpi, a, b, { limit });
      const cur = practice.settings.currency;
      if (format === 'json') {
        ctx.io.out(`${JSON.stringify(r, null, 2)}\n`);
        return r.explained ? ExitCode.ok : ExitCode.failed;
      }
      if (!r.explained) {
        ctx.io.err(`praxis: ${r.reason}: ${r.message}\n`);
        return ExitCode.failed;
      }
      ctx.io.out(
        `${r.label}: ${fmt(r.before, r.unit, false, cur)} (${a}) → ${fmt(r.after, r.unit, false, cur)} (${b}), ${fmt(r.change, r.unit, true, cur)}\n`,
      );
      if (!r.additive)
        ctx.io.out(
          r.kind === 'median'
            ? 'A median: the parts that entered, left or changed, without shares of the change.\n'
            : 'No share of the change (a value is n/a).\n',
        );
      for (const [dim, shares] of Object.entries(r.byDimension)) {
        if (dim === 'payerKind' || dim === 'step') continue;
        ctx.io.out(
          `By ${dim}: ${shares
            .slice(0, 6)
            .map((s) => `${s.value} ${r.additive ? fmt(s.contribution, r.unit, true, cur) : `(${s.parts})`}`)
            .join(', ')}\n`,
        );
      }
      const rows = [['Part', 'Share', 'Before', 'After', 'Payer', 'Reason']];
      for (const c of r.contributions.slice(0, limit))
        rows.push([
          c.key,
          fmt(c.contribution, r.unit, true, cur),
          num(c.before?.numerator),
          num(c.after?.numerator),
          c.dimensions['payer'] ?? '',
          c.dimensions['reason'] ?? '',
        ]);
      ctx.io.out(table(rows, new Set([1, 2, 3])));
      for (const c of r.contributions.slice(0, limit))
        for (const e of c.events ?? [])
          ctx.io.out(
            `  ${c.key}  ${e.occurredAt}  ${e.type}  by ${e.actorId} (${e.actorRole})${e.commandId === undefined ? '' : `  command ${e.commandId}`}\n`,
          );
      if (r.contributions.length > limit)
        ctx.io.out(`… and ${r.contributions.length - limit} more parts (--limit, --format json)\n`);
      return ExitCode.ok;
    } catch (e) {
      if (e instanceof Error && e.name === 'InvalidArgument') throw new UsageError(e.message);
      throw e;
    } finally {
      await practice.close();
    }
  },
};
