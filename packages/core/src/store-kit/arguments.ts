import type {
  AppendOptions,
  EventFilter,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
} from '../event-store.js';
import { InvalidArgument } from '../errors/invalid-argument.js';

/**
 * The argument checks every store runs before it touches its backend, so that every store
 * refuses the same calls with the same typed error (InvalidArgument naming the argument).
 * See docs/store-contract.md ("Arguments") and docs/decisions/contract-one-input-rule.md.
 */

/** Longest stream id, in UTF-8 bytes (a PostgreSQL btree entry holds at most ~2 700 bytes). */
export const maxStreamIdBytes = 1_000;

/**
 * Why a string cannot be stored by every backend, or undefined when it can: PostgreSQL's text
 * and jsonb refuse U+0000, and a lone UTF-16 surrogate has no UTF-8 form (a driver would
 * silently replace it with U+FFFD).
 */
export const unstorableText = (s: string): string | undefined => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) return `contains U+0000 (NUL) at index ${i}`;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return `contains a lone surrogate (U+${c.toString(16).toUpperCase()}) at index ${i}`;
    }
    if (c >= 0xdc00 && c <= 0xdfff)
      return `contains a lone surrogate (U+${c.toString(16).toUpperCase()}) at index ${i}`;
  }
  return undefined;
};

const utf8Bytes = (s: string): number => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
};

/** A value, shortly, for an error message (never throws, whatever the value). */
export const describeValue = (v: unknown): string => {
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v);
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'symbol' || typeof v === 'function') return `a ${typeof v}`;
  if (Array.isArray(v)) return 'an array';
  return v === null ? 'null' : typeof v === 'object' ? 'an object' : String(v);
};

/** A text argument every backend can store: a string, without NUL or lone surrogates. */
export const checkText = (argument: string, value: unknown, options: { nonEmpty?: boolean } = {}): string => {
  if (typeof value !== 'string')
    throw new InvalidArgument(argument, `must be a string, not ${describeValue(value)}`);
  if (options.nonEmpty === true && value.length === 0)
    throw new InvalidArgument(argument, 'must not be empty');
  const bad = unstorableText(value);
  if (bad !== undefined) throw new InvalidArgument(argument, `${describeValue(value)} ${bad}`);
  return value;
};

/**
 * A stream id: a non-empty string of at most 1 000 UTF-8 bytes, storable everywhere (no NUL,
 * no lone surrogate), not starting with `$` (KurrentDB's system streams).
 */
export const checkStreamId = (streamId: unknown, argument = 'streamId'): string => {
  const s = checkText(argument, streamId, { nonEmpty: true });
  if (s.startsWith('$'))
    throw new InvalidArgument(
      argument,
      `${describeValue(s)} starts with $, which is reserved for system streams`,
    );
  if (utf8Bytes(s) > maxStreamIdBytes) {
    throw new InvalidArgument(
      argument,
      `is ${utf8Bytes(s)} bytes long in UTF-8; at most ${maxStreamIdBytes}`,
    );
  }
  return s;
};

