/**
 * Patient experience surveys (MODULES.md §3.1 P7): `SurveyCampaign-<campaignId>` defines the
 * instrument (CG-CAHPS 3.1 adult, NPS or a custom one), `SurveyResponse-<responseId>` is one
 * invitation and its answers. Answers are scores in clear (the read model keeps only aggregates
 * per provider and month, never one patient's answers); the free-text comment is sealed with the
 * patient as subject. A score at or below the campaign's threshold is a low score: a
 * service-recovery duty on the calendar, or a complaint when the patient asks to be contacted
 * (Tebra steers low ratings to private feedback [TEB1]).
 */
import * as t from 'io-ts';
import {
  ISODate,
  ISOInstant,
  NonEmptyString,
  NonNegativeInt,
  PositiveInt,
  accept,
  command,
  defineCommands,
  defineEvents,
  defineRefusals,
  personal,
  reject,
  subject,
  type CommandOf,
  type Decider,
  type Decision,
  type EventOf,
  type ProcessManager,
} from '@praxis/core';

/** The CG-CAHPS 3.1 composites and ratings Praxis reports (AHRQ [CAHPS]), and NPS. */
export const Composite = t.keyof({
  access: null,
  'provider-communication': null,
  'office-staff': null,
  'care-coordination': null,
  'provider-rating': null,
  nps: null,
});
export type Composite = t.TypeOf<typeof Composite>;

const Scale = t.type({ min: t.number, max: t.number });
const Question = t.intersection([
  t.type({ id: NonEmptyString, scale: Scale }),
  t.partial({ composite: Composite }),
]);
export type SurveyQuestion = t.TypeOf<typeof Question>;
const Instrument = t.type({
  id: t.keyof({ 'cg-cahps-3.1-adult': null, nps: null, custom: null }),
  version: NonEmptyString,
  questions: t.readonlyArray(Question),
});

/** "Never / Sometimes / Usually / Always" (1–4) and the 0–10 provider rating of CG-CAHPS 3.1. */
const often = { min: 1, max: 4 };
const rating = { min: 0, max: 10 };
/**
 * The CG-CAHPS 3.1 adult items Praxis scores, by composite (AHRQ CAHPS Clinician & Group Survey
 * 3.1; results comparable to AHRQ's database only with the standard instrument and protocol).
 */
export const cgCahpsAdult31: t.TypeOf<typeof Instrument> = {
  id: 'cg-cahps-3.1-adult',
  version: '3.1',
  questions: [
    { id: 'urgent-care-as-soon-as-needed', scale: often, composite: 'access' },
    { id: 'routine-care-as-soon-as-needed', scale: often, composite: 'access' },
    { id: 'answer-same-day', scale: often, composite: 'access' },
    { id: 'explained-clearly', scale: often, composite: 'provider-communication' },
    { id: 'listened-carefully', scale: often, composite: 'provider-communication' },
    { id: 'showed-respect', scale: often, composite: 'provider-communication' },
    { id: 'spent-enough-time', scale: often, composite: 'provider-communication' },
    { id: 'knew-medical-history', scale: often, composite: 'care-coordination' },
    { id: 'followed-up-test-results', scale: often, composite: 'care-coordination' },
    { id: 'talked-about-medicines', scale: often, composite: 'care-coordination' },
    { id: 'clerks-helpful', scale: often, composite: 'office-staff' },
    { id: 'clerks-courteous', scale: often, composite: 'office-staff' },
    { id: 'provider-rating', scale: rating, composite: 'provider-rating' },
  ],
};

/**
 * Top box: the best answer of a frequency scale ("Always"), 9–10 on a 0–10 rating (AHRQ's
 * CG-CAHPS reporting); for NPS 9–10 are promoters.
 */
export const isTopBox = (q: { scale: { min: number; max: number } }, value: number): boolean =>
  q.scale.max - q.scale.min >= 10 ? value >= q.scale.max - 1 : value === q.scale.max;

// ---------------------------------------------------------------- SurveyCampaign

