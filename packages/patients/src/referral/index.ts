/**
 * Referrals out and in, to loop closure (`Referral-<referralId>`, MODULES.md §3.1 P6; CMS50
 * closing the referral loop: the referring clinician receives the consult report [CMS50]).
 */
import * as t from 'io-ts';
import {
  ISODate,
  NonEmptyString,
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
} from '@praxis/core';

const Urgency = t.keyof({ routine: null, urgent: null });
const Party = t.intersection([
  t.type({ name: NonEmptyString, specialty: NonEmptyString, inNetwork: t.boolean }),
  t.partial({ npi: NonEmptyString }),
]);
const Channel = t.keyof({ direct: null, fax: null, portal: null, 'e-referral': null, paper: null });
const Outcome = t.keyof({
  completed: null,
  'declined-by-patient': null,
  cancelled: null,
  'lost-to-follow-up': null,
});

export const commands = defineCommands('referralId', {
  CreateReferral: command(
    {
      referralId: NonEmptyString,
      patientId: NonEmptyString,
      referringProviderId: NonEmptyString,
      to: Party,
      reason: NonEmptyString,
      urgency: Urgency,
      authorizationRequired: t.boolean,
      createdOn: ISODate,
    },
    {},
    { businessTime: 'createdOn' },
  ),
  /** Sends an outgoing referral; one needing authorization needs an approved one (a fact). */
  SendReferral: command(
    { sentOn: ISODate, channel: Channel, documents: t.readonlyArray(NonEmptyString) },
    { authorizationId: NonEmptyString },
    { businessTime: 'sentOn', facts: { authorizationStatus: t.union([t.string, t.null]) } },
  ),
  RecordReferralScheduled: command(
    { appointmentOn: ISODate, recordedOn: ISODate },
    {},
    { businessTime: 'recordedOn' },
  ),
  RecordReferralSeen: command({ seenOn: ISODate }, {}, { businessTime: 'seenOn' }),
  RecordConsultReport: command(
    { receivedOn: ISODate, reportRef: NonEmptyString },
    {},
    { businessTime: 'receivedOn' },
  ),
  CloseReferral: command({ outcome: Outcome, closedOn: ISODate }, {}, { businessTime: 'closedOn' }),
  /** An incoming referral: this practice is the consultant and owes the referrer a report. */
  ReceiveReferral: command(
    {
      referralId: NonEmptyString,
      patientId: NonEmptyString,
      from: Party,
      reason: NonEmptyString,
      urgency: Urgency,
      receivedOn: ISODate,
    },
    {},
    { businessTime: 'receivedOn' },
  ),
  SendConsultReport: command({ sentOn: ISODate, channel: Channel }, {}, { businessTime: 'sentOn' }),
});
export type ReferralCommand = CommandOf<typeof commands>;

const PatientId = subject('patient', NonEmptyString);
const ids = { referralId: NonEmptyString, patientId: NonEmptyString };
const PartyEv = t.intersection([
  t.type({ name: NonEmptyString, specialty: NonEmptyString, inNetwork: t.boolean }),
  t.partial({ npi: NonEmptyString }),
]);

/** Referral events; the reason (about the patient's condition) is sealed. */
export const events = defineEvents({
  ReferralCreated: t.type({
    referralId: NonEmptyString,
    patientId: PatientId,
    referringProviderId: NonEmptyString,
    to: PartyEv,
    reason: personal(NonEmptyString),
    urgency: Urgency,
    authorizationRequired: t.boolean,
    createdOn: ISODate,
  }),
  ReferralSent: t.intersection([
    t.type({
      ...ids,
      sentOn: ISODate,
      channel: NonEmptyString,
      documents: t.array(NonEmptyString),
      urgency: Urgency,
    }),
    t.partial({ authorizationId: NonEmptyString }),
  ]),
  ReferralScheduled: t.type({ ...ids, appointmentOn: ISODate, recordedOn: ISODate }),
  ReferralSeen: t.type({ ...ids, seenOn: ISODate, direction: t.keyof({ outgoing: null, incoming: null }) }),
  ConsultReportReceived: t.type({ ...ids, receivedOn: ISODate, reportRef: NonEmptyString }),
  ReferralClosed: t.type({ ...ids, outcome: Outcome, closedOn: ISODate, inNetwork: t.boolean }),
  ReferralReceived: t.type({
    referralId: NonEmptyString,
    patientId: PatientId,
    from: PartyEv,
    reason: personal(NonEmptyString),
    urgency: Urgency,
    receivedOn: ISODate,
  }),
  ConsultReportSent: t.type({ ...ids, sentOn: ISODate, channel: NonEmptyString }),
});
export type ReferralEvent = EventOf<typeof events>;

