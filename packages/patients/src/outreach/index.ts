/**
 * Consent, opt-outs and every message to one patient (`Outreach-<patientId>`, MODULES.md §3.1
 * P4). Praxis decides and records; the embedding application sends. A message that would break
 * consent, an opt-out, the frequency cap or the message window is refused, and the refusal is
 * recorded in the audit trail (code and ids).
 */
import * as t from 'io-ts';
import { DateTime } from 'luxon';
import {
  NonNegativeInt,
  ISODate,
  ISOInstant,
  NonEmptyString,
  TimeZone,
  accept,
  command,
  defineCommands,
  defineEvents,
  defineRefusals,
  reject,
  type CommandOf,
  type Decider,
  type Decision,
  type EventOf,
  type ProcessManager,
} from '@praxis/core';

const Channel = t.keyof({ sms: null, email: null, voice: null });
const Purpose = t.keyof({ care: null, billing: null, marketing: null });
const Kind = t.keyof({
  reminder: null,
  'confirmation-request': null,
  'pre-visit-instructions': null,
  'post-visit-summary': null,
  survey: null,
  balance: null,
  education: null,
});
export type Channel = t.TypeOf<typeof Channel>;

/**
 * The default message windows per channel, local time of the patient (athenaOne defaults [ATH3]: SMS
 * and e-mail 09:00–21:00, calls 10:00–20:00), in minutes from midnight; a practice sets its own with
 * `SetOutreachPolicy` (`OutreachPolicy-practice`).
 */
export const messageWindows: Readonly<Record<Channel, { from: number; to: number }>> = {
  sms: { from: 9 * 60, to: 21 * 60 },
  email: { from: 9 * 60, to: 21 * 60 },
  voice: { from: 10 * 60, to: 20 * 60 },
};
/** Exempt automated care calls and texts: at most 1 a day and 3 a week (FCC 2015 TCPA ruling [TCPA]); the defaults. */
export const careCapPerDay = 1;
export const careCapPerWeek = 3;

export const commands = defineCommands('patientId', {
  RecordContactConsent: command(
    {
      patientId: NonEmptyString,
      channel: Channel,
      purpose: Purpose,
      givenOn: ISODate,
      source: t.keyof({ intake: null, portal: null, verbal: null, paper: null, reply: null }),
      written: t.boolean,
    },
    {},
    { businessTime: 'givenOn', stamps: { recordedBy: 'actor' } },
  ),
  /** An opt-out applies at once, to every purpose on that channel. */
  RecordOptOut: command(
    { patientId: NonEmptyString, channel: Channel },
    { keyword: NonEmptyString },
    { stamps: { optedOutAt: 'time', recordedBy: 'actor' } },
  ),
  RecordOptIn: command(
    { patientId: NonEmptyString, channel: Channel },
    {},
    { stamps: { optedInAt: 'time', recordedBy: 'actor' } },
  ),
  SendMessage: command(
    { patientId: NonEmptyString, messageId: NonEmptyString, channel: Channel, purpose: Purpose, kind: Kind },
    /** The appointment the message is about, and its day (so a reply can confirm or cancel it). */
    { appointmentId: NonEmptyString, appointmentDate: ISODate },
    {
      stamps: { sendAt: 'time', sentBy: 'actor' },
      // The patient's own zone (Patient.timeZone), null when unknown: the send time's offset is used.
      // The outreach policy in force (OutreachPolicy-practice, or the defaults): windows as minutes.
      facts: {
        patientTimeZone: t.union([TimeZone, t.null]),
        policy: t.type({
          policyVersion: NonNegativeInt,
          windows: t.type({
            sms: t.type({ from: NonNegativeInt, to: NonNegativeInt }),
            email: t.type({ from: NonNegativeInt, to: NonNegativeInt }),
            voice: t.type({ from: NonNegativeInt, to: NonNegativeInt }),
          }),
          careCapPerDay: NonNegativeInt,
          careCapPerWeek: NonNegativeInt,
        }),
      },
    },
  ),
  RecordDelivery: command(
    { messageId: NonEmptyString, status: t.keyof({ delivered: null, failed: null }) },
    {},
    { stamps: { at: 'time' } },
  ),
  /** A reply: `stop` opts the channel out at once. */
  RecordReply: command(
    { messageId: NonEmptyString, intent: t.keyof({ confirm: null, cancel: null, stop: null }) },
    {},
    { stamps: { receivedAt: 'time' } },
  ),
});
export type OutreachCommand = CommandOf<typeof commands>;

