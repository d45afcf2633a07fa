import type { EventStore } from '@praxis/core';
import { verifyLog, type Finding, type LogVerification, type VerifyLogOptions } from './trust/verify-log.js';

/** What `verify` found: the log intact end to end, or what changed and what is missing. */
export type VerifyReport =
  | (LogVerification & { readonly ok: true; readonly message: string })
  | (LogVerification & {
      readonly ok: false;
      /** Position of the first changed (or unreadable) event, `'?'` when the finding names none. */
      readonly position: string;
      readonly streamId: string;
      readonly revision: bigint;
      readonly reason: Finding['reason'];
      /** One line per finding. */
      readonly message: string;
    });

const n = (x: number) => x.toLocaleString('en-US');

/** One line saying what a verification covered. */
export const coverage = (r: LogVerification): string => {
  const parts = [
    r.keyed
      ? 'every seal checked under the key'
      : 'seals NOT checked (no key given: proves nothing against someone with write access)',
    `${n(r.checkpoints)} signed checkpoint${r.checkpoints === 1 ? '' : 's'}`,
    `${n(r.receipts)} receipt${r.receipts === 1 ? '' : 's'}`,
  ];
  if (r.unsealedBeforeKey > 0) parts.push(`${n(r.unsealedBeforeKey)} events from before the key`);
  if (r.uncovered > 0) parts.push(`${n(r.uncovered)} newest events covered by no checkpoint or receipt`);
  return parts.join('; ');
};

/** A finding as one line. */
export const describeFinding = (f: Finding): string =>
  f.position === undefined
    ? `${f.kind}: ${f.detail}`
    : `${f.kind} at position ${f.position}${f.streamId === undefined ? '' : ` (${f.streamId}@${f.revision})`}: ${f.reason}: ${f.detail}`;

/**
 * Tamper evidence: checks every event's chain hash, stored text and seal, and that the log
 * extends every signed checkpoint in it and every receipt given (see `verifyLog`).
 *
 * @example
 * const r = await verify(store, { keys: [key], receipts: [{ receipt, source: 'r.json' }] });
 * console.log(r.message); // "log intact: 12,408 events verified" or one line per finding
 */
export const verify = async (
  store: Pick<EventStore, 'readAll' | 'readStream' | 'chainScope'>,
  options: VerifyLogOptions = {},
): Promise<VerifyReport> => {
  const r = await verifyLog(store, options);
  if (r.ok) return { ...r, ok: true, message: `log intact: ${n(r.eventsChecked)} events verified` };
  const first = r.findings.find((f) => f.position !== undefined) ?? r.findings[0]!;
  return {
    ...r,
    ok: false,
    position: first.position ?? '?',
    streamId: first.streamId ?? '',
    revision: first.revision ?? -1n,
    reason: first.reason,
    message: r.findings.map(describeFinding).join('\n'),
  };
};
