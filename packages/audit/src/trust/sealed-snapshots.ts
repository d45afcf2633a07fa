import { canonicalJson, type Snapshot, type SnapshotStore } from '@praxis/core';
import type { TrustKey } from './key.js';

const marker = 'praxis-sealed-snapshot/1 ';

const macOf = (key: Pick<TrustKey, 'mac'>, s: Snapshot): string =>
  key.mac(
    `praxis-snapshot\n${canonicalJson({
      streamId: s.streamId,
      stateVersion: s.stateVersion,
      revision: s.revision.toString(),
      eventHash: s.eventHash,
      state: s.state,
    })}`,
  );

/**
 * Snapshots bound to the chain under the key: each is saved with an HMAC over its stream, state
 * version, revision, the hash of the event it stands on and its state text, and a loaded
 * snapshot whose MAC does not verify (edited in the database, or saved without the key) is
 * ignored — the aggregate is then folded from its events. The MAC travels inside the state
 * text, so every snapshot store keeps it unchanged.
 *
 * @example
 * const snapshots = sealedSnapshots(sqliteSnapshotStore(events), key, (s) => log.warn(`ignored snapshot of ${s}`));
 */
export const sealedSnapshots = (
  inner: SnapshotStore,
  key: Pick<TrustKey, 'mac'>,
  onRejected?: (streamId: string) => void,
): SnapshotStore => ({
  load: async (streamId) => {
    const s = await inner.load(streamId);
    if (s === undefined) return undefined;
    const ok = s.state.startsWith(marker) && s.state.length > marker.length + 65;
    const mac = ok ? s.state.slice(marker.length, marker.length + 64) : '';
    const snapshot = { ...s, state: ok ? s.state.slice(marker.length + 65) : s.state };
    if (!ok || macOf(key, snapshot) !== mac) {
      onRejected?.(streamId);
      return undefined;
    }
    return snapshot;
  },
  save: (s) => inner.save({ ...s, state: `${marker}${macOf(key, s)}\n${s.state}` }),
  remove: (streamId) => inner.remove(streamId),
});
