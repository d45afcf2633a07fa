import type { Json, ReadModelReader } from '@praxis/core';
import type { Period } from '../period.js';
import type { AgingBuckets, ARAging, PayerAging } from './ar-aging.js';
import { bucketOf } from './ar-aging.js';
import type { ClaimDoc } from './claims-projection.js';
import {
  ageInDays,
  boundsOf,
  chargesAt,
  claimAROn,
  type Basis,
  type CarcDenials,
  type CptReimbursement,
  type RevenueCycleKpis,
} from './revenue-cycle.js';

/*
 * Pre-aggregated claim totals (issue 14: "KPIs computed from pre-parsed, pre-aggregated
 * read-model data"). Each claim contributes cells — sums keyed by date of service, payer, CPT or
 * CARC and by *when* (a time bucket) — and a period's revenue-cycle KPIs and A/R aging are read
 * from the cells of 64 shard documents instead of every claim document.
 *
 * Exactness. Every as-of value a KPI takes of one claim (its charges, or its clamped A/R, at the
 * period's close instant E) is a step function of E that changes only at the claim's own
 * instants; it is stored as the value before the first instant plus one delta per instant,
 * computed with the very functions the scan uses (`chargesAt`, `claimAROn`). Summing the deltas
 * dated before E gives the scan's value for any E. A claim's old cells are taken back and its new
 * ones added on each of its events, so a backdated entry or a correction restating the past moves
 * exactly the cells it changes.
 *
 * Time buckets. An instant is kept in its UTC month unless it lies within 14 hours of a UTC month
 * boundary, when it is kept exactly (epoch ms). A month, quarter or year starts at local midnight
 * on the first, which every zone (UTC−12 … UTC+14) places within 14 hours of that UTC boundary,
 * so a UTC-month bucket lies wholly before or wholly after any period bound: the sums are exact
 * in any zone. A bound that falls inside a bucket (never for these periods) makes the totals
 * answer `undefined`, and the caller reads the claims instead.
 */

/** Name of the prefix of the totals shards in `finance-claims`. */
export const TOTALS_PREFIX = 'totals:';
/**
 * How many shard documents the claim totals are spread over (by claim id). Every claim event
 * rewrites its shard, so a shard's size is the write cost: 4 shards made each claim event rewrite
 * ~100 KB on the 3,000-claim demo; 64 keep it near 6 KB there (reads take all of them alike).
 */
export const TOTALS_SHARDS = 64;

const EDGE_MS = 14 * 3_600_000;

