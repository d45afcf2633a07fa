import type { DocUpdate, Json, Projection, ReadModelReader, RecordedEvent } from '@praxis/core';
import type { Composite, SurveyResponseEvent } from '../survey/index.js';
import type { ComplaintEvent } from '../complaint/index.js';
import type { WaitlistEvent } from '../waitlist/index.js';

// ------------------------------------------------------------------ patient-experience

/** Name of the patient experience read model (survey results as aggregates only). */
export const experienceName = 'patient-experience';

/** Answers and top-box answers of one composite. */
export interface CompositeTally {
  readonly answers: number;
  readonly topBox: number;
}
/**
 * Survey results of one provider in one month (of the visit), keyed `month:<YYYY-MM>:<providerId>`:
 * counts only — never one patient's answers, so a provider or manager cannot read who said what.
 */
export interface ExperienceMonth {
  readonly month: string;
  readonly providerId: string;
  readonly invited: number;
  readonly answered: number;
  readonly lowScores: number;
  readonly composites: Readonly<Partial<Record<Composite, CompositeTally>>>;
  /** NPS items: promoters 9–10, detractors 0–6. */
  readonly nps: { readonly answers: number; readonly promoters: number; readonly detractors: number };
}
const monthKey = (date: string, providerId: string) => `month:${date.slice(0, 7)}:${providerId}`;
/** Which response invites a visit to a campaign, keyed `invite:<campaignId>:<appointmentId>` (for `AlreadyInvited`). */
export const inviteKey = (campaignId: string, appointmentId: string): string =>
  `invite:${campaignId}:${appointmentId}`;
/** Invitations per campaign, provider and month of invitation, keyed `quota:<campaignId>:<YYYY-MM>:<providerId>`. */
export const quotaKey = (campaignId: string, month: string, providerId: string): string =>
  `quota:${campaignId}:${month}:${providerId}`;

const emptyMonth = (month: string, providerId: string): ExperienceMonth => ({
  month,
  providerId,
  invited: 0,
  answered: 0,
  lowScores: 0,
  composites: {},
  nps: { answers: 0, promoters: 0, detractors: 0 },
});
const bumpMonth = (
  date: string,
  providerId: string,
  f: (m: ExperienceMonth) => ExperienceMonth,
): DocUpdate => ({
  key: monthKey(date, providerId),
  update: (cur) =>
    f(
      (cur as unknown as ExperienceMonth | undefined) ?? emptyMonth(date.slice(0, 7), providerId),
    ) as unknown as Json,
});

const experienceHandle = (e: RecordedEvent): readonly DocUpdate[] => {
  const ev = e as unknown as SurveyResponseEvent;
  switch (ev.type) {
    case 'SurveyInvited': {
      const d = ev.data;
      return [
        { key: inviteKey(d.campaignId, d.appointmentId), update: () => ({ responseId: d.responseId }) },
        {
          key: quotaKey(d.campaignId, d.invitedAt.slice(0, 7), d.providerId),
          update: (cur) => ((typeof cur === 'number' ? cur : 0) + 1) as Json,
        },
        bumpMonth(d.appointmentDate, d.providerId, (m) => ({ ...m, invited: m.invited + 1 })),
      ];
    }
    case 'SurveyAnswered': {
      const d = ev.data;
      return [
        bumpMonth(d.appointmentDate, d.providerId, (m) => {
          const composites = { ...m.composites };
          let nps = m.nps;
          for (const a of d.answers) {
            if (a.composite === undefined) continue;
            if (a.composite === 'nps') {
              nps = {
                answers: nps.answers + 1,
                promoters: nps.promoters + (a.value >= 9 ? 1 : 0),
                detractors: nps.detractors + (a.value <= 6 ? 1 : 0),
              };
              continue;
            }
            const c = composites[a.composite] ?? { answers: 0, topBox: 0 };
            composites[a.composite] = { answers: c.answers + 1, topBox: c.topBox + (a.topBox ? 1 : 0) };
          }
          return {
            ...m,
            answered: m.answered + 1,
            lowScores: m.lowScores + (d.lowScore ? 1 : 0),
            composites,
            nps,
          };
        }),
      ];
    }
    case 'ServiceRecoveryRecorded':
      return [];
  }
};