export const refusals = defineRefusals({
  ReferralExists: 'conflict',
  UnknownReferral: 'not-found',
  ReferralClosed: 'conflict',
  WrongDirection: 'conflict',
  AuthorizationPending: 'rule',
  ReferralOutOfOrder: 'rule',
  ReportBeforeReferral: 'rule',
  LoopNotClosed: 'rule',
  AlreadyRecorded: 'conflict',
});
export type ReferralRefusal = keyof typeof refusals;

type Step = 'none' | 'created' | 'sent' | 'scheduled' | 'seen' | 'reported' | 'received';
export interface State {
  readonly direction: 'none' | 'outgoing' | 'incoming';
  readonly step: Step;
  readonly closed: boolean;
  readonly referralId: string;
  readonly patientId: string;
  readonly urgency: 'routine' | 'urgent';
  readonly authorizationRequired: boolean;
  readonly inNetwork: boolean;
  readonly lastOn: string;
  readonly reportReceived: boolean;
  readonly reportSent: boolean;
}
export const initialState: State = {
  direction: 'none',
  step: 'none',
  closed: false,
  referralId: '',
  patientId: '',
  urgency: 'routine',
  authorizationRequired: false,
  inNetwork: true,
  lastOn: '',
  reportReceived: false,
  reportSent: false,
};

export const evolve = (s: State, e: ReferralEvent): State => {
  switch (e.type) {
    case 'ReferralCreated':
      return {
        ...s,
        direction: 'outgoing',
        step: 'created',
        referralId: e.data.referralId,
        patientId: e.data.patientId,
        urgency: e.data.urgency,
        authorizationRequired: e.data.authorizationRequired,
        inNetwork: e.data.to.inNetwork,
        lastOn: e.data.createdOn,
      };
    case 'ReferralReceived':
      return {
        ...s,
        direction: 'incoming',
        step: 'received',
        referralId: e.data.referralId,
        patientId: e.data.patientId,
        urgency: e.data.urgency,
        inNetwork: e.data.from.inNetwork,
        lastOn: e.data.receivedOn,
      };
    case 'ReferralSent':
      return { ...s, step: 'sent', lastOn: e.data.sentOn };
    case 'ReferralScheduled':
      return { ...s, step: 'scheduled', lastOn: e.data.recordedOn };
    case 'ReferralSeen':
      return { ...s, step: 'seen', lastOn: e.data.seenOn };
    case 'ConsultReportReceived':
      return { ...s, step: 'reported', reportReceived: true, lastOn: e.data.receivedOn };
    case 'ConsultReportSent':
      return { ...s, reportSent: true, lastOn: e.data.sentOn };
    case 'ReferralClosed':
      return { ...s, closed: true, lastOn: e.data.closedOn };
  }
};

const order: readonly Step[] = ['created', 'sent', 'scheduled', 'seen', 'reported'];
const ref = (s: State) => ({ referralId: s.referralId, patientId: s.patientId });

/** The referral exists, is open, and (when `direction` is given) goes that way. */
const live = (s: State, direction?: 'outgoing' | 'incoming'): Decision<ReferralEvent> | undefined =>
  s.direction === 'none'
    ? reject('UnknownReferral', 'no such referral', 'referralId')
    : s.closed
      ? reject('ReferralClosed', 'the referral is closed', 'referralId')
      : direction !== undefined && s.direction !== direction
        ? reject('WrongDirection', `this is an ${s.direction} referral`, 'referralId')
        : undefined;

/** Steps go forward and in date order (`ReferralOutOfOrder`). */
const forward = (
  s: State,
  to: Step,
  on: string,
  field: string,
  from: readonly Step[],
): Decision<ReferralEvent> | undefined => {
  if (!from.includes(s.step))
    return reject(
      'ReferralOutOfOrder',
      `the referral is ${s.step}; ${to} needs ${from.join(' or ')}`,
      'referralId',
    );
  if (on < s.lastOn) return reject('ReferralOutOfOrder', `the previous step was on ${s.lastOn}`, field);
  return undefined;
};

/**
 * Decides one Referral command (pure). Outgoing: created → sent (an approved authorization
 * first when one is required, `AuthorizationPending`) → scheduled → seen → consult report
 * received (never before it was sent, `ReportBeforeReferral` [CMS50]) → closed; `completed`
 * needs the report (`LoopNotClosed`). Incoming: received → seen → report sent → closed.
 */