const pid = { patientId: NonEmptyString };
export const events = defineEvents({
  ContactConsentRecorded: t.type({
    ...pid,
    channel: Channel,
    purpose: Purpose,
    givenOn: ISODate,
    source: NonEmptyString,
    written: t.boolean,
    recordedBy: NonEmptyString,
  }),
  ContactOptedOut: t.intersection([
    t.type({ ...pid, channel: Channel, optedOutAt: ISOInstant, recordedBy: NonEmptyString }),
    t.partial({ keyword: NonEmptyString, messageId: NonEmptyString }),
  ]),
  ContactOptedIn: t.type({ ...pid, channel: Channel, optedInAt: ISOInstant, recordedBy: NonEmptyString }),
  /** The window and caps it was judged by are stamped. */
  MessageSent: t.intersection([
    t.type({
      ...pid,
      messageId: NonEmptyString,
      channel: Channel,
      purpose: Purpose,
      kind: NonEmptyString,
      sendAt: ISOInstant,
      localTime: NonEmptyString,
      windowFrom: NonEmptyString,
      windowTo: NonEmptyString,
      sentBy: NonEmptyString,
    }),
    t.partial({
      appointmentId: NonEmptyString,
      appointmentDate: ISODate,
      /** The outreach policy judged by (0 = the defaults), and its care caps. */
      policyVersion: NonNegativeInt,
      careCapPerDay: NonNegativeInt,
      careCapPerWeek: NonNegativeInt,
    }),
  ]),
  MessageDelivered: t.type({ ...pid, messageId: NonEmptyString, at: ISOInstant }),
  MessageFailed: t.type({ ...pid, messageId: NonEmptyString, at: ISOInstant }),
  ReplyReceived: t.intersection([
    t.type({
      ...pid,
      messageId: NonEmptyString,
      channel: Channel,
      intent: NonEmptyString,
      receivedAt: ISOInstant,
    }),
    t.partial({ appointmentId: NonEmptyString, appointmentDate: ISODate }),
  ]),
});
export type OutreachEvent = EventOf<typeof events>;

export const refusals = defineRefusals({
  ChannelOptedOut: 'rule',
  NoConsent: 'rule',
  WrittenConsentRequired: 'rule',
  ContactFrequencyCapReached: 'rule',
  OutsideMessageWindow: 'rule',
  UnknownMessage: 'not-found',
  NotOptedOut: 'conflict',
});
export type OutreachRefusal = keyof typeof refusals;

export interface State {
  readonly patientId: string;
  /** `${channel}:${purpose}` → written? */
  readonly consents: Readonly<Record<string, boolean>>;
  readonly optedOut: readonly Channel[];
  readonly messages: Readonly<
    Record<
      string,
      { channel: Channel; purpose: string; sendAt: string; appointmentId?: string; appointmentDate?: string }
    >
  >;
}
export const initialState: State = { patientId: '', consents: {}, optedOut: [], messages: {} };