/** An event type: a non-empty storable string not starting with `$` (KurrentDB's system events). */
export const checkEventType = (type: unknown, argument = 'type'): string => {
  const s = checkText(argument, type, { nonEmpty: true });
  if (s.startsWith('$'))
    throw new InvalidArgument(
      argument,
      `${describeValue(s)} starts with $, which is reserved for system events`,
    );
  return s;
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The canonical form of an event id: a hyphenated uuid in lower case. Every store stores,
 * compares and returns this form, so `A1B2…` and `a1b2…` are the same id everywhere.
 */
export const canonicalEventId = (eventId: unknown, argument = 'eventId'): string => {
  if (typeof eventId !== 'string' || !uuid.test(eventId)) {
    throw new InvalidArgument(
      argument,
      `${describeValue(eventId)} is not a uuid (8-4-4-4-12 hexadecimal digits)`,
    );
  }
  return eventId.toLowerCase();
};

/** The largest revision any store keeps: PostgreSQL's int8 (2^63 − 1), held on every store alike. */
const maxRevision = 2n ** 63n - 1n;

/** `'any' | 'no_stream' | 'stream_exists' | bigint` from 0 to 2^63 − 1, or InvalidArgument. */
export const checkExpectedRevisionArgument = (expected: unknown): ExpectedRevision => {
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return expected;
  if (typeof expected === 'bigint' && expected >= 0n && expected <= maxRevision) return expected;
  throw new InvalidArgument(
    'expectedRevision',
    `${describeValue(expected)} is not 'any', 'no_stream', 'stream_exists' or a bigint from 0 to 2^63 − 1`,
  );
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const optionsObject = <T>(argument: string, value: unknown): T => {
  if (value === undefined) return {} as T;
  if (!isRecord(value)) throw new InvalidArgument(argument, `must be an object, not ${describeValue(value)}`);
  return value as T;
};

/** The append's options with the expected revision checked (default `'any'`). */
export const checkAppendOptions = (options: unknown): { expectedRevision: ExpectedRevision } => {
  const o = optionsObject<AppendOptions>('options', options);
  return { expectedRevision: checkExpectedRevisionArgument(o.expectedRevision ?? 'any') };
};

const checkDirection = (direction: unknown): 'forwards' | 'backwards' => {
  if (direction === undefined || direction === 'forwards') return 'forwards';
  if (direction === 'backwards') return 'backwards';
  throw new InvalidArgument('direction', `${describeValue(direction)} is not 'forwards' or 'backwards'`);
};

const checkMaxCount = (maxCount: unknown): number => {
  if (maxCount === undefined) return Number.POSITIVE_INFINITY;
  if (typeof maxCount !== 'number' || !Number.isSafeInteger(maxCount) || maxCount < 0) {
    throw new InvalidArgument('maxCount', `${describeValue(maxCount)} is not an integer ≥ 0`);
  }
  return maxCount;
};

/** `readStream`'s arguments, checked; `maxCount` is Infinity when not given. */
export const checkReadStreamArguments = (
  streamId: unknown,
  options: unknown,
): {
  streamId: string;
  direction: 'forwards' | 'backwards';
  fromRevision: bigint | undefined;
  maxCount: number;
} => {
  const id = checkStreamId(streamId);
  const o = optionsObject<ReadStreamOptions>('options', options);
  const fromRevision = o.fromRevision as unknown;
  if (fromRevision !== undefined && (typeof fromRevision !== 'bigint' || fromRevision < 0n)) {
    throw new InvalidArgument('fromRevision', `${describeValue(fromRevision)} is not a bigint ≥ 0`);
  }
  return {
    streamId: id,
    direction: checkDirection(o.direction),
    fromRevision: fromRevision as bigint | undefined,
    maxCount: checkMaxCount(o.maxCount),
  };
};

/** A position given by a caller: two bigints ≥ 0. */
export const checkPosition = (argument: string, p: unknown): void => {
  if (
    !isRecord(p) ||
    typeof p['commit'] !== 'bigint' ||
    typeof p['prepare'] !== 'bigint' ||
    p['commit'] < 0n ||
    p['prepare'] < 0n
  ) {
    throw new InvalidArgument(
      argument,
      `${describeValue(p)} is not a position ({ commit, prepare } as bigints ≥ 0)`,
    );
  }
};

/** A filter: `eventTypes` a list of strings, `streamPrefix` a string or a list of strings. */
export const checkFilter = (filter: unknown): EventFilter | undefined => {
  if (filter === undefined) return undefined;
  if (!isRecord(filter))
    throw new InvalidArgument('filter', `must be an object, not ${describeValue(filter)}`);
  const types = filter['eventTypes'];
  if (types !== undefined) {
    if (!Array.isArray(types))
      throw new InvalidArgument(
        'filter.eventTypes',
        `must be an array of strings, not ${describeValue(types)}`,
      );
    types.forEach((t, i) => checkText(`filter.eventTypes.${i}`, t));
  }
  const prefix = filter['streamPrefix'];
  if (prefix !== undefined) {
    if (Array.isArray(prefix)) prefix.forEach((p, i) => checkText(`filter.streamPrefix.${i}`, p));
    else checkText('filter.streamPrefix', prefix);
  }
  return filter as EventFilter;
};

/** `readAll`'s options, checked; `maxCount` is Infinity when not given. */
export const checkReadAllOptions = (
  options: unknown,
): {
  direction: 'forwards' | 'backwards';
  maxCount: number;
  filter: EventFilter | undefined;
  options: ReadAllOptions;
} => {
  const o = optionsObject<ReadAllOptions>('options', options);
  if (o.fromPosition !== undefined) checkPosition('fromPosition', o.fromPosition);
  if (o.asStored !== undefined && typeof o.asStored !== 'boolean') {
    throw new InvalidArgument('asStored', `must be a boolean, not ${describeValue(o.asStored)}`);
  }
  return {
    direction: checkDirection(o.direction),
    maxCount: checkMaxCount(o.maxCount),
    filter: checkFilter(o.filter),
    options: o,
  };
};

/** `subscribeToAll`'s arguments, checked (thrown at the call, before any subscription starts). */
export const checkSubscribeArguments = (options: unknown, handler: unknown): SubscribeOptions => {
  const o = optionsObject<SubscribeOptions>('options', options);
  const after = o.after as unknown;
  if (after !== undefined && after !== 'start' && after !== 'end') checkPosition('after', after);
  checkFilter(o.filter);
  for (const name of ['onCaughtUp', 'onError', 'onCheckpoint'] as const) {
    const f = o[name] as unknown;
    if (f !== undefined && typeof f !== 'function') {
      throw new InvalidArgument(name, `must be a function, not ${describeValue(f)}`);
    }
  }
  if (typeof handler !== 'function')
    throw new InvalidArgument('handler', `must be a function, not ${describeValue(handler)}`);
  return o;
};
