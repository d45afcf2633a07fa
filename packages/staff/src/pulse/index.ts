/**
 * The PulseSurvey aggregate (`PulseSurvey-<surveyId>`): an anonymous staff pulse survey. Staff are
 * invited by id; answers are recorded in batches by a collector who is not an invitee (the
 * platform records the actor of every command, so a respondent never records their own answers),
 * carry no respondent, invitation or free text, and results show only from
 * `pulseMinimumResponses` answers (docs/decisions/staff-meetings-and-pulse-surveys.md).
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
  type DocUpdate,
  type EventOf,
  type Json,
  type Projection,
  type ReadModelReader,
  type RecordedEvent,
} from '@praxis/core';

/** Results are shown only from this many responses (fewer could point at a person). */
export const pulseMinimumResponses = 5;
/** Most questions a pulse survey asks. */
export const pulseMaxQuestions = 20;

const Question = t.type({ questionId: NonEmptyString, text: NonEmptyString });
const Answer = t.type({ questionId: NonEmptyString, score: t.number });

/** Every PulseSurvey command. */
export const commands = defineCommands('surveyId', {
  /** Scores run 1 (strongly disagree) to 5 (strongly agree). */
  OpenPulseSurvey: command(
    {
      surveyId: NonEmptyString,
      openedOn: ISODate,
      closesOn: ISODate,
      questions: t.readonlyArray(Question),
      inviteeIds: t.readonlyArray(NonEmptyString),
    },
    {},
    { businessTime: 'openedOn', facts: { staffOnRecord: StaffNamed } },
  ),
  /**
   * A batch of anonymous responses, recorded by the collector (a survey tool's account or the
   * person who empties the box) — who may not be an invitee. Each response answers some or all
   * questions with a score 1–5.
   */
  RecordPulseResponses: command(
    {
      receivedOn: ISODate,
      responses: t.readonlyArray(t.type({ answers: t.readonlyArray(Answer) })),
    },
    {},
    { businessTime: 'receivedOn', stamps: { collector: 'actor' } },
  ),
  ClosePulseSurvey: command({ closedOn: ISODate }, {}, { businessTime: 'closedOn' }),
});
export type PulseSurveyCommand = CommandOf<typeof commands>;

/** Events of a pulse survey. No event names a respondent. */
export const events = defineEvents({
  PulseSurveyOpened: t.type({
    surveyId: NonEmptyString,
    openedOn: ISODate,
    closesOn: ISODate,
    questions: t.array(Question),
    /** Who was invited (an invitation is not an answer: no answer refers to it). */
    inviteeIds: t.array(NonEmptyString),
  }),
  /** Anonymous responses: scores only, no respondent, no link to an invitation, no free text. */
  PulseResponsesRecorded: t.type({
    surveyId: NonEmptyString,
    receivedOn: ISODate,
    responses: t.array(t.type({ answers: t.array(Answer) })),
  }),
  PulseSurveyClosed: t.type({ surveyId: NonEmptyString, closedOn: ISODate }),
});
export type PulseSurveyEvent = EventOf<typeof events>;

export const refusals = defineRefusals({
  ...staffOnRecordRefusals,
  SurveyExists: 'conflict',
  SurveyNotOpen: 'conflict',
  ClosesBeforeOpening: 'rule',
  NoQuestions: 'invalid',
  TooManyItems: 'invalid',
  DuplicateQuestion: 'invalid',
  TooFewInvitees: 'rule',
  CollectorIsInvitee: 'rule',
  OutsideSurveyWindow: 'rule',
  NoResponses: 'invalid',
  UnknownQuestion: 'invalid',
  ScoreOutOfRange: 'invalid',
  MoreResponsesThanInvitees: 'rule',
});
export type PulseSurveyRefusal = keyof typeof refusals;

/** The state of one pulse survey. */
export interface PulseSurvey {
  readonly status: 'none' | 'open' | 'closed';
  readonly surveyId: string;
  readonly openedOn: string;
  readonly closesOn: string;
  readonly questionIds: readonly string[];
  readonly inviteeIds: readonly string[];
  readonly responses: number;
}
const initialState: PulseSurvey = {
  status: 'none',
  surveyId: '',
  openedOn: '',
  closesOn: '',
  questionIds: [],
  inviteeIds: [],
  responses: 0,
};

