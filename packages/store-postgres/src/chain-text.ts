import { canonicalJson, type StoreKit } from '@praxis/core';

/**
 * The canonical JSON that `chainHash` hashes, cut in two around the revision, which only the
 * server knows for `any`/`stream_exists` appends. The server hashes
 * `prevHash + "\n" + before + revision + after` — byte for byte what `chainHash` computes
 * (its keys are sorted: data, eventId, metadata, revision, schemaVersion, streamId, type) —
 * and parses the same text into the stored data and metadata.
 */
export const chainTextAround = (
  streamId: string,
  e: StoreKit.PreparedEvent,
): { readonly before: string; readonly after: string } => ({
  before:
    `{"data":${canonicalJson(e.data)},"eventId":${JSON.stringify(e.eventId)},` +
    `"metadata":${canonicalJson(e.metadata)},"revision":"`,
  after: `","schemaVersion":${JSON.stringify(e.schemaVersion)},"streamId":${JSON.stringify(streamId)},"type":${JSON.stringify(e.type)}}`,
});
