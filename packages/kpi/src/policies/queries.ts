import type { ReadModelReader } from '@praxis/core';
import { policyAcknowledgmentsName as P, type PolicyAckDoc, type StaffDoc } from './projection.js';

const docs = async <A>(reader: ReadModelReader, prefix: string): Promise<A[]> => {
  const out: A[] = [];
  for await (const [, d] of reader.list(P, prefix)) out.push(d as unknown as A);
  return out;
};

/**
 * Active on a date: started on or before it and not separated before it (the separation day
 * still counts, as in @praxis/staff's roster).
 */
export const isStaffActiveOn = (s: StaffDoc, date: string): boolean =>
  s.startDate <= date && (s.separatedOn === undefined || s.separatedOn >= date);

/**
 * The role a person holds on `date`: the latest role that took effect on or before it (the
 * role at hire before any change).
 */
export const staffRoleOn = (s: StaffDoc, date: string): string => {
  let role = s.roles?.[0]?.role ?? s.role;
  for (const r of s.roles ?? []) if (r.from <= date) role = r.role;
  return role;
};

/** The version current on `date`: the latest published on or before it (none if retired by then). */
export const currentVersionOn = (p: PolicyAckDoc, date: string): number | undefined => {
  if (p.retiredOn !== undefined && p.retiredOn <= date) return undefined;
  const published = p.versions.filter((v) => v.publishedOn <= date).map((v) => v.version);
  return published.length === 0 ? undefined : Math.max(...published);
};

const rolesOn = (p: PolicyAckDoc, date: string): Set<string> =>
  new Set(p.roles.filter((r) => r.assignedOn <= date).map((r) => r.role));

/** One person's standing on one policy version. */
export interface PersonAcknowledgment {
  readonly staffId: string;
  readonly role: string;
  readonly acknowledgedOn?: string;
}

/** Acknowledgment counts for one role. */
export interface RoleAcknowledgment {
  readonly role: string;
  readonly assigned: number;
  readonly acknowledged: number;
}

/** Who has and has not acknowledged one version of a policy, as of a date. */
export interface AcknowledgmentStatus {
  readonly policyId: string;
  readonly title: string;
  readonly version: number;
  readonly current: boolean;
  readonly asOf: string;
  readonly people: readonly PersonAcknowledgment[];
  readonly byRole: readonly RoleAcknowledgment[];
  readonly assigned: number;
  readonly acknowledged: number;
}

/**
 * Acknowledgment status of one policy version (default: the version current on `asOf`),
 * per person and per role, over staff active on `asOf` whose role ON `asOf` the policy was
 * assigned to by then: a person who moved into an assigned role owes an acknowledgment; one
 * who moved out of every assigned role is no longer counted. `undefined` when the policy or version is unknown or unpublished on that date.
 *
 * @example
 * const s = await policyAcknowledgmentStatus(reader, 'hand-hygiene', { asOf: '2026-06-30' });
 * s?.people.filter((p) => p.acknowledgedOn === undefined); // who still has to sign
 */
export const policyAcknowledgmentStatus = async (
  reader: ReadModelReader,
  policyId: string,
  options: { readonly asOf: string; readonly version?: number },
): Promise<AcknowledgmentStatus | undefined> => {
  const p = (await reader.get(P, `policy:${policyId}`)) as unknown as PolicyAckDoc | undefined;
  if (p === undefined) return undefined;
  return statusOf(p, await docs<StaffDoc>(reader, 'staff:'), options);
};

/** One policy version's status over the given staff documents (read once for every policy). */
const statusOf = (
  p: PolicyAckDoc,
  staffDocs: readonly StaffDoc[],
  options: { readonly asOf: string; readonly version?: number },
): AcknowledgmentStatus | undefined => {
  const { asOf } = options;
  const current = currentVersionOn(p, asOf);
  const version = options.version ?? current;
  if (version === undefined || !p.versions.some((v) => v.version === version && v.publishedOn <= asOf))
    return undefined;
  const roles = rolesOn(p, asOf);
  const staff = staffDocs
    .filter((s) => isStaffActiveOn(s, asOf))
    .map((s) => ({ staffId: s.staffId, role: staffRoleOn(s, asOf) }))
    .filter((s) => roles.has(s.role));
  const people = staff.map((s): PersonAcknowledgment => {
    const on = p.acknowledgments[`${s.staffId}@${version}`];
    return on !== undefined && on <= asOf ? { ...s, acknowledgedOn: on } : s;
  });
  const byRole = [...roles].sort().map((role) => {
    const inRole = people.filter((x) => x.role === role);
    return {
      role,
      assigned: inRole.length,
      acknowledged: inRole.filter((x) => x.acknowledgedOn !== undefined).length,
    };
  });
  return {
    policyId: p.policyId,
    title: p.title,
    version,
    current: version === current,
    asOf,
    people,
    byRole,
    assigned: people.length,
    acknowledged: people.filter((x) => x.acknowledgedOn !== undefined).length,
  };
};

