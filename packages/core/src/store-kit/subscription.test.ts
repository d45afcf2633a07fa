import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../envelope.js';
import * as P from '../position.js';
import { makeChangeNotifier, runSubscription, type SubscriptionSource } from './subscription.js';

const event = (n: number): RecordedEvent => ({
  eventId: `e${n}`,
  streamId: 'S-1',
  revision: BigInt(n - 1),
  position: P.make(BigInt(n)),
  type: 'Tick',
  schemaVersion: 1,
  data: { n },
  metadata: {
    actor: { id: 'a', role: 'r' },
    occurredAt: '2026-01-01T00:00:00Z',
    correlationId: 'c',
    causationId: 'c',
    recordedAt: '2026-01-01T00:00:00Z',
  },
  prevHash: '',
  hash: '',
});

/** A log in an array; `afterRead` runs when a page read has finished (to inject a race). */
const arraySource = (log: RecordedEvent[], afterRead: () => void = () => undefined) => {
  const notifier = makeChangeNotifier();
  const source: SubscriptionSource = {
    async *readAll({ fromPosition, maxCount = Infinity }) {
      const from = log.filter((e) => fromPosition === undefined || P.compare(e.position, fromPosition) >= 0);
      yield* from.slice(0, maxCount);
      afterRead();
    },
    headPosition: async () => log[log.length - 1]?.position,
    waitForChange: notifier.wait,
  };
  return {
    source,
    append: (n: number) => {
      log.push(event(n));
      notifier.notify();
    },
  };
};

const waitUntil = async (ok: () => boolean) => {
  while (!ok()) await new Promise((r) => setTimeout(r, 2));
};

describe('runSubscription', () => {
  it('does not miss an append that lands between reading a page and starting to wait', async () => {
    const log = [event(1)];
    let injected = false;
    const { source, append } = arraySource(log, () => {
      if (log.length === 1 && !injected) {
        injected = true;
        queueMicrotask(() => append(2));
      }
    });
    const got: string[] = [];
    // A poll interval far beyond the test timeout: only the wake-up can deliver event 2 in time.
    const sub = runSubscription(source, {}, (e) => void got.push(e.eventId), { pollMs: 3_600_000 });
    await waitUntil(() => got.length === 2);
    await sub.stop();
    expect(got).toEqual(['e1', 'e2']);
  });

  it('lets a handler stop its own subscription without deadlocking', async () => {
    const { source } = arraySource([event(1), event(2), event(3)]);
    const got: string[] = [];
    const sub = runSubscription(source, {}, async (e) => {
      got.push(e.eventId);
      if (e.eventId === 'e2') await sub.stop();
    });
    await sub.done;
    expect(got).toEqual(['e1', 'e2']);
  });

  it('reads history in pages, signals caught-up once, then delivers live events in order', async () => {
    const log = Array.from({ length: 25 }, (_, i) => event(i + 1));
    const { source, append } = arraySource(log);
    const got: number[] = [];
    let caughtUp: number[] = [];
    const sub = runSubscription(
      source,
      { onCaughtUp: () => (caughtUp = [...caughtUp, got.length]) },
      (e) => void got.push(Number(e.position.commit)),
      { pageSize: 10 },
    );
    await waitUntil(() => caughtUp.length > 0);
    append(26);
    append(27);
    await waitUntil(() => got.length === 27);
    await sub.stop();
    expect(got).toEqual(Array.from({ length: 27 }, (_, i) => i + 1));
    expect(caughtUp).toEqual([25]);
  });

  it('stops with the handler error, reported through onError and done', async () => {
    const { source } = arraySource([event(1)]);
    const errors: unknown[] = [];
    const sub = runSubscription(source, { onError: (e) => errors.push(e) }, () => {
      throw new Error('handler broke');
    });
    await expect(sub.done).rejects.toThrow('handler broke');
    expect(errors).toHaveLength(1);
  });
});
