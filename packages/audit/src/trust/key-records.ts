import {
  InvalidArgument,
  Position,
  StreamNotFound,
  collect,
  type EventStore,
  type RecordedEvent,
} from '@praxis/core';
import type { TrustKey } from './key.js';
import { sealedStore } from './sealed-store.js';
import { trustKeyStream } from './events.js';

const machineNow = (): string => new Date().toISOString();
/** The system actor the trust records are written as. */
export const trustActor = { id: 'praxis', role: 'system' } as const;

/** A stream's events, or none when it does not exist. */
export const readStreamOrEmpty = async (
  store: Pick<EventStore, 'readStream'>,
  streamId: string,
): Promise<RecordedEvent[]> => {
  try {
    return await collect(store.readStream(streamId));
  } catch (e) {
    if (StreamNotFound.isInstance(e)) return [];
    throw e;
  }
};

/** Every key the log has named: id → public key (hex), and the one in force at the end. */
export const keyRecords = async (
  store: Pick<EventStore, 'readStream'>,
): Promise<{
  publicKeys: Map<string, string>;
  active: string | undefined;
  revision: bigint | undefined;
  events: RecordedEvent[];
}> => {
  const events = await readStreamOrEmpty(store, trustKeyStream);
  const publicKeys = new Map<string, string>();
  let active: string | undefined;
  for (const e of events) {
    const d = e.data as Record<string, unknown>;
    if (e.type === 'TrustKeyIntroduced' && typeof d.keyId === 'string' && typeof d.publicKey === 'string') {
      publicKeys.set(d.keyId, d.publicKey);
      active ??= d.keyId;
    } else if (
      e.type === 'TrustKeyRotated' &&
      typeof d.toKeyId === 'string' &&
      typeof d.toPublicKey === 'string'
    ) {
      publicKeys.set(d.toKeyId, d.toPublicKey);
      active = d.toKeyId;
    }
  }
  return {
    publicKeys,
    active,
    revision: events.length === 0 ? undefined : events[events.length - 1]!.revision,
    events,
  };
};

/** The key in force just after `position`, by the key records at or before it. */
export const keyInForceAt = (
  records: readonly RecordedEvent[],
  position: Position.Position | undefined,
): string | undefined => {
  let active: string | undefined;
  if (position === undefined) return undefined;
  for (const e of records) {
    if (Position.compare(e.position, position) > 0) break;
    const d = e.data as Record<string, unknown>;
    if (e.type === 'TrustKeyIntroduced' && active === undefined && typeof d.keyId === 'string')
      active = d.keyId;
    if (e.type === 'TrustKeyRotated' && typeof d.toKeyId === 'string') active = d.toKeyId;
  }
  return active;
};

/**
 * Records `key` as the log's key if it has none yet; checks it is the key in force otherwise.
 * Throws InvalidArgument when the log is sealed under another key (rotate with `rotateTrustKey`).
 */
export const ensureTrustKey = async (
  store: EventStore,
  key: TrustKey,
  now: () => string = machineNow,
): Promise<void> => {
  const records = await keyRecords(store);
  if (records.active === undefined) {
    try {
      await sealedStore(store, key).appendToStream(
        trustKeyStream,
        [
          {
            type: 'TrustKeyIntroduced',
            data: { keyId: key.keyId, publicKey: key.publicKey },
            metadata: { actor: trustActor, occurredAt: now() },
          },
        ],
        { expectedRevision: 'no_stream' },
      );
      return;
    } catch (e) {
      // Another process introduced a key first: check it is this one.
      const again = await keyRecords(store);
      if (again.active === undefined) throw e;
      records.active = again.active;
    }
  }
  if (records.active !== key.keyId) {
    throw new InvalidArgument(
      'trust key',
      `this log is sealed with key ${records.active}, not ${key.keyId}: give that key, or rotate to the new one with rotateTrustKey`,
    );
  }
};
