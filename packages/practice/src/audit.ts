import {
  aggregateAsOf,
  auditViewName,
  auditEntries,
  exportAudit,
  practiceAsOf,
  queryAudit,
  verify,
  type AggregateAsOf,
  type AsOf,
  type AuditEntry,
  type AuditFilter,
  type AuditPage,
  type AuditPageRequest,
  type VerifyReport,
} from '@praxis/audit';
import { InvalidArgument, type ReadModelReader } from '@praxis/core';
import type { PracticeCore } from './practice.js';

/** What an auditor can ask of a practice. */
export interface PracticeAudit {
  /** One page of the audit trail (who did what, when, to which entity), filtered. */
  query(filter?: AuditFilter, page?: AuditPageRequest): Promise<AuditPage>;
  /** Every matching entry, page by page. */
  entries(filter?: AuditFilter): AsyncIterable<AuditEntry>;
  /** The trail as CSV (with a header) or JSON Lines, line by line. */
  export(filter: AuditFilter, format: 'csv' | 'jsonl'): AsyncIterable<string>;
  /** Walks the hash chain: intact, or the first altered event by position. */
  verify(options?: { onProgress?: (checked: number) => void }): Promise<VerifyReport>;
  /** One entity (stream, e.g. `Claim-c2025-00012`) as it stood at a past instant or position. */
  entityAsOf<S = unknown>(streamId: string, asOf: AsOf): Promise<AggregateAsOf<S> & { aggregate: string }>;
  /** Every read model but the audit view as it stood at a past instant or position (live ones untouched). */
  practiceAsOf(asOf: AsOf): Promise<ReadModelReader & { readonly eventsFolded: number }>;
}

/** The audit side of a practice. */
export const practiceAudit = (
  core: PracticeCore,
  projections: PracticeCore['projectionList'],
): PracticeAudit => {
  const reader = core.readModels;
  return {
    query: (filter = {}, page = {}) => queryAudit(reader, filter, page),
    entries: (filter = {}) => auditEntries(reader, filter),
    export: (filter, format) => exportAudit(reader, filter, format),
    verify: (options = {}) => verify(core.store, options),
    entityAsOf: async <S>(streamId: string, asOf: AsOf) => {
      const aggregate = streamId.slice(0, Math.max(0, streamId.indexOf('-')));
      const decider = core.modules
        .flatMap((m) => m.aggregates)
        .find((a) => a.decider.name === aggregate)?.decider;
      if (decider === undefined) {
        throw new InvalidArgument(
          'entity',
          `"${streamId}" is not a stream of this practice (like Claim-<id>)`,
        );
      }
      const r = await aggregateAsOf(core.store, decider, streamId, asOf);
      return { ...(r as AggregateAsOf<S>), aggregate };
    },
    // The audit view is left out: the trail itself is filtered by time, and it is the largest model.
    practiceAsOf: (asOf) =>
      practiceAsOf(
        core.store,
        projections.filter((p) => p.name !== auditViewName),
        asOf,
      ),
  };
};
