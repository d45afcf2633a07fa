import {
  StoreKit,
  WrongExpectedRevision,
  type AppendOptions,
  type AppendResult,
  type EventRegistry,
  type ExpectedRevision,
  type NewEvent,
  type Position,
  type StreamRevision,
} from '@praxis/core';
import { chainTextAround } from './chain-text.js';
import { positionOf } from './rows.js';

/** One row of `append_events` (see migrations.ts); int8 columns arrive as text. */
export interface AppendRow {
  readonly outcome: 'ok' | 'found' | 'wrong' | 'empty';
  readonly current_revision: string;
  readonly event_id: string | null;
  readonly stream_id: string | null;
  readonly revision: string | null;
  readonly xid: string | null;
  readonly pos: string | null;
}

/** The call of the append function; `$1`…`$7` as built by `appendCall`. */
export const appendSql = (schema: string): string =>
  `SELECT * FROM ${schema}.append_events($1, $2, $3::uuid[], $4::text[], $5::int[], $6::text[], $7::text[])`;

const expectedText = (expected: ExpectedRevision): string =>
  typeof expected === 'bigint' ? expected.toString() : expected;

/** A prepared append: the checked events and the parameters of the function call. */
export interface AppendCall {
  readonly expected: ExpectedRevision;
  readonly ids: readonly string[];
  readonly values: unknown[];
}

/**
 * Checks and prepares an append on the client (ids, codecs, metadata, the canonical text the
 * server hashes) — everything that can fail before the database is asked.
 */
export const appendCall = (
  streamId: string,
  events: readonly NewEvent[],
  options: AppendOptions | undefined,
  registry: EventRegistry | undefined,
  recordedAt: string,
): AppendCall => {
  const { expected, prepared } = StoreKit.prepareAppendCall(streamId, events, options, registry, recordedAt);
  const expectedArg = expectedText(expected);
  const texts = prepared.map((p) => chainTextAround(streamId, p));
  return {
    expected,
    ids: prepared.map((p) => p.eventId),
    values: [
      streamId,
      expectedArg,
      prepared.map((p) => p.eventId),
      prepared.map((p) => p.type),
      prepared.map((p) => p.schemaVersion),
      texts.map((t) => t.before),
      texts.map((t) => t.after),
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
