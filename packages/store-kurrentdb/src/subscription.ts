import { END, START, type KurrentDBClient } from '@kurrent/kurrentdb-client';
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
 */
export const subscribeToAll = (
  client: KurrentDBClient,
  options: SubscribeOptions,
  handler: EventHandler,
  context: { registry: EventRegistry | undefined },
): Subscription => {
  const plan = planFilter(options.filter);
  const after = options.after;
  const subscription = client.subscribeToAll({
    fromPosition:
      after === undefined || after === 'start' ? START : after === 'end' ? END : toKurrentPosition(after),
    filter: plan.server,
  });
  let stopping = false;
  let inHandler = false;
  let caughtUp = false;
  /** Events still to process before the caught-up signal may fire (undefined: not signalled yet). */
  let beforeCaughtUp: number | undefined;
  const fireCaughtUp = () => {
    if (caughtUp) return;
    caughtUp = true;
    options.onCaughtUp?.();
  };
  subscription.on('caughtUp', () => {
    const pending = subscription.readableLength + (inHandler ? 1 : 0);
    if (pending === 0) fireCaughtUp();
    else beforeCaughtUp ??= pending;
  });

  const run = async (): Promise<void> => {
    let last = after !== undefined && after !== 'start' && after !== 'end' ? after : undefined;
    try {
      for await (const resolved of subscription) {
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
      await subscription.unsubscribe().catch(() => undefined);
      await done.catch(() => undefined);
    },
  };
};
