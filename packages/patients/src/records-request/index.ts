/**
 * HIPAA right of access (`RecordsRequest-<requestId>`, MODULES.md §3.1 P9): a patient's request
 * for their records is answered within 30 days of receipt, with at most one extension of up to
 * 30 more days, noticed in writing inside the first 30 days (45 CFR 164.524(b)(2)).
 */
import * as t from 'io-ts';
import {
  ISODate,
  NonEmptyString,
  NonNegativeCents,
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
import { addDays } from '../shared/time.js';

/** Days to act on a request, and the most one extension adds (45 CFR 164.524(b)(2)(i), (iii)). */
export const accessResponseDays = 30;
export const accessExtensionDays = 30;

const Requester = t.keyof({
  individual: null,
  'personal-representative': null,
  'third-party-directed': null,
});

export const commands = defineCommands('requestId', {
  ReceiveAccessRequest: command(
    {
      requestId: NonEmptyString,
      patientId: NonEmptyString,
      receivedOn: ISODate,
      requester: Requester,
      /** What the patient asked for, in their words (sealed). */
      scope: NonEmptyString,
      form: t.keyof({ paper: null, electronic: null, 'patient-portal': null, other: null }),
    },
    {},
    { businessTime: 'receivedOn', stamps: { receivedBy: 'actor' } },
  ),
  ExtendAccessRequest: command(
    { noticeSentOn: ISODate, reason: NonEmptyString, newDueOn: ISODate },
    {},
    { businessTime: 'noticeSentOn' },
  ),
  FulfilAccessRequest: command(
    { fulfilledOn: ISODate, feeCents: NonNegativeCents },
    {},
    { businessTime: 'fulfilledOn', stamps: { fulfilledBy: 'actor' } },
  ),
  DenyAccessRequest: command(
    { deniedOn: ISODate, ground: NonEmptyString, reviewable: t.boolean },
    {},
    { businessTime: 'deniedOn', stamps: { deniedBy: 'actor' } },
  ),
});
export type RecordsRequestCommand = CommandOf<typeof commands>;

const PatientId = subject('patient', NonEmptyString);
const ids = { requestId: NonEmptyString, patientId: PatientId };

/** Records-request events; the scope, the extension's reason and a denial's ground are sealed. */
export const events = defineEvents({
  AccessRequestReceived: t.type({
    ...ids,
    receivedOn: ISODate,
    requester: Requester,
    scope: personal(NonEmptyString),
    form: NonEmptyString,
    dueOn: ISODate,
    receivedBy: NonEmptyString,
  }),
  AccessRequestExtended: t.type({
    ...ids,
    noticeSentOn: ISODate,
    reason: personal(NonEmptyString),
    previousDueOn: ISODate,
    dueOn: ISODate,
  }),
  AccessRequestFulfilled: t.type({
    ...ids,
    fulfilledOn: ISODate,
    feeCents: NonNegativeCents,
    onTime: t.boolean,
    fulfilledBy: NonEmptyString,
  }),
  AccessRequestDenied: t.type({
    ...ids,
    deniedOn: ISODate,
    ground: personal(NonEmptyString),
    reviewable: t.boolean,
    onTime: t.boolean,
    deniedBy: NonEmptyString,
  }),
});
export type RecordsRequestEvent = EventOf<typeof events>;

export const refusals = defineRefusals({
  RequestExists: 'conflict',
  UnknownRequest: 'not-found',
  RequestClosed: 'conflict',
  AlreadyExtended: 'conflict',
  ExtensionTooLate: 'rule',
  ExtensionTooLong: 'rule',
  InvalidExtension: 'invalid',
  BeforeReceipt: 'invalid',
});
export type RecordsRequestRefusal = keyof typeof refusals;

export interface State {
  readonly status: 'none' | 'open' | 'fulfilled' | 'denied';
  readonly requestId: string;
  readonly patientId: string;
  readonly receivedOn: string;
  readonly originalDueOn: string;
  readonly dueOn: string;
  readonly extended: boolean;
}
export const initialState: State = {
  status: 'none',
  requestId: '',
  patientId: '',
  receivedOn: '',
  originalDueOn: '',
  dueOn: '',
  extended: false,
};

export const evolve = (s: State, e: RecordsRequestEvent): State => {
  switch (e.type) {
    case 'AccessRequestReceived':
      return {
        status: 'open',
        requestId: e.data.requestId,
        patientId: e.data.patientId,
        receivedOn: e.data.receivedOn,
        originalDueOn: e.data.dueOn,
        dueOn: e.data.dueOn,
        extended: false,
      };
    case 'AccessRequestExtended':
      return { ...s, dueOn: e.data.dueOn, extended: true };
    case 'AccessRequestFulfilled':
      return { ...s, status: 'fulfilled' };
    case 'AccessRequestDenied':
      return { ...s, status: 'denied' };
  }
};

const open = (s: State): Decision<RecordsRequestEvent> | undefined =>
  s.status === 'none'
    ? reject('UnknownRequest', 'no such request', 'requestId')
    : s.status !== 'open'
      ? reject('RequestClosed', `the request is ${s.status}`, 'requestId')
      : undefined;

/**
 * Decides one RecordsRequest command (pure): due 30 days after receipt; one extension
 * (`AlreadyExtended`) noticed on or before the original due date (`ExtensionTooLate`), to at
 * most 30 days after it (`ExtensionTooLong`); fulfilment and denial record whether they were on time.
 */
export const decide = (c: RecordsRequestCommand, s: State): Decision<RecordsRequestEvent> => {
  switch (c.type) {
    case 'ReceiveAccessRequest': {
      if (s.status !== 'none') return reject('RequestExists', 'already received', 'requestId');
      const { type: _t, ...data } = c;
      return accept(
        events.make('AccessRequestReceived', { ...data, dueOn: addDays(c.receivedOn, accessResponseDays) }),
      );
    }
    case 'ExtendAccessRequest': {
      const bad = open(s);
      if (bad !== undefined) return bad;
      if (s.extended)
        return reject('AlreadyExtended', 'one extension only (45 CFR 164.524(b)(2)(iii))', 'requestId');
      if (c.noticeSentOn < s.receivedOn)
        return reject('BeforeReceipt', 'before the request was received', 'noticeSentOn');
      if (c.noticeSentOn > s.originalDueOn)
        return reject('ExtensionTooLate', `the notice must go out by ${s.originalDueOn}`, 'noticeSentOn');
      if (c.newDueOn <= s.dueOn)
        return reject('InvalidExtension', `the request is due ${s.dueOn} already`, 'newDueOn');
      const limit = addDays(s.originalDueOn, accessExtensionDays);
      if (c.newDueOn > limit) return reject('ExtensionTooLong', `at most 30 more days: ${limit}`, 'newDueOn');
      return accept(
        events.make('AccessRequestExtended', {
          requestId: s.requestId,
          patientId: s.patientId,
          noticeSentOn: c.noticeSentOn,
          reason: c.reason,
          previousDueOn: s.dueOn,
          dueOn: c.newDueOn,
        }),
      );
    }
    case 'FulfilAccessRequest': {
      const bad = open(s);
      if (bad !== undefined) return bad;
      if (c.fulfilledOn < s.receivedOn)
        return reject('BeforeReceipt', 'before the request was received', 'fulfilledOn');
      return accept(
        events.make('AccessRequestFulfilled', {
          requestId: s.requestId,
          patientId: s.patientId,
          fulfilledOn: c.fulfilledOn,
          feeCents: c.feeCents,
          onTime: c.fulfilledOn <= s.dueOn,
          fulfilledBy: c.fulfilledBy,
        }),
      );
    }
    case 'DenyAccessRequest': {
      const bad = open(s);
      if (bad !== undefined) return bad;
      if (c.deniedOn < s.receivedOn)
        return reject('BeforeReceipt', 'before the request was received', 'deniedOn');
      return accept(
        events.make('AccessRequestDenied', {
          requestId: s.requestId,
          patientId: s.patientId,
          deniedOn: c.deniedOn,
          ground: c.ground,
          reviewable: c.reviewable,
          onTime: c.deniedOn <= s.dueOn,
          deniedBy: c.deniedBy,
        }),
      );
    }
  }
};

export const decider: Decider<RecordsRequestCommand, RecordsRequestEvent, State, RecordsRequestRefusal> = {
  name: 'RecordsRequest',
  stateVersion: 1,
  initialState,
  evolve,
  decide,
  events,
  commands,
  refusals,
};
