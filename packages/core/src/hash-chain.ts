import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import type { EventMetadata, RecordedEvent } from './envelope.js';
import { EventDecodeFailed } from './errors/event-decode-failed.js';
import type { EventStore } from './event-store.js';
import type * as Position from './position.js';

/** The parts of an event that its hash covers (everything but its position and the hashes). */
export interface HashedContent {
  readonly eventId: string;
  readonly streamId: string;
  readonly revision: bigint;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

/**
 * sha-256 (hex) over the previous hash and the event's canonical JSON. Changing any byte
 * of an event changes its hash, and so breaks the link from the next event.
 */
export const chainHash = (prevHash: string, e: HashedContent): string =>
  createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(
      canonicalJson({
        eventId: e.eventId,
        streamId: e.streamId,
        revision: e.revision.toString(),
        type: e.type,
        schemaVersion: e.schemaVersion,
        data: e.data,
        metadata: e.metadata,
      }),
    )
    .digest('hex');

export type ChainVerification =
  | { readonly _tag: 'Intact'; readonly eventsChecked: number; readonly head?: string }
  | {
      readonly _tag: 'Broken';
      readonly eventsChecked: number;
      /** The first event whose stored content no longer matches (or after which the log is unreadable). */
      readonly position: Position.Position | undefined;
      readonly streamId: string;
      readonly revision: bigint;
      readonly reason: 'content-altered' | 'link-broken' | 'unreadable';
      readonly detail: string;
    };

/**
 * Walks the whole log in order and recomputes every hash. Reports the first event whose
 * stored bytes no longer match, by position.
 *
 * @example
 * const r = await verifyChain(store);
 * if (r._tag === 'Broken') console.error(`altered at ${Position.toString(r.position)}`);
 */
export const verifyChain = async (
  store: Pick<EventStore, 'readAll' | 'chainScope'>,
  options: { onProgress?: (checked: number) => void } = {},
): Promise<ChainVerification> => {
  const lastByStream = new Map<string, string>();
  let last = '';
  let checked = 0;
  try {
    for await (const e of store.readAll({ asStored: true })) {
      const prev = store.chainScope === 'log' ? last : (lastByStream.get(e.streamId) ?? '');
      if (e.prevHash !== prev) {
        return broken(
          checked,
          e,
          'link-broken',
          `prevHash ${e.prevHash.slice(0, 12)}… should be ${prev.slice(0, 12)}…`,
        );
      }
      const expected = chainHash(prev, e);
      if (expected !== e.hash) {
        return broken(checked, e, 'content-altered', `stored hash does not match the event's content`);
      }
      if (store.chainScope === 'log') last = e.hash;
      else lastByStream.set(e.streamId, e.hash);
      checked++;
      if (options.onProgress !== undefined && checked % 10_000 === 0) options.onProgress(checked);
    }
  } catch (err) {
    if (EventDecodeFailed.isInstance(err)) {
      return {
        _tag: 'Broken',
        eventsChecked: checked,
        position: err.position,
        streamId: err.streamId,
        revision: err.revision,
        reason: 'unreadable',
        detail: err.message,
      };
    }
    throw err;
  }
  return store.chainScope === 'log' && checked > 0
    ? { _tag: 'Intact', eventsChecked: checked, head: last }
    : { _tag: 'Intact', eventsChecked: checked };
};

const broken = (
  checked: number,
  e: RecordedEvent,
  reason: 'content-altered' | 'link-broken',
  detail: string,
): ChainVerification => ({
  _tag: 'Broken',
  eventsChecked: checked,
  position: e.position,
  streamId: e.streamId,
  revision: e.revision,
  reason,
  detail,
});
