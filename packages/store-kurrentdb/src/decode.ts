import type { AllStreamResolvedEvent, ResolvedEvent } from '@kurrent/kurrentdb-client';
import { EventDecodeFailed, StoreKit, type EventRegistry, type RecordedEvent } from '@praxis/core';
import { decodeMetadata } from './mapping/metadata.js';
import { fromKurrentPosition } from './mapping/position.js';

/**
 * A KurrentDB event as the Praxis envelope. Data and metadata are checked (and, with a
 * registry, upcast and validated) exactly as the SQL stores do; an event not written by
 * Praxis, or unreadable, is an EventDecodeFailed naming stream, revision and type.
 */
export const toRecorded = (
  resolved: ResolvedEvent | AllStreamResolvedEvent,
  registry: EventRegistry | undefined,
): RecordedEvent => {
  const e = resolved.event;
  if (e === undefined) throw new Error('a resolved event without its event (links are not read by Praxis)');
  if (e.position === undefined) {
    throw new EventDecodeFailed(
      e.streamId,
      e.revision,
      e.type,
      'the server returned no position (KurrentDB 22.10 or later is required)',
    );
  }
  const position = fromKurrentPosition(e.position);
  const fail = (reason: string) => new EventDecodeFailed(e.streamId, e.revision, e.type, reason, position);
  if (!e.isJson) throw fail('the event is not JSON');
  const { metadata, chain } = decodeMetadata(e.metadata);
  if (chain === undefined) throw fail('the metadata holds no Praxis fields (not written by Praxis)');
  const decoded = StoreKit.decodeStored(
    {
      streamId: e.streamId,
      revision: e.revision,
      position,
      type: e.type,
      schemaVersion: chain.schemaVersion,
      data: JSON.stringify(e.data),
      metadata: JSON.stringify(metadata),
    },
    registry,
  );
  // Events read are immutable on every store (decodeStored froze data and metadata).
  return Object.freeze({
    eventId: e.id,
    streamId: e.streamId,
    revision: e.revision,
    position,
    type: e.type,
    schemaVersion: decoded.schemaVersion,
    data: decoded.data,
    metadata: decoded.metadata as unknown as RecordedEvent['metadata'],
    prevHash: chain.prevHash,
    hash: chain.hash,
  });
};
