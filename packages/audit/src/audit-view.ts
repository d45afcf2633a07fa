import { DateTime } from 'luxon';
import { Position, type DocUpdate, type Json, type Projection, type RecordedEvent } from '@praxis/core';
import { refusalOf } from './refusals.js';

/** The audit view's projection name. */
export const auditViewName = 'audit';

/** One line of the audit trail: who did what, when, to which entity. */
export interface AuditEntry {
  /** Place in the log (`Position.toString`). */
  readonly position: string;
  readonly eventId: string;
  /** The entity: the stream the event belongs to. */
  readonly streamId: string;
  readonly revision: string;
  readonly type: string;
  readonly actorId: string;
  readonly actorRole: string;
  /** Business time, as recorded. */
  readonly occurredAt: string;
  /** Business time in UTC (what time filters compare). */
  readonly at: string;
  /** Store time. */
  readonly recordedAt: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly commandId?: string;
  /** For a refused command: what was refused, on which entity, and why. */
  readonly refusal?: {
    readonly commandType: string;
    readonly targetStream: string;
    readonly code: string;
    readonly reason: string;
  };
}

const digits = (n: bigint) => n.toString().padStart(20, '0');

/** A position as text that sorts in log order. */
export const positionKey = (p: Position.Position): string => `${digits(p.commit)}.${digits(p.prepare)}`;

/** An id inside a document key (no `:` left to confuse prefixes). */
export const keyPart = (id: string): string => encodeURIComponent(id);

/** An ISO instant in UTC with milliseconds (sorts as text), or undefined when it is not one. */
export const utcInstant = (iso: string): string | undefined => {
  const t = DateTime.fromISO(iso, { setZone: true });
  return t.isValid ? t.toUTC().toISO()! : undefined;
};

/** Document keys of the audit view. */
export const auditKeys = {
  entry: (pk: string) => `log:${pk}`,
  actor: (actorId: string) => `actor:${keyPart(actorId)}:`,
  entity: (streamId: string) => `stream:${keyPart(streamId)}:`,
  type: (type: string) => `type:${keyPart(type)}:`,
  time: 'time:',
} as const;

const set =
  (value: Json): DocUpdate['update'] =>
  () =>
    value;

/** The audit entry for one event. Throws when its business time is not an instant. */
export const auditEntryOf = (e: RecordedEvent): AuditEntry => {
  const m = e.metadata;
  const at = utcInstant(m.occurredAt);
  if (at === undefined) throw new Error(`occurredAt "${m.occurredAt}" is not an ISO instant`);
  const refusal = refusalOf(e);
  return {
    position: Position.toString(e.position),
    eventId: e.eventId,
    streamId: e.streamId,
    revision: e.revision.toString(),
    type: e.type,
    actorId: m.actor.id,
    actorRole: m.actor.role,
    occurredAt: m.occurredAt,
    at,
    recordedAt: m.recordedAt,
    correlationId: m.correlationId,
    causationId: m.causationId,
    ...(typeof m.commandId === 'string' ? { commandId: m.commandId } : {}),
    ...(refusal === undefined ? {} : { refusal }),
  };
};

/**
 * The audit view: every event of the given types, indexed by actor, entity (stream; a refused
 * command also under the entity it targeted), event type and business time. Query it with
 * `queryAudit`; export it with `exportAudit`.
 *
 * Pass every event type of the practice (the combined registry's `types`, plus
 * `securityEvents.types`).
 *
 * @example
 * const audit = auditView([...registry.types, ...securityEvents.types]);
 * const engine = projectionEngine({ store, readModels, projections: [audit] });
 */
export const auditView = (eventTypes: readonly string[]): Projection => ({
  name: auditViewName,
  version: 1,
  eventTypes: [...new Set(eventTypes)],
  handle: (e) => {
    const entry = auditEntryOf(e);
    const pk = positionKey(e.position);
    const updates: DocUpdate[] = [
      { key: auditKeys.entry(pk), update: set(entry as unknown as Json) },
      { key: auditKeys.actor(entry.actorId) + pk, update: set(pk) },
      { key: auditKeys.entity(entry.streamId) + pk, update: set(pk) },
      { key: auditKeys.type(entry.type) + pk, update: set(pk) },
      { key: `${auditKeys.time}${entry.at}:${pk}`, update: set(pk) },
    ];
    if (entry.refusal !== undefined && entry.refusal.targetStream !== entry.streamId) {
      updates.push({ key: auditKeys.entity(entry.refusal.targetStream) + pk, update: set(pk) });
    }
    return updates;
  },
});
