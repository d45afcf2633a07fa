import Database from 'better-sqlite3';
import {
  Position,
  StoreClosed,
  StoreKit,
  InvalidArgument,
  PraxisError,
  StoreUnavailable,
  StreamNotFound,
  WrongExpectedRevision,
  chainHash,
  type AppendOptions,
  type AppendResult,
  type EventHandler,
  type EventRegistry,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamRevision,
  type SubscribeOptions,
  type Subscription,
} from '@praxis/core';
import { applyMigrations } from './migrations.js';
import { inspectPracticeFile, praxisApplicationId } from './practice-file.js';
import { pagedEvents } from './paged-events.js';
import { readAllStatement, rowColumns, type ReadAllPage, type StoredRowArray } from './read-all-query.js';
import { eventMigrations, eventsComponent } from './schema.js';
import { isBusy, isEventIdTaken, toStoreError } from './sqlite-errors.js';

export interface SqliteStoreOptions {
  /** The database file (created when missing). `':memory:'` works for throwaway use. */
  readonly path: string;
  /** Validate data on append and decode/upcast on read with these codecs. */
  readonly registry?: EventRegistry;
  /**
   * `'FULL'` (default): an acknowledged append survives a power cut. `'NORMAL'`: it survives a
   * process crash, and the last commits may be lost on power failure, for about 2–3× the append rate.
   */
  readonly synchronous?: 'FULL' | 'NORMAL';
  /**
   * How long an append waits for another connection's write transaction (default 5 000 ms) before
   * failing with StoreUnavailable. The wait yields to the event loop (short synchronous waits of 20 ms).
   */
  readonly busyTimeoutMs?: number;
  /**
   * How often, while a subscriber or live projection waits, the store asks SQLite whether
   * another connection (usually another process) committed — `PRAGMA data_version`, a read of
   * shared memory, no disk I/O (default 25 ms). Appends by this store wake waiters at once.
   */
  readonly pollIntervalMs?: number;
  /** Rows per keyset page when reading (default 1 000); memory use of a read is bounded by it. */
  readonly pageSize?: number;
  /** Source of `recordedAt` (default: the machine clock). */
  readonly now?: () => Date;
  /**
   * `true` (default): a missing or empty (0-byte) file becomes a new practice. `false`: only an
   * existing practice is opened; a missing or empty file is refused (NotAPractice). Either way a
   * file that is not a Praxis practice (another program's database, not a database) is refused
   * and left untouched. Practice files carry SQLite `application_id` 0x50525853 ("PRXS").
   */
  readonly create?: boolean;
}

/** The SQLite store: the EventStore port plus access to its file for packages that share it. */
export interface SqliteEventStore extends EventStore {
  readonly kind: 'sqlite';
  /** The file this store writes. */
  readonly path: string;
  /**
   * The underlying better-sqlite3 connection, for packages that keep their own tables in the
   * same file (read models, checkpoints) and must write them in one transaction with their reads.
   * Register their schema with `applyMigrations(store.database, '<component>', migrations)`.
   * Never write the `events` table through it.
   */
  readonly database: Database.Database;
  /** Wakes on this store's appends at once, and on other connections' within `pollIntervalMs`. */
  waitForChange(signal: AbortSignal, timeoutMs: number): Promise<void>;
}

type Row = StoredRowArray;

