import * as t from 'io-ts';
import { command, defineCommands, ISODate, NonEmptyString, StaffNamed, type CommandOf } from '@praxis/core';
import { Recurrence } from './recurrence.js';
import { regulations, standardRequirements } from './standards.js';

const Regulation = t.keyof(
  Object.fromEntries(regulations.map((r) => [r, null])) as Record<(typeof regulations)[number], null>,
);
const StandardKey = t.keyof(
  Object.fromEntries(Object.keys(standardRequirements).map((k) => [k, null])) as Record<
    keyof typeof standardRequirements,
    null
  >,
);

/** Every command of a compliance Programme, as exact codecs; each dated `…On` is its business time. */
export const commands = defineCommands('programmeId', {
  /** Set up a programme for one regulation. */
  EstablishProgramme: command(
    {
      programmeId: NonEmptyString,
      regulation: Regulation,
      name: NonEmptyString,
      ownerId: NonEmptyString,
      establishedOn: ISODate,
    },
    {},
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
    /** `legalSource` defaults to the standard's source, else ''. */
    { standard: StandardKey, legalSource: NonEmptyString },
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