export const evolve = (s: State, e: OutreachEvent): State => {
  switch (e.type) {
    case 'ContactConsentRecorded':
      return {
        ...s,
        patientId: e.data.patientId,
        consents: {
          ...s.consents,
          [`${e.data.channel}:${e.data.purpose}`]:
            e.data.written || s.consents[`${e.data.channel}:${e.data.purpose}`] === true,
        },
      };
    case 'ContactOptedOut':
      return { ...s, patientId: e.data.patientId, optedOut: [...new Set([...s.optedOut, e.data.channel])] };
    case 'ContactOptedIn':
      return { ...s, optedOut: s.optedOut.filter((c) => c !== e.data.channel) };
    case 'MessageSent':
      return {
        ...s,
        messages: {
          ...s.messages,
          [e.data.messageId]: {
            channel: e.data.channel,
            purpose: e.data.purpose,
            sendAt: e.data.sendAt,
            ...(e.data.appointmentId === undefined ? {} : { appointmentId: e.data.appointmentId }),
            ...(e.data.appointmentDate === undefined ? {} : { appointmentDate: e.data.appointmentDate }),
          },
        },
      };
    case 'MessageDelivered':
    case 'MessageFailed':
    case 'ReplyReceived':
      return s;
  }
};

const hm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/**
 * Decides one Outreach command (pure). A message: not on an opted-out channel
 * (`ChannelOptedOut`); with consent for its channel and purpose (`NoConsent`), written for
 * marketing (`WrittenConsentRequired`); automated care texts and calls at most 1 a day and 3 in
 * the 7 days up to it (`ContactFrequencyCapReached`, TCPA); inside the channel's window in the patient's zone
 * (`OutsideMessageWindow`). The same `messageId` again changes nothing.
 */
export const decide = (c: OutreachCommand, s: State): Decision<OutreachEvent> => {
  const patientId = 'patientId' in c ? c.patientId : s.patientId;
  switch (c.type) {
    case 'RecordContactConsent': {
      const { type: _t, ...data } = c;
      return accept(events.make('ContactConsentRecorded', data));
    }
    case 'RecordOptOut':
      return accept(
        events.make('ContactOptedOut', {
          patientId,
          channel: c.channel,
          optedOutAt: c.optedOutAt,
          recordedBy: c.recordedBy,
          ...(c.keyword === undefined ? {} : { keyword: c.keyword }),
        }),
      );
    case 'RecordOptIn':
      if (!s.optedOut.includes(c.channel))
        return reject('NotOptedOut', `${c.channel} is not opted out`, 'channel');
      return accept(
        events.make('ContactOptedIn', {
          patientId,
          channel: c.channel,
          optedInAt: c.optedInAt,
          recordedBy: c.recordedBy,
        }),
      );
    case 'SendMessage': {
      if (s.messages[c.messageId] !== undefined) return accept();
      if (s.optedOut.includes(c.channel))
        return reject('ChannelOptedOut', `the patient opted out of ${c.channel}`, 'channel');
      const consent = s.consents[`${c.channel}:${c.purpose}`];
      if (consent === undefined)
        return reject('NoConsent', `no consent to ${c.purpose} messages by ${c.channel}`, 'channel');
      if (c.purpose === 'marketing' && !consent)
        return reject('WrittenConsentRequired', 'marketing needs written consent', 'purpose');
      const at = DateTime.fromISO(c.sendAt, { setZone: true });
      const local = c.patientTimeZone === null ? at : at.setZone(c.patientTimeZone);
      if (c.purpose === 'care' && c.channel !== 'email') {
        const sends = Object.values(s.messages)
          .filter((m) => m.purpose === 'care' && m.channel !== 'email')
          .map((m) => DateTime.fromISO(m.sendAt, { setZone: true }));
        const dayStart = local.startOf('day');
        const sameDay = sends.filter((m) => m >= dayStart && m < dayStart.plus({ days: 1 })).length;
        const week = sends.filter(
          (m) =>
            m > at.minus({ days: 7 }) && m <= at.plus({ days: 7 }) && Math.abs(m.diff(at, 'days').days) < 7,
        ).length;
        if (sameDay >= c.policy.careCapPerDay || week >= c.policy.careCapPerWeek)
          return reject(
            'ContactFrequencyCapReached',
            `at most ${c.policy.careCapPerDay} a day and ${c.policy.careCapPerWeek} a week`,
            'sendAt',
          );
      }
      const w = c.policy.windows[c.channel];
      const minute = local.hour * 60 + local.minute;
      if (minute < w.from || minute >= w.to)
        return reject(
          'OutsideMessageWindow',
          `${c.channel} goes out between ${hm(w.from)} and ${hm(w.to)}`,
          'sendAt',
        );
      return accept(
        events.make('MessageSent', {
          patientId,
          messageId: c.messageId,
          channel: c.channel,
          purpose: c.purpose,
          kind: c.kind,
          sendAt: c.sendAt,
          localTime: hm(minute),
          windowFrom: hm(w.from),
          windowTo: hm(w.to),
          sentBy: c.sentBy,
          ...(c.appointmentId === undefined ? {} : { appointmentId: c.appointmentId }),
          ...(c.appointmentDate === undefined ? {} : { appointmentDate: c.appointmentDate }),
          policyVersion: c.policy.policyVersion,
          careCapPerDay: c.policy.careCapPerDay,
          careCapPerWeek: c.policy.careCapPerWeek,
        }),
      );
    }
    case 'RecordDelivery': {
      if (s.messages[c.messageId] === undefined)
        return reject('UnknownMessage', 'no such message', 'messageId');
      return accept(
        events.make(c.status === 'delivered' ? 'MessageDelivered' : 'MessageFailed', {
          patientId,
          messageId: c.messageId,
          at: c.at,
        }),
      );
    }
    case 'RecordReply': {
      const m = s.messages[c.messageId];
      if (m === undefined) return reject('UnknownMessage', 'no such message', 'messageId');
      const reply = events.make('ReplyReceived', {
        patientId,
        messageId: c.messageId,
        channel: m.channel,
        intent: c.intent,
        receivedAt: c.receivedAt,
        ...(m.appointmentId === undefined ? {} : { appointmentId: m.appointmentId }),
        ...(m.appointmentDate === undefined ? {} : { appointmentDate: m.appointmentDate }),
      });
      if (c.intent !== 'stop') return accept(reply);
      // STOP is honoured at once: the opt-out is part of the same decision.
      return accept<OutreachEvent>(
        reply,
        events.make('ContactOptedOut', {
          patientId,
          channel: m.channel,
          optedOutAt: c.receivedAt,
          recordedBy: 'patient-reply',
          keyword: 'STOP',
          messageId: c.messageId,
        }),
      );
    }
  }
};

