import {
  InvalidArgument,
  Position,
  type EventStore,
  type ParkedEvent,
  type Projection,
  type ReadModelStore,
} from '@praxis/core';
import {
  projectionRunner,
  type ProjectionProgress,
  type ProjectionRunner,
  type ProjectionStatus,
} from './runner.js';

/** What `projectionEngine` runs, where, and whom it tells. */
export interface ProjectionEngineOptions {
  /** The event log. */
  readonly store: EventStore;
  /** Where documents and checkpoints are kept. */
  readonly readModels: ReadModelStore;
  readonly projections: readonly Projection[];
  /** Most events per transaction (default 10,000; a live projection commits what has arrived). */
  readonly batchSize?: number;
  /** Documents each projection keeps in memory between batches (default 20,000; 0 turns it off). */
  readonly cacheSize?: number;
  /**
   * A live engine wakes on the store's change notification (`EventStore.waitForChange`): at
   * once for appends in this process; for other processes with the store's latency (see
   * docs/store-contract.md). `pollMs` is how long it waits without a wake-up before looking
   * anyway (default 5 000 ms), or, for a store without notifications, how often it polls
   * (default 200 ms).
   */
  readonly pollMs?: number;
  /** How long a failed projection waits before a live engine retries it (default 5 s). */
  readonly retryMs?: number;
  /** Drop the replaced slot when a new one is activated (default true). */
  readonly dropReplaced?: boolean;
  /** After every committed batch: checkpoint, head, lag, events applied. */
  readonly onProgress?: (progress: ProjectionProgress) => void;
  /** Each event a projection could not handle, once parked. */
  readonly onParked?: (parked: ParkedEvent) => void;
  /** A projection stopped by an infrastructure error (the others go on). */
  readonly onError?: (projection: string, error: unknown) => void;
  /** Machine time for parked-event stamps (default: the system clock). */
  readonly now?: () => Date;
}

/** Runs projections over the log into a read-model store. */
export interface ProjectionEngine {
  /**
   * Brings every projection up to the head of the log (new versions are activated once
   * caught up) and resolves with their status. A failing projection is reported (status
   * `failed`, `onError`) without stopping the others.
   */
  catchUp(): Promise<readonly ProjectionStatus[]>;
  /** Keeps every projection up to date until `stop()`: catch-up, then live. */
  start(): void;
  stop(): Promise<void>;
  /** Rebuilds one projection from zero beside its current slot, swapping when caught up. */
  rebuild(projection: string): Promise<ProjectionStatus>;
  /** Checkpoint, head, lag, events applied, parked count and phase of every projection. */
  status(): Promise<readonly ProjectionStatus[]>;
}

/**
 * The projection engine: each projection is fed, in batches, from the log filtered by its
 * event types, after its checkpoint. A batch's documents, parked events and new checkpoint are
 * committed together, so an event is applied exactly once even if the process dies mid-batch.
 * A projection version builds in a slot of its own and becomes visible to readers only when it
 * has caught up. An event a projection cannot handle is parked with the reason and position.
 *
 * @example
 * const engine = projectionEngine({ store, readModels, projections: [auditView(types)] });
 * await engine.catchUp();        // tests, CLI: up to the head now
 * engine.start();                // servers: and then live
 */
export const projectionEngine = (options: ProjectionEngineOptions): ProjectionEngine => {
  const names = new Set<string>();
  for (const p of options.projections) {
    if (names.has(p.name)) throw new InvalidArgument('projections', `${p.name} is listed twice`);
    names.add(p.name);
  }
  const batchSize = options.batchSize ?? 10_000;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new InvalidArgument('batchSize', 'must be a positive integer');
  }
  const wake = options.store.waitForChange?.bind(options.store);
  const pollMs = options.pollMs ?? (wake === undefined ? 200 : 5_000);
  const retryMs = options.retryMs ?? 5_000;
  const failedAt = new Map<ProjectionRunner, number>();
  const runners = options.projections.map((projection) =>
    projectionRunner({
      store: options.store,
      readModels: options.readModels,
      projection,
      batchSize,
      cacheSize: options.cacheSize ?? 20_000,
      dropReplaced: options.dropReplaced ?? true,
      now: options.now ?? (() => new Date()),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
      ...(options.onParked === undefined ? {} : { onParked: options.onParked }),
    }),
  );

  const run = (r: ProjectionRunner, work: () => Promise<void>): Promise<void> =>
    work().catch((err: unknown) => {
      r.fail(err);
      failedAt.set(r, Date.now());
      options.onError?.(r.projection.name, err);
    });

  const runnerOf = (name: string): ProjectionRunner => {
    const r = runners.find((x) => x.projection.name === name);
    if (r === undefined) throw new InvalidArgument('projection', `${name} is not run by this engine`);
    return r;
  };

  let live: { stop: AbortController; done: Promise<void> } | undefined;

  /** One live tick: runs each projection that is behind the head (or due for a retry). */
  const tick = async () => {
    const head = await options.store.headPosition();
    await Promise.all(
      runners.map((r) => {
        if (r.phase === 'superseded') return undefined;
        if (r.phase === 'failed' && Date.now() - (failedAt.get(r) ?? 0) < retryMs) return undefined;
        const behind =
          r.phase === 'idle' ||
          r.phase === 'failed' ||
          (head !== undefined && (r.checkpoint === undefined || Position.compare(head, r.checkpoint) > 0));
        return behind ? run(r, () => r.runUntilCaughtUp()) : undefined;
      }),
    );
  };

  const failing = () => runners.some((r) => r.phase === 'failed');

  const sleep = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
    });

  return {
    catchUp: async () => {
      await Promise.all(runners.map((r) => run(r, () => r.runUntilCaughtUp())));
      return Promise.all(runners.map((r) => r.status()));
    },
    start: () => {
      if (live !== undefined) return;
      const stop = new AbortController();
      const loop = async () => {
        while (!stop.signal.aborted) {
          // Listen before looking, so an append that lands during the tick wakes the next one.
          const listening = new AbortController();
          const stopListening = () => listening.abort();
          stop.signal.addEventListener('abort', stopListening, { once: true });
          const changed =
            wake === undefined
              ? sleep(pollMs, stop.signal)
              : wake(listening.signal, failing() ? Math.min(pollMs, retryMs) : pollMs).catch(
                  (err: unknown) => {
                    options.onError?.('*', err);
                    return sleep(pollMs, stop.signal);
                  },
                );
          try {
            await tick();
          } catch (err) {
            options.onError?.('*', err);
          }
          await changed;
          stop.signal.removeEventListener('abort', stopListening);
        }
      };
      live = { stop, done: loop() };
    },
    stop: async () => {
      if (live === undefined) return;
      live.stop.abort();
      await live.done;
      live = undefined;
    },
    rebuild: async (name) => {
      const r = runnerOf(name);
      await run(r, () => r.rebuild());
      return r.status();
    },
    status: () => Promise.all(runners.map((r) => r.status())),
  };
};