/** The shard document key of a claim's totals (FNV-1a of the claim id). */
export const totalsKey = (claimId: string): string => {
  let h = 0x811c9dc5;
  for (let i = 0; i < claimId.length; i++) {
    h ^= claimId.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${TOTALS_PREFIX}${String(h % TOTALS_SHARDS).padStart(2, '0')}`;
};

const monthStartUtc = (y: number, m: number): number => Date.UTC(y, m, 1);

const SLOT_MS = 15 * 60_000;

/**
 * The time bucket of an instant (epoch ms): its UTC month (`YYYY-MM`) away from a month's edge,
 * else its 15-minute slot (`@<slot start ms>`): every zone's offset is a multiple of 15 minutes,
 * so a local midnight never falls inside a slot.
 */
export const timeBucket = (t: number): string => {
  const d = new Date(t);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  if (y < 1000 || y > 9999 || t - monthStartUtc(y, m) < EDGE_MS || monthStartUtc(y, m + 1) - t <= EDGE_MS)
    return `@${Math.floor(t / SLOT_MS) * SLOT_MS}`;
  return `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}`;
};

/** Before any instant (the value a step function starts from). */
const FIRST = '-';

/**
 * A shard document: its cells as two parallel lists, `keys[i]` summing to `sums[i]` (integers,
 * never 0). Lists rather than an object keyed by cell: a shard holds hundreds of cells, and JSON
 * parses a list of strings several times faster than an object with as many keys (64 shards of
 * ~570 cells on the 3,000-claim demo: ~15 ms as objects, ~3 ms as lists).
 */
export interface TotalsShard {
  readonly keys: readonly string[];
  readonly sums: readonly number[];
}

const enc = (s: string): string => encodeURIComponent(s);

const add = (cells: Map<string, number>, key: string, v: number): void => {
  if (v !== 0) cells.set(key, (cells.get(key) ?? 0) + v);
};

/**
 * A step function of the close instant E given by `value(E)`, which looks at instants only as
 * `t < E`: its value before every instant (at `-`) and its change at each instant.
 */
const steps = (
  cells: Map<string, number>,
  prefix: string,
  times: readonly number[],
  value: (e: number) => number,
): void => {
  const sorted = [...new Set(times)].sort((a, b) => a - b);
  if (sorted.length === 0) {
    add(cells, `${prefix}|${FIRST}`, value(Number.NEGATIVE_INFINITY));
    return;
  }
  let prev = value(sorted[0]!);
  add(cells, `${prefix}|${FIRST}`, prev);
  for (const t of sorted) {
    const v = value(t + 1);
    add(cells, `${prefix}|${timeBucket(t)}`, v - prev);
    prev = v;
  }
};

const DAY = 86_400_000;
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * The date-of-service segment a date falls in, for A/R: the latest of the days where an
 * as-of question about a month, quarter or year can change its answer — the first of a month
 * (date of service ≤ the period's last day) and each month end minus 30, 60, 90 and 120 days
 * (the aging buckets and aged A/R). Every date of one segment is aged alike at every month end.
 */
export const agingSegment = (dos: string): string => {
  const d = Date.parse(dos);
  if (Number.isNaN(d)) return dos;
  const first = (ms: number) => {
    const x = new Date(ms);
    return Date.UTC(x.getUTCFullYear(), x.getUTCMonth(), 1);
  };
  // the latest month end on or before a day
  const monthEndOnOrBefore = (ms: number) => {
    const next = new Date(ms + DAY);
    return next.getUTCDate() === 1 ? ms : first(ms) - DAY;
  };
  let cut = first(d);
  for (const k of [30, 60, 90, 120]) cut = Math.max(cut, monthEndOnOrBefore(d + k * DAY) - k * DAY);
  return isoDay(cut);
};

const BASES: readonly [Basis, string][] = [
  ['as-reported', 'r'],
  ['restated', 's'],
];

/**
 * What one claim document adds to the totals (pure). Keys are `kind|…|bucket`; free text (payer,
 * CPT, CARC) is URI-encoded so `|` never appears inside a part.
 */
export const claimCells = (c: ClaimDoc): Map<string, number> => {
  const cells = new Map<string, number>();
  const dos = c.dateOfService;
  const segment = agingSegment(dos);
  const payer = enc(c.payerId);
  const chargeTimes = (c.chargeHistory ?? []).map((r) => r.t);
  const arTimes = [...chargeTimes, ...c.ledger.map((l) => l.t)];
  for (const [basis, b] of BASES) {
    // Gross charges by date of service; A/R by payer and date of service (any last day ≥ it).
    steps(cells, `G|${b}|${dos.slice(0, 7)}`, chargeTimes, (e) => chargesAt(c, e, basis));
    steps(cells, `A|${b}|${payer}|${segment}`, arTimes, (e) => claimAROn(c, e, '9999-12-31', basis));
    // Initial denial rate in dollars: the charges of the claims first adjudicated in a period.
    if (c.firstAdjudication !== undefined) {
      const at = timeBucket(c.firstAdjudication.t);
      steps(cells, `D|${b}|${at}`, chargeTimes, (e) => chargesAt(c, e, basis));
      if (c.firstAdjudication.denied)
        steps(cells, `DD|${b}|${at}`, chargeTimes, (e) => chargesAt(c, e, basis));
    }
  }
  for (const l of c.ledger) {
    const at = timeBucket(l.t);
    add(cells, `L|${l.kind}|${at}`, l.amount);
    if (l.kind === 'patient-payment' && l.pointOfService === true) add(cells, `L|pos|${at}`, l.amount);
    if (l.kind === 'write-off' && l.reason === 'denial') add(cells, `L|denial-write-off|${at}`, l.amount);
    if (l.kind === 'payer-payment' || l.kind === 'contractual-adjustment') {
      const row = `${payer}|${enc(l.cptCode ?? '')}|${at}`;
      add(cells, `Ce|${row}`, 1);
      if (l.kind === 'payer-payment') {
        add(cells, `Cp|${row}`, l.amount);
        add(cells, `Cn|${row}`, l.reversal === true ? -1 : 1);
      } else add(cells, `Ca|${row}`, l.amount);
    }
  }
  if (c.firstScrub !== undefined) {
    const at = timeBucket(c.firstScrub.t);
    add(cells, `S|first|${at}`, 1);
    if (c.firstScrub.clean) add(cells, `S|clean|${at}`, 1);
  }
  if (c.firstAdjudication !== undefined) {
    const at = timeBucket(c.firstAdjudication.t);
    add(cells, `J|first|${at}`, 1);
    if (c.firstAdjudication.denied) add(cells, `J|denied|${at}`, 1);
  }
  for (const d of c.denials) {
    const at = timeBucket(d.t);
    add(cells, `K|${enc(d.carcCode)}|${at}`, 1);
    add(cells, `Ka|${enc(d.carcCode)}|${at}`, d.amount);
  }
  return cells;
};

/**
 * A shard's cells after one claim changed from `before` to `after` (either undefined): the
 * claim's old cells taken back, its new ones added, zero cells dropped; cells keep their place
 * and new ones are appended, so a rebuild writes the same document.
 */
export const reviseTotals = (
  shard: Json | undefined,
  before: ClaimDoc | undefined,
  after: ClaimDoc | undefined,
): Json | undefined => {
  const current = shard as unknown as TotalsShard | undefined;
  const next = new Map<string, number>();
  if (current !== undefined)
    for (let i = 0; i < current.keys.length; i++) next.set(current.keys[i]!, current.sums[i]!);
  const apply = (cells: Map<string, number>, sign: number) => {
    for (const [k, v] of cells) next.set(k, (next.get(k) ?? 0) + sign * v);
  };
  if (before !== undefined) apply(claimCells(before), -1);
  if (after !== undefined) apply(claimCells(after), 1);
  const keys: string[] = [];
  const sums: number[] = [];
  for (const [k, v] of next)
    if (v !== 0) {
      keys.push(k);
      sums.push(v);
    }
  return keys.length === 0 ? undefined : ({ keys, sums } satisfies TotalsShard as unknown as Json);
};

/** One cell, parsed once. */
interface Cell {
  readonly parts: readonly string[];
  /** Its time bucket: exactly `lo` (an instant, or −∞ for `-`), or within `[lo, hi)` (a UTC month). */
  readonly lo: number;
  readonly hi: number;
  readonly exact: boolean;
  readonly value: number;
  /** `D` and `DD` cells: the span of their first adjudication's bucket (`parts[2]`). */
  readonly adjudicated?: ReturnType<typeof bucketSpan>;
  /** `A` cells: their aging segment's first day (`parts[3]`) in epoch ms. */
  readonly dosMs?: number;
  /** `Ce`, `Cp`, `Ca`, `Cn` cells: their payer × CPT row (`parts[1]|parts[2]`). */
  readonly row?: string;
}

/** The claim totals of a practice, parsed once, for any number of periods. */
export interface ClaimTotals {
  readonly cells: ReadonlyMap<string, readonly Cell[]>;
}

/** The instants a time bucket can hold (see `timeBucket`). */
const bucketSpan = (b: string): { lo: number; hi: number; exact: boolean } => {
  if (b === FIRST) return { lo: -Infinity, hi: -Infinity, exact: true };
  if (b.startsWith('@')) {
    const t = Number(b.slice(1));
    return { lo: t, hi: t + SLOT_MS, exact: false };
  }
  const y = Number(b.slice(0, 4));
  const m = Number(b.slice(5, 7)) - 1;
  // the instants a month bucket can hold: away from both edges
  return { lo: monthStartUtc(y, m) + EDGE_MS, hi: monthStartUtc(y, m + 1) - EDGE_MS, exact: false };
};

/**
 * Reads the totals shards of `finance-claims` (64 documents) into one set of cells: the same
 * cell in several shards (claims of many shards share a month, a payer, a CPT) is summed first,
 * so each distinct cell is parsed once (~5,200 distinct of ~37,000 stored on the 3,000-claim demo).
 */
export const loadClaimTotals = async (reader: ReadModelReader): Promise<ClaimTotals> => {
  const sums = new Map<string, number>();
  for await (const [, doc] of reader.list('finance-claims', TOTALS_PREFIX)) {
    const { keys, sums: values } = doc as unknown as TotalsShard;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      sums.set(k, (sums.get(k) ?? 0) + values[i]!);
    }
  }
  const cells = new Map<string, Cell[]>();
  const spans = new Map<string, ReturnType<typeof bucketSpan>>();
  for (const [k, value] of sums) {
    if (value === 0) continue;
    const parts = k.split('|');
    const b = parts[parts.length - 1]!;
    let span = spans.get(b);
    if (span === undefined) spans.set(b, (span = bucketSpan(b)));
    const kind = parts[0]!;
    const cell: Cell = {
      parts,
      value,
      lo: span.lo,
      hi: span.hi,
      exact: span.exact,
      ...(kind === 'D' || kind === 'DD' ? { adjudicated: bucketSpan(parts[2]!) } : {}),
      ...(kind === 'A' ? { dosMs: Date.parse(parts[3]!) } : {}),
      ...(kind[0] === 'C' ? { row: `${parts[1]}|${parts[2]}` } : {}),
    };
    const list = cells.get(kind);
    if (list === undefined) cells.set(kind, [cell]);
    else list.push(cell);
  }
  return { cells };
};

/** Raised when a period bound falls inside a time bucket (the caller reads the documents instead). */
class Undecidable extends Error {}

/**
 * Whether a bucket's instants are before `e` (epoch ms): exact, or Undecidable (caught by
 * `decide`) when `e` falls inside a month bucket.
 */
const before = (c: Pick<Cell, 'lo' | 'hi' | 'exact'>, e: number): boolean => {
  if (c.exact) return c.lo < e;
  if (c.hi <= e) return true;
  if (c.lo >= e) return false;
  throw new Undecidable();
};

/** Whether a bucket's instants are in `[start, end)`. */
const within = (c: Pick<Cell, 'lo' | 'hi' | 'exact'>, start: number, end: number): boolean =>
  !before(c, start) && before(c, end);

const of = (t: ClaimTotals, kind: string): readonly Cell[] => t.cells.get(kind) ?? [];

const pct = (num: number, den: number): number | undefined => (den === 0 ? undefined : (num / den) * 100);

const DAY_MS = 86_400_000;

/** Runs a computation over time buckets: undefined when a bound fell inside a bucket. */
const decide = <T>(f: () => T): T | undefined => {
  try {
    return f();
  } catch (err) {
    if (err instanceof Undecidable) return undefined;
    throw err;
  }
};

const ledgerSum = (t: ClaimTotals, kind: string, start: number, end: number): number => {
  let n = 0;
  for (const c of of(t, 'L')) if (c.parts[1] === kind && within(c, start, end)) n += c.value;
  return n;
};

/** Net collections of a period from the totals: payer and patient payments posted in it. */
export const netCollectionsFromTotals = (t: ClaimTotals, p: Period): number | undefined =>
  decide(() => {
    const { start, end } = boundsOf(p);
    return ledgerSum(t, 'payer-payment', start, end) + ledgerSum(t, 'patient-payment', start, end);
  });

/** A/R at the close by payer and date of service (cents), from the totals. */
const arByPayerAndDos = (t: ClaimTotals, p: Period, basis: Basis): Map<string, Map<string, number>> => {
  const { end } = boundsOf(p);
  const b = basis === 'as-reported' ? 'r' : 's';
  const out = new Map<string, Map<string, number>>();
  for (const c of of(t, 'A')) {
    const dos = c.parts[3]!;
    if (c.parts[1] !== b || dos > p.lastDay || !before(c, end)) continue;
    const payer = c.parts[2]!;
    let m = out.get(payer);
    if (m === undefined) out.set(payer, (m = new Map()));
    m.set(dos, (m.get(dos) ?? 0) + c.value);
  }
  return out;
};

/**
 * Every revenue-cycle KPI of a period from the claim totals: equal to `revenueCycleKpisOf` over
 * the claim documents (a property test holds them equal), or undefined when a period bound falls
 * inside a time bucket.
 */
export const revenueCycleFromTotals = (
  t: ClaimTotals,
  p: Period,
  basis: Basis = 'as-reported',
): RevenueCycleKpis | undefined =>
  decide(() => {
    const { start, end } = boundsOf(p);
    const b = basis === 'as-reported' ? 'r' : 's';
    let gross = 0;
    // by month of service (a period is whole months)
    for (const c of of(t, 'G'))
      if (c.parts[1] === b && p.months.includes(c.parts[2]!) && before(c, end)) gross += c.value;
    const contractual = ledgerSum(t, 'contractual-adjustment', start, end);
    const adjusted = gross - contractual;
    const collected = ledgerSum(t, 'payer-payment', start, end) + ledgerSum(t, 'patient-payment', start, end);
    const cutoff = Date.parse(p.lastDay) - 90 * DAY_MS;
    let ar = 0;
    let aged = 0;
    for (const c of of(t, 'A')) {
      if (c.parts[1] !== b || c.parts[3]! > p.lastDay || !before(c, end)) continue;
      ar += c.value;
      if (c.dosMs! < cutoff) aged += c.value;
    }
    const count = (kind: string, which: string) => {
      let n = 0;
      for (const c of of(t, kind)) if (c.parts[1] === which && within(c, start, end)) n += c.value;
      return n;
    };
    const dollars = (kind: string) => {
      let n = 0;
      for (const c of of(t, kind)) {
        if (c.parts[1] !== b) continue;
        if (!within(c.adjudicated ?? bucketSpan(c.parts[2]!), start, end) || !before(c, end)) continue;
        n += c.value;
      }
      return n;
    };
    return {
      period: p.label,
      basis,
      grossCharges: gross,
      contractualAdjustments: contractual,
      adjustedCharges: adjusted,
      netCollections: collected,
      arAtEnd: ar,
      daysInAR: adjusted <= 0 ? undefined : ar / (adjusted / p.days),
      adjustedCollectionRate: pct(collected, adjusted),
      grossCollectionRate: pct(collected, gross),
      agedARRate: pct(aged, ar),
      cleanClaimRate: pct(count('S', 'clean'), count('S', 'first')),
      initialDenialRate: pct(count('J', 'denied'), count('J', 'first')),
      initialDenialRateByDollars: pct(dollars('DD'), dollars('D')),
      denialWriteOffRate: pct(ledgerSum(t, 'denial-write-off', start, end), collected),
      posCollectionRate: pct(ledgerSum(t, 'pos', start, end), ledgerSum(t, 'patient-payment', start, end)),
      reimbursementByCpt: reimbursement(t, start, end),
      denialsByCarc: carcs(t, start, end),
    };
  });

const reimbursement = (t: ClaimTotals, start: number, end: number): CptReimbursement[] => {
  const rows = new Map<
    string,
    { payerId: string; cptCode: string; e: number; paid: number; adj: number; n: number }
  >();
  const row = (c: Cell) => {
    const key = c.row!;
    let r = rows.get(key);
    if (r === undefined)
      rows.set(
        key,
        (r = {
          payerId: decodeURIComponent(c.parts[1]!),
          cptCode: decodeURIComponent(c.parts[2]!),
          e: 0,
          paid: 0,
          adj: 0,
          n: 0,
        }),
      );
    return r;
  };
  for (const c of of(t, 'Ce')) if (within(c, start, end)) row(c).e += c.value;
  for (const c of of(t, 'Cp')) if (within(c, start, end)) row(c).paid += c.value;
  for (const c of of(t, 'Ca')) if (within(c, start, end)) row(c).adj += c.value;
  for (const c of of(t, 'Cn')) if (within(c, start, end)) row(c).n += c.value;
  return [...rows.values()]
    .filter((r) => r.e > 0)
    .sort((a, b) => a.payerId.localeCompare(b.payerId) || a.cptCode.localeCompare(b.cptCode))
    .map((r) => ({
      payerId: r.payerId,
      cptCode: r.cptCode,
      paid: r.paid,
      contractualAdjustment: r.adj,
      paidLines: r.n,
      averagePaid: r.n <= 0 ? undefined : Math.round(r.paid / r.n),
    }));
};

const carcs = (t: ClaimTotals, start: number, end: number): CarcDenials[] => {
  const rows = new Map<string, { count: number; amount: number }>();
  const row = (code: string) => {
    let r = rows.get(code);
    if (r === undefined) rows.set(code, (r = { count: 0, amount: 0 }));
    return r;
  };
  for (const c of of(t, 'K')) if (within(c, start, end)) row(c.parts[1]!).count += c.value;
  for (const c of of(t, 'Ka')) if (within(c, start, end)) row(c.parts[1]!).amount += c.value;
  return [...rows.entries()]
    .filter(([, r]) => r.count > 0)
    .map(([code, r]) => ({ carcCode: decodeURIComponent(code), count: r.count, amount: r.amount }))
    .sort((a, b) => b.count - a.count || a.carcCode.localeCompare(b.carcCode));
};

const emptyBuckets = (): Record<keyof AgingBuckets, number> => ({
  '0-30': 0,
  '31-60': 0,
  '61-90': 0,
  '91-120': 0,
  '120+': 0,
});

/** A/R aging by payer at the period's close from the totals (equal to `arAgingOf` over the claims). */
export const arAgingFromTotals = (
  t: ClaimTotals,
  p: Period,
  basis: Basis = 'as-reported',
): ARAging | undefined =>
  decide(() => {
    const totals = emptyBuckets();
    const payers: PayerAging[] = [];
    const total = (b: AgingBuckets) => Object.values(b).reduce((x: number, y: number) => x + y, 0);
    const byPayer = [...arByPayerAndDos(t, p, basis)].map(
      ([payer, m]) => [decodeURIComponent(payer), m] as const,
    );
    byPayer.sort(([a], [b]) => a.localeCompare(b));
    for (const [payerId, byDos] of byPayer) {
      const buckets = emptyBuckets();
      let any = false;
      for (const [dos, v] of byDos) {
        if (v === 0) continue;
        const bucket = bucketOf(ageInDays(dos, p.lastDay));
        buckets[bucket] += v;
        totals[bucket] += v;
        any = true;
      }
      if (any) payers.push({ payerId, buckets, total: total(buckets) });
    }
    return {
      period: p.label,
      basis,
      asOf: p.lastDay,
      payers,
      totals: { payerId: '*', buckets: totals, total: total(totals) },
    };
  });

/**
 * Time buckets for other pre-aggregated read models (`timeBucket` of an instant, its span, and
 * exact comparisons with a period's bounds inside `decide`).
 */
export const TimeBuckets = { timeBucket, bucketSpan, before, within, decide } as const;
