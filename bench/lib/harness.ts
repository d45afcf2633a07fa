/**
 * The benchmark harness behind `npm run bench`. A suite is a file `bench/<name>.ts` that exports
 * `suite: BenchSuite`; `bench/run.ts` finds every such file, runs the scenarios the command line
 * selects and prints one table. See docs/benchmarks.md.
 */

/** What a side is given: a temporary folder and the run's settings. */
export interface BenchContext {
  /** A temporary folder for this scenario, the same in every round (removed after the run). */
  readonly dir: string;
  /** 1, 2, 3, …: name per-round files with it when a round needs a fresh file. */
  readonly round: number;
  /** Durability both sides use, from `--synchronous=FULL|NORMAL` (default FULL). */
  readonly synchronous: 'FULL' | 'NORMAL';
  /** Prints a progress line. */
  readonly log: (line: string) => void;
}

/** A side, opened for one round: runs one slice of the work at a time. */
export interface Runner {
  /** Does slice `i` (0-based) of the work and returns how many events or commands it processed. */
  run(slice: number): Promise<number>;
  close(): Promise<void>;
}

/** One way of doing the scenario's work: the Praxis subject or the raw baseline. */
export interface Side {
  readonly label: string;
  /** Set-up (opening files, seeding) — not timed. */
  open(ctx: BenchContext): Promise<Runner>;
}

/**
 * One comparison of a subject (a Praxis store) with a baseline (raw driver code doing the same
 * work). Both sides are open at once and the harness runs their slices interleaved — baseline
 * slice 0, subject slice 0, subject slice 1, baseline slice 1, … — so that a neighbour's load on a
 * shared machine hits both sides alike. Rates are total items over total timed milliseconds.
 */
export interface Scenario {
  /** Short id used on the command line, e.g. `S1`. */
  readonly id: string;
  readonly title: string;
  /** What is counted: `events` or `commands`. */
  readonly unit: string;
  /** How many slices make the whole work (each side runs slices 0..slices-1 per round). */
  readonly slices: number;
  /** Minimum ratio subject/baseline the project aims for (printed, never enforced). */
  readonly target?: number;
  readonly subject: Side;
  readonly baseline?: Side;
  /**
   * Further baselines (a peer library, say), opened and timed with the other two in the same
   * round, their slices interleaved with the subject's; the table gives subject ÷ each of them.
   */
  readonly peers?: readonly Side[];
  /** Minimum ratio subject/peer, one per entry of `peers` (printed, never enforced). */
  readonly peerTargets?: readonly (number | undefined)[];
}

/** A set of scenarios, plus optional extra measurements switched on by a flag (e.g. `--rss`). */
export interface BenchSuite {
  /** Selects the suite on the command line (`npm run bench -- sqlite`). */
  readonly name: string;
  readonly description: string;
  readonly scenarios: readonly Scenario[];
  /** Extra runs keyed by flag name (without `--`), run only when the flag is given; they return lines to print. */
  readonly extras?: Readonly<Record<string, (ctx: BenchContext) => Promise<string[]>>>;
  /** When false, `npm run bench` without arguments skips this suite (it needs a server, say). */
  readonly runByDefault?: boolean;
  /**
   * Column heads of the ratio table when scenarios have `peers`: the baseline's ratio, then one
   * per peer (default `÷ <label>` of the first scenario's sides).
   */
  readonly ratioHeads?: readonly string[];
  /** Lines printed under the suite's table (what a column means, how a peer was driven). */
  readonly notes?: readonly string[];
}

/** Accumulated time of one side. */
export interface Tally {
  count: number;
  ms: number;
}

/** Times one slice (after a garbage collection, when `--expose-gc` allows it) into `tally`. */
export const timeSlice = async (runner: Runner, slice: number, tally: Tally): Promise<void> => {
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.hrtime.bigint();
  const count = await runner.run(slice);
  tally.ms += Number(process.hrtime.bigint() - start) / 1e6;
  tally.count += count;
};

/** Items per second. */
export const rate = (t: Tally): number => (t.count * 1000) / t.ms;

/** `12,345` */
export const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
