import * as t from 'io-ts';
import { command, defineCommands, ISODate, NonEmptyString, type CommandOf } from '@praxis/core';
import { Impact, Source } from './events.js';

/** The obligation a work item comes from, as the calendar has it (a fact the handler looks up). */
export const SourceObligation = t.type({ dueOn: ISODate, impact: t.union([Impact, t.null]) });

/** Facts the handler computes and freezes in the command (never sent by a caller). */
export const facts = {
  /**
   * For `source: 'obligation'`: the obligation `sourceRef` names (`<projection>/<obligation id>`,
   * e.g. `staff-obligations/credential:s1:lic`), or `null` when there is none.
   */
  CreateWorkItem: { sourceObligation: t.union([SourceObligation, t.null]) },
  /** Whether `to` is on staff (hired, not separated). */
  DelegateWorkItem: { delegateActive: t.boolean },
} as const;

/** Every command of a WorkItem. The acting person and business time come from the call. */
export const commands = defineCommands('workItemId', {
  /** Items from an obligation inherit its due date and impact (MODULES.md S5). */
  CreateWorkItem: command(
    {
      workItemId: NonEmptyString,
      title: NonEmptyString,
      source: Source,
      impact: Impact,
      ownerId: NonEmptyString,
    },
    { sourceRef: NonEmptyString, dueOn: ISODate },
    { stamps: { createdBy: 'actor', at: 'time' }, facts: facts.CreateWorkItem },
  ),
  /** `expectations`: the definition of done; `dueOn`: when it is due. Both required. */
  DelegateWorkItem: command(
    { to: NonEmptyString, expectations: t.string },
    { dueOn: ISODate },
    { stamps: { delegatedBy: 'actor', at: 'time' }, facts: facts.DelegateWorkItem },
  ),
  AcceptWorkItem: command({}, {}, { stamps: { acceptedBy: 'actor', at: 'time' } }),
  DeclineWorkItem: command({ reason: t.string }, {}, { stamps: { declinedBy: 'actor', at: 'time' } }),
  ReassessPriority: command(
    { impact: Impact, reason: t.string },
    {},
    { stamps: { reprioritisedBy: 'actor', at: 'time' } },
  ),
  CompleteWorkItem: command(
    { completedOn: ISODate, evidence: t.string },
    {},
    { businessTime: 'completedOn', stamps: { completedBy: 'actor' } },
  ),
  VerifyWorkItem: command({}, {}, { stamps: { verifiedBy: 'actor', at: 'time' } }),
});

/** Every WorkItem command, as `decide` sees it. */
export type WorkItemCommand = CommandOf<typeof commands>;
type Cmd<K extends WorkItemCommand['type']> = Extract<WorkItemCommand, { type: K }>;
export type CreateWorkItem = Cmd<'CreateWorkItem'>;
export type DelegateWorkItem = Cmd<'DelegateWorkItem'>;
export type AcceptWorkItem = Cmd<'AcceptWorkItem'>;
export type DeclineWorkItem = Cmd<'DeclineWorkItem'>;
export type ReassessPriority = Cmd<'ReassessPriority'>;
export type CompleteWorkItem = Cmd<'CompleteWorkItem'>;
export type VerifyWorkItem = Cmd<'VerifyWorkItem'>;
