import pg from 'pg';
import {
  StoreClosed,
  StoreKit,
  StreamNotFound,
  type AppendOptions,
  type AppendResult,
  type EventHandler,
  type EventRegistry,
  type EventStore,
  type NewEvent,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamRevision,
  type SubscribeOptions,
  type Subscription,
  WrongExpectedRevision,
} from '@praxis/core';
import { makeChangeFeed } from './change-feed.js';
import { appendCall, appendOutcome, appendSql, type AppendRow } from './append.js';
import { migrate, schemaNameOf } from './migrations.js';
import { toStoreError, uniqueConflictOf } from './pg-errors.js';
import { headSql, maxPosition, maxXid, readAllSql, readStreamSql } from './read-queries.js';
import { positionOf, toRecorded, type EventRow } from './rows.js';

export interface PostgresStoreOptions {
  /** `postgres://user:password@host:port/database` (or give `pool` settings in `poolConfig`). */
  readonly connectionString?: string;
  /** Extra `pg` pool settings (ssl, max connections, …); merged over `connectionString`. */
  readonly poolConfig?: pg.PoolConfig;
  /**
   * Which practice's log this store opens. Each practice lives in its own PostgreSQL schema
   * (`praxis_<practice>`); a store never reads or writes another practice's schema.
   * Lower-case letters, digits and `_`, starting with a letter.
   */
  readonly practice: string;
  /** Validate data on append and decode/upcast on read with these codecs. */
  readonly registry?: EventRegistry;
  /** Source of `recordedAt` (default: the machine clock). */
  readonly now?: () => Date;
  /** Rows fetched per query when reading (default 1000). */
  readonly pageSize?: number;
  /** Longest a live subscription waits before re-reading without a wake-up (default 1000 ms). */
  readonly pollMs?: number;
  /** Send NOTIFY after appends so other processes' subscribers wake at once (default true). */
  readonly notify?: boolean;
  /**
   * Told of background failures that do not lose data (a NOTIFY or the LISTEN connection failing,
   * an idle pooled connection dropping). Default: a console warning.
   */
  readonly onBackgroundError?: (err: unknown) => void;
}

