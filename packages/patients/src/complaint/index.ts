/**
 * Patient complaints, the formal resolution process (`Complaint-<complaintId>`, MODULES.md §3.1
 * P8). HIPAA sets no response time for complaints (HHS: "no requirement to respond in any
 * particular manner or time frame" [BRICKER]); hospitals must answer grievances in writing
 * (42 CFR 482.13(a)(2)). So the acknowledgement and response deadlines are the practice's own
 * SLAs, counted in its business days and stamped on the complaint — not law.
 *
 * Everything said in a complaint (who complains, the summary, investigation notes, the
 * resolution, an escalation's reason) is sealed with subject `complaint:<complaintId>`: the text
 * is about several people (the patient, staff), as a staff conflict is (docs/personal-data.md).
 * Forgetting a patient who complained means forgetting their complaints as well.
 */
import * as t from 'io-ts';
import {
  BusinessCalendarSettings,
  ISODate,
  ISOInstant,
  NonEmptyString,
  TimeZone,
  accept,
  businessCalendar,
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
import { addDays, dateIn, daysBetween } from '../shared/time.js';

/** Complaint categories (MODULES.md §3.1 P8). */
export const Category = t.keyof({
  access: null,
  billing: null,
  communication: null,
  'clinical-care': null,
  privacy: null,
  discrimination: null,
  'staff-conduct': null,
  facility: null,
  other: null,
});
const Channel = t.keyof({
  phone: null,
  'in-person': null,
  letter: null,
  email: null,
  portal: null,
  survey: null,
  'online-review': null,
});

/**
 * The practice's complaint SLAs in business days (practice policy, not law): acknowledge within
 * 2 business days, respond within 15. Stamped on each complaint when received.
 */
export const complaintSla = { acknowledgeBusinessDays: 2, respondBusinessDays: 15 } as const;
/** A privacy complaint and its disposition are kept 6 years (45 CFR 164.530(d), (j)). */
export const privacyRetentionYears = 6;

export const commands = defineCommands('complaintId', {
  /** A complaint arrives; `patientId` is optional (anonymous complaints are allowed). */
  ReceiveComplaint: command(
    {
      complaintId: NonEmptyString,
      channel: Channel,
      category: Category,
      /** Who complains, as they gave it (sealed). */
      complainant: NonEmptyString,
      /** What the complaint says (sealed). */
      summary: NonEmptyString,
    },
    {
      patientId: NonEmptyString,
      appointmentId: NonEmptyString,
      claimId: NonEmptyString,
      staffIds: t.readonlyArray(NonEmptyString),
    },
    {
      stamps: { receivedAt: 'time', receivedBy: 'actor' },
      // The practice's business days in force (to count the SLAs).
      facts: { businessDays: BusinessCalendarSettings, timeZone: TimeZone },
    },
  ),
  AcknowledgeComplaint: command(
    { method: t.keyof({ phone: null, letter: null, email: null, portal: null, 'in-person': null }) },
    {},
    { stamps: { acknowledgedAt: 'time', acknowledgedBy: 'actor' } },
  ),
  RecordInvestigationStep: command(
    { stepId: NonEmptyString, note: NonEmptyString },
    {},
    { stamps: { recordedAt: 'time', recordedBy: 'actor' } },
  ),
  /** Resolves the complaint: needs an investigation step and the response given to the complainant. */
  ResolveComplaint: command(
    { resolution: NonEmptyString, actions: t.readonlyArray(NonEmptyString) },
    { respondedOn: ISODate, responseMethod: t.keyof({ written: null, verbal: null }) },
    { stamps: { resolvedAt: 'time', resolvedBy: 'actor' } },
  ),
  EscalateComplaint: command(
    { to: NonEmptyString, reason: NonEmptyString },
    {},
    { stamps: { escalatedAt: 'time', escalatedBy: 'actor' } },
  ),
  /** A privacy complaint that turned out to be a breach: links it to the compliance Breach. */
  LinkBreach: command({ breachId: NonEmptyString }, {}, { stamps: { linkedAt: 'time', linkedBy: 'actor' } }),
  CloseComplaint: command({}, {}, { stamps: { closedAt: 'time', closedBy: 'actor' } }),
  ReopenComplaint: command(
    { reason: NonEmptyString },
    {},
    { stamps: { reopenedAt: 'time', reopenedBy: 'actor' } },
  ),
});
export type ComplaintCommand = CommandOf<typeof commands>;

const Id = subject('complaint', NonEmptyString);
const id = { complaintId: Id };

/** Complaint events: complainant, summary, notes, resolution and reasons are sealed. */
export const events = defineEvents({
  ComplaintReceived: t.intersection([
    t.type({
      ...id,
      channel: NonEmptyString,
      category: Category,
      complainant: personal(NonEmptyString),
      summary: personal(NonEmptyString),
      receivedAt: ISOInstant,
      receivedOn: ISODate,
      receivedBy: NonEmptyString,
      /** The practice's zone, in which every later date of the complaint is read. */
      timeZone: TimeZone,
      /** The SLA stamped when received (practice policy, business days) and the dates it gives. */
      acknowledgeBusinessDays: t.number,
      respondBusinessDays: t.number,
      acknowledgeDueOn: ISODate,
      responseDueOn: ISODate,
    }),
    t.partial({
      patientId: NonEmptyString,
      appointmentId: NonEmptyString,
      claimId: NonEmptyString,
      staffIds: t.array(NonEmptyString),
      /** `privacy-officer` (45 CFR 164.530(a), (d)) or `section-1557-coordinator` (45 CFR 92.7, 2016 rule). */
      routedTo: t.keyof({ 'privacy-officer': null, 'section-1557-coordinator': null }),
      /** Privacy complaints: kept until (45 CFR 164.530(j), six years). */
      retainUntilOn: ISODate,
    }),
  ]),
  ComplaintAcknowledged: t.type({
    ...id,
    method: NonEmptyString,
    acknowledgedAt: ISOInstant,
    acknowledgedOn: ISODate,
    acknowledgedBy: NonEmptyString,
    withinSla: t.boolean,
  }),
  InvestigationStepRecorded: t.type({
    ...id,
    stepId: NonEmptyString,
    note: personal(NonEmptyString),
    recordedAt: ISOInstant,
    recordedBy: NonEmptyString,
  }),
  /** `resolutionDays`: calendar days from receipt to resolution (what the KPI takes the median of). */
  ComplaintResolved: t.type({
    ...id,
    resolution: personal(NonEmptyString),
    actions: t.array(personal(NonEmptyString)),
    respondedOn: ISODate,
    responseMethod: t.keyof({ written: null, verbal: null }),
    resolvedAt: ISOInstant,
    resolvedOn: ISODate,
    resolvedBy: NonEmptyString,
    resolutionDays: t.number,
    withinSla: t.boolean,
  }),
  ComplaintEscalated: t.type({
    ...id,
    to: NonEmptyString,
    reason: personal(NonEmptyString),
    escalatedAt: ISOInstant,
    escalatedBy: NonEmptyString,
  }),
  ComplaintLinkedToBreach: t.type({
    ...id,
    breachId: NonEmptyString,
    linkedAt: ISOInstant,
    linkedBy: NonEmptyString,
  }),
  ComplaintClosed: t.type({ ...id, closedAt: ISOInstant, closedOn: ISODate, closedBy: NonEmptyString }),
  ComplaintReopened: t.type({
    ...id,
    reason: personal(NonEmptyString),
    reopenedAt: ISOInstant,
    reopenedBy: NonEmptyString,
  }),
});
export type ComplaintEvent = EventOf<typeof events>;

/** Every code Complaint refuses with. */
export const refusals = defineRefusals({
  ComplaintExists: 'conflict',
  UnknownComplaint: 'not-found',
  AlreadyAcknowledged: 'conflict',
  NotInvestigated: 'rule',
  NoResponse: 'rule',
  NotResolved: 'rule',
  ComplaintClosed: 'conflict',
  NotPrivacyComplaint: 'rule',
  NotClosedOrResolved: 'conflict',
  DuplicateStep: 'conflict',
});
export type ComplaintRefusal = keyof typeof refusals;

export interface State {
  readonly status: 'none' | 'open' | 'resolved' | 'closed';
  readonly complaintId: string;
  readonly category: string;
  readonly receivedAt: string;
  readonly receivedOn: string;
  readonly timeZone: string;
  readonly acknowledgeDueOn: string;
  readonly responseDueOn: string;
  readonly acknowledged: boolean;
  readonly steps: readonly string[];
  readonly breaches: readonly string[];
}
export const initialState: State = {
  status: 'none',
  complaintId: '',
  category: '',
  receivedAt: '',
  receivedOn: '',
  timeZone: 'UTC',
  acknowledgeDueOn: '',
  responseDueOn: '',
  acknowledged: false,
  steps: [],
  breaches: [],
};

export const evolve = (s: State, e: ComplaintEvent): State => {
  switch (e.type) {
    case 'ComplaintReceived':
      return {
        ...initialState,
        status: 'open',
        complaintId: e.data.complaintId,
        category: e.data.category,
        receivedAt: e.data.receivedAt,
        receivedOn: e.data.receivedOn,
        timeZone: e.data.timeZone,
        acknowledgeDueOn: e.data.acknowledgeDueOn,
        responseDueOn: e.data.responseDueOn,
      };
    case 'ComplaintAcknowledged':
      return { ...s, acknowledged: true };
    case 'InvestigationStepRecorded':
      return { ...s, steps: [...s.steps, e.data.stepId] };
    case 'ComplaintResolved':
      return { ...s, status: 'resolved' };
    case 'ComplaintEscalated':
      return s;
    case 'ComplaintLinkedToBreach':
      return { ...s, breaches: [...s.breaches, e.data.breachId] };
    case 'ComplaintClosed':
      return { ...s, status: 'closed' };
    case 'ComplaintReopened':
      return { ...s, status: 'open' };
  }
};

type D = Decision<ComplaintEvent>;
const known = (s: State): D | undefined =>
  s.status === 'none' ? reject('UnknownComplaint', 'no such complaint', 'complaintId') : undefined;
const open = (s: State): D | undefined =>
  known(s) ??
  (s.status !== 'open'
    ? reject('ComplaintClosed', `the complaint is ${s.status}`, 'complaintId')
    : undefined);

/**
 * Decides one Complaint command (pure). Received once (`ComplaintExists`), with the SLA dates
 * counted in the practice's business days; a `privacy` complaint goes to the privacy officer and
 * is kept six years (45 CFR 164.530(d), (j)), a `discrimination` complaint to the Section 1557
 * coordinator (45 CFR 92.7, 2016 rule). Acknowledged once (`AlreadyAcknowledged`). Resolved only
 * after at least one investigation step (`NotInvestigated`) and with the response given
 * (`NoResponse`); closed only once resolved (`NotResolved`); a breach is linked only to a privacy
 * complaint (`NotPrivacyComplaint`); reopened only when resolved or closed.
 */
export const decide = (c: ComplaintCommand, s: State): D => {
  switch (c.type) {
    case 'ReceiveComplaint': {
      if (s.status !== 'none') return reject('ComplaintExists', 'already received', 'complaintId');
      const cal = businessCalendar('UTC', c.businessDays);
      const receivedOn = dateIn(c.receivedAt, c.timeZone);
      const routedTo =
        c.category === 'privacy'
          ? ('privacy-officer' as const)
          : c.category === 'discrimination'
            ? ('section-1557-coordinator' as const)
            : undefined;
      return accept(
        events.make('ComplaintReceived', {
          complaintId: c.complaintId,
          channel: c.channel,
          category: c.category,
          complainant: c.complainant,
          summary: c.summary,
          receivedAt: c.receivedAt,
          receivedOn,
          receivedBy: c.receivedBy,
          timeZone: c.timeZone,
          acknowledgeBusinessDays: complaintSla.acknowledgeBusinessDays,
          respondBusinessDays: complaintSla.respondBusinessDays,
          acknowledgeDueOn: cal.addBusinessDays(receivedOn, complaintSla.acknowledgeBusinessDays),
          responseDueOn: cal.addBusinessDays(receivedOn, complaintSla.respondBusinessDays),
          ...(c.patientId === undefined ? {} : { patientId: c.patientId }),
          ...(c.appointmentId === undefined ? {} : { appointmentId: c.appointmentId }),
          ...(c.claimId === undefined ? {} : { claimId: c.claimId }),
          ...(c.staffIds === undefined ? {} : { staffIds: [...c.staffIds] }),
          ...(routedTo === undefined ? {} : { routedTo }),
          ...(c.category === 'privacy'
            ? { retainUntilOn: addDays(receivedOn, Math.round(privacyRetentionYears * 365.25)) }
            : {}),
        }),
      );
    }
    case 'AcknowledgeComplaint': {
      const bad = open(s);
      if (bad !== undefined) return bad;
      if (s.acknowledged) return reject('AlreadyAcknowledged', 'acknowledged already', 'complaintId');
      const on = dateIn(c.acknowledgedAt, s.timeZone);
      return accept(
        events.make('ComplaintAcknowledged', {
          complaintId: s.complaintId,
          method: c.method,
          acknowledgedAt: c.acknowledgedAt,
          acknowledgedOn: on,
          acknowledgedBy: c.acknowledgedBy,
          withinSla: on <= s.acknowledgeDueOn,
        }),
      );
    }
    case 'RecordInvestigationStep': {
      const bad = open(s);
      if (bad !== undefined) return bad;
      if (s.steps.includes(c.stepId))
        return reject('DuplicateStep', `step ${c.stepId} is recorded`, 'stepId');
      return accept(
        events.make('InvestigationStepRecorded', {
          complaintId: s.complaintId,
          stepId: c.stepId,
          note: c.note,
          recordedAt: c.recordedAt,
          recordedBy: c.recordedBy,
        }),
      );
    }
    case 'ResolveComplaint': {
      const bad = open(s);
      if (bad !== undefined) return bad;
      if (s.steps.length === 0)
        return reject('NotInvestigated', 'record at least one investigation step first', 'complaintId');
      if (c.respondedOn === undefined)
        return reject('NoResponse', 'record when the complainant was answered', 'respondedOn');
      if (c.responseMethod === undefined)
        return reject('NoResponse', 'record how the complainant was answered', 'responseMethod');
      if (c.respondedOn < s.receivedOn)
        return reject('NoResponse', 'the response predates the complaint', 'respondedOn');
      const resolvedOn = dateIn(c.resolvedAt, s.timeZone);
      return accept(
        events.make('ComplaintResolved', {
          complaintId: s.complaintId,
          resolution: c.resolution,
          actions: [...c.actions],
          respondedOn: c.respondedOn,
          responseMethod: c.responseMethod,
          resolvedAt: c.resolvedAt,
          resolvedOn,
          resolvedBy: c.resolvedBy,
          resolutionDays: daysBetween(s.receivedOn, resolvedOn),
          withinSla: c.respondedOn <= s.responseDueOn,
        }),
      );
    }
    case 'EscalateComplaint': {
      const bad = open(s);
      if (bad !== undefined) return bad;
      return accept(
        events.make('ComplaintEscalated', {
          complaintId: s.complaintId,
          to: c.to,
          reason: c.reason,
          escalatedAt: c.escalatedAt,
          escalatedBy: c.escalatedBy,
        }),
      );
    }
    case 'LinkBreach': {
      const bad = known(s);
      if (bad !== undefined) return bad;
      if (s.category !== 'privacy')
        return reject('NotPrivacyComplaint', 'only a privacy complaint is linked to a breach', 'breachId');
      if (s.breaches.includes(c.breachId)) return accept();
      return accept(
        events.make('ComplaintLinkedToBreach', {
          complaintId: s.complaintId,
          breachId: c.breachId,
          linkedAt: c.linkedAt,
          linkedBy: c.linkedBy,
        }),
      );
    }
    case 'CloseComplaint': {
      const bad = known(s);
      if (bad !== undefined) return bad;
      if (s.status === 'closed') return reject('ComplaintClosed', 'closed already', 'complaintId');
      if (s.status !== 'resolved') return reject('NotResolved', 'resolve the complaint first', 'complaintId');
      return accept(
        events.make('ComplaintClosed', {
          complaintId: s.complaintId,
          closedAt: c.closedAt,
          closedOn: dateIn(c.closedAt, s.timeZone),
          closedBy: c.closedBy,
        }),
      );
    }
    case 'ReopenComplaint': {
      const bad = known(s);
      if (bad !== undefined) return bad;
      if (s.status === 'open')
        return reject('NotClosedOrResolved', 'the complaint is still open', 'complaintId');
      return accept(
        events.make('ComplaintReopened', {
          complaintId: s.complaintId,
          reason: c.reason,
          reopenedAt: c.reopenedAt,
          reopenedBy: c.reopenedBy,
        }),
      );
    }
  }
};

/** The Complaint aggregate. */
export const decider: Decider<ComplaintCommand, ComplaintEvent, State, ComplaintRefusal> = {
  name: 'Complaint',
  stateVersion: 1,
  initialState,
  evolve,
  decide,
  events,
  commands,
  refusals,
};
