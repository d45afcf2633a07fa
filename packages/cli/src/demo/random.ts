/** A seeded random source: the same seed gives the same practice year. */
export interface Rng {
  /** A number in [0, 1). */
  next(): number;
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<A>(items: readonly A[]): A;
  /** Picks by weight: `[[item, weight], …]`. */
  weighted<A>(items: readonly (readonly [A, number])[]): A;
  /** An independent stream for one part of the plan (adding a part does not shift the others). */
  fork(label: string): Rng;
}

const hash = (s: string): number => {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
};

/**
 * mulberry32: small, fast and good enough for generating demo data.
 *
 * @example
 * const rng = seeded(42);
 * rng.int(1, 6); // the same roll on every run
 */
export const seeded = (seed: number): Rng => {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng: Rng = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted: (items) => {
      const total = items.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [item, w] of items) {
        r -= w;
        if (r < 0) return item;
      }
      return items[items.length - 1]![0];
    },
    fork: (label) => seeded(hash(`${seed}:${label}`)),
  };
  return rng;
};
