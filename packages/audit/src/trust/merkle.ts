import { createHash } from 'node:crypto';

/**
 * Merkle trees in the manner of RFC 6962 (Certificate Transparency) / RFC 9162: leaves are
 * `sha-256(0x00 || leaf)`, interior nodes `sha-256(0x01 || left || right)`, and the tree over n
 * leaves splits at the largest power of two below n. Hashes are hex.
 */

const h = (prefix: number, ...parts: Uint8Array[]): Buffer =>
  parts.reduce((hash, p) => hash.update(p), createHash('sha256').update(Buffer.of(prefix))).digest();

/** The leaf hash of a leaf's bytes (text as UTF-8). */
export const leafHash = (leaf: string): string => h(0, Buffer.from(leaf, 'utf8')).toString('hex');

const node = (left: Uint8Array, right: Uint8Array): Buffer => h(1, left, right);

/** The root of the empty tree: sha-256 of nothing. */
export const emptyRoot = createHash('sha256').digest('hex');

/**
 * A Merkle tree grown one leaf at a time in O(log n) memory: the roots of its perfect subtrees,
 * largest first (the "frontier"). `root()` is the RFC 6962 root of the leaves so far.
 */
export class MerkleFrontier {
  private readonly stack: { size: number; hash: Uint8Array }[];
  private n: number;

  constructor(count = 0, frontier: readonly string[] = []) {
    this.n = count;
    const sizes: number[] = [];
    for (let bit = 2 ** 52; bit >= 1; bit /= 2) if (Math.floor(count / bit) % 2 === 1) sizes.push(bit);
    if (sizes.length !== frontier.length) throw new RangeError('frontier does not match the leaf count');
    this.stack = frontier.map((f, i) => ({ size: sizes[i]!, hash: Buffer.from(f, 'hex') }));
  }

  get count(): number {
    return this.n;
  }

  /** Adds a leaf by its leaf hash (hex). */
  push(leaf: string): void {
    let cur: { size: number; hash: Uint8Array } = { size: 1, hash: Buffer.from(leaf, 'hex') };
    while (this.stack.length > 0 && this.stack[this.stack.length - 1]!.size === cur.size) {
      const left = this.stack.pop()!;
      cur = { size: cur.size * 2, hash: node(left.hash, cur.hash) };
    }
    this.stack.push(cur);
    this.n++;
  }

  /** The perfect subtrees' roots, largest first (what a checkpoint stores to grow the tree later). */
  frontier(): string[] {
    return this.stack.map((s) => Buffer.from(s.hash).toString('hex'));
  }

  /** The RFC 6962 root of the leaves so far. */
  root(): string {
    if (this.stack.length === 0) return emptyRoot;
    let acc: Uint8Array = this.stack[this.stack.length - 1]!.hash;
    for (let i = this.stack.length - 2; i >= 0; i--) acc = node(this.stack[i]!.hash, acc);
    return Buffer.from(acc).toString('hex');
  }
}

/** The root over leaf hashes (hex), computed directly (RFC 6962 §2.1 MTH). */
export const merkleRoot = (leaves: readonly string[]): string => {
  const f = new MerkleFrontier();
  for (const l of leaves) f.push(l);
  return f.root();
};

const largestPowerOfTwoBelow = (n: number): number => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};

/** The audit path of leaf `index` in the tree over `leaves` (RFC 6962 §2.1.1 PATH), hex. */
export const auditPath = (leaves: readonly string[], index: number): string[] => {
  const path = (lo: number, hi: number, m: number): Buffer[] => {
    const n = hi - lo;
    if (n <= 1) return [];
    const k = largestPowerOfTwoBelow(n);
    return m < k
      ? [...path(lo, lo + k, m), subtree(lo + k, hi)]
      : [...path(lo + k, hi, m - k), subtree(lo, lo + k)];
  };
  const subtree = (lo: number, hi: number): Buffer => {
    if (hi - lo === 1) return Buffer.from(leaves[lo]!, 'hex');
    const k = largestPowerOfTwoBelow(hi - lo);
    return node(subtree(lo, lo + k), subtree(lo + k, hi));
  };
  return path(0, leaves.length, index).map((b) => b.toString('hex'));
};

/**
 * The root an audit path leads to from leaf hash `leaf` at `index` of a tree of `size` leaves
 * (RFC 9162 §2.1.3.2), or undefined when the path has the wrong length.
 */
export const rootFromAuditPath = (
  leaf: string,
  index: number,
  size: number,
  path: readonly string[],
): string | undefined => {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size)
    return undefined;
  let fn = index;
  let sn = size - 1;
  let r: Uint8Array = Buffer.from(leaf, 'hex');
  for (const p of path) {
    if (sn === 0) return undefined;
    const c = Buffer.from(p, 'hex');
    if (fn % 2 === 1 || fn === sn) {
      r = node(c, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = node(r, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? Buffer.from(r).toString('hex') : undefined;
};