const evolve = (s: PulseSurvey, e: PulseSurveyEvent): PulseSurvey => {
  switch (e.type) {
    case 'PulseSurveyOpened':
      return {
        status: 'open',
        surveyId: e.data.surveyId,
        openedOn: e.data.openedOn,
        closesOn: e.data.closesOn,
        questionIds: e.data.questions.map((q) => q.questionId),
        inviteeIds: e.data.inviteeIds,
        responses: 0,
      };
    case 'PulseResponsesRecorded':
      return { ...s, responses: s.responses + e.data.responses.length };
    case 'PulseSurveyClosed':
      return { ...s, status: 'closed' };
  }
};

type D = Decision<PulseSurveyEvent>;

const decide = (c: PulseSurveyCommand, s: PulseSurvey): D => {
  switch (c.type) {
    case 'OpenPulseSurvey': {
      const refused = refuseStaffNotOnRecord<PulseSurveyEvent>(c.staffOnRecord);
      if (refused !== undefined) return refused;
      if (s.status !== 'none') return reject('SurveyExists', `survey ${c.surveyId} exists`, 'surveyId');
      if (c.closesOn < c.openedOn)
        return reject('ClosesBeforeOpening', 'it closes before it opens', 'closesOn');
      if (c.questions.length === 0)
        return reject('NoQuestions', 'a survey asks at least one question', 'questions');
      if (c.questions.length > pulseMaxQuestions)
        return reject('TooManyItems', `at most ${pulseMaxQuestions} questions`, 'questions');
      const ids = c.questions.map((q) => q.questionId);
      const dup = ids.findIndex((id, i) => ids.indexOf(id) !== i);
      if (dup >= 0)
        return reject(
          'DuplicateQuestion',
          `question ${ids[dup]} is listed twice`,
          `questions.${dup}.questionId`,
        );
      const inviteeIds = [...new Set(c.inviteeIds)];
      if (inviteeIds.length < pulseMinimumResponses)
        return reject(
          'TooFewInvitees',
          `invite at least ${pulseMinimumResponses} people, or the results could never be shown anonymously`,
          'inviteeIds',
        );
      return accept(
        events.make('PulseSurveyOpened', {
          surveyId: c.surveyId,
          openedOn: c.openedOn,
          closesOn: c.closesOn,
          questions: c.questions.map((q) => ({ questionId: q.questionId, text: q.text })),
          inviteeIds,
        }),
      );
    }
    case 'RecordPulseResponses': {
      if (s.status !== 'open')
        return reject('SurveyNotOpen', s.status === 'none' ? 'no such survey' : 'the survey is closed');
      if (s.inviteeIds.includes(c.collector))
        return reject(
          'CollectorIsInvitee',
          'an invitee cannot record responses: the log would tie them to the answers',
          'collector',
        );
      if (c.receivedOn < s.openedOn || c.receivedOn > s.closesOn)
        return reject('OutsideSurveyWindow', `the survey runs ${s.openedOn} to ${s.closesOn}`, 'receivedOn');
      if (c.responses.length === 0) return reject('NoResponses', 'record at least one response', 'responses');
      if (s.responses + c.responses.length > s.inviteeIds.length)
        return reject('MoreResponsesThanInvitees', `${s.inviteeIds.length} people were invited`, 'responses');
      for (const [i, r] of c.responses.entries())
        for (const [j, a] of r.answers.entries()) {
          if (!s.questionIds.includes(a.questionId))
            return reject(
              'UnknownQuestion',
              `no question ${a.questionId}`,
              `responses.${i}.answers.${j}.questionId`,
            );
          if (!Number.isInteger(a.score) || a.score < 1 || a.score > 5)
            return reject('ScoreOutOfRange', 'scores run from 1 to 5', `responses.${i}.answers.${j}.score`);
        }
      return accept(
        events.make('PulseResponsesRecorded', {
          surveyId: s.surveyId,
          receivedOn: c.receivedOn,
          responses: c.responses.map((r) => ({
            answers: r.answers.map((a) => ({ questionId: a.questionId, score: a.score })),
          })),
        }),
      );
    }
    case 'ClosePulseSurvey':
      if (s.status !== 'open')
        return reject('SurveyNotOpen', s.status === 'none' ? 'no such survey' : 'the survey is closed');
      return accept(events.make('PulseSurveyClosed', { surveyId: s.surveyId, closedOn: c.closedOn }));
  }
};

/** The PulseSurvey aggregate. */
export const decider: Decider<PulseSurveyCommand, PulseSurveyEvent, PulseSurvey, PulseSurveyRefusal> = {
  name: 'PulseSurvey',
  stateVersion: 1,
  initialState,
  evolve,
  decide,
  events,
  commands,
  refusals,
};

