import type { ReadModelReader } from '@praxis/core';
import type { AuditEntry } from './audit-view.js';
import { auditEntries, type AuditFilter } from './query.js';
import { csvCell, jsonSafe } from './safe-text.js';

/** The columns of the CSV export, in order. */
export const csvColumns = [
  'position',
  'occurredAt',
  'recordedAt',
  'actorId',
  'actorRole',
  'streamId',
  'revision',
  'type',
  'eventId',
  'correlationId',
  'causationId',
  'commandId',
  'refusedCommand',
  'refusedEntity',
  'refusalCode',
  'refusalReason',
] as const;

/**
 * A CSV field (RFC 4180, quoted when it holds a comma, quote or line break) that a spreadsheet
 * will not execute: see `csvCell`.
 */
export const csvField = (value: string): string => csvCell(value);

const row = (e: AuditEntry): string =>
  [
    e.position,
    e.occurredAt,
    e.recordedAt,
    e.actorId,
    e.actorRole,
    e.streamId,
    e.revision,
    e.type,
    e.eventId,
    e.correlationId,
    e.causationId,
    e.commandId ?? '',
    e.refusal?.commandType ?? '',
    e.refusal?.targetStream ?? '',
    e.refusal?.code ?? '',
    e.refusal?.reason ?? '',
  ]
    .map(csvField)
    .join(',');

/**
 * The audit trail for auditors, line by line (each ends with `\n`): CSV with a header row, or
 * JSON Lines (one entry object per line). Streams page by page, so any size fits in memory.
 *
 * @example
 * for await (const line of exportAudit(readModels, { from: '2026-01-01T00:00:00Z' }, 'csv')) out.write(line);
 */
export async function* exportAudit(
  reader: ReadModelReader,
  filter: AuditFilter,
  format: 'csv' | 'jsonl',
): AsyncIterable<string> {
  if (format === 'csv') yield `${csvColumns.join(',')}\r\n`;
  for await (const e of auditEntries(reader, filter)) {
    yield format === 'csv' ? `${row(e)}\r\n` : `${jsonSafe(JSON.stringify(e))}\n`;
  }
}
