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
  'data',
] as const;

/**
 * Where the export finds each event's data (`practice.audit.export` reads it from the log, with
 * personal fields revealed where the vault holds the key and `[forgotten]` where it was erased).
 */
export interface ExportOptions {
  readonly data?: (e: AuditEntry) => Promise<Readonly<Record<string, unknown>> | undefined>;
}

/**
 * A CSV field (RFC 4180, quoted when it holds a comma, quote or line break) that a spreadsheet
 * will not execute: see `csvCell`.
 */
export const csvField = (value: string): string => csvCell(value);

const row = (e: AuditEntry, data: Readonly<Record<string, unknown>> | undefined): string =>
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
    data === undefined ? '' : JSON.stringify(data),
  ]
    .map(csvField)
    .join(',');

/**
 * The audit trail for auditors, line by line (each ends with `\n`): CSV with a header row, or
 * JSON Lines (one entry object per line). Streams page by page, so any size fits in memory.
 * With `options.data`, each entry carries its event's data (CSV: the `data` column as JSON;
 * JSON Lines: a `data` field), so an auditor sees the amount and the vendor, not only the type.
 *
 * @example
 * for await (const line of exportAudit(readModels, { from: '2026-01-01T00:00:00Z' }, 'csv')) out.write(line);
 */
export async function* exportAudit(
  reader: ReadModelReader,
  filter: AuditFilter,
  format: 'csv' | 'jsonl',
  options: ExportOptions = {},
): AsyncIterable<string> {
  if (format === 'csv') yield `${csvColumns.join(',')}\r\n`;
  for await (const e of auditEntries(reader, filter)) {
    const data = options.data === undefined ? undefined : await options.data(e);
    yield format === 'csv'
      ? `${row(e, data)}\r\n`
      : `${jsonSafe(JSON.stringify(data === undefined ? e : { ...e, data }))}\n`;
  }
}
