import { Position, canonicalJson, type RecordedEvent } from '@praxis/core';
import { leafHash } from './merkle.js';

/**
 * The leaf text of an event: its position, stream, revision, id, type, schema version, the
 * exact stored text of its data and metadata (where the store keeps JSON as text; otherwise the
 * canonical JSON of what it returns), and its chain hashes. The Merkle tree is built over these.
 */
export const leafText = (e: RecordedEvent): string =>
  canonicalJson({
    position: Position.toString(e.position),
    streamId: e.streamId,
    revision: e.revision.toString(),
    eventId: e.eventId,
    type: e.type,
    schemaVersion: e.schemaVersion,
    data: e.storedText?.data ?? canonicalJson(e.data),
    metadata: e.storedText?.metadata ?? canonicalJson(e.metadata),
    prevHash: e.prevHash,
    hash: e.hash,
  });

/** The RFC 6962 leaf hash of an event (hex). */
export const eventLeafHash = (e: RecordedEvent): string => leafHash(leafText(e));

/**
 * Whether the stored text is exactly what the store writes for the value read back from it:
 * a duplicated key (`{"amount":1,"amount":11920}`), extra whitespace or any other second
 * spelling is text an SQL reader and a JSON parser may read differently. `undefined`: fine.
 */
export const storedTextProblem = (e: RecordedEvent): string | undefined => {
  if (e.storedText === undefined) return undefined;
  for (const part of ['data', 'metadata'] as const) {
    const text = e.storedText[part];
    let again: string;
    try {
      again = JSON.stringify(JSON.parse(text));
    } catch {
      return `stored ${part} is not JSON`;
    }
    if (again !== text) {
      return `stored ${part} text differs from what a JSON parser reads (duplicate keys or a second spelling): ${clip(text)}`;
    }
  }
  return undefined;
};

const clip = (s: string): string => (s.length > 120 ? `${s.slice(0, 117)}…` : s);
