import type { DocUpdate, Json, Projection, ReadModelReader, RecordedEvent } from '@praxis/core';
import { Roster } from '@praxis/staff';
import { crossTrainedMinimum, type SkillEvent, type StaffingPolicyEvent } from './index.js';

/** The name of the skills matrix read model. */
export const staffSkillsName = 'staff-skills';

/** One certification of a person in a skill, as held from `certifiedOn`. */
export interface CertificationDoc {
  readonly level: string;
  readonly certifiedOn: string;
  readonly expiresOn: string | null;
  readonly revokedOn: string | null;
}
/** One person's row of the skills matrix (`skills:<staffId>`): every certification, by skill. */
export interface SkillsDoc {
  readonly staffId: string;
  readonly skills: Readonly<Record<string, readonly CertificationDoc[]>>;
}
/** The critical skills (`critical-skills`): when each was required, and dropped. */
export type CriticalSkillsDoc = Readonly<
  Record<string, readonly { readonly requiredOn: string; readonly droppedOn: string | null }[]>
>;

export const skillsKey = (staffId: string) => `skills:${staffId}`;
export const criticalSkillsKey = 'critical-skills';

type SData<K extends SkillEvent['type']> = Extract<SkillEvent, { type: K }>['data'];
type PData<K extends StaffingPolicyEvent['type']> = Extract<StaffingPolicyEvent, { type: K }>['data'];

const onSkills = (staffId: string, f: (d: SkillsDoc) => SkillsDoc): DocUpdate => ({
  key: skillsKey(staffId),
  update: (cur) => f((cur as SkillsDoc | undefined) ?? { staffId, skills: {} }) as unknown as Json,
});
const onCritical = (f: (d: CriticalSkillsDoc) => CriticalSkillsDoc): DocUpdate => ({
  key: criticalSkillsKey,
  update: (cur) => f((cur as CriticalSkillsDoc | undefined) ?? {}) as unknown as Json,
});

const handlers: Record<string, (e: RecordedEvent) => DocUpdate[]> = {
  SkillCertified: (e) => {
    const d = e.data as SData<'SkillCertified'>;
    return [
      onSkills(d.staffId, (s) => ({
        ...s,
        skills: {
          ...s.skills,
          [d.skill]: [
            ...(s.skills[d.skill] ?? []),
            { level: d.level, certifiedOn: d.certifiedOn, expiresOn: d.expiresOn ?? null, revokedOn: null },
          ],
        },
      })),
    ];
  },
  SkillRevoked: (e) => {
    const d = e.data as SData<'SkillRevoked'>;
    return [
      onSkills(d.staffId, (s) => ({
        ...s,
        skills: {
          ...s.skills,
          [d.skill]: (s.skills[d.skill] ?? []).map((c) =>
            c.revokedOn === null ? { ...c, revokedOn: d.revokedOn } : c,
          ),
        },
      })),
    ];
  },
  CriticalSkillRequired: (e) => {
    const d = e.data as PData<'CriticalSkillRequired'>;
    return [
      onCritical((c) => ({
        ...c,
        [d.skill]: [...(c[d.skill] ?? []), { requiredOn: d.requiredOn, droppedOn: null }],
      })),
    ];
  },
  CriticalSkillDropped: (e) => {
    const d = e.data as PData<'CriticalSkillDropped'>;
    return [
      onCritical((c) => ({
        ...c,
        [d.skill]: (c[d.skill] ?? []).map((x) =>
          x.droppedOn === null ? { ...x, droppedOn: d.droppedOn } : x,
        ),
      })),
    ];
  },
};

/**
 * The `staff-skills` read model (MODULES.md §3.3 R10): the skills matrix (one row per person, every
 * certification with its dates) and the critical skills — enough to judge coverage on any day.
 */
export const staffSkills: Projection = {
  name: staffSkillsName,
  version: 1,
  eventTypes: Object.keys(handlers),
  handle: (e) => handlers[e.type]?.(e) ?? [],
};

/** Whether a certification holds on `date`: given by then, not expired, not revoked. */
export const certifiedOn = (c: CertificationDoc, date: string): boolean =>
  c.certifiedOn <= date &&
  (c.expiresOn === null || c.expiresOn >= date) &&
  (c.revokedOn === null || c.revokedOn > date);

/** A critical skill's coverage on a day: the staff ids certified in it and on staff. */
export interface SkillCoverage {
  readonly skill: string;
  readonly certified: readonly string[];
  /** At least two certified people on staff (cross-trained). */
  readonly covered: boolean;
}

/**
 * Cross-training coverage on `date` (MODULES.md §3.3 KPIs): for each skill critical that day,
 * the people certified in it who are on staff (staff roster). Sorted by skill.
 *
 * @example
 * (await crossTrainingOn(practice.readModels, '2026-06-30')).filter((s) => !s.covered) // one-person skills
 */
export const crossTrainingOn = async (reader: ReadModelReader, date: string): Promise<SkillCoverage[]> => {
  const critical = ((await reader.get(staffSkillsName, criticalSkillsKey)) ??
    {}) as unknown as CriticalSkillsDoc;
  const skills = Object.entries(critical)
    .filter(([, spells]) =>
      spells.some((x) => x.requiredOn <= date && (x.droppedOn === null || x.droppedOn > date)),
    )
    .map(([skill]) => skill)
    .sort();
  if (skills.length === 0) return [];
  const rows: SkillsDoc[] = [];
  for await (const [, doc] of reader.list(staffSkillsName, 'skills:')) rows.push(doc as unknown as SkillsDoc);
  const active = new Set<string>();
  for (const r of rows) {
    const entry = await Roster.getRosterEntry(reader, r.staffId);
    if (entry !== undefined && Roster.isActiveOn(entry, date)) active.add(r.staffId);
  }
  return skills.map((skill) => {
    const certified = rows
      .filter((r) => active.has(r.staffId) && (r.skills[skill] ?? []).some((c) => certifiedOn(c, date)))
      .map((r) => r.staffId)
      .sort();
    return { skill, certified, covered: certified.length >= crossTrainedMinimum };
  });
};
