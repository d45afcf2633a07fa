import { Position, StoreKit, type EventRegistry, type RecordedEvent } from '@praxis/core';

/**
 * The columns every read selects, in this order (rows are fetched as arrays). The output
 * names differ from the columns on purpose: `ORDER BY xid` must sort by the xid8 column,
 * not by its text (`'999' > '1000'`), and a bare name in ORDER BY prefers an output column.
 */
export const eventColumns =
  'e.xid::text AS xid_text, e.position, e.stream_id, e.revision, e.event_id, e.type, e.schema_version, ' +
  'e.data::text AS data_text, e.metadata::text AS metadata_text, e.prev_hash, e.hash';

/** One row as `pg` returns it in array mode (int8 as text). */
export type EventRow = [
  xid: string,
  position: string,
  streamId: string,
  revision: string,
  eventId: string,
  type: string,
  schemaVersion: number,
  data: string,
  metadata: string,
  prevHash: string,
  hash: string,
];

/** Position of a row: (transaction id, global sequence). */
export const positionOf = (xid: string, position: string): Position.Position =>
  Position.make(BigInt(xid), BigInt(position));

/** A row as the envelope; decodes (and with a registry upcasts and validates) data and metadata. */
export const toRecorded = (row: EventRow, registry: EventRegistry | undefined): RecordedEvent => {
  const [xid, pos, streamId, rev, eventId, type, schemaVersion, data, metadata, prevHash, hash] = row;
  const position = positionOf(xid, pos);
  const revision = BigInt(rev);
  const decoded = StoreKit.decodeStored(
    { streamId, revision, position, type, schemaVersion, data, metadata },
    registry,
  );
  // Events read are immutable on every store (decodeStored froze data and metadata).
  return Object.freeze({
    eventId,
    streamId,
    revision,
    position,
    type,
    schemaVersion: decoded.schemaVersion,
    data: decoded.data,
    metadata: decoded.metadata as unknown as RecordedEvent['metadata'],
    prevHash,
    hash,
  });
};