/** The `patient-experience` read model (MODULES.md §3.1 P7): aggregates per provider and visit month. */
export const experienceProjection: Projection = {
  name: experienceName,
  version: 1,
  eventTypes: ['SurveyInvited', 'SurveyAnswered', 'ServiceRecoveryRecorded'],
  handle: experienceHandle,
};

/** Survey aggregates of every provider for the visit months `from`..`to` (`YYYY-MM`, inclusive). */
export const listExperience = async (
  reader: ReadModelReader,
  from = '0000-00',
  to = '9999-99',
): Promise<ExperienceMonth[]> => {
  const out: ExperienceMonth[] = [];
  for await (const [, doc] of reader.list(experienceName, 'month:')) {
    const m = doc as unknown as ExperienceMonth;
    if (m.month >= from && m.month <= to) out.push(m);
  }
  return out;
};

// ------------------------------------------------------------------ patients-complaints

/** Name of the complaints read model. */
export const complaintsName = 'patients-complaints';

/** One complaint's dates and status, no text (that stays sealed in the log). Keyed `complaint:<complaintId>`. */
export interface ComplaintView {
  readonly complaintId: string;
  readonly category: string;
  readonly channel: string;
  readonly status: 'open' | 'resolved' | 'closed';
  readonly receivedOn: string;
  readonly acknowledgeDueOn: string;
  readonly responseDueOn: string;
  readonly patientId?: string;
  readonly routedTo?: string;
  readonly acknowledgedOn?: string;
  readonly acknowledgedWithinSla?: boolean;
  readonly resolvedOn?: string;
  readonly resolutionDays?: number;
  readonly respondedWithinSla?: boolean;
  readonly escalations: number;
  readonly breachIds: readonly string[];
  readonly closedOn?: string;
  readonly reopened: number;
}

const complaintChange = (
  ev: ComplaintEvent,
): ((c: ComplaintView | undefined) => ComplaintView | undefined) => {
  switch (ev.type) {
    case 'ComplaintReceived': {
      const d = ev.data;
      return () => ({
        complaintId: d.complaintId,
        category: d.category,
        channel: d.channel,
        status: 'open',
        receivedOn: d.receivedOn,
        acknowledgeDueOn: d.acknowledgeDueOn,
        responseDueOn: d.responseDueOn,
        ...(d.patientId === undefined ? {} : { patientId: d.patientId }),
        ...(d.routedTo === undefined ? {} : { routedTo: d.routedTo }),
        escalations: 0,
        breachIds: [],
        reopened: 0,
      });
    }
    case 'ComplaintAcknowledged':
      return (c) =>
        c && { ...c, acknowledgedOn: ev.data.acknowledgedOn, acknowledgedWithinSla: ev.data.withinSla };
    case 'InvestigationStepRecorded':
      return (c) => c;
    case 'ComplaintResolved':
      return (c) =>
        c && {
          ...c,
          status: 'resolved',
          resolvedOn: ev.data.resolvedOn,
          resolutionDays: ev.data.resolutionDays,
          respondedWithinSla: ev.data.withinSla,
        };
    case 'ComplaintEscalated':
      return (c) => c && { ...c, escalations: c.escalations + 1 };
    case 'ComplaintLinkedToBreach':
      return (c) => c && { ...c, breachIds: [...c.breachIds, ev.data.breachId] };
    case 'ComplaintClosed':
      return (c) => c && { ...c, status: 'closed', closedOn: ev.data.closedOn };
    case 'ComplaintReopened': {
      return (c) => {
        if (c === undefined) return c;
        const { resolvedOn: _r, resolutionDays: _d, respondedWithinSla: _w, closedOn: _c, ...rest } = c;
        return { ...rest, status: 'open', reopened: c.reopened + 1 };
      };
    }
  }
};