export const campaignCommands = defineCommands('campaignId', {
  /** Defines (or revises: a new version) a survey campaign. */
  DefineSurveyCampaign: command(
    {
      campaignId: NonEmptyString,
      instrument: Instrument,
      trigger: t.literal('checked-out'),
      delayHours: NonNegativeInt,
      sampling: t.type({ everyNth: PositiveInt, maxPerProviderPerMonth: PositiveInt }),
      /** A rating (0–10 item) at or below this is a low score. */
      lowScoreThreshold: NonNegativeInt,
      /** Days an invitation stays open for answers. */
      responseWindowDays: PositiveInt,
    },
    {},
    { stamps: { definedAt: 'time', definedBy: 'actor' } },
  ),
});
export type SurveyCampaignCommand = CommandOf<typeof campaignCommands>;

export const campaignEvents = defineEvents({
  SurveyCampaignDefined: t.type({
    campaignId: NonEmptyString,
    campaignVersion: PositiveInt,
    instrument: Instrument,
    trigger: NonEmptyString,
    delayHours: NonNegativeInt,
    sampling: t.type({ everyNth: PositiveInt, maxPerProviderPerMonth: PositiveInt }),
    lowScoreThreshold: NonNegativeInt,
    responseWindowDays: PositiveInt,
    definedAt: ISOInstant,
    definedBy: NonEmptyString,
  }),
});
export type SurveyCampaignEvent = EventOf<typeof campaignEvents>;

export const campaignRefusals = defineRefusals({
  NoQuestions: 'invalid',
  DuplicateQuestion: 'invalid',
  InvalidScale: 'invalid',
  ThresholdOffScale: 'invalid',
});
export type SurveyCampaignRefusal = keyof typeof campaignRefusals;

/** A campaign's version in force. */
export interface CampaignState {
  readonly campaignId: string;
  readonly version: number;
  readonly questions: readonly SurveyQuestion[];
  readonly lowScoreThreshold: number;
  readonly responseWindowDays: number;
  readonly maxPerProviderPerMonth: number;
}
export const campaignInitialState: CampaignState = {
  campaignId: '',
  version: 0,
  questions: [],
  lowScoreThreshold: 0,
  responseWindowDays: 1,
  maxPerProviderPerMonth: 1,
};

export const campaignEvolve = (_s: CampaignState, e: SurveyCampaignEvent): CampaignState => ({
  campaignId: e.data.campaignId,
  version: e.data.campaignVersion,
  questions: e.data.instrument.questions,
  lowScoreThreshold: e.data.lowScoreThreshold,
  responseWindowDays: e.data.responseWindowDays,
  maxPerProviderPerMonth: e.data.sampling.maxPerProviderPerMonth,
});

/**
 * Decides a campaign definition (pure): at least one question (`NoQuestions`), ids unique
 * (`DuplicateQuestion`), each scale whole numbers with min < max (`InvalidScale`), the low-score
 * threshold on the 0–10 scale (`ThresholdOffScale`). Each definition is a new version.
 */
export const campaignDecide = (c: SurveyCampaignCommand, s: CampaignState): Decision<SurveyCampaignEvent> => {
  const qs = c.instrument.questions;
  if (qs.length === 0) return reject('NoQuestions', 'an instrument needs questions', 'instrument.questions');
  const seen = new Set<string>();
  for (const [i, q] of qs.entries()) {
    if (seen.has(q.id)) return reject('DuplicateQuestion', `${q.id} twice`, `instrument.questions.${i}.id`);
    seen.add(q.id);
    if (!Number.isInteger(q.scale.min) || !Number.isInteger(q.scale.max) || q.scale.min >= q.scale.max)
      return reject('InvalidScale', 'whole numbers, min below max', `instrument.questions.${i}.scale`);
  }
  if (c.lowScoreThreshold > 10)
    return reject('ThresholdOffScale', 'a 0–10 rating threshold', 'lowScoreThreshold');
  const { type: _t, ...data } = c;
  return accept(campaignEvents.make('SurveyCampaignDefined', { ...data, campaignVersion: s.version + 1 }));
};

/** The SurveyCampaign aggregate. */
export const campaignDecider: Decider<
  SurveyCampaignCommand,
  SurveyCampaignEvent,
  CampaignState,
  SurveyCampaignRefusal
