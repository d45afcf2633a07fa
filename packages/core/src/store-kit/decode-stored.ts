import type { EventRegistry } from '../codecs/registry.js';
import { EventDecodeFailed } from '../errors/event-decode-failed.js';
import type { Position } from '../position.js';

/** A stored row's parts, as text from the backend. */
export interface StoredRow {
  readonly streamId: string;
  readonly revision: bigint;
  readonly position: Position;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: string;
  readonly metadata: string;
}

// Module-level rather than a closure per call: decoding runs once per event read.
const failure = (row: StoredRow, reason: string) =>
  new EventDecodeFailed(row.streamId, row.revision, row.type, reason, row.position);

/**
 * Freezes a parsed JSON value and everything in it: an event read from a store is immutable on
 * every store (see docs/decisions/store-events-read-frozen.md), so the memory store can hand out
 * the same object on every read and code that mutates an event fails the same way everywhere.
 */
export const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    if (Array.isArray(value)) for (const v of value) deepFreeze(v);
    else for (const k in value) deepFreeze((value as Record<string, unknown>)[k]);
  }
  return value;
};

/**
 * Parses and (with a registry) upcasts and validates a stored event's data and metadata, both
 * returned deep-frozen. Throws EventDecodeFailed naming stream, revision, type and position —
 * never skips a row.
 */
export const decodeStored = (
  row: StoredRow,
  registry: EventRegistry | undefined,
): { data: unknown; metadata: Record<string, unknown>; schemaVersion: number } => {
  let data: unknown;
  let metadata: unknown;
  try {
    data = JSON.parse(row.data);
  } catch (e) {
    throw failure(row, `data is not JSON (${(e as Error).message})`);
  }
  try {
    metadata = JSON.parse(row.metadata);
  } catch (e) {
    throw failure(row, `metadata is not JSON (${(e as Error).message})`);
  }
  if (typeof metadata !== 'object' || metadata === null) throw failure(row, 'metadata is not an object');
  deepFreeze(metadata);
  if (registry === undefined)
    return {
      data: deepFreeze(data),
      metadata: metadata as Record<string, unknown>,
      schemaVersion: row.schemaVersion,
    };
  const decoded = registry.decode(row.type, row.schemaVersion, data);
  if (decoded._tag === 'Left') {
    throw failure(
      row,
      `field ${decoded.left.field === '' ? '(root)' : decoded.left.field} ${decoded.left.reason}`,
    );
  }
  return {
    data: deepFreeze(decoded.right),
    metadata: metadata as Record<string, unknown>,
    schemaVersion: registry.version(row.type) ?? row.schemaVersion,
  };
};
