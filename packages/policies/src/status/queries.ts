import type { ReadModelReader } from '@praxis/core';
import { policyStatusName, type PolicyStatusDoc } from './projection.js';

/** A policy's status, with who has been trained on its current version. */
export interface PolicyStatusView extends PolicyStatusDoc {
  /** Staff who attended a training session on the current version (sorted, each once). */
  readonly trainedOnCurrentVersion: readonly string[];
  /** Hours of training held on the current version (sessions that state their length). */
  readonly trainingHoursOnCurrentVersion: number;
}

/**
 * The status of one policy, or undefined when there is none.
 *
 * @example
 * const s = await getPolicyStatus(practice.readModels, 'hipaa-privacy');
 * s?.trainedOnCurrentVersion; // ['ana', 'bo']
 */
export const getPolicyStatus = async (
  reader: ReadModelReader,
  policyId: string,
): Promise<PolicyStatusView | undefined> => {
  const p = (await reader.get(policyStatusName, `policy:${policyId}`)) as unknown as
    PolicyStatusDoc | undefined;
  if (p === undefined) return undefined;
  const current = p.sessions.filter((s) => s.version === p.currentVersion);
  return {
    ...p,
    trainedOnCurrentVersion: [...new Set(current.flatMap((s) => s.attendeeIds))].sort(),
    trainingHoursOnCurrentVersion: current.reduce((n, s) => n + (s.hours ?? 0), 0),
  };
};

/** Every policy's status document, in key order. */
export const listPolicyStatuses = async (reader: ReadModelReader): Promise<PolicyStatusDoc[]> => {
  const out: PolicyStatusDoc[] = [];
  for await (const [, d] of reader.list(policyStatusName, 'policy:'))
    out.push(d as unknown as PolicyStatusDoc);
  return out;
};
