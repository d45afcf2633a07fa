import { describe, expect, it } from 'vitest';
import { InvalidArgument, SubjectForgotten, type SubjectKeyStore } from '@praxis/core';

/** One key store under test: a fresh, empty store, and how to dispose of it. */
export interface KeyStoreSubject {
  readonly keys: SubjectKeyStore;
  /** A second handle on the same backend (another connection or process), when there is one. */
  readonly reopen?: () => Promise<SubjectKeyStore>;
  readonly cleanup: () => Promise<void>;
}

const at = '2026-05-01T09:00:00.000Z';

/**
 * The contract every `SubjectKeyStore` keeps (memory, SQLite, PostgreSQL): a subject's key is
 * made once and stays the same, forgetting destroys it and leaves a tombstone, nothing is
 * issued for a forgotten subject, and bad ids are typed errors.
 *
 * @example
 * runSubjectKeyStoreContract('memory', async () => ({ keys: memorySubjectKeyStore(), cleanup: async () => {} }));
 */
export const runSubjectKeyStoreContract = (name: string, factory: () => Promise<KeyStoreSubject>): void => {
  const withStore = (f: (s: KeyStoreSubject) => Promise<void>) => async () => {
    const s = await factory();
    try {
      await f(s);
    } finally {
      await s.cleanup();
    }
  };
  describe(`subject key store contract: ${name}`, () => {
    it(
      'issues one 32-byte key per subject, the same on every call, different between subjects',
      withStore(async ({ keys }) => {
        const a = await keys.issue('staff:A');
        expect(a.length).toBe(32);
        expect(Buffer.from(await keys.issue('staff:A')).equals(Buffer.from(a))).toBe(true);
        expect(Buffer.from(await keys.issue('staff:B')).equals(Buffer.from(a))).toBe(false);
      }),
    );
    it(
      'concurrent first issues of one subject agree on its key',
      withStore(async ({ keys, reopen }) => {
        const other = reopen === undefined ? keys : await reopen();
        const got = await Promise.all(
          Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? keys : other).issue('patient:p-1')),
        );
        for (const k of got) expect(Buffer.from(k).equals(Buffer.from(got[0]!))).toBe(true);
      }),
    );
    it(
      'looks up active, forgotten and unknown subjects',
      withStore(async ({ keys }) => {
        const a = await keys.issue('staff:A');
        await keys.issue('staff:B');
        await keys.forget('staff:B', at);
        const found = await keys.lookup(['staff:A', 'staff:B', 'staff:never']);
        const stateA = found.get('staff:A');
        expect(stateA?.state === 'active' && Buffer.from(stateA.key).equals(Buffer.from(a))).toBe(true);
        expect(found.get('staff:B')).toEqual({ state: 'forgotten', forgottenAt: at });
        expect(found.has('staff:never')).toBe(false);
      }),
    );
    it(
      'forgets once (later calls report the first time), refuses to issue again, knows unknown subjects',
      withStore(async ({ keys, reopen }) => {
        await keys.issue('staff:A');
        expect((await keys.forget('staff:A', at)).outcome).toBe('forgotten');
        const again = await keys.forget('staff:A', '2027-01-01T00:00:00.000Z');
        expect([again.outcome, again.forgottenAt]).toEqual(['already-forgotten', at]);
        await expect(keys.issue('staff:A')).rejects.toSatisfy(SubjectForgotten.isInstance);
        expect((await keys.forget('staff:never', at)).outcome).toBe('unknown');
        if (reopen !== undefined) {
          const other = await reopen();
          expect((await other.lookup(['staff:A'])).get('staff:A')?.state).toBe('forgotten');
          await expect(other.issue('staff:A')).rejects.toSatisfy(SubjectForgotten.isInstance);
        }
      }),
    );
    it(
      'keeps keys across handles on the same backend',
      withStore(async ({ keys, reopen }) => {
        if (reopen === undefined) return;
        const a = await keys.issue('staff:A');
        const found = (await (await reopen()).lookup(['staff:A'])).get('staff:A');
        expect(found?.state === 'active' && Buffer.from(found.key).equals(Buffer.from(a))).toBe(true);
      }),
    );
    it(
      'refuses bad subject ids with InvalidArgument',
      withStore(async ({ keys }) => {
        for (const bad of ['', '  ', 'a\u0000b', 'x'.repeat(201), 42 as unknown as string]) {
          await expect(keys.issue(bad)).rejects.toSatisfy(InvalidArgument.isInstance);
          await expect(keys.forget(bad, at)).rejects.toSatisfy(InvalidArgument.isInstance);
        }
      }),
    );
  });
};
