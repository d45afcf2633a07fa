import { InvalidArgument, type KeyRange, type ReadModelReader } from '@praxis/core';
import { auditKeys, auditViewName, utcInstant, type AuditEntry } from './audit-view.js';

/** Which entries to return; every given filter must hold. */
export interface AuditFilter {
  /** Actor id. */
  readonly actor?: string;
  /** Entity: a stream id (a refused command is found under the entity it targeted too). */
  readonly entity?: string;
  /** Event type. */
  readonly type?: string;
  /** Business time from (inclusive), ISO instant. */
  readonly from?: string;
  /** Business time until (exclusive), ISO instant. */
  readonly to?: string;
}

/** Which page of a query: its size and where the previous page stopped. */
export interface AuditPageRequest {
  /** Entries per page (default 100, at most 10,000). */
  readonly limit?: number;
  /** The `next` cursor of the previous page. */
  readonly after?: string;
}

/** One page of the audit trail; pass `next` as `after` for the following page. */
export interface AuditPage {
  readonly entries: readonly AuditEntry[];
  readonly next?: string;
}

const instant = (name: string, iso: string | undefined): string | undefined => {
  if (iso === undefined) return undefined;
  const u = utcInstant(iso);
  if (u === undefined) throw new InvalidArgument(name, `"${iso}" is not an ISO instant`);
  return u;
};

/**
 * Pages through the audit view. The most selective index is read (entity, then actor, then
 * type, then time); the other filters are checked on each entry. Entries come in log order,
 * except for a time-only query, which comes in business-time order.
 *
 * @example
 * const page = await queryAudit(readModels, { actor: 'u-7', from: '2026-01-01T00:00:00Z' }, { limit: 50 });
 * const more = page.next === undefined ? undefined : await queryAudit(readModels, filter, { after: page.next });
 */
export const queryAudit = async (
  reader: ReadModelReader,
  filter: AuditFilter,
  page: AuditPageRequest = {},
): Promise<AuditPage> => {
  const limit = page.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) {
    throw new InvalidArgument('limit', 'must be an integer from 1 to 10,000');
  }
  const from = instant('from', filter.from);
  const to = instant('to', filter.to);
  const prefix =
    filter.entity !== undefined
      ? auditKeys.entity(filter.entity)
      : filter.actor !== undefined
        ? auditKeys.actor(filter.actor)
        : filter.type !== undefined
          ? auditKeys.type(filter.type)
          : auditKeys.time;
  const byTime = prefix === auditKeys.time;
  if (page.after !== undefined && !page.after.startsWith(prefix)) {
    throw new InvalidArgument('after', 'is a cursor of a query with other filters');
  }
  const start = page.after ?? (byTime && from !== undefined ? `${prefix}${from}` : undefined);
  const keep = (e: AuditEntry): boolean =>
    (filter.actor === undefined || e.actorId === filter.actor) &&
    (filter.entity === undefined ||
      e.streamId === filter.entity ||
      e.refusal?.targetStream === filter.entity) &&
    (filter.type === undefined || e.type === filter.type) &&
    (from === undefined || e.at >= from) &&
    (to === undefined || e.at < to);

  const entries: AuditEntry[] = [];
  let lastKey: string | undefined;
  const range: KeyRange = start === undefined ? {} : { after: start };
  // A reader without ranges (foldProjections) ignores the third argument: skip by hand too.
  const list = (
    reader.list as (p: string, pre: string, r?: KeyRange) => AsyncIterable<readonly [string, unknown]>
  )(auditViewName, prefix, range);
  for await (const [key, pk] of list) {
    if (start !== undefined && key <= start) continue;
    if (byTime && to !== undefined && key >= `${prefix}${to}`) break;
    if (entries.length === limit) return { entries, next: lastKey! };
    lastKey = key;
    const entry = (await reader.get(auditViewName, auditKeys.entry(String(pk)))) as AuditEntry | undefined;
    if (entry !== undefined && keep(entry)) entries.push(entry);
  }
  return { entries };
};

/** Every entry matching the filter, page by page (for exports). */
export async function* auditEntries(
  reader: ReadModelReader,
  filter: AuditFilter,
  pageSize = 500,
): AsyncIterable<AuditEntry> {
  let after: string | undefined;
  for (;;) {
    const page = await queryAudit(reader, filter, {
      limit: pageSize,
      ...(after === undefined ? {} : { after }),
    });
    yield* page.entries;
    if (page.next === undefined) return;
    after = page.next;
  }
}
