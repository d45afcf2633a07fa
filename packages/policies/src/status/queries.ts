import type { ReadModelReader } from '@praxis/core';
import type { KpiBreakdown } from '@praxis/core';
import { policyStatusName, type ChartAuditDoc, type PolicyStatusDoc } from './projection.js';

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

/**
 * The live policies that govern a process (`Complaint`): which rules apply to its cases.
 *
 * @example
 * (await policiesGoverning(practice.readModels, 'Complaint')).map((p) => p.title); // ['Complaint handling']
 */
export const policiesGoverning = async (
  reader: ReadModelReader,
  process: string,
): Promise<PolicyStatusDoc[]> =>
  (await listPolicyStatuses(reader)).filter(
    (p) => p.status !== 'retired' && p.governs.some((g) => g.process === process),
  );

/** Every provider result of every chart audit, in key order. */
export const listChartAudits = async (reader: ReadModelReader): Promise<ChartAuditDoc[]> => {
  const out: ChartAuditDoc[] = [];
  for await (const [, d] of reader.list(policyStatusName, 'chart-audit:'))
    out.push(d as unknown as ChartAuditDoc);
  return out;
};

/**
 * Documentation compliance over chart audits dated in the range: one part per (audit, provider)
 * with its passes over its checks (charts × criteria), grouped by `provider` and `policy`.
 */
export const documentationComplianceParts = async (
  reader: ReadModelReader,
  range: { readonly firstDay: string; readonly lastDay: string },
): Promise<KpiBreakdown> => ({
  kind: 'ratio',
  scale: 100,
  parts: (await listChartAudits(reader))
    .filter((a) => a.auditedOn >= range.firstDay && a.auditedOn <= range.lastDay)
    .map((a) => ({
      key: `chart-audit:${a.policyId}:${a.auditId}:${a.providerId}`,
      numerator: a.passes,
      denominator: a.checks,
      streamId: `Policy-${a.policyId}`,
      dimensions: { provider: a.providerId, policy: a.policyId },
    })),
});

/** Documentation compliance % per provider over chart audits in the range (providers with no checks left out). */
export const documentationComplianceByProvider = async (
  reader: ReadModelReader,
  range: { readonly firstDay: string; readonly lastDay: string },
): Promise<{ providerId: string; checks: number; passes: number; percent: number }[]> => {
  const by = new Map<string, { checks: number; passes: number }>();
  for (const p of (await documentationComplianceParts(reader, range)).parts) {
    const id = p.dimensions.provider!;
    const cur = by.get(id) ?? { checks: 0, passes: 0 };
    by.set(id, { checks: cur.checks + p.denominator, passes: cur.passes + p.numerator });
  }
  return [...by]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([providerId, x]) => ({ providerId, ...x, percent: (100 * x.passes) / x.checks }));
};
