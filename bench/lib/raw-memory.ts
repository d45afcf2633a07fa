/**
 * The plain-JS memory baseline (issue 18): what a careful programmer writes by hand for an
 * in-memory event log — one array for the log, one array per stream, the same expected-revision
 * check as every store, events kept as plain objects (no codec, no hash chain, no copies, no
 * freezing). Synchronous, like raw better-sqlite3: the workloads do not await it.
 */
import { newEventId } from '@praxis/core';
import { benchMetadata, evolveBalance, initialBalance, type Balance } from './fixtures.js';

export interface RawMemoryEvent {
  readonly position: number;
  readonly eventId: string;
  readonly streamId: string;
  readonly revision: number;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
}

export class RawMemoryLog {
  readonly log: RawMemoryEvent[] = [];
  readonly streams = new Map<string, RawMemoryEvent[]>();

  /** Appends `datas` after revision `expected` (-1: a new stream); returns the new last revision. */
  append(streamId: string, expected: number, datas: readonly unknown[]): number {
    let stream = this.streams.get(streamId);
    const last = stream === undefined ? -1 : stream.length - 1;
    if (last !== expected) throw new Error(`conflict on ${streamId}: ${last} ≠ ${expected}`);
    if (stream === undefined) this.streams.set(streamId, (stream = []));
    const metadata = { ...benchMetadata, recordedAt: new Date().toISOString() };
    let revision = last;
    for (const data of datas) {
      const event: RawMemoryEvent = {
        position: this.log.length,
        eventId: newEventId(),
        streamId,
        revision: ++revision,
        type: 'PaymentReceived',
        data,
        metadata,
      };
      stream.push(event);
      this.log.push(event);
    }
    return revision;
  }

  /** S3 / S5's load: the fold of one stream and its last revision. */
  fold(streamId: string): { balance: Balance; revision: number } {
    let s = initialBalance;
    const stream = this.streams.get(streamId) ?? [];
    for (const e of stream) s = evolveBalance(s, e);
    return { balance: s, revision: stream.length - 1 };
  }

  /** S4: the fold of the whole log in order. */
  foldAll(): { balance: Balance; count: number } {
    let s = initialBalance;
    for (const e of this.log) s = evolveBalance(s, e);
    return { balance: s, count: this.log.length };
  }
}