> = {
  name: 'SurveyCampaign',
  stateVersion: 1,
  initialState: campaignInitialState,
  evolve: campaignEvolve,
  decide: campaignDecide,
  events: campaignEvents,
  commands: campaignCommands,
  refusals: campaignRefusals,
};

// ---------------------------------------------------------------- SurveyResponse

/** The appointment as an invitation needs it (null: no such appointment that day). */
export const AppointmentFact = t.union([
  t.null,
  t.type({ status: t.string, patientId: t.string, providerId: t.string }),
]);
/** The campaign in force (null: no such campaign). */
export const CampaignFact = t.union([
  t.null,
  t.type({
    version: t.number,
    questions: t.readonlyArray(Question),
    lowScoreThreshold: t.number,
    responseWindowDays: t.number,
    maxPerProviderPerMonth: t.number,
  }),
]);

export const responseCommands = defineCommands('responseId', {
  /** Invites the patient of a checked-out appointment (the embedding app sends the survey message). */
  InviteToSurvey: command(
    {
      responseId: NonEmptyString,
      campaignId: NonEmptyString,
      appointmentId: NonEmptyString,
      appointmentDate: ISODate,
    },
    {},
    {
      stamps: { invitedAt: 'time', invitedBy: 'actor' },
      facts: {
        appointment: AppointmentFact,
        campaign: CampaignFact,
        /** Another response already invites this appointment to this campaign. */
        alreadyInvited: t.boolean,
        /** Invitations already sent this month for the appointment's provider in this campaign. */
        invitedThisMonth: NonNegativeInt,
      },
    },
  ),
  RecordSurveyAnswers: command(
    {
      answers: t.readonlyArray(t.type({ questionId: NonEmptyString, value: t.number })),
      publicReviewConsent: t.boolean,
    },
    { comment: NonEmptyString, contactRequested: t.boolean },
    { stamps: { submittedAt: 'time' } },
  ),
  /** Records the service recovery done after a low score (closes its duty on the calendar). */
  RecordServiceRecovery: command(
    { action: t.keyof({ called: null, 'letter-sent': null, 'visit-offered': null, 'no-contact': null }) },
    {},
    { stamps: { recordedAt: 'time', recordedBy: 'actor' } },
  ),
});
export type SurveyResponseCommand = CommandOf<typeof responseCommands>;

const PatientId = subject('patient', NonEmptyString);
export const responseEvents = defineEvents({
  SurveyInvited: t.type({
    responseId: NonEmptyString,
    campaignId: NonEmptyString,
    campaignVersion: PositiveInt,
    appointmentId: NonEmptyString,
    appointmentDate: ISODate,
    patientId: PatientId,
    providerId: NonEmptyString,
    invitedAt: ISOInstant,
    invitedBy: NonEmptyString,
    closesAt: ISOInstant,
    questions: t.array(Question),
    lowScoreThreshold: NonNegativeInt,
  }),
  /** Scores in clear (aggregated by the read model); the comment sealed. */
  SurveyAnswered: t.intersection([
    t.type({
      responseId: NonEmptyString,
      campaignId: NonEmptyString,
      appointmentId: NonEmptyString,
      appointmentDate: ISODate,
      patientId: PatientId,
      providerId: NonEmptyString,
      answers: t.array(
        t.intersection([
          t.type({ questionId: NonEmptyString, value: t.number, topBox: t.boolean }),
          t.partial({ composite: Composite }),
        ]),
      ),
      submittedAt: ISOInstant,
      publicReviewConsent: t.boolean,
      contactRequested: t.boolean,
      lowScore: t.boolean,
    }),
    t.partial({ comment: personal(NonEmptyString) }),
  ]),
  ServiceRecoveryRecorded: t.type({
    responseId: NonEmptyString,
    patientId: PatientId,
    action: NonEmptyString,
    recordedAt: ISOInstant,
    recordedBy: NonEmptyString,
  }),
});
export type SurveyResponseEvent = EventOf<typeof responseEvents>;

