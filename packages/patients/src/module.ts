import { bind, defineModule, type FactContext } from '@praxis/core';
import * as DayBook from './day-book/index.js';
import * as Patient from './patient/index.js';
import * as ProviderSchedule from './provider-schedule/index.js';
import * as SchedulingPolicy from './scheduling-policy/index.js';
import * as RecordsRequest from './records-request/index.js';
import * as Outreach from './outreach/index.js';
import * as OutreachPolicy from './outreach-policy/index.js';
import * as Referral from './referral/index.js';
import * as GoodFaithEstimate from './good-faith-estimate/index.js';
import * as Authorization from './authorization/index.js';
import * as Complaint from './complaint/index.js';
import * as Survey from './survey/index.js';
import * as Waitlist from './waitlist/index.js';
import { providerHasRoom, insideHours } from './day-book/slots.js';
import { heldBlock } from './day-book/decide.js';
import { holdsSlot, type DayBook as DayBookState } from './day-book/state.js';
import { instantOf, minutesOf, msOf } from './shared/time.js';
import {
  complaintsProjection,
  experienceProjection,
  inviteKey,
  quotaKey,
  waitlistProjection,
  experienceName,
  outreachProjection,
} from './read-models/experience.js';
import { patientsKpis } from './kpis.js';
import { conflictsOnTimeOff } from './day-book/process-managers.js';
import { missedFeeDecisions } from './read-models/appointments.js';
import { authorizationFact, patientKnown, policyInForce, providerDays } from './facts.js';
import {
  getAppointment,
  appointmentsProjection,
  authorizationsProjection,
  patientsObligations,
  referralsProjection,
} from './read-models/index.js';

/** The practice's scheduling policy: `practice.patients.setSchedulingPolicy({ policyId: 'practice', … })`. */
export const schedulingPolicy = bind(SchedulingPolicy.decider, SchedulingPolicy.commands, 'policyId');
/** Patients: `practice.patients.registerPatient({ patientId, name, … })`. */
export const patient = bind(Patient.decider, Patient.commands, 'patientId');
/** Providers' hours: `practice.patients.setProviderHours({ providerId, … })`. */
export const providerSchedule = bind(ProviderSchedule.decider, ProviderSchedule.commands, 'providerId');
/** Payer authorizations: `practice.patients.reserveUnits({ authorizationId, … })`. */
export const authorization = bind(Authorization.decider, Authorization.commands, 'authorizationId');
/** The practice's outreach policy: `practice.patients.setOutreachPolicy({ policyId: 'practice', … })`. */
export const outreachPolicy = bind(OutreachPolicy.decider, OutreachPolicy.commands, 'policyId');
/** Consent, opt-outs and messages: `practice.patients.sendMessage({ patientId, messageId, … })`. */
export const outreach = bind(Outreach.decider, Outreach.commands, 'patientId', {
  facts: {
    SendMessage: async (c, ctx) => {
      const p =
        (await ctx.load<OutreachPolicy.OutreachPolicy>('OutreachPolicy', 'practice')) ??
        OutreachPolicy.defaultOutreachPolicy;
      const minutes = (w: { from: string; to: string }) => ({ from: minutesOf(w.from), to: minutesOf(w.to) });
      return {
        patientTimeZone: (await ctx.load<{ timeZone?: string }>('Patient', c.patientId))?.timeZone ?? null,
        policy: {
          policyVersion: p.policyVersion,
          windows: {
            sms: minutes(p.windows.sms),
            email: minutes(p.windows.email),
            voice: minutes(p.windows.voice),
          },
          careCapPerDay: p.careCapPerDay,
          careCapPerWeek: p.careCapPerWeek,
        },
      };
    },
  },
});
/** Referrals: `practice.patients.createReferral({ referralId, … })`. */
export const referral = bind(Referral.decider, Referral.commands, 'referralId', {
  facts: {
    SendReferral: async (c, ctx) => ({
      authorizationStatus:
        c.authorizationId === undefined
          ? null
          : ((await ctx.load<{ status: string }>('Authorization', c.authorizationId))?.status ?? null),
    }),
  },
});
/** HIPAA right-of-access requests: `practice.patients.receiveAccessRequest({ requestId, … })`. */
export const recordsRequest = bind(RecordsRequest.decider, RecordsRequest.commands, 'requestId');
/**
 * No Surprises Act estimates: `practice.patients.openEstimateDuty({ gfeId, … })`. The business
 * days are the default calendar (Monday–Friday): the fact context cannot read the practice's own
 * `BusinessCalendarSet` yet (a platform gap, docs/decisions/patients-facts.md).
 */
