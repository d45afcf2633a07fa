import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MerkleFrontier, auditPath, emptyRoot, leafHash, merkleRoot, rootFromAuditPath } from './merkle.js';

// The RFC 6962 test leaves of certificate-transparency-go (merkle_tree_test.go).
const ctLeaves = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map((hex) => leafHash(Buffer.from(hex, 'hex').toString('latin1')));

describe('RFC 6962 Merkle trees', () => {
  it('matches the Certificate Transparency reference roots', () => {
    expect(emptyRoot).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(merkleRoot(ctLeaves.slice(0, 1))).toBe(
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    );
    expect(merkleRoot(ctLeaves.slice(0, 2))).toBe(
      'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
    );
    expect(merkleRoot(ctLeaves.slice(0, 3))).toBe(
      'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
    );
    expect(merkleRoot(ctLeaves.slice(0, 7))).toBe(
      'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
    );
    expect(merkleRoot(ctLeaves)).toBe('5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328');
  });

  it('grows from a stored frontier to the same root as from scratch', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 70 }), fc.nat(), (texts, cut) => {
        const leaves = texts.map(leafHash);
        const k = leaves.length === 0 ? 0 : cut % (leaves.length + 1);
        const first = new MerkleFrontier();
        for (const l of leaves.slice(0, k)) first.push(l);
        const resumed = new MerkleFrontier(first.count, first.frontier());
        for (const l of leaves.slice(k)) resumed.push(l);
        expect(resumed.root()).toBe(merkleRoot(leaves));
      }),
    );
  });

  it('proves every leaf’s inclusion, and no proof survives a changed leaf or index', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 40 }), fc.nat(), (texts, i) => {
        const leaves = texts.map((t, j) => leafHash(`${j}:${t}`));
        const index = i % leaves.length;
        const root = merkleRoot(leaves);
        const path = auditPath(leaves, index);
        expect(rootFromAuditPath(leaves[index]!, index, leaves.length, path)).toBe(root);
        expect(rootFromAuditPath(leafHash('forged'), index, leaves.length, path)).not.toBe(root);
        if (leaves.length > 1) {
          expect(
            rootFromAuditPath(leaves[index]!, (index + 1) % leaves.length, leaves.length, path),
          ).not.toBe(root);
        }
      }),
    );
  });

  it('rejects a frontier that does not fit its count', () => {
    expect(() => new MerkleFrontier(3, ['00'.repeat(32)])).toThrow(RangeError);
  });
});
