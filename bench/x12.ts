/**
 * X1: an 835 of 5,000 claims posted by `practice.finance.importRemittance` against the same
 * payments posted one by one through the facade (`recordPayerPayment` per claim), in one run on
 * the same store kind (issue 19: within 2×, i.e. a ratio ≥ 0.5). Both sides start from a practice
 * holding the same 5,000 submitted claims, seeded through the facade (not timed).
 */
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { X12Parser } from 'node-x12';
import { createPractice, type Practice } from '@praxis/practice';
import { dryRunRemittances, parseRemittances, write835, type ClaimPaymentDraft } from '@praxis/x12';
import type { BenchContext, BenchSuite, Side } from './lib/harness.js';

const CLAIMS = 5_000;
const biller = { id: 'bench', role: 'biller' } as const;
const at = '2026-03-02T10:00:00-06:00';
const dos = '2026-02-02';

/** Claim i: one 99213 line of $120.00, paid $80.00 with $25.00 CO-45 and $15.00 PR-2 (coinsurance). */
const claimPayment = (i: number): ClaimPaymentDraft => ({
  claimId: `C${i}`,
  charge: 12_000,
  paid: 8_000,
  patientResponsibility: 1_500,
  lines: [
    {
      code: '99213',
      charge: 12_000,
      paid: 8_000,
      adjustments: [
        { group: 'CO', carc: '45', amount: 2_500 },
        { group: 'PR', carc: '2', amount: 1_500 },
      ],
    },
  ],
});

const seeded = async (ctx: BenchContext, name: string, store?: string): Promise<Practice> => {
  const practice = await createPractice({
    store: store ?? `sqlite:${join(ctx.dir, `${name}-${ctx.round}.db`)}`,
    timeZone: 'America/Chicago',
    currency: 'USD',
  });
  const b = practice.as(biller);
  const t = `${dos}T17:00:00-06:00`;
  for (let i = 0; i < CLAIMS; i++) {
    const claimId = `C${i}`;
    for (const r of [
      await b.finance.registerCharges(
        {
          claimId,
          encounterId: `E${i}`,
          patientId: `P${i}`,
          payerId: 'acme',
          payerKind: 'commercial',
          dateOfService: dos,
          timeZone: 'America/Chicago',
          charges: [{ cptCode: '99213', units: 1, amount: 12_000 }],
        },
        { at: t },
      ),
      await b.finance.createClaim({ claimId }, { at: t }),
      await b.finance.scrubClaim({ claimId, failedEdits: [] }, { at: t }),
      await b.finance.submitClaim({ claimId }, { at: t }),
    ])
      if (!r.ok) throw new Error(r.summary);
  }
  ctx.log(`    seeded ${CLAIMS} claims (${name}, round ${ctx.round})`);
  return practice;
};

const importing: Side = {
  label: 'importRemittance (one 835)',
  open: async (ctx) => {
    const practice = await seeded(ctx, 'import');
    const text = write835({
      payerName: 'ACME HEALTH',
      payerId: '1999999999',
      payeeName: 'BENCH CLINIC',
      payeeNpi: '1234567893',
      traceNumber: `BENCH-${ctx.round}`,
      paymentDate: '2026-03-01',
      controlNumber: ctx.round,
      claims: Array.from({ length: CLAIMS }, (_, i) => claimPayment(i)),
    });
    return {
      run: async () => {
        const r = await practice.as(biller).finance.importRemittance(text, { at });
        if (!r.ok) throw new Error(`import failed: ${JSON.stringify(r).slice(0, 300)}`);
        return CLAIMS;
      },
      close: () => practice.close(),
    };
  },
};

const oneByOne: Side = {
  label: 'recordPayerPayment one by one',
  open: async (ctx) => {
    const practice = await seeded(ctx, 'direct');
    return {
      run: async () => {
        const b = practice.as(biller);
        for (let i = 0; i < CLAIMS; i++) {
          const r = await b.finance.recordPayerPayment(
            {
              claimId: `C${i}`,
              paymentId: `P${i}`,
              lines: [{ cptCode: '99213', paid: 8_000, contractualAdjustment: 2_500 }],
              patientResponsibility: 1_500,
            },
            { at },
          );
          if (!r.ok) throw new Error(r.summary);
        }
        return CLAIMS;
      },
      close: () => practice.close(),
    };
  },
};

const gc = (): void => {
  const f = (globalThis as { gc?: () => void }).gc;
  if (f === undefined)
    throw new Error('X2 measures live memory: run it with node --expose-gc (npm run bench does)');
  f();
  f();
};
const heap = (): number => process.memoryUsage().heapUsed;
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

/** Writes an 835 of `n` claims (claim i as in X1) to `dir`; returns its path and size. */
const eraFile = (dir: string, n: number): { path: string; bytes: number } => {
  const path = join(dir, `era-${n}.835`);
  const text = write835({
    payerName: 'ACME HEALTH',
    payerId: '1999999999',
    payeeName: 'BENCH CLINIC',
    payeeNpi: '1234567893',
    traceNumber: `BENCH-${n}`,
    paymentDate: '2026-03-01',
    controlNumber: 1,
    claims: Array.from({ length: n }, (_, i) => claimPayment(i)),
  });
  writeFileSync(path, text);
  return { path, bytes: Buffer.byteLength(text) };
};

