import {
  END,
  START,
  type KurrentDBClient,
  type Position as KurrentPosition,
} from '@kurrent/kurrentdb-client';
import {
  Position,
  type EventHandler,
  type EventRegistry,
  type SubscribeOptions,
  type Subscription,
} from '@praxis/core';
import { toRecorded } from './decode.js';
import { toStoreError } from './mapping/errors.js';
import { planFilter } from './mapping/filter.js';
import { fromKurrentPosition, toKurrentPosition } from './mapping/position.js';

/**
 * A Praxis subscription on KurrentDB's own catch-up subscription to $all: the server sends
 * history, then live events, in $all order, with the filter applied server-side. The handler
 * runs one event at a time (the client stream is paused meanwhile, so a slow handler only
 * makes the server wait). `onCaughtUp` fires once, when the handler has processed every event
 * received before the server's "caught up" message (servers 23.10 and later send it).
 *
 * `after: 'end'` is given as `start`, the end read by the store when `subscribeToAll` was
 * called (the server would otherwise take its end when the request arrives, after an append
 * the caller made meanwhile). A filtered subscription reports the server's checkpoints
 * (checkpoint-reached) through `onCheckpoint`, once every event received before them is handled.
 */
export const subscribeToAll = (
  client: KurrentDBClient,
  options: SubscribeOptions,
  handler: EventHandler,
  context: { registry: EventRegistry | undefined; start?: Promise<Position.Position | undefined> },
): Subscription => {
  const plan = planFilter(options.filter);
  const after = options.after;
  let stopping = false;
  let inHandler = false;
  let caughtUp = false;
  let last = after !== undefined && after !== 'start' && after !== 'end' ? after : undefined;
  /** Events still to process before the caught-up signal may fire (undefined: not signalled yet). */
  let beforeCaughtUp: number | undefined;
  /** The latest server checkpoint and the events still to process before it may be reported. */
  let checkpoint: { position: Position.Position; remaining: number } | undefined;
  let subscription: ReturnType<KurrentDBClient['subscribeToAll']> | undefined;
  const fireCaughtUp = () => {
    if (caughtUp) return;
    caughtUp = true;
    options.onCaughtUp?.();
  };
  const fireCheckpoint = () => {
    const c = checkpoint;
    if (c === undefined || c.remaining > 0) return;
    checkpoint = undefined;
    if (last === undefined || Position.compare(c.position, last) > 0) {
      last = c.position;
      options.onCheckpoint?.(c.position);
    }
  };
  const pending = () => (subscription?.readableLength ?? 0) + (inHandler ? 1 : 0);

  const run = async (): Promise<void> => {
    let from: Position.Position | 'start' | 'end' | undefined = after;
    if (after === 'end' && context.start !== undefined) {
      from = await context.start;
      if (from !== undefined) last = from;
    }
    if (stopping) return;
    const sub = client.subscribeToAll({
      fromPosition:
        from === undefined || from === 'start' ? START : from === 'end' ? END : toKurrentPosition(from),
      filter:
        options.filter === undefined || options.onCheckpoint === undefined
          ? plan.server
          : {
              ...plan.server,
              checkpointReached: (_s: unknown, position: KurrentPosition) => {
                checkpoint = { position: fromKurrentPosition(position), remaining: pending() };
                fireCheckpoint();
              },
            },
    });
    subscription = sub;
    sub.on('caughtUp', (info) => {
      const n = pending();
      // The server's end when it caught up (23.10 and later): a checkpoint past all it skipped.
      if (options.filter !== undefined && options.onCheckpoint !== undefined && info.position !== undefined) {
        checkpoint = { position: fromKurrentPosition(info.position), remaining: n };
      }
      if (n === 0) fireCaughtUp();
      else beforeCaughtUp ??= n;
      fireCheckpoint();
    });
    try {
      for await (const resolved of sub) {
        if (stopping) return;
        inHandler = true;
        try {
          const e = resolved.event;
          if (e !== undefined && plan.matches(e.type, e.streamId) && e.position !== undefined) {
            const position = fromKurrentPosition(e.position);
            if (last === undefined || Position.compare(position, last) > 0) {
              await handler(toRecorded(resolved, context.registry));
              last = position;
            }
          }
        } finally {
          inHandler = false;
        }
        if (beforeCaughtUp !== undefined && --beforeCaughtUp <= 0) fireCaughtUp();
        if (checkpoint !== undefined) {
          checkpoint.remaining--;
          fireCheckpoint();
        }
      }
    } catch (err) {
      if (stopping) return;
      throw toStoreError(err);
    }
  };

  const done = run().catch((err: unknown) => {
    options.onError?.(err);
    throw err;
  });
  done.catch(() => undefined);
  return {
    done,
    stop: async () => {
      stopping = true;
      await subscription?.unsubscribe().catch(() => undefined);
      await done.catch(() => undefined);
    },
  };
};
