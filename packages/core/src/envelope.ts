import type { Position } from './position.js';

/** Who issued a command: every event records its actor (id and role). */
export interface Actor {
  readonly id: string;
  readonly role: string;
}

/** Metadata the caller supplies with a new event. */
export interface NewEventMetadata {
  readonly actor: Actor;
  readonly correlationId?: string;
  readonly causationId?: string;
  /** Business time of the fact (ISO-8601 instant with offset). */
  readonly occurredAt: string;
  /** The command that produced the event, when it came through a CommandHandler. */
  readonly commandId?: string;
  /** Extra keys an integrator wants to carry (JSON values). */
  readonly [key: string]: unknown;
}

/** Metadata of a stored event: what the caller gave, plus when the store recorded it. */
export interface EventMetadata extends NewEventMetadata {
  readonly correlationId: string;
  readonly causationId: string;
  /** Store time (ISO-8601 UTC instant). */
  readonly recordedAt: string;
}

/** An event to append. `eventId` (uuid v7) is generated when absent. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  readonly eventId?: string;
  readonly type: Type;
  /** Defaults to the version registered for `type`, or 1 without a registry. */
  readonly schemaVersion?: number;
  readonly data: Data;
  readonly metadata: NewEventMetadata;
}

/** An event as stored: the envelope every adapter returns. */
export interface RecordedEvent<Type extends string = string, Data = unknown> {
  readonly eventId: string;
  readonly streamId: string;
  /** 0-based place in its stream. */
  readonly revision: bigint;
  /** Place in the global log. */
  readonly position: Position;
  readonly type: Type;
  readonly schemaVersion: number;
  readonly data: Data;
  readonly metadata: EventMetadata;
  /** Hash of the previous event in the chain (`''` for the first) — tamper evidence. */
  readonly prevHash: string;
  /** sha-256 over `prevHash` and this event's canonical content. */
  readonly hash: string;
  /**
   * The exact stored text of data and metadata, on `asStored` reads from stores that keep JSON
   * as text (SQLite). Tamper evidence covers these bytes, not only what a JSON parser makes of them.
   */
  readonly storedText?: { readonly data: string; readonly metadata: string };
}