/** The PostgreSQL store, plus what tools and tests may need beyond the port. */
export interface PostgresEventStore extends EventStore {
  /** The schema that holds this practice's log. */
  readonly schema: string;
  /** The connection pool (shared with the projection engine to write read models in SQL). */
  readonly pool: pg.Pool;
  /**
   * Appends inside a transaction the caller opened on `client` (e.g. to write a read model or
   * an outbox row atomically with the events). Same checks and result as `appendToStream`;
   * nothing is visible — and subscribers are not woken — until the caller commits.
   */
  appendInTransaction(
    client: pg.ClientBase,
    streamId: string,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult>;
}

/**
 * An event store on PostgreSQL (13 or later) for several app servers sharing one practice, or
 * many practices in one database. Opens a pool, migrates the practice's schema, and returns
 * the store. Hash chain scope is `'stream'` (see docs/decisions/postgres-chain-scope.md).
 *
 * @example
 * const store = await postgresEventStore({ connectionString: process.env.DATABASE_URL, practice: 'riverside' });
 * await store.appendToStream('Budget-2026', events, { expectedRevision: 'no_stream' });
 * await store.close();
 */
export const postgresEventStore = async (options: PostgresStoreOptions): Promise<PostgresEventStore> => {
  const schemaName = schemaNameOf(options.practice);
  const schema = `"${schemaName}"`;
  const clientConfig: pg.ClientConfig = {
    // Names the connections in pg_stat_activity, so operators can see whose they are.
    application_name: `praxis:${options.practice}`,
    ...(options.connectionString === undefined ? {} : { connectionString: options.connectionString }),
    ...options.poolConfig,
  };
  let closed = false;
  const pool = new pg.Pool({ max: 10, ...clientConfig, ...options.poolConfig });
  const background =
    options.onBackgroundError ??
    ((err: unknown) => console.warn(`[praxis] postgres store ${options.practice}: background failure`, err));
  // An idle pooled connection that dies must not crash the process; the next query reconnects.
  pool.on('error', (err) => {
    if (!closed) background(err);
  });
  try {
    const client = await pool.connect();
    try {
      await migrate(client, schemaName);
    } finally {
      client.release();
    }
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw toStoreError(err);
  }

  const registry = options.registry;
  const now = options.now ?? (() => new Date());
  const pageSize = options.pageSize ?? 1000;
  const pollMs = options.pollMs ?? 1000;
  const feed = makeChangeFeed({
    clientConfig,
    pool,
    channel: schemaName,
    sendNotify: options.notify ?? true,
    onError: background,
  });
  const subscriptions = new Set<Subscription>();

  const guard = () => {
    if (closed) throw new StoreClosed('postgres');
  };
  const query = async <R extends pg.QueryResultRow>(
    config: pg.QueryConfig,
    streamId?: string,
  ): Promise<pg.QueryResult<R>> => {
    guard();
    try {
      return await pool.query<R>(config);
    } catch (err) {
      throw toStoreError(err, streamId);
    }
  };
  /** Rows as arrays: cheaper to build than objects when reading many events. */
  const queryRows = async (config: pg.QueryConfig): Promise<EventRow[]> => {
    guard();
    try {
      const result = await pool.query<EventRow>({ ...config, rowMode: 'array' });
      return result.rows;
    } catch (err) {
      throw toStoreError(err);
    }
  };
  const appendText = appendSql(schema);
  const appendName = `praxis:${schemaName}:append`;
  const maxConflictAttempts = 20;

  const appendToStream = async (
    streamId: string,
    events: readonly NewEvent[],
    opts?: AppendOptions,
  ): Promise<AppendResult> => {
    guard();
    const call = appendCall(streamId, events, opts, registry, now().toISOString());
    await endsBeingRead();
    try {
      for (let attempt = 1; ; attempt++) {
        guard();
        try {
          const { rows } = await pool.query<AppendRow>({
            name: appendName,
            text: appendText,
            values: call.values,
          });
          return appendOutcome(streamId, call, rows);
        } catch (err) {
          const conflict = uniqueConflictOf(err);
          if (conflict === undefined || attempt >= maxConflictAttempts) throw toStoreError(err, streamId);
          // Another transaction took the revision or an id first (the stream lock normally
          // prevents it). An exact expectation has failed; otherwise look again.
          if (
            conflict === 'revision' &&
            (typeof call.expected === 'bigint' || call.expected === 'no_stream')
          ) {
            throw new WrongExpectedRevision(streamId, call.expected, await streamRevision(streamId));
          }
        }
      }
    } finally {
      // Also after a failure: a rolled-back append held back the visible horizon until now.
      feed.changed();
    }
  };

  const appendInTransaction = async (
    client: pg.ClientBase,
    streamId: string,
    events: readonly NewEvent[],
    opts?: AppendOptions,
  ): Promise<AppendResult> => {
    guard();
    const call = appendCall(streamId, events, opts, registry, now().toISOString());
    await endsBeingRead();
    try {
      const { rows } = await client.query<AppendRow>({ text: appendText, values: call.values });
      // Delivered at COMMIT (and dropped on ROLLBACK), like the rows themselves.
      await client.query("SELECT pg_notify($1, '')", [schemaName]);
      return appendOutcome(streamId, call, rows);
    } catch (err) {
      if (uniqueConflictOf(err) === 'revision') {
        throw new WrongExpectedRevision(streamId, call.expected, await streamRevision(streamId));
      }
      throw toStoreError(err, streamId);
    }
  };

  async function* readStream(streamId: string, opts?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    guard();
    const args = StoreKit.checkReadStreamArguments(streamId, opts);
    const direction = args.direction;
    const sql = readStreamSql(schema, direction);
    let from = args.fromRevision ?? (direction === 'forwards' ? 0n : BigInt(maxPosition));
    let left = args.maxCount;
    if (left === 0 && (await streamRevision(streamId)) === 'no_stream') throw new StreamNotFound(streamId);
    let firstPage = true;
    while (left > 0) {
      const limit = Math.min(left, pageSize);
      const rows = await queryRows({ ...sql, values: [streamId, from.toString(), limit] });
      if (firstPage && rows.length === 0 && (await streamRevision(streamId)) === 'no_stream') {
        throw new StreamNotFound(streamId);
      }
      firstPage = false;
      for (const row of rows) yield toRecorded(row, registry);
      left -= rows.length;
      if (rows.length < limit) return;
      const last = BigInt(rows[rows.length - 1]![3]);
      from = direction === 'forwards' ? last + 1n : last - 1n;
      if (from < 0n) return;
    }
  }

  async function* readAll(given?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    guard();
    const checked = StoreKit.checkReadAllOptions(given);
    const opts = checked.options;
    const direction = checked.direction;
    const types = checked.filter?.eventTypes;
    const prefix = checked.filter?.streamPrefix;
    const prefixes = prefix === undefined ? undefined : typeof prefix === 'string' ? [prefix] : [...prefix];
    const sql = readAllSql(schema, direction, types !== undefined, prefixes !== undefined);
    const decodeWith = opts.asStored === true ? undefined : registry;
    // Inclusive `fromPosition` as a strict bound: positions' second part is an integer sequence.
    let xid: string;
    let pos: bigint;
    if (opts.fromPosition === undefined) {
      xid = direction === 'forwards' ? '0' : maxXid;
      pos = direction === 'forwards' ? -1n : BigInt(maxPosition);
    } else {
      xid = opts.fromPosition.commit.toString();
      pos = opts.fromPosition.prepare + (direction === 'forwards' ? -1n : 1n);
    }
    let left = checked.maxCount;
    if (left <= 0) return;
    const fetchPage = (afterXid: string, afterPos: string, limit: number): Promise<EventRow[]> => {
      const values: unknown[] = [afterXid, afterPos, limit];
      if (types !== undefined) values.push(types);
      if (prefixes !== undefined) values.push(prefixes);
      const page = queryRows({ ...sql, values });
      // Awaited below; if the caller stops iterating first, its outcome no longer matters.
      page.catch(() => undefined);
      return page;
    };
    let limit = Math.min(left, pageSize);
    let next = fetchPage(xid, pos.toString(), limit);
    for (;;) {
      const rows = await next;
      left -= rows.length;
      const more = rows.length === limit && left > 0;
      if (more) {
        // Ask for the next page now, so the server works while this one is decoded.
        const last = rows[rows.length - 1]!;
        limit = Math.min(left, pageSize);
        next = fetchPage(last[0], last[1], limit);
      }
      for (const row of rows) yield toRecorded(row, decodeWith);
      if (!more) return;
    }
  }

  const streamRevision = async (streamId: string): Promise<StreamRevision> => {
    const { rows } = await query<{ revision: string }>({
      name: `praxis:${schemaName}:revision`,
      text: `SELECT max(revision) AS revision FROM ${schema}.events WHERE stream_id = $1`,
      values: [streamId],
    });
    const r = BigInt(rows[0]?.revision ?? -1);
    return r < 0n ? 'no_stream' : r;
  };

  const headPosition = async (): Promise<Position.Position | undefined> => {
    const { rows } = await query<{ xid_text: string; position: string }>(headSql(schema));
    const r = rows[0];
    return r === undefined ? undefined : positionOf(r.xid_text, r.position);
  };

  /**
   * `after: 'end'` is read with a query; until it returns, this store's appends wait, so an
   * append made after `subscribeToAll` returned cannot commit before the end was read (and be
   * skipped as "history"). Appends from other processes have no such order to keep.
   */
  const readingEnds = new Set<Promise<unknown>>();
  const endsBeingRead = async (): Promise<void> => {
    if (readingEnds.size > 0) await Promise.all([...readingEnds].map((p) => p.catch(() => undefined)));
  };

  const subscribeToAll = (given: SubscribeOptions, handler: EventHandler): Subscription => {
    guard();
    const opts = StoreKit.checkSubscribeArguments(given, handler);
    let end: Promise<Position.Position | undefined> | undefined;
    if (opts.after === 'end') {
      const reading = headPosition();
      end = reading;
      readingEnds.add(reading);
      const forget = () => readingEnds.delete(reading);
      reading.then(forget, forget);
    }
    const sub = StoreKit.runSubscription({ readAll, headPosition, waitForChange: feed.wait }, opts, handler, {
      pageSize,
      pollMs,
      ...(end === undefined ? {} : { end }),
    });
    subscriptions.add(sub);
    void sub.done.then(
      () => subscriptions.delete(sub),
      () => subscriptions.delete(sub),
    );
    return sub;
  };

  return {
    kind: 'postgres',
    chainScope: 'stream',
    schema: schemaName,
    pool,
    appendToStream,
    appendInTransaction,
    readStream,
    readAll,
    subscribeToAll,
    streamRevision: async (id) => {
      guard();
      return streamRevision(StoreKit.checkStreamId(id));
    },
    headPosition: async () => {
      guard();
      return headPosition();
    },
    waitForChange: async (signal, timeoutMs) => {
      guard();
      return feed.wait(signal, timeoutMs);
    },
    close: async () => {
      if (closed) return;
      await Promise.all([...subscriptions].map((s) => s.stop()));
      closed = true;
      await feed.close();
      await pool.end();
    },
  };
};
