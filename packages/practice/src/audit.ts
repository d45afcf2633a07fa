import {
  aggregateAsOf,
  auditViewName,
  auditEntries,
  exportAudit,
  practiceAsOf,
  queryAudit,
  receiptOf,
  verify,
  type Receipt,
  type VerifyLogOptions,
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
import { compareReadModels, type ReadModelDifference } from './read-model-check.js';

/** What an auditor can ask of a practice. */
export interface PracticeAudit {
  /** One page of the audit trail (who did what, when, to which entity), filtered. */
  query(filter?: AuditFilter, page?: AuditPageRequest): Promise<AuditPage>;
  /** Every matching entry, page by page. */
  entries(filter?: AuditFilter): AsyncIterable<AuditEntry>;
  /**
   * The trail as CSV (with a header) or JSON Lines, line by line, each entry with its event's
   * data (personal fields revealed where the vault holds the key, `[forgotten]` where erased).
   */
  export(filter: AuditFilter, format: 'csv' | 'jsonl'): AsyncIterable<string>;
  /**
   * One entry's event data as recorded (amounts in cents, ids, dates), personal fields revealed
   * where the vault holds the subject's key and `[forgotten]` where it was erased; `undefined`
   * when the log has no such event.
   */
  eventData(entry: AuditEntry): Promise<Readonly<Record<string, unknown>> | undefined>;
  /**
   * Tamper evidence: every event's hash, stored text and seal (under the practice's trust key),
   * and the log against every signed checkpoint and every receipt given. Lists what changed and
   * what is missing.
   */
  verify(options?: VerifyLogOptions): Promise<VerifyReport>;
  /**
   * Signs a checkpoint over the log as it stands and returns it as a receipt to keep outside the
   * database. Needs a practice opened with a trust key.
   */
  receipt(): Promise<Receipt>;
  /**
   * Compares every read model with a fresh fold of the log; the first difference of each
   * projection that differs (an empty list: all equal).
   */
  checkReadModels(): Promise<ReadModelDifference[]>;
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
  const eventData = async (e: AuditEntry) => {
    for await (const ev of core.store.readStream(e.streamId, {
      fromRevision: BigInt(e.revision),
      maxCount: 1,
    })) {
      if (ev.eventId !== e.eventId) return undefined;
      return core.vault.reveal(ev.data as Readonly<Record<string, unknown>>);
    }
    return undefined;
  };
  return {
    eventData,
    query: (filter = {}, page = {}) => queryAudit(reader, filter, page),
    entries: (filter = {}) => auditEntries(reader, filter),
    export: (filter, format) => exportAudit(reader, filter, format, { data: eventData }),
    verify: (options = {}) =>
      verify(core.store, {
        ...(core.trust === undefined ? {} : { keys: [core.trust.key] }),
        ...options,
      }),
    checkReadModels: async () => {
      await core.catchUp();
      // Both sides as stored: personal fields sealed in the read models and in a fresh fold alike.
      return compareReadModels(core.store, projections, core.sealedReadModels);
    },
    receipt: async () => {
      if (core.trust === undefined) {
        throw new InvalidArgument('trustKey', 'a receipt needs a practice opened with a trust key');
      }
      return receiptOf(await core.trust.checkpoint(), core.trust.key.publicKey);
    },
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
      const r = await core.vault.reveal(await aggregateAsOf(core.store, decider, streamId, asOf));
      return { ...(r as AggregateAsOf<S>), aggregate };
    },
    // The audit view is left out: the trail itself is filtered by time, and it is the largest model.
    practiceAsOf: async (asOf) => {
      const past = await practiceAsOf(
        core.store,
        projections.filter((p) => p.name !== auditViewName),
        asOf,
      );
      // Personal fields revealed as on every other read (or `[forgotten]`).
      return {
        eventsFolded: past.eventsFolded,
        get: async (p, k) => core.vault.reveal(await past.get(p, k)),
        list: async function* (p, prefix) {
          for await (const entry of past.list(p, prefix)) yield await core.vault.reveal(entry);
        },
      };
    },
  };
};