export const decide = (c: ReferralCommand, s: State): Decision<ReferralEvent> => {
  switch (c.type) {
    case 'CreateReferral': {
      if (s.direction !== 'none') return reject('ReferralExists', 'already recorded', 'referralId');
      const { type: _t, to, ...data } = c;
      return accept(events.make('ReferralCreated', { ...data, to: { ...to } }));
    }
    case 'ReceiveReferral': {
      if (s.direction !== 'none') return reject('ReferralExists', 'already recorded', 'referralId');
      const { type: _t, from, ...data } = c;
      return accept(events.make('ReferralReceived', { ...data, from: { ...from } }));
    }
    case 'SendReferral': {
      const bad = live(s, 'outgoing') ?? forward(s, 'sent', c.sentOn, 'sentOn', ['created']);
      if (bad !== undefined) return bad;
      if (s.authorizationRequired && c.authorizationStatus !== 'approved')
        return reject(
          'AuthorizationPending',
          c.authorizationId === undefined
            ? 'name the approved authorization'
            : `the authorization is ${c.authorizationStatus ?? 'unknown'}`,
          'authorizationId',
        );
      return accept(
        events.make('ReferralSent', {
          ...ref(s),
          sentOn: c.sentOn,
          channel: c.channel,
          documents: [...c.documents],
          urgency: s.urgency,
          ...(c.authorizationId === undefined ? {} : { authorizationId: c.authorizationId }),
        }),
      );
    }
    case 'RecordReferralScheduled': {
      const bad = live(s, 'outgoing') ?? forward(s, 'scheduled', c.recordedOn, 'recordedOn', ['sent']);
      if (bad !== undefined) return bad;
      return accept(
        events.make('ReferralScheduled', {
          ...ref(s),
          appointmentOn: c.appointmentOn,
          recordedOn: c.recordedOn,
        }),
      );
    }
    case 'RecordReferralSeen': {
      const from: readonly Step[] = s.direction === 'incoming' ? ['received'] : ['sent', 'scheduled'];
      const bad = live(s) ?? forward(s, 'seen', c.seenOn, 'seenOn', from);
      if (bad !== undefined) return bad;
      return accept(
        events.make('ReferralSeen', {
          ...ref(s),
          seenOn: c.seenOn,
          direction: s.direction === 'incoming' ? 'incoming' : 'outgoing',
        }),
      );
    }
    case 'RecordConsultReport': {
      const bad = live(s, 'outgoing');
      if (bad !== undefined) return bad;
      if (s.reportReceived) return reject('AlreadyRecorded', 'the report is already recorded', 'reportRef');
      if (order.indexOf(s.step) < order.indexOf('sent') || c.receivedOn < s.lastOn)
        return reject('ReportBeforeReferral', 'a consult report follows the referral (CMS50)', 'receivedOn');
      return accept(
        events.make('ConsultReportReceived', { ...ref(s), receivedOn: c.receivedOn, reportRef: c.reportRef }),
      );
    }
    case 'SendConsultReport': {
      const bad = live(s, 'incoming');
      if (bad !== undefined) return bad;
      if (s.reportSent) return reject('AlreadyRecorded', 'the report is already sent', 'sentOn');
      if (s.step !== 'seen')
        return reject('ReferralOutOfOrder', 'see the patient before reporting', 'referralId');
      if (c.sentOn < s.lastOn)
        return reject('ReferralOutOfOrder', `the patient was seen on ${s.lastOn}`, 'sentOn');
      return accept(events.make('ConsultReportSent', { ...ref(s), sentOn: c.sentOn, channel: c.channel }));
    }
    case 'CloseReferral': {
      const bad = live(s);
      if (bad !== undefined) return bad;
      if (c.closedOn < s.lastOn)
        return reject('ReferralOutOfOrder', `the previous step was on ${s.lastOn}`, 'closedOn');
      if (c.outcome === 'completed' && (s.direction === 'outgoing' ? !s.reportReceived : !s.reportSent))
        return reject('LoopNotClosed', 'a completed referral has its consult report', 'outcome');
      return accept(
        events.make('ReferralClosed', {
          ...ref(s),
          outcome: c.outcome,
          closedOn: c.closedOn,
          inNetwork: s.inNetwork,
        }),
      );
    }
  }
};

export const decider: Decider<ReferralCommand, ReferralEvent, State, ReferralRefusal> = {
  name: 'Referral',
  stateVersion: 1,
  initialState,
  evolve,
  decide,
  events,
  commands,
  refusals,
};
