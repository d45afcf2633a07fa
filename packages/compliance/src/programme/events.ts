import * as t from 'io-ts';
import { ISODate, NonEmptyString, PositiveInt, defineEvents, struct, type EventOf } from '@praxis/core';
import { Recurrence } from './recurrence.js';
import { standardRequirements } from './standards.js';
const StandardKey = t.keyof(
  Object.fromEntries(Object.keys(standardRequirements).map((k) => [k, null])) as Record<
    keyof typeof standardRequirements,
    null
  >,
);

/** Every event of a compliance Programme (one per regulation) and its recurring requirements. */
export const events = defineEvents({
  /** The practice set up a compliance programme for one regulation, with an owner. */
  ComplianceProgrammeEstablished: struct(
    {
      programmeId: NonEmptyString,
      /** A known regulation's key (`HIPAA`) or the practice's own (`DEA`). */
      regulation: NonEmptyString,
      name: NonEmptyString,
      ownerId: NonEmptyString,
      establishedOn: ISODate,
    },
    {
      /** Where the regulation is written (the registry's, or the practice's for its own). */
      legalSource: NonEmptyString,
      jurisdiction: NonEmptyString,
      /** Whether the regulation is in Praxis's registry. */
      known: t.boolean,
    },
  ),
  /** A recurring requirement was added, with its owner, recurrence and first due date. */
  ComplianceRequirementAdded: struct(
    {
      programmeId: NonEmptyString,
      requirementId: NonEmptyString,
      title: NonEmptyString,
      recurrence: Recurrence,
      ownerId: NonEmptyString,
      firstDueOn: ISODate,
      legalSource: t.string,
      addedOn: ISODate,
    },
    { standard: StandardKey, evidenceRequired: t.boolean },
  ),
  /** The requirement was met for its current due date; the next one is due one recurrence after. */
  ComplianceRequirementMet: struct(
    {
      programmeId: NonEmptyString,
      requirementId: NonEmptyString,
      /** The requirement as it stands (title, owner, source), so the next occurrence reads on its own. */
      title: NonEmptyString,
      ownerId: NonEmptyString,
      legalSource: t.string,
      /** Which occurrence was met (1 = the first due date). */
      occurrence: PositiveInt,
      metBy: NonEmptyString,
      metOn: ISODate,
      dueOn: ISODate,
      nextDueOn: ISODate,
    },
    { evidence: t.string },
  ),
  /** A requirement changed hands. */
  ComplianceRequirementReassigned: t.type({
    programmeId: NonEmptyString,
    requirementId: NonEmptyString,
    ownerId: NonEmptyString,
    occurrence: PositiveInt,
    dueOn: ISODate,
    reassignedOn: ISODate,
  }),
  /** A requirement no longer applies; its open due date lapses. */
  ComplianceRequirementWithdrawn: t.type({
    programmeId: NonEmptyString,
    requirementId: NonEmptyString,
    reason: NonEmptyString,
    occurrence: PositiveInt,
    dueOn: ISODate,
    withdrawnOn: ISODate,
  }),
});

/** Every Programme event. */
export type ProgrammeEvent = EventOf<typeof events>;