export const responseRefusals = defineRefusals({
  ResponseExists: 'conflict',
  UnknownCampaign: 'not-found',
  UnknownAppointment: 'not-found',
  NotCheckedOut: 'rule',
  AlreadyInvited: 'conflict',
  SampleQuotaReached: 'rule',
  UnknownResponse: 'not-found',
  AlreadyAnswered: 'conflict',
  BeforeInvitation: 'rule',
  SurveyClosed: 'rule',
  UnknownQuestion: 'invalid',
  DuplicateAnswer: 'invalid',
  AnswerOutOfRange: 'invalid',
  NoLowScore: 'rule',
  AlreadyRecovered: 'conflict',
});
export type SurveyResponseRefusal = keyof typeof responseRefusals;

export interface ResponseState {
  readonly status: 'none' | 'invited' | 'answered';
  readonly responseId: string;
  readonly patientId: string;
  readonly invitation?: Extract<SurveyResponseEvent, { type: 'SurveyInvited' }>['data'];
  readonly lowScore: boolean;
  readonly recovered: boolean;
}
export const responseInitialState: ResponseState = {
  status: 'none',
  responseId: '',
  patientId: '',
  lowScore: false,
  recovered: false,
};

export const responseEvolve = (s: ResponseState, e: SurveyResponseEvent): ResponseState => {
  switch (e.type) {
    case 'SurveyInvited':
      return {
        ...s,
        status: 'invited',
        responseId: e.data.responseId,
        patientId: e.data.patientId,
        invitation: e.data,
      };
    case 'SurveyAnswered':
      return { ...s, status: 'answered', lowScore: e.data.lowScore };
    case 'ServiceRecoveryRecorded':
      return { ...s, recovered: true };
  }
};

const dayMs = 86_400_000;

/**
 * Decides one SurveyResponse command (pure). An invitation: the campaign exists
 * (`UnknownCampaign`), the appointment exists (`UnknownAppointment`) and is checked out
 * (`NotCheckedOut`; Tebra sends at Checked Out [TEB1]), once per appointment and campaign
 * (`AlreadyInvited`), within the campaign's monthly quota per provider (`SampleQuotaReached`).
 * Answers: once (`AlreadyAnswered`), before the window closes (`SurveyClosed`), each to a
 * question of the instrument (`UnknownQuestion`, `DuplicateAnswer`), a whole number on its scale
 * (`AnswerOutOfRange`).
 */