/** The name of the pulse survey read model. */
export const staffPulseName = 'staff-pulse';

/** One survey's aggregate counts (document `pulse:<surveyId>`): never a row per response. */
export interface PulseDoc {
  readonly surveyId: string;
  readonly openedOn: string;
  readonly closesOn: string;
  readonly closedOn?: string;
  readonly invited: number;
  readonly responses: number;
  readonly questions: readonly {
    readonly questionId: string;
    readonly text: string;
    /** Count of each score 1..5 (index 0 = score 1). */
    readonly counts: readonly number[];
  }[];
}

const onPulse = (surveyId: string, f: (d: PulseDoc | undefined) => PulseDoc | undefined): DocUpdate => ({
  key: `pulse:${surveyId}`,
  update: (cur) => f(cur as unknown as PulseDoc | undefined) as unknown as Json | undefined,
});

/** The `staff-pulse` read model: per survey, invited, responses and the count of each score per question. */
export const staffPulse: Projection = {
  name: staffPulseName,
  version: 1,
  eventTypes: ['PulseSurveyOpened', 'PulseResponsesRecorded', 'PulseSurveyClosed'],
  handle: (e: RecordedEvent) => {
    const ev = e as unknown as PulseSurveyEvent;
    switch (ev.type) {
      case 'PulseSurveyOpened': {
        const d = ev.data;
        const doc: PulseDoc = {
          surveyId: d.surveyId,
          openedOn: d.openedOn,
          closesOn: d.closesOn,
          invited: d.inviteeIds.length,
          responses: 0,
          questions: d.questions.map((q) => ({ ...q, counts: [0, 0, 0, 0, 0] })),
        };
        return [onPulse(d.surveyId, () => doc)];
      }
      case 'PulseResponsesRecorded': {
        const d = ev.data;
        return [
          onPulse(d.surveyId, (cur) =>
            cur === undefined
              ? cur
              : {
                  ...cur,
                  responses: cur.responses + d.responses.length,
                  questions: cur.questions.map((q) => {
                    const counts = [...q.counts];
                    for (const r of d.responses)
                      for (const a of r.answers) if (a.questionId === q.questionId) counts[a.score - 1]! += 1;
                    return { ...q, counts };
                  }),
                },
          ),
        ];
      }
      case 'PulseSurveyClosed':
        return [
          onPulse(ev.data.surveyId, (cur) =>
            cur === undefined ? cur : { ...cur, closedOn: ev.data.closedOn },
          ),
        ];
    }
  },
};

/** A survey's results: hidden below the minimum number of responses, else per question. */
export type PulseResults =
  | {
      readonly shown: false;
      readonly surveyId: string;
      readonly invited: number;
      readonly responses: number;
      readonly minimum: number;
    }
  | {
      readonly shown: true;
      readonly surveyId: string;
      readonly invited: number;
      readonly responses: number;
      readonly questions: readonly {
        readonly questionId: string;
        readonly text: string;
        readonly answers: number;
        /** Mean score 1–5 (undefined when nobody answered this question). */
        readonly mean: number | undefined;
        /** Count of each score, index 0 = score 1. */
        readonly distribution: readonly number[];
      }[];
    };

/**
 * The results of a pulse survey, or undefined when there is none. With fewer than
 * `pulseMinimumResponses` responses only the counts of invited and responses are given.
 *
 * @example
 * const r = await pulseSurveyResults(practice.readModels, 'pulse-2026-q1');
 * if (r?.shown) r.questions.map((q) => q.mean);
 */
export const pulseSurveyResults = async (
  reader: ReadModelReader,
  surveyId: string,
): Promise<PulseResults | undefined> => {
  const d = (await reader.get(staffPulseName, `pulse:${surveyId}`)) as unknown as PulseDoc | undefined;
  if (d === undefined) return undefined;
  const base = { surveyId, invited: d.invited, responses: d.responses };
  if (d.responses < pulseMinimumResponses) return { shown: false, ...base, minimum: pulseMinimumResponses };
  return {
    shown: true,
    ...base,
    questions: d.questions.map((q) => {
      const answers = q.counts.reduce((n, c) => n + c, 0);
      const sum = q.counts.reduce((n, c, i) => n + c * (i + 1), 0);
      return {
        questionId: q.questionId,
        text: q.text,
        answers,
        mean: answers === 0 ? undefined : sum / answers,
        distribution: [...q.counts],
      };
    }),
  };
};
