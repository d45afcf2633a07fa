import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { EventFilter, EventStore, RecordedEvent, Subscription } from '@praxis/core';
import { collect, Position } from '@praxis/core';
import {
  defaultScale,
  type ContractAspect,
  type ContractCapabilities,
  type ContractFactory,
  type ContractScale,
  type ContractStoreOptions,
  type ContractSubject,
} from './subject.js';
import { testRegistry } from './test-events.js';

/** What every case group receives from `runEventStoreContract`. */
export interface ContractContext {
  readonly factory: ContractFactory;
  readonly capabilities: ContractCapabilities;
  readonly scale: ContractScale;
  readonly deliveryTimeoutMs: number;
}

export const makeContext = (
  factory: ContractFactory,
  capabilities: ContractCapabilities,
): ContractContext => ({
  factory,
  capabilities,
  scale: { ...defaultScale, ...capabilities.scale },
  deliveryTimeoutMs: capabilities.deliveryTimeoutMs ?? 20_000,
});

/** The reason an aspect does not apply, or undefined when its test must run. */
export const notApplicable = (ctx: ContractContext, aspect: ContractAspect): string | undefined =>
  ctx.capabilities.notApplicable?.[aspect];

/** The hook a running aspect needs; fails the test (never skips it) when the adapter gave none. */
export const requireHook = <K extends keyof ContractSubject>(
  subject: ContractSubject,
  hook: K,
  aspect: ContractAspect,
): NonNullable<ContractSubject[K]> => {
  const h = subject[hook];
  if (h === undefined) {
    throw new Error(
      `the adapter provides no ${String(hook)} hook; provide it, or declare notApplicable.${aspect} with the reason`,
    );
  }
  return (typeof h === 'function' ? h.bind(subject) : h) as NonNullable<ContractSubject[K]>;
};

/**
 * Runs one test against a fresh subject and always cleans it up. Stream ids are made unique
 * per test with `prefix`, so the suite also works on a backend shared between tests.
 */
export const withSubject = async (
  ctx: ContractContext,
  body: (s: ContractSubject, prefix: string) => Promise<void>,
  options: Omit<ContractStoreOptions, 'registry'> = {},
): Promise<void> => {
  const subject = await ctx.factory({ registry: testRegistry, ...options });
  const prefix = `c${randomBytes(5).toString('hex')}-`;
  let failure: unknown;
  try {
    await body(subject, prefix);
  } catch (e) {
    failure = e;
  }
  try {
    // Subscriptions a failed test left running stop before the store closes.
    const left = [...running];
    running.clear();
    await Promise.all(left.map((s) => s.stop()));
    await subject.cleanup();
  } catch (e) {
    if (failure === undefined) failure = e;
  }
  if (failure !== undefined) throw failure;
};

/** The events of this test (streams starting with `prefix`), in the order read. */
export const ours = (events: readonly RecordedEvent[], prefix: string): RecordedEvent[] =>
  events.filter((e) => e.streamId.startsWith(prefix));

/** Reads the whole log forwards and keeps this test's events. */
export const readOurs = async (store: EventStore, prefix: string): Promise<RecordedEvent[]> =>
  ours(await collect(store.readAll()), prefix);

/** Awaits a rejection and returns the error, failing when the promise resolves. */
export const rejectionOf = async (p: Promise<unknown>): Promise<unknown> => {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection, but the operation succeeded');
};

/** Iterates an async iterable to the end and returns what it threw (failing if nothing). */
export const iterationError = async (items: AsyncIterable<unknown>): Promise<unknown> =>
  rejectionOf(collect(items));

/** Polls `done` until it is true; fails naming `what` after `timeoutMs` (a liveness bound, not a timing assertion). */
export const waitUntil = async (
  done: () => boolean,
  timeoutMs: number,
  what: () => string,
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs} ms waiting for ${what()}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

/** `p`, or a failure naming `what` if it has not settled after `timeoutMs`. */
export const withinDeadline = async <A>(p: Promise<A>, timeoutMs: number, what: string): Promise<A> => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`gave up after ${timeoutMs} ms waiting for ${what}`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([p, deadline]);
  } finally {
    clearTimeout(timer);
  }
};

/** A subscription that records what it receives. */
export interface Recorder {
  readonly events: RecordedEvent[];
  readonly caughtUp: { count: number; deliveredAtSignal: number[] };
  readonly errors: unknown[];
  readonly subscription: Subscription;
  /** Waits until `n` events of this test (stream prefix) have arrived. */
  waitFor(n: number, prefix: string): Promise<void>;
  waitForCaughtUp(): Promise<void>;
}

/** Subscriptions made by `record` in the current test (tests of one file run one at a time). */
const running = new Set<Subscription>();

/** Subscribes and records deliveries; `slowMs` makes the handler await that long per event. */
export const record = (
  ctx: ContractContext,
  store: EventStore,
  options: { after?: Position.Position | 'start' | 'end'; filter?: EventFilter; slowMs?: number } = {},
): Recorder => {
  const events: RecordedEvent[] = [];
  const caughtUp = { count: 0, deliveredAtSignal: [] as number[] };
  const errors: unknown[] = [];
  const subscription = store.subscribeToAll(
    {
      ...(options.after === undefined ? {} : { after: options.after }),
      ...(options.filter === undefined ? {} : { filter: options.filter }),
      onCaughtUp: () => {
        caughtUp.count++;
        caughtUp.deliveredAtSignal.push(events.length);
      },
      onError: (e) => errors.push(e),
    },
    async (e) => {
      events.push(e);
      if (options.slowMs !== undefined) await new Promise((r) => setTimeout(r, options.slowMs));
    },
  );
  running.add(subscription);
  const failIfErrored = () => {
    if (errors.length > 0) throw errors[0];
  };
  return {
    events,
    caughtUp,
    errors,
    subscription,
    waitFor: async (n, prefix) => {
      await waitUntil(
        () => errors.length > 0 || ours(events, prefix).length >= n,
        ctx.deliveryTimeoutMs,
        () => `${n} events (got ${ours(events, prefix).length})`,
      );
      failIfErrored();
    },
    waitForCaughtUp: async () => {
      await waitUntil(
        () => errors.length > 0 || caughtUp.count > 0,
        ctx.deliveryTimeoutMs,
        () => 'the caught-up signal',
      );
      failIfErrored();
    },
  };
};

/** Asserts strictly increasing positions (global order, no duplicates). */
export const expectStrictlyIncreasing = (events: readonly RecordedEvent[]): void => {
  for (let i = 1; i < events.length; i++) {
    const a = events[i - 1]!;
    const b = events[i]!;
    if (Position.compare(a.position, b.position) >= 0) {
      expect.fail(
        `position ${Position.toString(b.position)} (${b.streamId}@${b.revision}) does not follow ${Position.toString(a.position)} (${a.streamId}@${a.revision})`,
      );
    }
  }
};

/** The event ids, for comparing two readings of the log. */
export const idsOf = (events: readonly { readonly eventId?: string }[]): string[] =>
  events.map((e) => e.eventId ?? '(no id)');

/** The revisions, as plain bigints. */
export const revisionsOf = (events: readonly RecordedEvent[]): bigint[] => events.map((e) => e.revision);

/** Runs `n` tasks concurrently and returns each one's outcome. */
export const settleAll = <A>(
  n: number,
  task: (i: number) => Promise<A>,
): Promise<PromiseSettledResult<A>[]> => Promise.allSettled(Array.from({ length: n }, (_, i) => task(i)));
