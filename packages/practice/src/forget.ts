import {
  InvalidArgument,
  WrongExpectedRevision,
  checkSubjectId,
  domainError,
  vaultStreamOf,
  type Actor,
  type EventStore,
  type PermissionPolicy,
  type RefusedCommand,
  type Vault,
} from '@praxis/core';
import type { Refused } from './outcome.js';
import { refusedByRule, refusedUnauthorized } from './refusal.js';

/** A subject's personal data was erased (or had been already). */
export interface Forgotten {
  readonly ok: true;
  readonly subjectId: string;
  /** `Vault-<subjectId>`, where the erasure is recorded. */
  readonly streamId: string;
  /** When the key was destroyed (the first time, for a repeated call). */
  readonly forgottenAt: string;
  /** True when an earlier call had already forgotten the subject. */
  readonly alreadyForgotten: boolean;
  /**
   * Whether the key's bytes are gone from the database's own files (SQLite: yes once no other
   * connection holds the WAL; PostgreSQL: never promised — WAL and backups hold it until they
   * expire). See docs/personal-data.md.
   */
  readonly physicallyErased: boolean;
  readonly summary: string;
}

/** What the facade needs to forget a subject. */
export interface ForgetWiring {
  readonly store: EventStore;
  readonly vault: Vault;
  readonly permissions: PermissionPolicy;
  readonly onRefused: (refused: RefusedCommand) => Promise<void>;
  readonly now: () => string;
}

/**
 * `practice.forgetSubject`: permission `Vault.ForgetSubject` (practice manager, compliance
 * officer), then the subject's key is destroyed and a `SubjectForgotten { subjectId }` event is
 * appended to `Vault-<subjectId>` (once, however often it is called). Refusals — not allowed, a
 * malformed or unknown subject id — are recorded like any refused command.
 */
export const forgetSubject = async (
  w: ForgetWiring,
  who: Actor,
  subjectId: string,
): Promise<Forgotten | Refused> => {
  const at = w.now();
  const refuse = async (streamId: string, refused: Refused): Promise<Refused> => {
    await w.onRefused({
      streamId,
      aggregate: 'Vault',
      commandType: 'ForgetSubject',
      actor: who,
      at,
      rejection:
        refused.reason === 'unauthorized'
          ? { _tag: 'Unauthorized', actor: who, command: 'ForgetSubject', message: refused.message }
          : domainError(refused.code, refused.message, refused.field),
    });
    return refused;
  };
  try {
    checkSubjectId(subjectId);
  } catch (e) {
    if (!InvalidArgument.isInstance(e)) throw e;
    return refuse(
      'Vault-',
      refusedByRule('Vault-', domainError('InvalidSubjectId', `subject id ${e.reason}`, 'subjectId')),
    );
  }
  const streamId = vaultStreamOf(subjectId);
  const verdict = w.permissions(who, { aggregate: 'Vault', command: 'ForgetSubject', streamId });
  if (verdict !== true) return refuse(streamId, refusedUnauthorized(streamId, verdict));
  if ((await w.vault.status(subjectId)) === 'unknown') {
    const message = 'no personal data was ever recorded for this subject id';
    return refuse(streamId, refusedByRule(streamId, domainError('UnknownSubject', message, 'subjectId')));
  }
  const report = await w.vault.forget(subjectId, at);
  try {
    await w.store.appendToStream(
      streamId,
      [{ type: 'SubjectForgotten', data: { subjectId }, metadata: { actor: who, occurredAt: at } }],
      { expectedRevision: 'no_stream' },
    );
  } catch (err) {
    // Recorded by an earlier call (the key was already gone then): nothing more to record.
    if (!WrongExpectedRevision.isInstance(err)) throw err;
  }
  const forgottenAt = report.forgottenAt ?? at;
  const alreadyForgotten = report.outcome === 'already-forgotten';
  return {
    ok: true,
    subjectId,
    streamId,
    forgottenAt,
    alreadyForgotten,
    physicallyErased: report.physicallyErased,
    summary: `${streamId}: ${alreadyForgotten ? 'already forgotten' : 'SubjectForgotten'} (${forgottenAt})`,
  };
};
