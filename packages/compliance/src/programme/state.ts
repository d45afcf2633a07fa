import type { ProgrammeEvent } from './events.js';
import type { Recurrence } from './recurrence.js';
import type { Regulation } from './standards.js';

/** One recurring requirement and its open due date. */
export interface Requirement {
  readonly title: string;
  readonly recurrence: Recurrence;
  readonly ownerId: string;
  readonly legalSource: string;
  /** The open occurrence (1 = the first due date). */
  readonly occurrence: number;
  readonly dueOn: string;
  readonly lastMetOn?: string;
  readonly withdrawn: boolean;
  /** Each fulfilment must name its evidence. */
  readonly evidenceRequired?: boolean;
}

/** A compliance programme as its events left it. JSON-serialisable. */
export interface Programme {
  readonly exists: boolean;
  readonly programmeId: string;
  readonly regulation?: Regulation;
  readonly legalSource?: string;
  readonly ownerId: string;
  readonly establishedOn: string;
  readonly requirements: Readonly<Record<string, Requirement>>;
}

/** No programme yet. */
export const initialState: Programme = {
  exists: false,
  programmeId: '',
  ownerId: '',
  establishedOn: '',
  requirements: {},
};

const withRequirement = (s: Programme, id: string, f: (r: Requirement) => Requirement): Programme => {
  const r = s.requirements[id];
  return r === undefined ? s : { ...s, requirements: { ...s.requirements, [id]: f(r) } };
};

/** Applies one event. Pure. */
export const evolve = (s: Programme, e: ProgrammeEvent): Programme => {
  switch (e.type) {
    case 'ComplianceProgrammeEstablished':
      return {
        exists: true,
        programmeId: e.data.programmeId,
        regulation: e.data.regulation,
        ...(e.data.legalSource === undefined ? {} : { legalSource: e.data.legalSource }),
        ownerId: e.data.ownerId,
        establishedOn: e.data.establishedOn,
        requirements: {},
      };
    case 'ComplianceRequirementAdded':
      return {
        ...s,
        requirements: {
          ...s.requirements,
          [e.data.requirementId]: {
            title: e.data.title,
            recurrence: e.data.recurrence,
            ownerId: e.data.ownerId,
            legalSource: e.data.legalSource,
            occurrence: 1,
            dueOn: e.data.firstDueOn,
            withdrawn: false,
            ...(e.data.evidenceRequired === true ? { evidenceRequired: true } : {}),
          },
        },
      };
    case 'ComplianceRequirementMet':
      return withRequirement(s, e.data.requirementId, (r) => ({
        ...r,
        occurrence: e.data.occurrence + 1,
        dueOn: e.data.nextDueOn,
        lastMetOn: e.data.metOn,
      }));
    case 'ComplianceRequirementReassigned':
      return withRequirement(s, e.data.requirementId, (r) => ({ ...r, ownerId: e.data.ownerId }));
    case 'ComplianceRequirementWithdrawn':
      return withRequirement(s, e.data.requirementId, (r) => ({ ...r, withdrawn: true }));
  }
};
