import * as t from 'io-ts';
import { command, defineCommands, ISODate, NonEmptyString, StaffNamed, type CommandOf } from '@praxis/core';
import { Recurrence } from './recurrence.js';
import { standardRequirements } from './standards.js';
const StandardKey = t.keyof(
  Object.fromEntries(Object.keys(standardRequirements).map((k) => [k, null])) as Record<
    keyof typeof standardRequirements,
    null
  >,
);

/** Every command of a compliance Programme, as exact codecs; each dated `…On` is its business time. */
export const commands = defineCommands('programmeId', {
  /**
   * Set up a programme for one regulation: a known one (`HIPAA`, `OSHA`, `CLIA`,
   * `CDC-infection-control`, `Medicare-Medicaid-billing`; its source comes from the registry)
   * or any other (`DEA`, `No-Surprises-Act`, a state rule) with its `legalSource`.
   */
  EstablishProgramme: command(
    {
      programmeId: NonEmptyString,
      /** A known regulation's key or the practice's own name for it (≤ 100 characters). */
      regulation: NonEmptyString,
      name: NonEmptyString,
      ownerId: NonEmptyString,
      establishedOn: ISODate,
    },
    /**
     * `legalSource`: where the regulation is written (`21 CFR Parts 1301–1317`); required for a
     * regulation not in the registry. `jurisdiction`: `US`, a state (`TX`) or another authority.
     */
    { legalSource: NonEmptyString, jurisdiction: NonEmptyString },
    { businessTime: 'establishedOn', facts: { staffOnRecord: StaffNamed } },
  ),
  /** Add a recurring requirement, optionally one of the standard ones. */
  AddRequirement: command(
    {
      requirementId: NonEmptyString,
      title: NonEmptyString,
      recurrence: Recurrence,
      ownerId: NonEmptyString,
      firstDueOn: ISODate,
      addedOn: ISODate,
    },
    /**
     * `legalSource` defaults to the standard's source, else ''. `evidenceRequired`: each
     * fulfilment must say what proves it (`MeetRequirement.evidence`, `EvidenceRequired`).
     */
    { standard: StandardKey, legalSource: NonEmptyString, evidenceRequired: t.boolean },
    { businessTime: 'addedOn', facts: { staffOnRecord: StaffNamed } },
  ),
  /** The acting person met the requirement (`metBy` is stamped from the call). */
  MeetRequirement: command(
    { requirementId: NonEmptyString, metOn: ISODate },
    { evidence: NonEmptyString },
    { businessTime: 'metOn', stamps: { metBy: 'actor' } },
  ),
  ReassignRequirement: command(
    { requirementId: NonEmptyString, ownerId: NonEmptyString, reassignedOn: ISODate },
    {},
    { businessTime: 'reassignedOn', facts: { staffOnRecord: StaffNamed } },
  ),
  WithdrawRequirement: command(
    { requirementId: NonEmptyString, reason: NonEmptyString, withdrawnOn: ISODate },
    {},
    { businessTime: 'withdrawnOn' },
  ),
});

/** Every Programme command, as `decide` sees it. */
export type ProgrammeCommand = CommandOf<typeof commands>;
type Cmd<K extends ProgrammeCommand['type']> = Extract<ProgrammeCommand, { type: K }>;
export type EstablishProgramme = Cmd<'EstablishProgramme'>;
export type AddRequirement = Cmd<'AddRequirement'>;
export type MeetRequirement = Cmd<'MeetRequirement'>;
export type ReassignRequirement = Cmd<'ReassignRequirement'>;
export type WithdrawRequirement = Cmd<'WithdrawRequirement'>;
