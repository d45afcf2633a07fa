/**
 * `npm run bench [-- <suite|scenario>… ] [--rounds=N] [--synchronous=FULL|NORMAL] [--<extra>]`
 *
 * Runs every suite file `bench/<name>.ts` (each exports `suite: BenchSuite`, see lib/harness.ts)
 * or only the suites/scenarios named, and prints each scenario's rate and its ratio to the
 * baseline. Extra measurements (`--rss`) run only when their flag is given; given alone, they
 * run without the scenarios.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  fmt,
  rate,
  timeSlice,
  type BenchContext,
  type BenchSuite,
  type Runner,
  type Tally,
} from './lib/harness.js';

const here = fileURLToPath(new URL('.', import.meta.url));

// libuv's thread pool (4 threads by default) is sized when first used, before this file runs, so
// the bench runs itself again with 32. Emmett's SQLite store (bench/lib/emmett.ts) runs every
// statement on that pool, a connection per operation: with 16 concurrent writers, connections
// sleeping in SQLite's busy handler hold all 4 threads while the writer holding the lock waits
// for one to commit, until the busy timeout fails them with SQLITE_BUSY. Praxis's stores
// (better-sqlite3, pg) do not use the pool.
if (process.env.UV_THREADPOOL_SIZE === undefined) {
  const child = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, UV_THREADPOOL_SIZE: '32' },
  });
  process.exit(child.status ?? 1);
}

const parseArgs = (argv: readonly string[]) => {
  const flags = new Map<string, string>();
  const names: string[] = [];
  for (const a of argv) {
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2) as [string, string | undefined];
      flags.set(k, v ?? 'true');
    } else names.push(a.toLowerCase());
  }
  return { flags, names };
};

const loadSuites = async (): Promise<BenchSuite[]> => {
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_'))
    .sort();
  const suites: BenchSuite[] = [];
  for (const f of files) {
    const mod = (await import(join(here, f))) as { suite?: BenchSuite };
    if (mod.suite !== undefined) suites.push(mod.suite);
  }
  return suites;
};

const main = async () => {
  const { flags, names } = parseArgs(process.argv.slice(2));
  const rounds = Math.max(1, Number(flags.get('rounds') ?? 3));
  const sync = (flags.get('synchronous') ?? 'FULL').toUpperCase();
  if (sync !== 'FULL' && sync !== 'NORMAL')
    throw new Error(`--synchronous must be FULL or NORMAL, not ${sync}`);
  const synchronous = sync;
  const suites = await loadSuites();
  if (flags.has('list')) {
    for (const s of suites) {
      console.log(`${s.name}: ${s.description}`);
      for (const sc of s.scenarios) console.log(`  ${sc.id}  ${sc.title}`);
      for (const x of Object.keys(s.extras ?? {})) console.log(`  --${x}`);
    }
    return;
  }
  const extrasWanted = suites.flatMap((s) => Object.keys(s.extras ?? {})).filter((x) => flags.has(x));
  const selectsSuite = (s: BenchSuite) => names.includes(s.name.toLowerCase());
  const anySuiteNamed = suites.some(selectsSuite);
  const scenarioNames = names.filter((n) => !suites.some((s) => s.name.toLowerCase() === n));
  const root = mkdtempSync(join(tmpdir(), 'praxis-bench-'));
  const log = (line: string) => console.log(line);
  let failed = false;
  try {
    for (const suite of suites) {
      if (anySuiteNamed ? !selectsSuite(suite) : suite.runByDefault === false && scenarioNames.length === 0)
        continue;
      const scenarios = suite.scenarios.filter((sc) =>
        scenarioNames.length > 0
          ? scenarioNames.includes(sc.id.toLowerCase())
          : names.length > 0 || extrasWanted.length === 0,
      );
      const extras = Object.entries(suite.extras ?? {}).filter(([k]) => flags.has(k));
      if (scenarios.length === 0 && extras.length === 0) continue;
      console.log(`\n${suite.name}: ${suite.description}`);
      console.log(`synchronous=${synchronous}, ${rounds} round(s); slices of both sides interleaved`);
      const rows: string[][] = [];
      const matrix: string[][] = [];
      const withPeers = scenarios.some((sc) => (sc.peers ?? []).length > 0);
      for (const sc of scenarios) {
        const dir = mkdtempSync(join(root, `${suite.name}-${sc.id}-`));
        // Sides other than the subject: the baseline (if any), then the peers.
        const others = [...(sc.baseline === undefined ? [] : [sc.baseline]), ...(sc.peers ?? [])];
        const targets = [
          ...(sc.baseline === undefined ? [] : [sc.target]),
          ...(sc.peers ?? []).map((_, k) => sc.peerTargets?.[k]),
        ];
        const subject: Tally = { count: 0, ms: 0 };
        const totals: Tally[] = others.map(() => ({ count: 0, ms: 0 }));
        const ratios: string[][] = others.map(() => []);
        for (let round = 1; round <= rounds; round++) {
          const ctx: BenchContext = { dir, round, synchronous, log };
          const s = await sc.subject.open(ctx);
          const opened: Runner[] = [];
          const rs: Tally = { count: 0, ms: 0 };
          const ro: Tally[] = others.map(() => ({ count: 0, ms: 0 }));
          try {
            for (const o of others) opened.push(await o.open(ctx));
            for (let i = 0; i < sc.slices; i++) {
              // Alternate which side goes first, so neither always runs on a warmer (or busier) machine.
              if (i % 2 === 0) for (let k = 0; k < opened.length; k++) await timeSlice(opened[k]!, i, ro[k]!);
              await timeSlice(s, i, rs);
              if (i % 2 === 1)
                for (let k = opened.length - 1; k >= 0; k--) await timeSlice(opened[k]!, i, ro[k]!);
            }
          } finally {
            await s.close();
            for (const o of opened) await o.close();
          }
          subject.count += rs.count;
          subject.ms += rs.ms;
          others.forEach((_, k) => {
            totals[k]!.count += ro[k]!.count;
            totals[k]!.ms += ro[k]!.ms;
            ratios[k]!.push((rate(rs) / rate(ro[k]!)).toFixed(2));
          });
          log(
            `  ${sc.id} round ${round}: ${sc.subject.label} ${fmt(rate(rs))}` +
              others.map((o, k) => `, ${o.label} ${fmt(rate(ro[k]!))} (${ratios[k]!.at(-1)}×)`).join('') +
              ` ${sc.unit}/s`,
          );
        }
        const ratioOf = (k: number) =>
          totals[k]!.count === 0 ? undefined : rate(subject) / rate(totals[k]!);
        const verdictOf = (k: number) => {
          const target = targets[k];
          const ratio = ratioOf(k);
          if (target === undefined || ratio === undefined) return '-';
          if (ratio < target) failed = true;
          return `≥ ${target.toFixed(1)}× ${ratio >= target ? 'met' : 'MISSED'}`;
        };
        if (withPeers) {
          const cells: string[] = [sc.id, sc.title, `${fmt(rate(subject))}`];
          cells.push(...others.map((_, k) => fmt(rate(totals[k]!))));
          for (let k = 0; k < others.length; k++) {
            const ratio = ratioOf(k);
            cells.push(
              ratio === undefined ? '-' : `${ratio.toFixed(2)}×`,
              verdictOf(k),
              ratios[k]!.join(' '),
            );
          }
          matrix.push(cells);
          continue;
        }
        const ratio = ratioOf(0);
        rows.push([
          sc.id,
          sc.title,
          `${fmt(rate(subject))} ${sc.unit}/s`,
          totals.length === 0 ? '-' : `${fmt(rate(totals[0]!))} ${sc.unit}/s`,
          ratio === undefined ? '-' : `${ratio.toFixed(2)}×`,
          totals.length === 0 ? (sc.target === undefined ? '-' : '') : verdictOf(0),
          (ratios[0] ?? []).join(' '),
        ]);
      }
      if (rows.length > 0)
        printTable(
          [
            'id',
            'scenario',
            scenarios[0]?.subject.label ?? 'subject',
            scenarios[0]?.baseline?.label ?? 'baseline',
            'ratio',
            'target',
            'per round',
          ],
          rows,
        );
      if (matrix.length > 0) {
        const first = scenarios.find((sc) => (sc.peers ?? []).length > 0)!;
        const labels = [
          ...(first.baseline === undefined ? [] : [first.baseline]),
          ...(first.peers ?? []),
        ].map((o) => o.label);
        const heads = suite.ratioHeads ?? labels.map((l) => `÷ ${l}`);
        printTable(
          [
            'id',
            'scenario',
            `${first.subject.label} /s`,
            ...labels.map((l) => `${l} /s`),
            ...heads.flatMap((h) => [h, 'target', 'per round']),
          ],
          matrix,
        );
      }
      for (const line of suite.notes ?? []) console.log(line);
      for (const [name, run] of extras) {
        const dir = mkdtempSync(join(root, `${suite.name}-${name}-`));
        for (const line of await run({ dir, round: 1, synchronous, log })) console.log(line);
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  if (failed) console.log('\nSome targets were missed (the benchmark reports; it does not fail).');
};

const printTable = (head: string[], rows: string[][]) => {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i >= 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  console.log(`\n${line(head)}`);
  for (const r of rows) console.log(line(r));
};

await main();
