import type { Json } from '@praxis/core';
import type { DocCache } from './batch.js';

/**
 * The documents of the slot a runner writes, as they stand after its last commit: later
 * batches read them from here instead of the store. Only the runner writes its slot (a second
 * writer fails its commit with CheckpointMoved), so the cache cannot go stale; it is emptied on
 * any failure. Bounded: the least recently stored documents are dropped first.
 */
export const makeDocCache = (capacity: number) => {
  const docs = new Map<string, { readonly doc: Json | undefined }>();
  const cache: DocCache & {
    /** Records what a committed batch read and wrote. */
    remember(entries: Iterable<readonly [string, Json | undefined]>): void;
    clear(): void;
  } = {
    lookup: (key) => docs.get(key),
    remember: (entries) => {
      if (capacity <= 0) return;
      for (const [k, doc] of entries) {
        docs.delete(k);
        docs.set(k, { doc });
      }
      for (const k of docs.keys()) {
        if (docs.size <= capacity) break;
        docs.delete(k);
      }
    },
    clear: () => docs.clear(),
  };
  return cache;
};
