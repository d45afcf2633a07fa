/**
 * F1: what one wake-up of a filtered subscription costs as the log grows (issue 13 §5). A
 * subscriber to `{ streamPrefix: 'Rare-' }` has delivered `Rare-0`, the only match, followed by
 * N events of other streams. Each slice appends one more event to another stream and waits
 * until the subscriber has examined it (its `onCheckpoint` reaches the new position). The
 * subject runs on a 500,000-event log, the baseline on a 50,000-event log, in the same run: a
 * ratio near 1 means the wake-up cost does not grow with the log (a subscription that re-read
 * everything since its last match would be ~10× slower on the larger log).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Position, newEventId, type NewEvent, type Subscription } from '@praxis/core';
import { sqliteEventStore, type SqliteEventStore } from '@praxis/store-sqlite';
import { testMetadata, testRegistry } from '@praxis/testing';
import type { BenchContext, BenchSuite, Side } from './lib/harness.js';

const other = (i: number): NewEvent => ({
  eventId: newEventId(),
  type: 'ContractNoteTaken',
  data: { text: `other ${i}` },
  metadata: testMetadata(),
});

/** Rare-0, then `size` events of other streams (1,000 per append), once per run. */
const seed = async (store: SqliteEventStore, size: number): Promise<void> => {
  await store.appendToStream('Rare-0', [{ ...other(0), data: { text: 'the rare one' } }]);
  for (let i = 0; i < size; i += 1_000) {
    await store.appendToStream(
      `Other-${i / 1_000}`,
      Array.from({ length: Math.min(1_000, size - i) }, (_, k) => other(i + k)),
    );
  }
};

const filteredWakeUps = (size: number): Side => ({
  label: `${size.toLocaleString('en-US')}-event log`,
  open: async (ctx: BenchContext) => {
    const path = join(ctx.dir, `log-${size}.db`);
    const fresh = !existsSync(path);
    const store = sqliteEventStore({ path, synchronous: 'NORMAL', registry: testRegistry });
    if (fresh) {
      ctx.log(`  seeding ${size.toLocaleString('en-US')} events…`);
      await seed(store, size);
    }
    let checkpoint: Position.Position | undefined;
    let wake: (() => void) | undefined;
    let caughtUp!: () => void;
    const ready = new Promise<void>((r) => (caughtUp = r));
    const sub: Subscription = store.subscribeToAll(
      {
        filter: { streamPrefix: 'Rare-' },
        onCaughtUp: () => caughtUp(),
        onCheckpoint: (c) => {
          checkpoint = c;
          wake?.();
        },
      },
      () => undefined,
    );
    await ready; // the first catch-up scans the whole log once; not timed
    return {
      run: async (slice) => {
        const r = await store.appendToStream(`Other-live-${slice % 10}`, [other(slice)]);
        while (checkpoint === undefined || Position.compare(checkpoint, r.position) < 0) {
          await new Promise<void>((resolve) => (wake = resolve));
        }
        return 1;
      },
      close: async () => {
        await sub.stop();
        await store.close();
      },
    };
  },
});

export const suite: BenchSuite = {
  name: 'subscriptions',
  description: 'a filtered subscription’s wake-up on a 500,000-event log vs a 50,000-event log (SQLite)',
  scenarios: [
    {
      id: 'F1',
      title: 'filtered subscriber wake-up (append elsewhere → checkpoint), 500k vs 50k events',
      unit: 'wake-ups',
      slices: 200,
      target: 0.7,
      subject: filteredWakeUps(500_000),
      baseline: filteredWakeUps(50_000),
    },
  ],
};