/** One person's standing on one policy. */
export interface PersonPolicyStatus {
  readonly policyId: string;
  readonly title: string;
  readonly currentVersion: number;
  /** When they acknowledged the current version; absent when they have not. */
  readonly acknowledgedOn?: string;
  /** The latest version they acknowledged, if any (may be older than the current one). */
  readonly lastAcknowledgedVersion?: number;
}

/**
 * Every published, unretired policy assigned to the role the person holds on `asOf`, and
 * whether they acknowledged its current version.
 */
export const policyAcknowledgmentsOfPerson = async (
  reader: ReadModelReader,
  staffId: string,
  asOf: string,
): Promise<PersonPolicyStatus[]> => {
  const s = (await reader.get(P, `staff:${staffId}`)) as unknown as StaffDoc | undefined;
  if (s === undefined) return [];
  const role = staffRoleOn(s, asOf);
  const out: PersonPolicyStatus[] = [];
  for (const p of await docs<PolicyAckDoc>(reader, 'policy:')) {
    const v = currentVersionOn(p, asOf);
    if (v === undefined || !rolesOn(p, asOf).has(role)) continue;
    const acked = Object.entries(p.acknowledgments)
      .filter(([k, on]) => k.startsWith(`${staffId}@`) && on <= asOf)
      .map(([k]) => Number(k.slice(staffId.length + 1)));
    const on = p.acknowledgments[`${staffId}@${v}`];
    out.push({
      policyId: p.policyId,
      title: p.title,
      currentVersion: v,
      ...(on !== undefined && on <= asOf ? { acknowledgedOn: on } : {}),
      ...(acked.length === 0 ? {} : { lastAcknowledgedVersion: Math.max(...acked) }),
    });
  }
  return out;
};

/**
 * The acknowledgment status of the current version of every policy published and not
 * retired on `asOf`, in policy id order.
 */
export const policyAcknowledgmentStatuses = async (
  reader: ReadModelReader,
  asOf: string,
): Promise<AcknowledgmentStatus[]> => {
  const out: AcknowledgmentStatus[] = [];
  const staff = await docs<StaffDoc>(reader, 'staff:');
  for (const p of await docs<PolicyAckDoc>(reader, 'policy:')) {
    const s = statusOf(p, staff, { asOf });
    if (s !== undefined) out.push(s);
  }
  return out;
};

/** The policy acknowledgment KPI on a date. */
export interface PolicyAcknowledgmentRate {
  readonly asOf: string;
  /** (person, current version) assignments acknowledged. */
  readonly acknowledged: number;
  /** (person, current version) assignments. */
  readonly assigned: number;
  /** acknowledged ÷ assigned × 100; `undefined` when nothing is assigned. */
  readonly percent: number | undefined;
}

/**
 * Policy acknowledgment % (DOMAIN.md): (person, current version) assignments acknowledged ÷
 * (person, current version) assignments × 100, over staff active on `asOf` and policies
 * published and not retired by then, each person under the role they hold on `asOf`. An
 * acknowledgment of an older version does not count.
 *
 * @example
 * await policyAcknowledgmentRate(reader, '2026-06-30'); // { acknowledged: 3, assigned: 4, percent: 75 }
 */
export const policyAcknowledgmentRate = async (
  reader: ReadModelReader,
  asOf: string,
): Promise<PolicyAcknowledgmentRate> => {
  const statuses = await policyAcknowledgmentStatuses(reader, asOf);
  const acknowledged = statuses.reduce((n, s) => n + s.acknowledged, 0);
  const assigned = statuses.reduce((n, s) => n + s.assigned, 0);
  return {
    asOf,
    acknowledged,
    assigned,
    percent: assigned === 0 ? undefined : (acknowledged / assigned) * 100,
  };
};