/** The `patients-complaints` read model (MODULES.md §3.1 P8). */
export const complaintsProjection: Projection = {
  name: complaintsName,
  version: 1,
  eventTypes: [
    'ComplaintReceived',
    'ComplaintAcknowledged',
    'InvestigationStepRecorded',
    'ComplaintResolved',
    'ComplaintEscalated',
    'ComplaintLinkedToBreach',
    'ComplaintClosed',
    'ComplaintReopened',
  ],
  handle: (e) => {
    const ev = e as unknown as ComplaintEvent;
    const apply = complaintChange(ev);
    return [
      {
        key: `complaint:${ev.data.complaintId}`,
        update: (cur) => apply(cur as unknown as ComplaintView | undefined) as unknown as Json | undefined,
      },
    ];
  },
};

/** Every complaint, by id. */
export const listComplaints = async (reader: ReadModelReader): Promise<ComplaintView[]> => {
  const out: ComplaintView[] = [];
  for await (const [, doc] of reader.list(complaintsName, 'complaint:'))
    out.push(doc as unknown as ComplaintView);
  return out;
};

// ------------------------------------------------------------------ patients-waitlist

/** Name of the waitlist read model. */
export const waitlistName = 'patients-waitlist';

/** One waitlist entry. Keyed `entry:<entryId>`. */
export interface WaitlistView {
  readonly entryId: string;
  readonly patientId: string;
  readonly appointmentType: string;
  readonly priority: 'routine' | 'urgent';
  readonly providerIds: readonly string[];
  readonly locationIds: readonly string[];
  readonly windows: readonly { weekday: number; from: string; to: string }[];
  readonly earliestOn: string;
  readonly latestOn: string;
  readonly joinedAt: string;
  readonly status: 'open' | 'booked' | 'left';
  readonly currentAppointmentId?: string;
  readonly currentAppointmentDate?: string;
  readonly openOffer?: { readonly offerId: string; readonly expiresAt: string };
  readonly offers: number;
  readonly lapsed: number;
  readonly bookedAppointmentId?: string;
  readonly leftAt?: string;
  readonly leftReason?: string;
}

const waitlistChange = (ev: WaitlistEvent): ((c: WaitlistView | undefined) => WaitlistView | undefined) => {
  switch (ev.type) {
    case 'PatientWaitlisted': {
      const d = ev.data;
      return () => ({
        entryId: d.entryId,
        patientId: d.patientId,
        appointmentType: d.appointmentType,
        priority: d.priority,
        providerIds: d.providerIds,
        locationIds: d.locationIds,
        windows: d.windows,
        earliestOn: d.earliestOn,
        latestOn: d.latestOn,
        joinedAt: d.joinedAt,
        status: 'open',
        ...(d.currentAppointmentId === undefined ? {} : { currentAppointmentId: d.currentAppointmentId }),
        ...(d.currentAppointmentDate === undefined
          ? {}
          : { currentAppointmentDate: d.currentAppointmentDate }),
        offers: 0,
        lapsed: 0,
      });
    }
    case 'SlotOffered':
      return (c) =>
        c && {
          ...c,
          offers: c.offers + 1,
          openOffer: { offerId: ev.data.offerId, expiresAt: ev.data.expiresAt },
        };
    case 'OfferAccepted':
    case 'OfferDeclined':
      return (c) => {
        if (c === undefined) return c;
        const { openOffer: _o, ...rest } = c;
        return rest;
      };
    case 'OfferLapsed':
      return (c) => {
        if (c === undefined) return c;
        const { openOffer: _o, ...rest } = c;
        return { ...rest, lapsed: c.lapsed + 1 };
      };
    case 'WaitlistLeft':
      return (c) => {
        if (c === undefined) return c;
        const { openOffer: _o, ...rest } = c;
        return {
          ...rest,
          status: ev.data.reason === 'booked' ? 'booked' : 'left',
          leftAt: ev.data.leftAt,
          leftReason: ev.data.reason,
          ...(ev.data.appointmentId === undefined ? {} : { bookedAppointmentId: ev.data.appointmentId }),
        };
      };
  }
};

/** The `patients-waitlist` read model (MODULES.md §3.1 P3). */
export const waitlistProjection: Projection = {
  name: waitlistName,
  version: 1,
  eventTypes: [
    'PatientWaitlisted',
    'SlotOffered',
    'OfferAccepted',
    'OfferDeclined',
    'OfferLapsed',
    'WaitlistLeft',
  ],
  handle: (e) => {
    const ev = e as unknown as WaitlistEvent;
    const apply = waitlistChange(ev);
    return [
      {
        key: `entry:${ev.data.entryId}`,
        update: (cur) => apply(cur as unknown as WaitlistView | undefined) as unknown as Json | undefined,
      },
    ];
  },
};