export const goodFaithEstimate = bind(GoodFaithEstimate.decider, GoodFaithEstimate.commands, 'gfeId', {
  facts: { OpenEstimateDuty: async (_, ctx) => ({ businessDays: await businessDaysOf(ctx) }) },
});

/** The practice's business-day setting in force (its `BusinessCalendarSet`, else Monday–Friday). */
const businessDaysOf = async (ctx: FactContext) => {
  const cal = await ctx.businessCalendar();
  return { openWeekdays: cal.openWeekdays, holidays: cal.holidays };
};

/** Complaints: `practice.patients.receiveComplaint({ complaintId, … })`; SLAs in the practice's business days. */
export const complaint = bind(Complaint.decider, Complaint.commands, 'complaintId', {
  facts: {
    ReceiveComplaint: async (_, ctx) => ({ businessDays: await businessDaysOf(ctx), timeZone: ctx.timeZone }),
  },
});
/** Survey campaigns: `practice.patients.defineSurveyCampaign({ campaignId, instrument, … })`. */
export const surveyCampaign = bind(Survey.campaignDecider, Survey.campaignCommands, 'campaignId');
/** Survey invitations and answers: `practice.patients.inviteToSurvey({ responseId, … })`. */
export const surveyResponse = bind(Survey.responseDecider, Survey.responseCommands, 'responseId', {
  facts: {
    InviteToSurvey: async (c, ctx) => {
      // One document of the appointments read model (caught up), not the day's whole book.
      const a = await getAppointment(ctx.reader, c.appointmentDate, c.appointmentId);
      const campaign = await ctx.load<Survey.CampaignState>('SurveyCampaign', c.campaignId);
      const invited = await ctx.reader.get(experienceName, inviteKey(c.campaignId, c.appointmentId));
      const quota =
        a === undefined
          ? 0
          : await ctx.reader.get(experienceName, quotaKey(c.campaignId, ctx.at.slice(0, 7), a.providerId));
      return {
        appointment:
          a === undefined ? null : { status: a.status, patientId: a.patientId, providerId: a.providerId },
        campaign:
          campaign === undefined || campaign.version === 0
            ? null
            : {
                version: campaign.version,
                questions: campaign.questions,
                lowScoreThreshold: campaign.lowScoreThreshold,
                responseWindowDays: campaign.responseWindowDays,
                maxPerProviderPerMonth: campaign.maxPerProviderPerMonth,
              },
        alreadyInvited: invited !== undefined,
        invitedThisMonth: typeof quota === 'number' ? quota : 0,
      };
    },
  },
});
/** The ASAP list: `practice.patients.joinWaitlist({ entryId, … })`. */
export const waitlist = bind(Waitlist.decider, Waitlist.commands, 'entryId', {
  facts: {
    JoinWaitlist: async (c, ctx) => ({ patientKnown: await patientKnown(c.patientId, ctx) }),
    AcceptOffer: async (c, ctx) => {
      const entry = await ctx.load<Waitlist.State>('Waitlist', ctx.id);
      const offer = entry?.offers[c.offerId];
      if (entry === undefined || offer === undefined) return { slotFree: false };
      const book = await ctx.load<DayBookState>('DayBook', offer.date);
      if (book === undefined || !book.open) return { slotFree: false };
      const start = instantOf(offer.date, offer.start, book.timeZone);
      if (start === undefined) return { slotFree: false };
      const end = start + offer.durationMin * 60_000;
      const patientBusy = Object.values(book.appointments).some(
        (a) => a.patientId === entry.patientId && holdsSlot(a) && a.startMs < end && start < a.endMs,
      );
      // A block held for other appointment types is as good as taken: the booking would be refused.
      const acceptedMs = msOf(ctx.at) ?? start;
      const blocked = heldBlock(book, offer.providerId, start, end, entry.appointmentType, acceptedMs);
      return {
        slotFree:
          !patientBusy &&
          blocked === undefined &&
          insideHours(book, offer.providerId, start, end, offer.locationId) &&
          providerHasRoom(book, offer.providerId, start, end),
      };
    },
  },
});
/** One day's book: `practice.patients.bookAppointment({ date, appointmentId, … })`. Snapshotted. */
export const dayBook = bind(DayBook.decider, DayBook.commands, 'date', {
  snapshotEvery: 50,
  facts: {
    OpenDay: async (c, ctx) => ({ providers: await providerDays(c.date, c.timeZone, c.providerIds, ctx) }),
    BookAppointment: async (c, ctx) => {
      const policy = await policyInForce(ctx);
      return {
        policy: {
          policyVersion: policy.policyVersion,
          gridMinutes: policy.gridMinutes,
          portal: policy.portal,
        },
        patientKnown: await patientKnown(c.patientId, ctx),
        authorization: await authorizationFact(c.authorizationId, ctx),
      };
    },
    CancelAppointment: async (_, ctx) => {
      const { policyVersion, lateCancelWindowHours } = await policyInForce(ctx);
      return { policy: { policyVersion, lateCancelWindowHours } };
    },
    ChargeMissedAppointmentFee: async (c, ctx) => {
      const { policyVersion, fees } = await policyInForce(ctx);
      const book = await ctx.load<DayBookState>('DayBook', ctx.id);
      const patientId = book?.appointments[c.appointmentId]?.patientId;
      const priorFees = patientId === undefined ? 0 : await missedFeeDecisions(ctx.reader, patientId);
      return { policy: { policyVersion, fees }, priorFees };
    },
    RecordNoShow: async (_, ctx) => {
      const { policyVersion, noShowGraceMinutes } = await policyInForce(ctx);
      return { policy: { policyVersion, noShowGraceMinutes } };
    },
  },
});

