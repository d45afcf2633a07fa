import type { Json, Projection, RecordedEvent, DocUpdate } from '@praxis/core';

/** The name of the policy acknowledgment read model. */
export const policyAcknowledgmentsName = 'policy-acknowledgments';

/** A policy as the acknowledgment read model keeps it (document `policy:<policyId>`). */
export interface PolicyAckDoc {
  readonly policyId: string;
  readonly title: string;
  readonly versions: readonly {
    readonly version: number;
    readonly publishedOn: string;
    readonly effectiveOn: string;
  }[];
  readonly roles: readonly { readonly role: string; readonly assignedOn: string }[];
  /** `${staffId}@${version}` → acknowledgment date. */
  readonly acknowledgments: Readonly<Record<string, string>>;
  readonly retiredOn?: string;
}

/** A staff member as the read model keeps them (document `staff:<staffId>`), from the staff module's events. */
export interface StaffDoc {
  readonly staffId: string;
  /** The latest role (from the hire or the latest role change). */
  readonly role: string;
  /**
   * Every role held, in date order: the role at hire from the start date, then each
   * `StaffMemberRoleChanged` from its effective date. Absent in documents written by version 1.
   */
  readonly roles?: readonly { readonly role: string; readonly from: string }[];
  readonly startDate: string;
  readonly separatedOn?: string;
}

const emptyPolicy = (policyId: string): PolicyAckDoc => ({
  policyId,
  title: policyId,
  versions: [],
  roles: [],
  acknowledgments: {},
});

const onPolicy = (policyId: string, f: (p: PolicyAckDoc) => PolicyAckDoc): DocUpdate => ({
  key: `policy:${policyId}`,
  update: (cur) =>
    f((cur as unknown as PolicyAckDoc | undefined) ?? emptyPolicy(policyId)) as unknown as Json,
});

type D = Record<string, unknown> & { policyId: string };

/**
 * Policy versions, role assignments and acknowledgments, with the staff roster they are
 * counted against (`StaffMemberHired` / `StaffMemberRoleChanged` / `StaffMemberSeparated`
 * from @praxis/staff, so a person is counted under the role they hold on the date asked).
 * Everything is kept dated, so acknowledgment status can be asked as of any date.
 */
export const policyAcknowledgments: Projection = {
  name: policyAcknowledgmentsName,
  // 2: staff role history (StaffMemberRoleChanged)
  version: 2,
  eventTypes: [
    'PolicyDrafted',
    'PolicyPublished',
    'PolicyAssigned',
    'PolicyAcknowledged',
    'PolicyRetired',
    'StaffMemberHired',
    'StaffMemberRoleChanged',
    'StaffMemberSeparated',
  ],
  handle: (e: RecordedEvent) => {
    const d = e.data as D;
    switch (e.type) {
      case 'PolicyDrafted':
        return [onPolicy(d.policyId, (p) => ({ ...p, title: d.title as string }))];
      case 'PolicyPublished':
        return [
          onPolicy(d.policyId, (p) => ({
            ...p,
            versions: [
              ...p.versions,
              {
                version: d.version as number,
                publishedOn: d.publishedOn as string,
                effectiveOn: d.effectiveOn as string,
              },
            ],
          })),
        ];
      case 'PolicyAssigned':
        return [
          onPolicy(d.policyId, (p) => ({
            ...p,
            roles: [
              ...p.roles,
              ...(d.roles as string[]).map((role) => ({ role, assignedOn: d.assignedOn as string })),
            ],
          })),
        ];
      case 'PolicyAcknowledged':
        return [
          onPolicy(d.policyId, (p) => ({
            ...p,
            acknowledgments: {
              ...p.acknowledgments,
              [`${d.staffId as string}@${d.version as number}`]: d.acknowledgedOn as string,
            },
          })),
        ];
      case 'PolicyRetired':
        return [onPolicy(d.policyId, (p) => ({ ...p, retiredOn: d.retiredOn as string }))];
      case 'StaffMemberHired': {
        const s: StaffDoc = {
          staffId: d.staffId as string,
          role: d.role as string,
          startDate: d.startDate as string,
          roles: [{ role: d.role as string, from: d.startDate as string }],
        };
        return [{ key: `staff:${s.staffId}`, update: () => s as unknown as Json }];
      }
      case 'StaffMemberRoleChanged':
        return [
          {
            key: `staff:${d.staffId as string}`,
            update: (cur) => {
              if (cur === undefined) return cur;
              const s = cur as unknown as StaffDoc;
              const role = d.role as string;
              const history = s.roles ?? [{ role: s.role, from: s.startDate }];
              const next: StaffDoc = {
                ...s,
                role,
                roles: [...history, { role, from: d.effectiveOn as string }],
              };
              return next as unknown as Json;
            },
          },
        ];
      case 'StaffMemberSeparated':
        return [
          {
            key: `staff:${d.staffId as string}`,
            update: (cur) =>
              cur === undefined
                ? cur
                : { ...(cur as Record<string, Json>), separatedOn: d.separatedOn as string },
          },
        ];
      default:
        return [];
    }
  },
};