/**
 * The waitlist: open entries by default, urgent first, then by the time they joined (the order
 * the front desk offers freed slots in).
 */
export const listWaitlist = async (
  reader: ReadModelReader,
  options: { readonly includeClosed?: boolean } = {},
): Promise<WaitlistView[]> => {
  const out: WaitlistView[] = [];
  for await (const [, doc] of reader.list(waitlistName, 'entry:')) {
    const w = doc as unknown as WaitlistView;
    if (options.includeClosed === true || w.status === 'open') out.push(w);
  }
  return out.sort(
    (a, b) =>
      (a.priority === b.priority ? 0 : a.priority === 'urgent' ? -1 : 1) ||
      a.joinedAt.localeCompare(b.joinedAt),
  );
};

// ------------------------------------------------------------------ patients-outreach

/** Name of the outreach read model. */
export const outreachName = 'patients-outreach';

/**
 * One patient's contact standing, keyed `patient:<patientId>`: consent per `channel:purpose`
 * (true when written), opted-out channels, and message counts by kind — what the front desk checks
 * before a call or text. No message text (Praxis never holds it) and no contact data.
 */
export interface OutreachView {
  readonly patientId: string;
  readonly consents: Readonly<Record<string, boolean>>;
  readonly optedOut: readonly string[];
  readonly sent: Readonly<Record<string, number>>;
  readonly failed: number;
  readonly replies: Readonly<Record<string, number>>;
  readonly lastSentAt?: string;
}

const outreachHandle = (e: RecordedEvent): readonly DocUpdate[] => {
  const d = e.data as unknown as {
    patientId: string;
    channel?: string;
    purpose?: string;
    written?: boolean;
    kind?: string;
    sendAt?: string;
    intent?: string;
  };
  const change = (v: OutreachView): OutreachView => {
    switch (e.type) {
      case 'ContactConsentRecorded': {
        const k = `${d.channel}:${d.purpose}`;
        return { ...v, consents: { ...v.consents, [k]: d.written === true || v.consents[k] === true } };
      }
      case 'ContactOptedOut':
        return { ...v, optedOut: [...new Set([...v.optedOut, String(d.channel)])] };
      case 'ContactOptedIn':
        return { ...v, optedOut: v.optedOut.filter((c) => c !== d.channel) };
      case 'MessageSent':
        return {
          ...v,
          sent: { ...v.sent, [String(d.kind)]: (v.sent[String(d.kind)] ?? 0) + 1 },
          ...(d.sendAt === undefined ? {} : { lastSentAt: d.sendAt }),
        };
      case 'MessageFailed':
        return { ...v, failed: v.failed + 1 };
      case 'ReplyReceived':
        return {
          ...v,
          replies: { ...v.replies, [String(d.intent)]: (v.replies[String(d.intent)] ?? 0) + 1 },
        };
      default:
        return v;
    }
  };
  return [
    {
      key: `patient:${d.patientId}`,
      update: (cur) =>
        change(
          (cur as unknown as OutreachView | undefined) ?? {
            patientId: d.patientId,
            consents: {},
            optedOut: [],
            sent: {},
            failed: 0,
            replies: {},
          },
        ) as unknown as Json,
    },
  ];
};

/** The `patients-outreach` read model (MODULES.md §3.1 P4). */
export const outreachProjection: Projection = {
  name: outreachName,
  version: 1,
  eventTypes: [
    'ContactConsentRecorded',
    'ContactOptedOut',
    'ContactOptedIn',
    'MessageSent',
    'MessageFailed',
    'ReplyReceived',
  ],
  handle: outreachHandle,
};

/** One patient's contact standing, if any consent, opt-out or message is recorded. */
export const getOutreach = async (
  reader: ReadModelReader,
  patientId: string,
): Promise<OutreachView | undefined> =>
  (await reader.get(outreachName, `patient:${patientId}`)) as OutreachView | undefined;