/** The clinical steps of the patient flow (rooming, the encounter, check-out). */
const clinicalFlow = ['DayBook.RoomPatient', 'DayBook.StartProviderEncounter', 'DayBook.CheckOut'];

/**
 * Grants the module adds to roles (MODULES.md C6):
 * - front_desk: registers patients and books, confirms, cancels, records arrivals, check-ins,
 *   check-outs and no-shows, approves portal requests, opens days, runs authorizations;
 *   pre-registration and missed-appointment fees; not the clinical steps (rooming, the encounter), not
 *   the practice's policy, providers' hours or reserved time blocks (the practice manager's).
 * - clinical (nurses, MAs) and physician: the clinical steps of the flow.
 */
export const patientsRoles: Readonly<Record<string, readonly string[]>> = {
  front_desk: [
    'Patient.*',
    'DayBook.OpenDay',
    'DayBook.BookAppointment',
    'DayBook.ApproveRequest',
    'DayBook.ConfirmAppointment',
    'DayBook.RecordArrival',
    'DayBook.CompleteCheckIn',
    'DayBook.CheckOut',
    'DayBook.CancelAppointment',
    'DayBook.RecordNoShow',
    'DayBook.RecordPreRegistration',
    'DayBook.ChargeMissedAppointmentFee',
    'Authorization.*',
    'RecordsRequest.*',
    'Outreach.*',
    'Referral.*',
    'GoodFaithEstimate.*',
    'Waitlist.*',
    'SurveyResponse.*',
    'Complaint.ReceiveComplaint',
    'Complaint.AcknowledgeComplaint',
    'Complaint.RecordInvestigationStep',
  ],
  // The privacy officer answers privacy complaints (45 CFR 164.530(a), (d)).
  compliance_officer: ['Complaint.*'],
  clinical: clinicalFlow,
  physician: clinicalFlow,
};

/** Patient coordination (MODULES.md §3.1): area `patients`. */
export const patientsModule = defineModule({
  area: 'patients',
  aggregates: [
    schedulingPolicy,
    outreachPolicy,
    patient,
    providerSchedule,
    dayBook,
    authorization,
    recordsRequest,
    goodFaithEstimate,
    outreach,
    referral,
    waitlist,
    surveyCampaign,
    surveyResponse,
    complaint,
  ],
  projections: [
    appointmentsProjection,
    authorizationsProjection,
    referralsProjection,
    patientsObligations,
    waitlistProjection,
    experienceProjection,
    complaintsProjection,
    outreachProjection,
  ],
  processManagers: [
    Waitlist.bookAcceptedOffers,
    Waitlist.closeBookedEntries,
    Survey.complaintOnLowScore,
    ...Authorization.authorizationProcessManagers,
    GoodFaithEstimate.estimateOnSelfPayBooking,
    Outreach.repliesDriveTheBook,
    conflictsOnTimeOff,
  ],
  roles: patientsRoles,
  kpis: patientsKpis,
});
