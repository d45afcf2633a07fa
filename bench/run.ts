/**
 * `npm run bench [-- <suite|scenario>… ] [--rounds=N] [--synchronous=FULL|NORMAL] [--<extra>]`
 *
 * Runs every suite file `bench/<name>.ts` (each exports `suite: BenchSuite`, see lib/harness.ts)
 * or only the suites/scenarios named, and prints each scenario's rate and its ratio to the
 * baseline. Extra measurements (`--rss`) run only when their flag is given; given alone, they
 * run without the scenarios.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, rate, timeSlice, type BenchContext, type BenchSuite, type Tally } from './lib/harness.js';

const here = fileURLToPath(new URL('.', import.meta.url));

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
      for (const sc of scenarios) {
        const dir = mkdtempSync(join(root, `${suite.name}-${sc.id}-`));
        const subject: Tally = { count: 0, ms: 0 };
        const baseline: Tally = { count: 0, ms: 0 };
        const ratios: string[] = [];
        for (let round = 1; round <= rounds; round++) {
          const ctx: BenchContext = { dir, round, synchronous, log };
          const s = await sc.subject.open(ctx);
          const b = await sc.baseline?.open(ctx);
          const rs: Tally = { count: 0, ms: 0 };
          const rb: Tally = { count: 0, ms: 0 };
          try {
            for (let i = 0; i < sc.slices; i++) {
              // Alternate which side goes first, so neither always runs on a warmer (or busier) machine.
              if (b !== undefined && i % 2 === 0) await timeSlice(b, i, rb);
              await timeSlice(s, i, rs);
              if (b !== undefined && i % 2 === 1) await timeSlice(b, i, rb);
            }
          } finally {
            await s.close();
            await b?.close();
          }
          subject.count += rs.count;
          subject.ms += rs.ms;
          baseline.count += rb.count;
          baseline.ms += rb.ms;
          const r = b === undefined ? '' : ` → ${(rate(rs) / rate(rb)).toFixed(2)}×`;
          if (b !== undefined) ratios.push((rate(rs) / rate(rb)).toFixed(2));
          log(
            `  ${sc.id} round ${round}: ${sc.subject.label} ${fmt(rate(rs))}` +
              (b === undefined ? '' : `, ${sc.baseline!.label} ${fmt(rate(rb))}`) +
              ` ${sc.unit}/s${r}`,
          );
        }
        const ratio = baseline.count === 0 ? undefined : rate(subject) / rate(baseline);
        const verdict =
          sc.target === undefined || ratio === undefined ? '' : ratio >= sc.target ? 'met' : 'MISSED';
        if (verdict === 'MISSED') failed = true;
        rows.push([
          sc.id,
          sc.title,
          `${fmt(rate(subject))} ${sc.unit}/s`,
          baseline.count === 0 ? '-' : `${fmt(rate(baseline))} ${sc.unit}/s`,
          ratio === undefined ? '-' : `${ratio.toFixed(2)}×`,
          sc.target === undefined ? '-' : `≥ ${sc.target.toFixed(1)}× ${verdict}`,
          ratios.join(' '),
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
