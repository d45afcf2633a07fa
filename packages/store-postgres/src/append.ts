import {
  StoreKit,
  canonicalJson,
  WrongExpectedRevision,
  type AppendOptions,
  type AppendResult,
  type EventRegistry,
  type ExpectedRevision,
  type NewEvent,
  type Position,
  type StreamRevision,
} from '@praxis/core';
import { positionOf } from './rows.js';

/** One row of `append_batch` (see migrations.ts); int8 columns arrive as text. */
export interface AppendRow {
  readonly outcome: 'ok' | 'found' | 'wrong' | 'empty';
  readonly current_revision: string;
  readonly event_id: string | null;
  readonly stream_id: string | null;
  readonly revision: string | null;
  readonly xid: string | null;
  readonly pos: string | null;
}

/** The call of the append function; `$1`…`$8` as built by `appendCall`. */
export const appendSql = (schema: string): string =>
  `SELECT * FROM ${schema}.append_batch($1, $2, $3::uuid[], $4::int[], $5::json, $6::json, $7::json, $8)`;

/** JSON array text of texts that are JSON already (written as they are, no escaping). */
const jsonArrayOf = (texts: readonly string[]): string => `[${texts.join(',')}]`;

const expectedText = (expected: ExpectedRevision): string =>
  typeof expected === 'bigint' ? expected.toString() : expected;

/** A prepared append: the checked events and the parameters of the function call. */
export interface AppendCall {
  readonly expected: ExpectedRevision;
  readonly ids: readonly string[];
  readonly values: unknown[];
}

/**
 * Checks and prepares an append on the client (ids, codecs, metadata, the canonical texts the
 * server hashes and stores) — everything that can fail before the database is asked. Each
 * event's data and metadata are written once, as canonical JSON (see `append_batch`).
 */
export const appendCall = (
  streamId: string,
  events: readonly NewEvent[],
  options: AppendOptions | undefined,
  registry: EventRegistry | undefined,
  recordedAt: string,
): AppendCall => {
  const { expected, prepared } = StoreKit.prepareAppendCall(streamId, events, options, registry, recordedAt);
  const n = prepared.length;
  const ids = new Array<string>(n);
  const versions = new Array<number>(n);
  const types = new Array<string>(n);
  const data = new Array<string>(n);
  const metadata = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const p = prepared[i]!;
    ids[i] = p.eventId;
    versions[i] = p.schemaVersion;
    types[i] = p.type;
    data[i] = canonicalJson(p.data);
    metadata[i] = canonicalJson(p.metadata);
  }
  return {
    expected,
    ids,
    values: [
      streamId,
      expectedText(expected),
      ids,
      versions,
      JSON.stringify(types),
      jsonArrayOf(data),
      jsonArrayOf(metadata),
      JSON.stringify(streamId),
    ],
  };
};

const revisionOf = (text: string): StreamRevision => {
  const r = BigInt(text);
  return r < 0n ? 'no_stream' : r;
};

const positionsInOrder = (rows: readonly AppendRow[]): Position.Position[] =>
  rows
    .map((r) => ({ revision: BigInt(r.revision!), position: positionOf(r.xid!, r.pos!) }))
    .sort((a, b) => (a.revision < b.revision ? -1 : 1))
    .map((r) => r.position);

/**
 * What the function's rows mean for the caller: the append result, the original result of
 * an identical earlier append (idempotent retry), or the typed error.
 */
export const appendOutcome = (
  streamId: string,
  call: AppendCall,
  rows: readonly AppendRow[],
): AppendResult => {
  const first = rows[0];
  if (first === undefined) throw new Error(`append_events returned no row for ${streamId}`);
  const current = revisionOf(first.current_revision);
  switch (first.outcome) {
    case 'wrong':
      throw new WrongExpectedRevision(streamId, call.expected, current);
    case 'empty':
      return {
        nextExpectedRevision: current,
        position: first.xid === null ? positionOf('0', '0') : positionOf(first.xid, first.pos!),
        positions: [],
      };
    case 'found': {
      const found = new Map<string, StoreKit.ExistingEvent>(
        rows.map((r) => [r.event_id!, { streamId: r.stream_id!, revision: BigInt(r.revision!) }]),
      );
      const replay = StoreKit.classifyRetry(streamId, call.ids, found, call.expected, current);
      if (replay.kind === 'new') throw new Error('unreachable: stored ids classified as new');
      const positions = positionsInOrder(rows);
      // The original append's result, so a retry cannot tell it was a retry.
      return { nextExpectedRevision: replay.last, position: positions[positions.length - 1]!, positions };
    }
    case 'ok': {
      const positions = positionsInOrder(rows);
      return { nextExpectedRevision: current, position: positions[positions.length - 1]!, positions };
    }
  }
};