/**
 * A reply drives the book: `confirm` confirms the appointment the message was about, `cancel`
 * cancels it as the patient (judged late or not by the policy in force). `stop` is handled in the
 * Outreach decision itself. Replies to messages about no appointment change nothing.
 */
export const repliesDriveTheBook: ProcessManager = {
  name: 'outreach-replies',
  eventTypes: ['ReplyReceived'],
  grants: ['DayBook.ConfirmAppointment', 'DayBook.CancelAppointment'],
  react: (e) => {
    const d = e.data as unknown as {
      intent: string;
      channel: string;
      appointmentId?: string;
      appointmentDate?: string;
    };
    if (d.appointmentId === undefined || d.appointmentDate === undefined) return [];
    const ref = { date: d.appointmentDate, appointmentId: d.appointmentId };
    if (d.intent === 'confirm')
      return [
        { aggregate: 'DayBook', command: { type: 'ConfirmAppointment', ...ref, via: d.channel } as never },
      ];
    if (d.intent === 'cancel')
      return [
        {
          aggregate: 'DayBook',
          command: {
            type: 'CancelAppointment',
            ...ref,
            by: 'patient',
            reason: `cancelled by ${d.channel} reply`,
          } as never,
        },
      ];
    return [];
  },
};

export const decider: Decider<OutreachCommand, OutreachEvent, State, OutreachRefusal> = {
  name: 'Outreach',
  stateVersion: 1,
  initialState,
  evolve,
  decide,
  events,
  commands,
  refusals,
};