export const responseDecide = (c: SurveyResponseCommand, s: ResponseState): Decision<SurveyResponseEvent> => {
  switch (c.type) {
    case 'InviteToSurvey': {
      if (s.status !== 'none') return reject('ResponseExists', 'already invited', 'responseId');
      if (c.campaign === null) return reject('UnknownCampaign', `no campaign ${c.campaignId}`, 'campaignId');
      if (c.appointment === null)
        return reject('UnknownAppointment', `no appointment ${c.appointmentId} that day`, 'appointmentId');
      if (c.appointment.status !== 'checked-out')
        return reject('NotCheckedOut', `the appointment is ${c.appointment.status}`, 'appointmentId');
      if (c.alreadyInvited)
        return reject('AlreadyInvited', 'this visit is already invited to this campaign', 'appointmentId');
      if (c.invitedThisMonth >= c.campaign.maxPerProviderPerMonth)
        return reject(
          'SampleQuotaReached',
          `at most ${c.campaign.maxPerProviderPerMonth} a month for ${c.appointment.providerId}`,
          'appointmentId',
        );
      const closesAt = new Date(
        Date.parse(c.invitedAt) + c.campaign.responseWindowDays * dayMs,
      ).toISOString();
      return accept(
        responseEvents.make('SurveyInvited', {
          responseId: c.responseId,
          campaignId: c.campaignId,
          campaignVersion: c.campaign.version,
          appointmentId: c.appointmentId,
          appointmentDate: c.appointmentDate,
          patientId: c.appointment.patientId,
          providerId: c.appointment.providerId,
          invitedAt: c.invitedAt,
          invitedBy: c.invitedBy,
          closesAt,
          questions: c.campaign.questions.map((q) => ({ ...q, scale: { ...q.scale } })),
          lowScoreThreshold: c.campaign.lowScoreThreshold,
        }),
      );
    }
    case 'RecordSurveyAnswers': {
      const inv = s.invitation;
      if (s.status === 'none' || inv === undefined)
        return reject('UnknownResponse', 'no such invitation', 'responseId');
      if (s.status === 'answered') return reject('AlreadyAnswered', 'answered already', 'responseId');
      if (Date.parse(c.submittedAt) > Date.parse(inv.closesAt))
        return reject('SurveyClosed', `the survey closed at ${inv.closesAt}`, 'submittedAt');
      if (Date.parse(c.submittedAt) < Date.parse(inv.invitedAt))
        return reject('BeforeInvitation', `the patient was invited at ${inv.invitedAt}`, 'submittedAt');
      const seen = new Set<string>();
      const answers = [];
      let lowScore = false;
      for (const [i, a] of c.answers.entries()) {
        const q = inv.questions.find((x) => x.id === a.questionId);
        if (q === undefined)
          return reject('UnknownQuestion', `${a.questionId} is not on the survey`, `answers.${i}.questionId`);
        if (seen.has(q.id))
          return reject('DuplicateAnswer', `${q.id} answered twice`, `answers.${i}.questionId`);
        seen.add(q.id);
        if (!Number.isInteger(a.value) || a.value < q.scale.min || a.value > q.scale.max)
          return reject('AnswerOutOfRange', `${q.scale.min} to ${q.scale.max}`, `answers.${i}.value`);
        if (q.scale.max - q.scale.min >= 10 && a.value <= inv.lowScoreThreshold) lowScore = true;
        answers.push({
          questionId: q.id,
          value: a.value,
          topBox: isTopBox(q, a.value),
          ...(q.composite === undefined ? {} : { composite: q.composite }),
        });
      }
      return accept(
        responseEvents.make('SurveyAnswered', {
          responseId: inv.responseId,
          campaignId: inv.campaignId,
          appointmentId: inv.appointmentId,
          appointmentDate: inv.appointmentDate,
          patientId: inv.patientId,
          providerId: inv.providerId,
          answers,
          submittedAt: c.submittedAt,
          publicReviewConsent: c.publicReviewConsent,
          contactRequested: c.contactRequested ?? false,
          lowScore,
          ...(c.comment === undefined ? {} : { comment: c.comment }),
        }),
      );
    }
    case 'RecordServiceRecovery': {
      if (s.status === 'none') return reject('UnknownResponse', 'no such invitation', 'responseId');
      if (!s.lowScore)
        return reject('NoLowScore', 'only a low score calls for service recovery', 'responseId');
      if (s.recovered) return reject('AlreadyRecovered', 'recorded already', 'responseId');
      return accept(
        responseEvents.make('ServiceRecoveryRecorded', {
          responseId: s.responseId,
          patientId: s.patientId,
          action: c.action,
          recordedAt: c.recordedAt,
          recordedBy: c.recordedBy,
        }),
      );
    }
  }
};

/** The SurveyResponse aggregate. */
export const responseDecider: Decider<
  SurveyResponseCommand,
  SurveyResponseEvent,
  ResponseState,
  SurveyResponseRefusal
> = {
  name: 'SurveyResponse',
  stateVersion: 1,
  initialState: responseInitialState,
  evolve: responseEvolve,
  decide: responseDecide,
  events: responseEvents,
  commands: responseCommands,
  refusals: responseRefusals,
};

/**
 * A low score from a patient who asked to be contacted becomes a complaint (channel `survey`):
 * the formal process with its SLAs. Other low scores stay a service-recovery duty.
 */
export const complaintOnLowScore: ProcessManager = {
  name: 'complaint-on-low-survey-score',
  eventTypes: ['SurveyAnswered'],
  grants: ['Complaint.ReceiveComplaint'],
  react: (e) => {
    const d = e.data as unknown as {
      responseId: string;
      patientId: string;
      appointmentId: string;
      lowScore: boolean;
      contactRequested: boolean;
    };
    if (!d.lowScore || !d.contactRequested) return [];
    return [
      {
        aggregate: 'Complaint',
        command: {
          type: 'ReceiveComplaint',
          complaintId: `survey-${d.responseId}`,
          channel: 'survey',
          category: 'other',
          complainant: `patient ${d.patientId} (survey response ${d.responseId})`,
          summary: 'A low score on the patient experience survey, with a request to be contacted',
          patientId: d.patientId,
          appointmentId: d.appointmentId,
        } as never,
      },
    ];
  },
};
