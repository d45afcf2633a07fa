import { describe, expect, it } from 'vitest';
import { memoizedReader, reportCacheOf, type Json, type ReadModelReader } from './projection.js';

/** A reader over fixed documents that counts its reads. */
const counting = (docs: Record<string, Json>) => {
  const reads = { get: 0, list: 0 };
  const reader: ReadModelReader = {
    get: async (_p, key) => {
      reads.get++;
      return docs[key];
    },
    list: async function* (_p, prefix) {
      reads.list++;
      for (const k of Object.keys(docs).sort()) if (k.startsWith(prefix)) yield [k, docs[k]!] as const;
    },
  };
  return { reader, reads };
};

const all = async (r: ReadModelReader, prefix: string) => {
  const out: string[] = [];
  for await (const [k] of r.list('m', prefix)) out.push(k);
  return out;
};

describe('memoizedReader', () => {
  it('reads each listing and document once, in key order, however often and however far it is iterated', async () => {
    const { reader, reads } = counting({ 'a:1': 1, 'a:2': 2, 'b:1': 3 });
    const m = memoizedReader(reader);
    expect(await all(m, 'a:')).toEqual(['a:1', 'a:2']);
    // a loop that stops early, then whole listings again
    for await (const [k] of m.list('m', 'a:')) if (k === 'a:1') break;
    expect(await all(m, 'a:')).toEqual(['a:1', 'a:2']);
    expect(await all(m, '')).toEqual(['a:1', 'a:2', 'b:1']);
    expect(reads.list).toBe(2);
    expect([await m.get('m', 'b:1'), await m.get('m', 'b:1'), await m.get('m', 'zz')]).toEqual([
      3,
      3,
      undefined,
    ]);
    expect(reads.get).toBe(2);
  });

  it('passes a failing listing on to every loop over it', async () => {
    const failing: ReadModelReader = {
      get: async () => undefined,
      // eslint-disable-next-line require-yield
      list: async function* () {
        throw new Error('store closed');
      },
    };
    const m = memoizedReader(failing);
    await expect(all(m, '')).rejects.toThrow('store closed');
    await expect(all(m, '')).rejects.toThrow('store closed');
  });

  it('has a report cache of its own, over the reader beneath it; other readers have none', () => {
    const { reader } = counting({});
    const a = memoizedReader(reader);
    const b = memoizedReader(reader);
    expect(reportCacheOf(reader)).toBeUndefined();
    expect(reportCacheOf(a)?.source).toBe(reader);
    expect(reportCacheOf(a)?.derived).not.toBe(reportCacheOf(b)?.derived);
  });
});
