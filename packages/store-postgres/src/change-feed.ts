import pg from 'pg';
import { StoreKit } from '@praxis/core';

/**
 * How subscribers learn that the log moved. Appends made by this store wake local
 * subscribers at once; appends made elsewhere (another process or server) arrive through
 * LISTEN on a dedicated connection, opened when the first subscriber waits. After each
 * append the store sends a NOTIFY, outside the append's transaction and coalesced (one in
 * flight at most, at most one per 5 ms, always one after the last append), because NOTIFY inside a transaction takes a database-wide lock at
 * commit that would serialize all writers. If a wake-up is ever missed (a writer died
 * between commit and NOTIFY, the listener is reconnecting), subscribers still re-read
 * after `pollMs`.
 */
export const makeChangeFeed = (options: {
  readonly clientConfig: pg.ClientConfig;
  readonly pool: pg.Pool;
  readonly channel: string;
  readonly sendNotify: boolean;
  /** Shortest time between two NOTIFYs of this store (default 5 ms). */
  readonly notifyEveryMs?: number;
  readonly onError: (err: unknown) => void;
}) => {
  const local = StoreKit.makeChangeNotifier();
  const quoted = `"${options.channel}"`;
  let listener: pg.Client | undefined;
  let connecting: Promise<void> | undefined;
  let lastAttempt = 0;
  let closed = false;
  let notifyInFlight: Promise<void> | undefined;
  let notifyPending = false;

  const listen = (retryAfterMs: number): Promise<void> => {
    if (closed || listener !== undefined || connecting !== undefined) return connecting ?? Promise.resolve();
    if (Date.now() - lastAttempt < retryAfterMs) return Promise.resolve();
    lastAttempt = Date.now();
    const client = new pg.Client(options.clientConfig);
    const drop = (err?: unknown) => {
      if (listener === client) listener = undefined;
      client.removeAllListeners('notification');
      if (err !== undefined && !closed) options.onError(err);
      client.end().catch(() => undefined);
    };
    client.on('error', drop);
    client.on('end', () => drop());
    client.on('notification', () => local.notify());
    connecting = client
      .connect()
      .then(() => client.query(`LISTEN ${quoted}`))
      .then(
        () => {
          if (closed) return drop();
          listener = client;
          // Something may have committed while we were connecting.
          local.notify();
        },
        (err: unknown) => drop(err),
      )
      .finally(() => {
        connecting = undefined;
      });
    return connecting;
  };

  /** A burst of appends shares one NOTIFY: at most one per `notifyEveryMs`, and one after the last. */
  const notifyEveryMs = options.notifyEveryMs ?? 5;
  let timer: NodeJS.Timeout | undefined;
  let lastSent = 0;
  const sendNotify = (): void => {
    if (!options.sendNotify || closed) return;
    if (notifyInFlight !== undefined || timer !== undefined) {
      notifyPending = true;
      return;
    }
    const wait = lastSent + notifyEveryMs - Date.now();
    if (wait > 0) {
      timer = setTimeout(() => {
        timer = undefined;
        sendNotify();
      }, wait);
      return;
    }
    lastSent = Date.now();
    notifyPending = false;
    notifyInFlight = options.pool
      .query(`NOTIFY ${quoted}`)
      .then(
        () => undefined,
        (err: unknown) => options.onError(err),
      )
      .finally(() => {
        notifyInFlight = undefined;
        if (notifyPending) sendNotify();
      });
  };

  return {
    /** After an append committed (or failed): wake local subscribers, tell other processes. */
    changed: (): void => {
      local.notify();
      sendNotify();
    },
    /** The subscription loop's wait: a change, the timeout, or abort — whichever comes first. */
    wait: async (signal: AbortSignal, timeoutMs: number): Promise<void> => {
      void listen(timeoutMs);
      await local.wait(signal, timeoutMs);
    },
    /** Ends the LISTEN connection and waits for a NOTIFY still being sent. */
    close: async (): Promise<void> => {
      closed = true;
      local.notify();
      await connecting?.catch(() => undefined);
      notifyPending = false;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await notifyInFlight;
      const l = listener;
      listener = undefined;
      if (l !== undefined) {
        l.removeAllListeners('end');
        await l.end().catch(() => undefined);
      }
    },
    /** True while the LISTEN connection is up (for tests and health checks). */
    listening: (): boolean => listener !== undefined,
  };
};
