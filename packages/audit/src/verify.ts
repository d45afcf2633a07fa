import { Position, verifyChain, type EventStore } from '@praxis/core';

/** What `verify` found: the log intact end to end, or the first event that no longer matches. */
export type VerifyReport =
  | { readonly ok: true; readonly eventsChecked: number; readonly message: string }
  | {
      readonly ok: false;
      readonly eventsChecked: number;
      /** Position of the first altered (or unreadable) event. */
      readonly position: string;
      readonly streamId: string;
      readonly revision: bigint;
      readonly reason: 'content-altered' | 'link-broken' | 'unreadable';
      readonly message: string;
    };

/**
 * Tamper evidence: walks the hash chain of the whole log and reports the first event whose
 * stored bytes no longer match its hash (or its predecessor's), by position.
 *
 * @example
 * const r = await verify(store);
 * console.log(r.message); // "log intact: 12,408 events verified" or "altered at position 977 …"
 */
export const verify = async (
  store: Pick<EventStore, 'readAll' | 'chainScope'>,
  options: { onProgress?: (checked: number) => void } = {},
): Promise<VerifyReport> => {
  const r = await verifyChain(store, options);
  if (r._tag === 'Intact') {
    return {
      ok: true,
      eventsChecked: r.eventsChecked,
      message: `log intact: ${r.eventsChecked.toLocaleString('en-US')} events verified`,
    };
  }
  const position = r.position === undefined ? '?' : Position.toString(r.position);
  return {
    ok: false,
    eventsChecked: r.eventsChecked,
    position,
    streamId: r.streamId,
    revision: r.revision,
    reason: r.reason,
    message: `${r.reason} at position ${position} (${r.streamId}@${r.revision}) after ${r.eventsChecked} intact events: ${r.detail}`,
  };
};
