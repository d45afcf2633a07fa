import { AsyncLocalStorage } from 'node:async_hooks';
import type { RecordedEvent } from '../envelope.js';
import type { EventFilter, EventHandler, SubscribeOptions, Subscription } from '../event-store.js';
import * as P from '../position.js';

/** What an adapter gives the shared subscription loop. */
export interface SubscriptionSource {
  /** Events in global order from `fromPosition` (inclusive), matching `filter`. */
  readAll(options: {
    fromPosition?: P.Position;
    filter?: EventFilter;
    maxCount?: number;
  }): AsyncIterable<RecordedEvent>;
  /** The last position in the log, or undefined when it is empty. */
  headPosition(): Promise<P.Position | undefined>;
  /**
   * Resolves when new events may have arrived, or after `timeoutMs` at the latest (a
   * fallback for writers the adapter cannot hear, such as another process), or when `signal` aborts.
   */
  waitForChange(signal: AbortSignal, timeoutMs: number): Promise<void>;
}

/** Which subscription's handler is running in the current async context. */
const insideHandler = new AsyncLocalStorage<AbortController>();

/**
 * Catch-up then live, for any adapter: reads history in pages after the last delivered
 * position, then waits for a change and reads again. Pull-based, so a slow handler simply
 * falls behind and catches up — nothing is dropped — and delivery is exactly once, in order.
 * The handler may call `stop()` on its own subscription (delivery ends after it returns).
 */
export const runSubscription = (
  source: SubscriptionSource,
  options: SubscribeOptions,
  handler: EventHandler,
  tuning: {
    pageSize?: number;
    pollMs?: number;
    /**
     * `after: 'end'` resolved by the adapter when `subscribeToAll` was called (so an append the
     * caller makes after subscribing cannot commit before the end is read). Default: the
     * loop's first call of `headPosition`, made synchronously within `runSubscription`.
     */
    end?: Promise<P.Position | undefined>;
  } = {},
): Subscription => {
  const pageSize = tuning.pageSize ?? 500;
  const pollMs = tuning.pollMs ?? 1_000;
  const abort = new AbortController();
  const filtered = options.filter !== undefined;
  let running: Promise<void> = Promise.resolve();
  // Started now, not after the loop's first await: 'end' means the end when subscribing.
  const end = options.after === 'end' ? (tuning.end ?? source.headPosition()) : undefined;
  end?.catch(() => undefined);

  const loop = async (): Promise<void> => {
    let after: P.Position | undefined;
    if (end !== undefined) after = await end;
    else if (options.after !== undefined && options.after !== 'start' && options.after !== 'end')
      after = options.after;
    let caughtUp = false;
    while (!abort.signal.aborted) {
      // Start listening before reading, so a change that lands between the read and the wait
      // is not missed (it would otherwise wait for the poll timeout).
      const listening = new AbortController();
      const stopListening = () => listening.abort();
      abort.signal.addEventListener('abort', stopListening, { once: true });
      const changed = source.waitForChange(listening.signal, pollMs);
      try {
        // A filtered read skips events; the head read before it bounds what it examined.
        const head = filtered ? await source.headPosition() : undefined;
        const delivered = await deliverPage();
        if (delivered >= pageSize) {
          listening.abort(); // a full page: more history to read right away
        } else {
          // Not a full page: every matching event up to `head` has been delivered, so the next
          // read starts after the skipped events instead of re-reading them on every wake-up.
          if (
            head !== undefined &&
            !abort.signal.aborted &&
            (after === undefined || P.compare(head, after) > 0)
          ) {
            after = head;
            options.onCheckpoint?.(head);
          }
          if (!caughtUp) {
            caughtUp = true;
            options.onCaughtUp?.();
          }
        }
        await changed;
      } catch (err) {
        listening.abort();
        await changed.catch(() => undefined);
        throw err;
      } finally {
        abort.signal.removeEventListener('abort', stopListening);
      }
    }

    async function deliverPage(): Promise<number> {
      let delivered = 0;
      const page = source.readAll({
        ...(after === undefined ? {} : { fromPosition: after }),
        ...(options.filter === undefined ? {} : { filter: options.filter }),
        maxCount: pageSize + 1,
      });
      for await (const e of page) {
        if (abort.signal.aborted) return delivered;
        if (after !== undefined && P.compare(e.position, after) <= 0) continue;
        running = insideHandler.run(abort, async () => handler(e));
        await running;
        after = e.position;
        delivered++;
      }
      return delivered;
    }
  };

  const done = loop().catch((err: unknown) => {
    options.onError?.(err);
    throw err;
  });
  // The failure is reported through `done` and onError; keep Node from calling it unhandled.
  done.catch(() => undefined);
  return {
    done,
    stop: async () => {
      abort.abort();
      // Called from this subscription's own handler: waiting for the handler would deadlock.
      if (insideHandler.getStore() === abort) return;
      await running.catch(() => undefined);
      await done.catch(() => undefined);
    },
  };
};

/** A wake-up signal adapters fire after each append (in-process listeners). */
export const makeChangeNotifier = () => {
  const waiters = new Set<() => void>();
  return {
    notify: (): void => {
      for (const w of [...waiters]) w();
    },
    wait: (signal: AbortSignal, timeoutMs: number): Promise<void> =>
      new Promise<void>((resolve) => {
        if (signal.aborted) return resolve();
        const finish = () => {
          clearTimeout(timer);
          waiters.delete(finish);
          signal.removeEventListener('abort', finish);
          resolve();
        };
        const timer = setTimeout(finish, timeoutMs);
        waiters.add(finish);
        signal.addEventListener('abort', finish, { once: true });
      }),
  };
};
