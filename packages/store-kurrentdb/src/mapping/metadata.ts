import type { EventMetadata } from '@praxis/core';

/** What Praxis keeps in a KurrentDB event's metadata besides the caller's metadata. */
export interface ChainFields {
  readonly schemaVersion: number;
  readonly prevHash: string;
  readonly hash: string;
}

/** The key under which Praxis' own fields sit in the stored metadata. */
export const praxisKey = '$praxis';

/**
 * The JSON stored as a KurrentDB event's metadata: the Praxis metadata (actor, correlation,
 * causation, occurredAt, recordedAt, extra keys), KurrentDB's own `$correlationId` and
 * `$causationId` (so the server's `$by_correlation_id` projection works), and under `$praxis`
 * the schema version and the hash chain fields.
 */
export const encodeMetadata = (metadata: EventMetadata, chain: ChainFields): Record<string, unknown> => ({
  ...metadata,
  $correlationId: metadata.correlationId,
  $causationId: metadata.causationId,
  [praxisKey]: { schemaVersion: chain.schemaVersion, prevHash: chain.prevHash, hash: chain.hash },
});

/**
 * Splits stored metadata back into the Praxis metadata and the chain fields. Returns
 * undefined for the chain when the event was not written by Praxis (the caller decides).
 */
export const decodeMetadata = (
  stored: unknown,
): { metadata: Record<string, unknown>; chain: ChainFields | undefined } => {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    return { metadata: {}, chain: undefined };
  }
  const {
    $correlationId: _c,
    $causationId: _k,
    [praxisKey]: praxis,
    ...metadata
  } = stored as Record<string, unknown>;
  const p = praxis as Partial<ChainFields> | undefined;
  const chain =
    p !== undefined &&
    typeof p === 'object' &&
    typeof p.schemaVersion === 'number' &&
    typeof p.prevHash === 'string' &&
    typeof p.hash === 'string'
      ? { schemaVersion: p.schemaVersion, prevHash: p.prevHash, hash: p.hash }
      : undefined;
  return { metadata, chain };
};