/** An append waiting for the next group commit. */
interface QueuedAppend {
  readonly streamId: string;
  readonly prepared: readonly StoreKit.PreparedEvent[];
  readonly expected: ExpectedRevision;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

/** What one append of a group commit came to. */
type Outcome =
  { readonly ok: true; readonly result: AppendResult } | { readonly ok: false; readonly error: unknown };

/** Most appends one group commit takes; the rest wait for the next (bounds a transaction's size). */
const maxBatch = 256;

/**
 * The first row position a read from `p` (inclusive) may return. Rows sit at (n, n); a position
 * from elsewhere with prepare ≠ commit falls between two rows.
 */
const firstRowAt = (p: Position.Position, backwards: boolean): bigint => {
  if (backwards) return p.prepare < p.commit ? p.commit - 1n : p.commit;
  return p.prepare > p.commit ? p.commit + 1n : p.commit;
};
const maxInteger = 9223372036854775807n;

/**
 * An event store in one SQLite file (WAL mode, durable by default). Several processes may
 * share the file: every append is a BEGIN IMMEDIATE transaction that reads the stream's
 * revision and the chain's last hash inside the write lock.
 *
 * @example
 * const store = sqliteEventStore({ path: 'practice.db', registry });
 * await store.appendToStream('Budget-2026', [event], { expectedRevision: 'no_stream' });
 */
export const sqliteEventStore = (options: SqliteStoreOptions): SqliteEventStore => {
  const { path, registry } = options;
  const pageSize = Math.max(1, options.pageSize ?? 1_000);
  const busyTimeoutMs = Math.max(0, options.busyTimeoutMs ?? 5_000);
  const now = options.now ?? (() => new Date());
  const db = openDatabase(options);

  const q = (sql: string) => db.prepare(sql).safeIntegers(true);
  const st = {
    revision: q(`SELECT revision FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1`).pluck(),
    lastPositionOfStream: q(
      `SELECT position FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1`,
    ).pluck(),
    lastHash: q(`SELECT hash FROM events ORDER BY position DESC LIMIT 1`).pluck(),
    head: q(`SELECT max(position) FROM events`).pluck(),
    byEventId: q(`SELECT stream_id, revision FROM events WHERE event_id = ?`).raw(),
    positionsBetween: q(
      `SELECT position FROM events WHERE stream_id = ? AND revision BETWEEN ? AND ? ORDER BY revision`,
    ).pluck(),
    insert: q(
      `INSERT INTO events (event_id, stream_id, revision, type, schema_version, data, metadata, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    streamForwards: q(
      `SELECT ${rowColumns(false)} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`,
    ).raw(),
    streamBackwards: q(
      `SELECT ${rowColumns(false)} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
    ).raw(),
  };
  const readAllStatements = new Map<string, Database.Statement>();
  const notifier = StoreKit.makeChangeNotifier();
  const changes = watchOtherConnections(db, notifier, Math.max(1, options.pollIntervalMs ?? 25));
  const subscriptions = new Set<Subscription>();
  let closed = false;

  const guard = () => {
    if (closed) throw new StoreClosed('sqlite');
  };
  const revisionOf = (streamId: string): StreamRevision =>
    (st.revision.get(streamId) as bigint | undefined) ?? 'no_stream';

  const mapError = (e: unknown) => toStoreError(e, path);
  /** A row as an event: decoded with `codecs` (undefined: as stored); `knownStream` when not selected. */
  const toRecorded = (
    r: Row,
    knownStream: string,
    codecs: EventRegistry | undefined,
    withText = false,
  ): RecordedEvent => {
    const position = Position.make(r[0]);
    const streamId = r[2] ?? knownStream;
    const revision = r[3];
    const type = r[4];
    const decoded = StoreKit.decodeStored(
      { streamId, revision, position, type, schemaVersion: Number(r[5]), data: r[6], metadata: r[7] },
      codecs,
    );
    const hashes = r[8];
    const split = hashes.length - 64;
    // Events read are immutable on every store (decodeStored froze data and metadata).
    return Object.freeze({
      eventId: r[1],
      streamId,
      revision,
      position,
      type,
      schemaVersion: decoded.schemaVersion,
      data: decoded.data,
      metadata: decoded.metadata as unknown as RecordedEvent['metadata'],
      prevHash: split === 0 ? '' : hashes.slice(0, split),
      hash: split === 0 ? hashes : hashes.slice(split),
      ...(withText ? { storedText: { data: r[6], metadata: r[7] } } : {}),
    });
  };
  const decoding = (r: Row) => toRecorded(r, '', registry);
  const asStored = (r: Row) => toRecorded(r, '', undefined, true);

  /** Thrown inside the write transaction when an event id is already stored; handled outside. */
  class EventIdTaken extends Error {}

  const appendInTransaction = (
    streamId: string,
    prepared: readonly StoreKit.PreparedEvent[],
    expected: ExpectedRevision,
    classifyFirst: boolean,
  ): AppendResult => {
    const current = revisionOf(streamId);
    if (classifyFirst) {
      const ids = prepared.map((p) => p.eventId);
      const found = new Map<string, StoreKit.ExistingEvent>();
      for (const id of ids) {
        const hit = st.byEventId.get(id) as [string, bigint] | undefined;
        if (hit !== undefined) found.set(id, { streamId: hit[0], revision: hit[1] });
      }
      const retry = StoreKit.classifyRetry(streamId, ids, found, expected, current);
      if (retry.kind === 'replay') {
        const positions = (st.positionsBetween.all(streamId, retry.first, retry.last) as bigint[]).map((p) =>
          Position.make(p),
        );
        // The original append's result: its positions and the revision it left the stream at.
        return { nextExpectedRevision: retry.last, position: positions[positions.length - 1]!, positions };
      }
    }
    StoreKit.checkExpectedRevision(streamId, expected, current);
    if (prepared.length === 0) {
      const last = st.lastPositionOfStream.get(streamId) as bigint | undefined;
      return { nextExpectedRevision: current, position: Position.make(last ?? 0n), positions: [] };
    }
    let revision = current === 'no_stream' ? -1n : current;
    let prevHash = (st.lastHash.get() as string | undefined) ?? '';
    const positions: Position.Position[] = [];
    for (const p of prepared) {
      revision += 1n;
      const hash = chainHash(prevHash, {
        eventId: p.eventId,
        streamId,
        revision,
        type: p.type,
        schemaVersion: p.schemaVersion,
        data: p.data,
        metadata: p.metadata,
      });
      let info: Database.RunResult;
      try {
        info = st.insert.run(
          p.eventId,
          streamId,
          revision,
          p.type,
          p.schemaVersion,
          JSON.stringify(p.data),
          JSON.stringify(p.metadata),
          prevHash,
          hash,
        );
      } catch (e) {
        if (!classifyFirst && isEventIdTaken(e)) throw new EventIdTaken();
        throw e;
      }
      positions.push(Position.make(BigInt(info.lastInsertRowid)));
      prevHash = hash;
    }
    return { nextExpectedRevision: revision, position: positions[positions.length - 1]!, positions };
  };
  const appendTransaction = db.transaction(appendInTransaction);

  /**
   * One append inside the batch's transaction, in savepoints of its own (better-sqlite3 nests a
   * transaction function as SAVEPOINT … RELEASE): its failure rolls back only its own rows.
   */
  const appendOne = (a: QueuedAppend): AppendResult => {
    try {
      // Fast path: no look-up of the ids; the UNIQUE index tells us when one is already stored.
      return appendTransaction(a.streamId, a.prepared, a.expected, false);
    } catch (e) {
      const retryable =
        e instanceof EventIdTaken || (WrongExpectedRevision.isInstance(e) && a.prepared.length > 0);
      if (!retryable || !db.inTransaction) throw e;
      // Maybe a retry of an earlier append (contract 11–14): decide with the ids looked up.
      return appendTransaction(a.streamId, a.prepared, a.expected, true);
    }
  };

  /**
   * Group commit: every append queued since the last commit runs in one BEGIN IMMEDIATE
   * transaction — one fsync for all of them — in the order they were called, each with its own
   * expected-revision check, chain link and outcome. Only a failure that ends the whole
   * transaction (SQLite rolls it back on disk full or an I/O error) fails the batch, and then
   * nothing of it is stored.
   */
  const commitBatch = db.transaction((batch: readonly QueuedAppend[]): Outcome[] =>
    batch.map((a): Outcome => {
      try {
        return { ok: true, result: appendOne(a) };
      } catch (e) {
        if (!db.inTransaction) throw e;
        return { ok: false, error: e };
      }
    }),
  );

  /**
   * Another connection (usually another process) holds the write lock past the short
   * synchronous wait: keep trying, yielding to the event loop between tries, until busyTimeoutMs.
   */
  const waitForWriteLock = async <A>(attempt: () => A): Promise<A> => {
    const deadline = Date.now() + busyTimeoutMs;
    for (let pause = 1; ; pause = Math.min(pause * 2, 50)) {
      await new Promise((r) => setTimeout(r, pause));
      guard();
      try {
        return attempt();
      } catch (e) {
        if (!isBusy(e) || Date.now() >= deadline) throw e;
      }
    }
  };

  let queue: QueuedAppend[] = [];
  let flushScheduled = false;
  let writing = false;

  const scheduleFlush = () => {
    if (flushScheduled || writing || queue.length === 0) return;
    flushScheduled = true;
    // After the current turn of the event loop: every command handler that reaches its append
    // in this turn (their loads are synchronous reads behind promises) joins the same commit.
    setImmediate(flush);
  };

  const flush = () => {
    flushScheduled = false;
    if (writing || queue.length === 0) return;
    const batch = queue.length <= maxBatch ? queue : queue.slice(0, maxBatch);
    queue = queue.length <= maxBatch ? [] : queue.slice(maxBatch);
    writing = true;
    const settle = (outcomes: readonly Outcome[] | undefined, failure?: unknown) => {
      writing = false;
      let appended = false;
      batch.forEach((a, i) => {
        const o = outcomes?.[i];
        if (o === undefined) a.reject(toStoreError(failure, path));
        else if (o.ok) {
          if (o.result.positions.length > 0) appended = true;
          a.resolve(o.result);
        } else a.reject(toStoreError(o.error, path));
      });
      if (appended) notifier.notify();
      scheduleFlush();
    };
    let outcomes: Outcome[];
    try {
      guard();
      outcomes = commitBatch.immediate(batch);
    } catch (e) {
      if (closed || !isBusy(e)) return settle(undefined, e);
      waitForWriteLock(() => commitBatch.immediate(batch)).then(
        (o) => settle(o),
        (err: unknown) => settle(undefined, err),
      );
      return;
    }
    settle(outcomes);
  };

  const appendToStream = async (
    streamId: string,
    events: readonly NewEvent[],
    opts?: AppendOptions,
  ): Promise<AppendResult> => {
    guard();
    const { expected, prepared } = StoreKit.prepareAppendCall(
      streamId,
      events,
      opts,
      registry,
      now().toISOString(),
    );
    return new Promise<AppendResult>((resolve, reject) => {
      queue.push({ streamId, prepared, expected, resolve, reject });
      scheduleFlush();
    });
  };

  const readStream = (streamId: string, opts?: ReadStreamOptions): AsyncIterable<RecordedEvent> =>
    checkedOnIteration(() => {
      guard();
      const args = StoreKit.checkReadStreamArguments(streamId, opts);
      return readStreamChecked(
        args.streamId,
        args.direction === 'backwards',
        args.fromRevision,
        args.maxCount,
      );
    });

  const readStreamChecked = (
    streamId: string,
    backwards: boolean,
    fromRevision: bigint | undefined,
    maxCount: number,
  ): AsyncIterable<RecordedEvent> => {
    let next: bigint = fromRevision ?? (backwards ? maxInteger : 0n);
    return pagedEvents<Row, RecordedEvent>({
      fetch: (limit) => {
        const rows = (backwards ? st.streamBackwards : st.streamForwards).all(streamId, next, limit) as Row[];
        const last = rows[rows.length - 1];
        if (last !== undefined) next = backwards ? last[3] - 1n : last[3] + 1n;
        return rows;
      },
      pageSize,
      maxCount: () => maxCount,
      toEvent: (r) => toRecorded(r, streamId, registry),
      guard,
      onEmpty: () => {
        if (revisionOf(streamId) === 'no_stream') throw new StreamNotFound(streamId);
      },
      mapError,
    });
  };

  const readAll = (given?: ReadAllOptions): AsyncIterable<RecordedEvent> =>
    checkedOnIteration(() => {
      guard();
      const checked = StoreKit.checkReadAllOptions(given);
      return readAllChecked(checked.options, checked.direction === 'backwards', checked.maxCount);
    });

  const readAllChecked = (
    opts: ReadAllOptions,
    backwards: boolean,
    maxCount: number,
  ): AsyncIterable<RecordedEvent> => {
    let statement: ReadAllPage | undefined;
    let next: bigint =
      opts.fromPosition === undefined
        ? backwards
          ? maxInteger
          : 0n
        : firstRowAt(opts.fromPosition, backwards);
    return pagedEvents<Row, RecordedEvent>({
      fetch: (limit) => {
        statement ??= readAllStatement(db, readAllStatements, backwards, opts.filter);
        const rows = statement.run(next, limit);
        const last = rows[rows.length - 1];
        if (last !== undefined) next = backwards ? last[0] - 1n : last[0] + 1n;
        return rows;
      },
      pageSize,
      maxCount: () => maxCount,
      toEvent: opts.asStored === true ? asStored : decoding,
      guard,
      mapError,
    });
  };

  const headPosition = async (): Promise<Position.Position | undefined> => {
    guard();
    const head = st.head.get() as bigint | null;
    return head === null ? undefined : Position.make(head);
  };

  const subscribeToAll = (given: SubscribeOptions, handler: EventHandler): Subscription => {
    guard();
    const opts = StoreKit.checkSubscribeArguments(given, handler);
    const sub = StoreKit.runSubscription(
      {
        readAll: (o) => readAll(o),
        headPosition,
        waitForChange: changes.wait,
      },
      opts,
      handler,
      // data_version wakes waiters; the timeout is only a safety net.
      { pageSize: pageSize, pollMs: 5_000 },
    );
    subscriptions.add(sub);
    sub.done.then(
      () => subscriptions.delete(sub),
      () => subscriptions.delete(sub),
    );
    return sub;
  };

  return {
    kind: 'sqlite',
    chainScope: 'log',
    path,
    database: db,
    appendToStream,
    readStream,
    readAll,
    subscribeToAll,
    streamRevision: async (streamId) => {
      guard();
      return revisionOf(StoreKit.checkStreamId(streamId));
    },
    headPosition,
    waitForChange: async (signal, timeoutMs) => {
      guard();
      return changes.wait(signal, timeoutMs);
    },
    close: async () => {
      if (closed) return;
      await Promise.all([...subscriptions].map((s) => s.stop()));
      // Appends already called are committed (or fail) before the file closes.
      while (queue.length > 0 || writing) {
        if (!writing) flush();
        else await new Promise((r) => setTimeout(r, 1));
      }
      closed = true;
      changes.stop();
      notifier.notify();
      db.close();
    },
  };
};

/**
 * Wakes waiters when another connection commits to the file: while anyone waits, checks
 * `PRAGMA data_version` (it changes when another connection commits; a read of the WAL index
 * in shared memory) every `everyMs`. Nobody waiting: no timer.
 */
const watchOtherConnections = (
  db: Database.Database,
  notifier: ReturnType<typeof StoreKit.makeChangeNotifier>,
  everyMs: number,
) => {
  let waiting = 0;
  let timer: NodeJS.Timeout | undefined;
  let version: number | undefined;
  let stopped = false;
  const check = () => {
    if (stopped || !db.open) return;
    let now: number;
    try {
      now = db.pragma('data_version', { simple: true }) as number;
    } catch {
      return; // busy or closing: the next tick (or the waiter's timeout) tries again
    }
    if (version !== undefined && now !== version) notifier.notify();
    version = now;
  };
  return {
    wait: async (signal: AbortSignal, timeoutMs: number): Promise<void> => {
      if (stopped) return;
      waiting++;
      if (timer === undefined) {
        check();
        timer = setInterval(check, everyMs);
        timer.unref();
      }
      try {
        await notifier.wait(signal, timeoutMs);
      } finally {
        if (--waiting === 0 && timer !== undefined) {
          clearInterval(timer);
          timer = undefined;
          version = undefined;
        }
      }
    },
    stop: () => {
      stopped = true;
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    },
  };
};

/** An iterable whose arguments are checked when iteration starts, as every store does. */
const checkedOnIteration = <A>(open: () => AsyncIterable<A>): AsyncIterable<A> => ({
  [Symbol.asyncIterator]: () => {
    let inner: AsyncIterator<A>;
    try {
      inner = open()[Symbol.asyncIterator]();
    } catch (e) {
      let thrown = false;
      return {
        next: () => {
          if (thrown) return Promise.resolve({ done: true, value: undefined });
          thrown = true;
          return Promise.reject(e as Error);
        },
      };
    }
    return inner;
  },
});

/** How long better-sqlite3 may block the event loop waiting for a lock, per try. */
const syncBusyMs = 20;

/** Opens the file, refuses a newer schema untouched, sets WAL and durability, migrates. */
const openDatabase = (options: SqliteStoreOptions): Database.Database => {
  const { path } = options;
  const synchronous = options.synchronous ?? 'FULL';
  if (synchronous !== 'FULL' && synchronous !== 'NORMAL') {
    throw new InvalidArgument('synchronous', `must be 'FULL' or 'NORMAL', not ${String(synchronous)}`);
  }
  let db: Database.Database | undefined;
  try {
    const found = inspectPracticeFile(path, options.create ?? true, eventsComponent, eventMigrations);
    db = new Database(path);
    const busyTimeoutMs = Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5_000));
    // Opening may wait the whole busy timeout (another process migrating or appending)…
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    applyMigrations(db, eventsComponent, eventMigrations);
    if (found.kind !== 'practice' || !found.marked) db.pragma(`application_id = ${praxisApplicationId}`);
    // …appends then wait briefly per try and yield to the event loop between tries (appendToStream).
    db.pragma(`busy_timeout = ${Math.min(syncBusyMs, busyTimeoutMs)}`);
    return db;
  } catch (e) {
    db?.close();
    const mapped = toStoreError(e, path);
    if (PraxisError.isPraxisError(mapped)) throw mapped;
    throw new StoreUnavailable('sqlite', `cannot open ${path}: ${(e as Error).message}`, { cause: e });
  }
};
