/**
 * The StaffMeeting aggregate (`StaffMeeting-<meetingId>`): a staff meeting as held — agenda,
 * attendees on the staff record, and the decisions taken, each with an owner; the
 * `meeting-decisions-to-work` process manager turns each decision into a work item.
 */
import * as t from 'io-ts';
import {
  accept,
  command,
  defineCommands,
  defineEvents,
  defineRefusals,
  ISODate,
  NonEmptyString,
  refuseStaffNotOnRecord,
  reject,
  StaffNamed,
  staffOnRecordRefusals,
  type CommandOf,
  type Decider,
  type Decision,
  type EventOf,
  type ProcessManager,
} from '@praxis/core';

/** Most agenda items, attendees and decisions one meeting record holds. */
export const meetingLimits = { agenda: 50, attendees: 200, decisions: 50 } as const;

/** A decision of the meeting: what is to be done, by whom, by when (optional). */
const DecisionInput = t.type({ decisionId: NonEmptyString, text: NonEmptyString, ownerId: NonEmptyString });
const DecisionDue = t.partial({ dueOn: ISODate });

/** Every StaffMeeting command. The chair is the acting person. */
export const commands = defineCommands('meetingId', {
  HoldStaffMeeting: command(
    {
      meetingId: NonEmptyString,
      heldOn: ISODate,
      agenda: t.readonlyArray(NonEmptyString),
      attendeeIds: t.readonlyArray(NonEmptyString),
      decisions: t.readonlyArray(t.intersection([DecisionInput, DecisionDue])),
    },
    {},
    { businessTime: 'heldOn', stamps: { chairedBy: 'actor' }, facts: { staffOnRecord: StaffNamed } },
  ),
});
export type StaffMeetingCommand = CommandOf<typeof commands>;
export type HoldStaffMeeting = Extract<StaffMeetingCommand, { type: 'HoldStaffMeeting' }>;

/**
 * Events of a staff meeting. Agenda items and decisions describe the practice's work, not people:
 * bounded, not sealed (docs/decisions/staff-meetings-and-pulse-surveys.md); names do not belong in them.
 */
export const events = defineEvents({
  StaffMeetingHeld: t.type({
    meetingId: NonEmptyString,
    heldOn: ISODate,
    chairedBy: NonEmptyString,
    agenda: t.array(NonEmptyString),
    attendeeIds: t.array(NonEmptyString),
    decisions: t.array(t.intersection([DecisionInput, DecisionDue])),
  }),
});
export type StaffMeetingEvent = EventOf<typeof events>;

export const refusals = defineRefusals({
  ...staffOnRecordRefusals,
  MeetingAlreadyRecorded: 'conflict',
  NoAgenda: 'invalid',
  NoAttendees: 'invalid',
  DuplicateDecision: 'invalid',
  DueBeforeMeeting: 'rule',
  TooManyItems: 'invalid',
});
export type StaffMeetingRefusal = keyof typeof refusals;

/** A meeting is recorded once. */
export interface StaffMeeting {
  readonly heldOn?: string;
}

const decide = (c: StaffMeetingCommand, s: StaffMeeting): Decision<StaffMeetingEvent> => {
  const refused = refuseStaffNotOnRecord<StaffMeetingEvent>(c.staffOnRecord);
  if (refused !== undefined) return refused;
  if (s.heldOn !== undefined)
    return reject(
      'MeetingAlreadyRecorded',
      `meeting ${c.meetingId} was recorded for ${s.heldOn}`,
      'meetingId',
    );
  if (c.agenda.length === 0) return reject('NoAgenda', 'a staff meeting has an agenda', 'agenda');
  if (c.attendeeIds.length === 0)
    return reject('NoAttendees', 'a staff meeting has attendees', 'attendeeIds');
  for (const k of ['agenda', 'attendeeIds', 'decisions'] as const) {
    const max = meetingLimits[k === 'attendeeIds' ? 'attendees' : k];
    if (c[k].length > max) return reject('TooManyItems', `at most ${max}`, k);
  }
  const ids = c.decisions.map((d) => d.decisionId);
  const dup = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (dup >= 0)
    return reject('DuplicateDecision', `decision ${ids[dup]} is listed twice`, `decisions.${dup}.decisionId`);
  const early = c.decisions.findIndex((d) => d.dueOn !== undefined && d.dueOn < c.heldOn);
  if (early >= 0)
    return reject('DueBeforeMeeting', `due before the meeting (${c.heldOn})`, `decisions.${early}.dueOn`);
  return accept(
    events.make('StaffMeetingHeld', {
      meetingId: c.meetingId,
      heldOn: c.heldOn,
      chairedBy: c.chairedBy,
      agenda: [...c.agenda],
      attendeeIds: [...new Set(c.attendeeIds)],
      decisions: c.decisions.map((d) => ({
        decisionId: d.decisionId,
        text: d.text,
        ownerId: d.ownerId,
        ...(d.dueOn === undefined ? {} : { dueOn: d.dueOn }),
      })),
    }),
  );
};

/** The StaffMeeting aggregate. */
export const decider: Decider<StaffMeetingCommand, StaffMeetingEvent, StaffMeeting, StaffMeetingRefusal> = {
  name: 'StaffMeeting',
  stateVersion: 1,
  initialState: {},
  evolve: (_s, e) => ({ heldOn: e.data.heldOn }),
  decide,
  events,
  commands,
  refusals,
};

/**
 * Each decision of a staff meeting becomes a work item (@praxis/strategy's `WorkItem`, by
 * aggregate name — no package dependency): id `meeting-<meetingId>-<decisionId>`, owned by the
 * decision's owner, due when the decision says, source `manual` with `sourceRef`
 * `StaffMeeting-<meetingId>` so the queue shows where it came from.
 */
export const meetingDecisionsToWork: ProcessManager = {
  name: 'meeting-decisions-to-work',
  eventTypes: ['StaffMeetingHeld'],
  grants: ['WorkItem.CreateWorkItem'],
  react: (e) => {
    const d = e.data as StaffMeetingEvent['data'];
    return d.decisions.map((x) => ({
      aggregate: 'WorkItem',
      command: {
        type: 'CreateWorkItem',
        workItemId: `meeting-${d.meetingId}-${x.decisionId}`,
        title: x.text,
        source: 'manual',
        impact: 'operational',
        ownerId: x.ownerId,
        sourceRef: `StaffMeeting-${d.meetingId}`,
        ...(x.dueOn === undefined ? {} : { dueOn: x.dueOn }),
      },
    }));
  },
};
