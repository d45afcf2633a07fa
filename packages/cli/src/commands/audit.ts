import type { AuditEntry, AuditFilter } from '@praxis/audit';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-code.js';
import { table } from '../format.js';
import { openPractice } from '../open.js';
import { UsageError } from '../usage-error.js';
import { instantArg, str } from '../when.js';

/**
 * An event's data in one short cell: its scalar fields as `name=value` (ids of the entity left
 * out: the entity column names it), at most 90 characters. The exports carry all of it.
 */
export const detailsOf = (e: AuditEntry, data: Readonly<Record<string, unknown>> | undefined): string => {
  if (data === undefined || e.refusal !== undefined) return '';
  const id = e.streamId.slice(e.streamId.indexOf('-') + 1);
  const parts = Object.entries(data)
    .filter(([k, v]) => ['string', 'number', 'boolean'].includes(typeof v) && v !== id && k !== 'at')
    .map(([k, v]) => `${k}=${String(v)}`);
  const text = parts.join(' ');
  return text.length > 90 ? `${text.slice(0, 89)}…` : text;
};

const row = (e: AuditEntry, details: string): string[] => [
  e.position,
  e.occurredAt,
  `${e.actorId} (${e.actorRole})`,
  e.refusal?.targetStream ?? e.streamId,
  e.type,
  e.refusal === undefined
    ? ''
    : `${e.refusal.commandType} refused: ${e.refusal.code}${e.refusal.reason === '' ? '' : `: ${e.refusal.reason}`}`,
  details,
];

/** `praxis audit`: who did what, when, to which entity. */
export const audit: CliCommand = {
  name: 'audit',
  summary: 'who did what, when, to which entity (refusals included); csv and jsonl exports',
  usage: [
    'praxis audit [--actor id] [--entity stream] [--type EventType] [--since date] [--until date]',
    '             [--format table|csv|jsonl] [--limit N] [--db file | --store url]',
    '',
    '  --entity S      a stream, e.g. Claim-c2025-00012 or Budget-2025',
    '  --since/--until a date (2025-03-01, in the practice time zone; --until includes that day)',
    '                  or an ISO instant; business time, not recording time',
    '  --format F      table (default, the first --limit entries, with a short summary of each',
    "                  event's data), csv or jsonl (everything, each entry with its event's data;",
    '                  personal fields as the vault allows: revealed, or [forgotten] once erased)',
    '  --limit N       rows of the table (default 50)',
  ].join('\n'),
  options: {
    actor: { type: 'string' },
    entity: { type: 'string' },
    type: { type: 'string' },
    since: { type: 'string' },
    until: { type: 'string' },
    format: { type: 'string' },
    limit: { type: 'string' },
  },
  run: async (ctx) => {
    const format = str(ctx.values.format) ?? 'table';
    if (!['table', 'csv', 'jsonl'].includes(format)) {
      throw new UsageError(`--format must be table, csv or jsonl (got "${format}")`);
    }
    const limitText = str(ctx.values.limit) ?? '50';
    const limit = Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) {
      throw new UsageError(`--limit must be a whole number from 1 to 10000 (got "${limitText}")`);
    }
    const practice = await openPractice(ctx);
    try {
      const zone = practice.settings.timeZone;
      const since = str(ctx.values.since);
      const until = str(ctx.values.until);
      const from = since === undefined ? undefined : instantArg('since', since, zone);
      const to = until === undefined ? undefined : instantArg('until', until, zone, true);
      if (from !== undefined && to !== undefined && Date.parse(from) > Date.parse(to))
        throw new UsageError(`--since ${since} is after --until ${until}: nothing could match`);
      const filter: AuditFilter = {
        ...(str(ctx.values.actor) === undefined ? {} : { actor: str(ctx.values.actor)! }),
        ...(str(ctx.values.entity) === undefined ? {} : { entity: str(ctx.values.entity)! }),
        ...(str(ctx.values.type) === undefined ? {} : { type: str(ctx.values.type)! }),
        ...(from === undefined ? {} : { from }),
        ...(to === undefined ? {} : { to }),
      };
      if (format === 'csv' || format === 'jsonl') {
        // Each line ends with its own line break (CRLF for CSV, as RFC 4180 has it).
        let chunk = '';
        for await (const line of practice.audit.export(filter, format)) {
          chunk += line;
          if (chunk.length > 1 << 16) {
            ctx.io.out(chunk);
            chunk = '';
          }
        }
        if (chunk !== '') ctx.io.out(chunk);
        return ExitCode.ok;
      }
      const page = await practice.audit.query(filter, { limit });
      if (page.entries.length === 0) {
        ctx.io.out('no audit entries match');
        return ExitCode.ok;
      }
      ctx.io.out(
        table(
          [
            ['position', 'occurred at', 'actor', 'entity', 'event', 'refusal', 'details'],
            ...(await Promise.all(
              page.entries.map(async (e) => row(e, detailsOf(e, await practice.audit.eventData(e)))),
            )),
          ],
          new Set([0]),
        ),
      );
      if (page.next !== undefined) ctx.io.out(`… more entries: raise --limit, or use --format csv`);
      return ExitCode.ok;
    } finally {
      await practice.close();
    }
  },
};
