import * as t from 'io-ts';
import { command, defineCommands, ISODate, NonEmptyString, StaffNamed, type CommandOf } from '@praxis/core';

/** Every Conflict command, as exact codecs; each dated `…On` is its business time. */
export const commands = defineCommands('conflictId', {
  /** A conflict between staff members is reported; the reporter is the acting person. */
  OpenConflict: command(
    {
      conflictId: NonEmptyString,
      parties: t.readonlyArray(NonEmptyString),
      description: NonEmptyString,
      openedOn: ISODate,
    },
    {},
    { businessTime: 'openedOn', stamps: { reportedBy: 'actor' }, facts: { staffOnRecord: StaffNamed } },
  ),
  /** A mediation session was held. */
  MediateConflict: command(
    { mediator: NonEmptyString, mediatedOn: ISODate, notes: NonEmptyString },
    {},
    { businessTime: 'mediatedOn' },
  ),
  /** The conflict is settled. */
  ResolveConflict: command(
    { resolvedOn: ISODate, resolution: NonEmptyString },
    {},
    { businessTime: 'resolvedOn' },
  ),
  /** The conflict goes to HR, the owners or counsel. */
  EscalateConflict: command(
    { escalatedOn: ISODate, escalatedTo: NonEmptyString, reason: NonEmptyString },
    {},
    { businessTime: 'escalatedOn' },
  ),
});

/** Every Conflict command, as `decide` sees it. */
export type ConflictCommand = CommandOf<typeof commands>;
type Cmd<K extends ConflictCommand['type']> = Extract<ConflictCommand, { type: K }>;
export type OpenConflict = Cmd<'OpenConflict'>;
export type MediateConflict = Cmd<'MediateConflict'>;
export type ResolveConflict = Cmd<'ResolveConflict'>;
export type EscalateConflict = Cmd<'EscalateConflict'>;
