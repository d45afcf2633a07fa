import { canonicalJson, type EventMetadata, type NewEventMetadata } from '@praxis/core';
import type { TrustKey } from './key.js';

/** The metadata key a seal is kept under: `"<keyId>:<hmac hex>"`. */
export const sealKey = 'seal';

/** What a seal covers: everything the writer knows before the store assigns position and revision. */
export interface SealedContent {
  readonly eventId: string;
  readonly streamId: string;
  readonly type: string;
  readonly data: unknown;
  /** Without `seal` and `recordedAt` (store time, bound by the next checkpoint). */
  readonly metadata: NewEventMetadata | EventMetadata;
}

const sealedText = (e: SealedContent): string => {
  const { [sealKey]: _seal, recordedAt: _recordedAt, ...metadata } = e.metadata as Record<string, unknown>;
  return canonicalJson({ eventId: e.eventId, streamId: e.streamId, type: e.type, data: e.data, metadata });
};

/** The seal of an event under `key`: `"<keyId>:<hmac-sha-256 hex>"`. */
export const sealOf = (key: Pick<TrustKey, 'keyId' | 'mac'>, e: SealedContent): string =>
  `${key.keyId}:${key.mac(`praxis-event\n${sealedText(e)}`)}`;

/** The seal an event carries, split: `undefined` when it has none or it is malformed. */
export const sealIn = (metadata: unknown): { keyId: string; mac: string } | undefined => {
  const s = (metadata as Record<string, unknown> | null)?.[sealKey];
  if (typeof s !== 'string') return undefined;
  const m = /^([0-9a-f]{16}):([0-9a-f]{64})$/.exec(s);
  return m === null ? undefined : { keyId: m[1]!, mac: m[2]! };
};