/**
 * Peak live heap above the starting point while `work` runs: `sample` (called by the work, e.g.
 * once per 64 kB chunk read) collects garbage and records the heap in use.
 */
const peakGrowth = async (work: (sample: () => void) => Promise<unknown>): Promise<number> => {
  gc();
  const base = heap();
  let peak = 0;
  const sample = () => {
    gc();
    peak = Math.max(peak, heap() - base);
  };
  const kept = await work(sample);
  sample();
  // `kept` stays reachable until here, so the last sample counts what the work returned.
  if (kept === base) console.log('');
  return peak;
};

/** The file as 64 kB chunks, sampling the heap before each one. */
async function* sampled(path: string, sample: () => void): AsyncGenerator<Buffer> {
  for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>) {
    sample();
    yield chunk;
  }
  // After the last chunk is read, before the import posts: what all-or-nothing keeps.
  sample();
}

/**
 * X2: peak memory of reading and reconciling an 835 (the dry run of an import) of 5,000 claims
 * against one of 50,000, streamed from the file (`dryRunRemittances(createReadStream(file))`),
 * next to the whole-text way the import read files before (`readFileSync` and node-x12's
 * `parse` of the whole interchange into its segment tree, then the claims model). Flat means the
 * 50,000-claim file's growth close to the 5,000-claim one's.
 */
const memory = async (ctx: BenchContext): Promise<string[]> => {
  const sizes = [5_000, 50_000];
  const files = sizes.map((n) => {
    const f = eraFile(ctx.dir, n);
    ctx.log(`    wrote ${n.toLocaleString('en-US')} claims (${mb(f.bytes)})`);
    return f;
  });
  // Warm-up: the code paths compiled before anything is measured.
  await dryRunRemittances(createReadStream(files[0]!.path));
  new X12Parser(true).parse(readFileSync(files[0]!.path, 'utf8'));
  const streamed: number[] = [];
  const whole: number[] = [];
  const wholeModel: number[] = [];
  for (const [i, f] of files.entries()) {
    streamed.push(
      await peakGrowth(async (sample) => {
        let claims = 0;
        const r = await dryRunRemittances(sampled(f.path, sample), () => {
          claims++;
        });
        if (claims !== sizes[i] || r[0]?.totals.claims !== sizes[i]) throw new Error('X2: claims miscounted');
        return r;
      }),
    );
    whole.push(
      await peakGrowth(async () => {
        const text = readFileSync(f.path, 'utf8');
        return [text, new X12Parser(true).parse(text)];
      }),
    );
    wholeModel.push(await peakGrowth(async () => parseRemittances(readFileSync(f.path, 'utf8'))));
    ctx.log(`    measured ${sizes[i]!.toLocaleString('en-US')} claims`);
  }
  const practice = await seeded(ctx, 'x2', 'memory:');
  const imported = await peakGrowth(async (sample) => {
    const r = await practice.as(biller).finance.importRemittance(sampled(files[0]!.path, sample), { at });
    if (!r.ok) throw new Error(`X2: import failed: ${JSON.stringify(r).slice(0, 300)}`);
    return r;
  });
  await practice.close();
  const ratio = (xs: number[]) => (xs[1]! / Math.max(1, xs[0]!)).toFixed(2);
  const perClaim = (xs: number[]) => `${Math.round((xs[1]! - xs[0]!) / (sizes[1]! - sizes[0]!))} B/claim`;
  const row = (label: string, xs: number[]) =>
    `  ${label.padEnd(58)}${mb(xs[0]!).padStart(10)}${mb(xs[1]!).padStart(10)}${ratio(xs).padStart(8)}×  ${perClaim(xs)}`;
  return [
    '',
    'X2  peak live heap growth reading an 835 of 5,000 vs 50,000 claims (files of ' +
      `${mb(files[0]!.bytes)} and ${mb(files[1]!.bytes)}; heap sampled after a GC at every 64 kB chunk)`,
    `  ${''.padEnd(58)}${'5,000'.padStart(10)}${'50,000'.padStart(10)}${'ratio'.padStart(9)}  marginal`,
    row('streamed dry run (dryRunRemittances of a file stream)', streamed),
    row('whole text + node-x12 tree (parse; the import before)', whole),
    row('whole text + claims model (parseRemittances)', wholeModel),
    '',
    `  streamed import of the 5,000-claim file into a practice holding its claims (memory store):`,
    `    peak live heap growth while reading ${mb(imported)}, ${Math.round(imported / sizes[0]!)} B/claim — the claims' plans`,
    '    and remittance-record lines kept until the whole file is checked, plus what the practice caches on loading claims',
  ];
};

export const suite: BenchSuite = {
  name: 'x12',
  description:
    '835 import of 5,000 claims vs the same payments one by one through the facade, SQLite, same run',
  scenarios: [
    {
      id: 'X1',
      title: '5,000-claim 835 posted whole vs 5,000 payments one by one (target: within 2×)',
      unit: 'claims',
      slices: 1,
      target: 0.5,
      subject: importing,
      baseline: oneByOne,
    },
  ],
  extras: { x2: memory },
};
