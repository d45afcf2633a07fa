import {
  obligationKey,
  type DocUpdate,
  type Json,
  type Obligation,
  type Projection,
  type RecordedEvent,
} from '@praxis/core';
import { addDays } from '../shared/time.js';

/** Name of the patients obligations read model (listed by `practice.calendar()`). */
export const patientsObligationsName = 'patients-obligations';

const put = (id: string, make: (current: Obligation | undefined) => Obligation | undefined): DocUpdate => ({
  key: obligationKey(id),
  update: (cur) => make(cur as Obligation | undefined) as Json | undefined,
});
const patch = (id: string, change: Partial<Obligation>): DocUpdate =>
  put(id, (cur) => (cur === undefined ? undefined : { ...cur, ...change }));

type Handler = (e: RecordedEvent, d: Record<string, unknown>) => readonly DocUpdate[];
const str = (d: Record<string, unknown>, k: string) => String(d[k] ?? '');

/** Practice SLAs for referrals, in calendar days (MODULES.md §3.1: settings; fixed here for now). */
export const referralSla = {
  scheduleRoutineDays: 14,
  scheduleUrgentDays: 3,
  reportDays: 30,
  consultReportDays: 7,
};

const referralDone = (kind: string, d: Record<string, unknown>, on: string): DocUpdate =>
  patch(`${kind}:${str(d, 'referralId')}`, { completedAt: on });

/** Calendar days to follow up a low survey score (practice policy). */
export const serviceRecoveryDays = 3;

/** Days before an authorization's validTo that its renewal appears on the calendar. */
export const authorizationExpiryNoticeDays = 30;

/** An uncovered appointment: booked against an authorization that had no unit left for it. */
interface Uncovered {
  readonly date: string;
  readonly appointmentId: string;
}
/** The `authorization-low` obligation keeps the appointments it is about (earliest first). */
type LowObligation = Obligation & { readonly uncovered: readonly Uncovered[] };

const lowId = (d: Record<string, unknown>) => `authorization-low:${str(d, 'authorizationId')}`;
const lowLabel = (authorizationId: string, n: number) =>
  `Authorization ${authorizationId} has no units left for ${n} booked appointment${n === 1 ? '' : 's'}: extend it or move ${n === 1 ? 'it' : 'them'}`;
/** Sets the open appointments of an `authorization-low` obligation; none left → done at `on`. */
const withUncovered = (cur: LowObligation, uncovered: readonly Uncovered[], on: string): LowObligation => {
  const authorizationId = cur.id.slice('authorization-low:'.length);
  if (uncovered.length === 0) return { ...cur, uncovered, completedAt: on };
  return { ...cur, uncovered, dueAt: uncovered[0]!.date, label: lowLabel(authorizationId, uncovered.length) };
};
const isOpenLow = (cur: Obligation | undefined): cur is LowObligation =>
  cur !== undefined && cur.completedAt === undefined && Array.isArray((cur as LowObligation).uncovered);

/**
 * MODULES.md §3.1 `authorization-low:<id>`: arises when the units left are fewer than the units
 * booked ahead — a booking naming the authorization got no unit (`authorizationWarning:
 * AuthorizationExhausted`); due on the date of the first uncovered appointment; done when an
 * extension adds enough units or the uncovered appointments are cancelled, moved or missed.
 */
const authorizationLow = (e: RecordedEvent, d: Record<string, unknown>): readonly DocUpdate[] => {
  if (d.authorizationWarning !== 'AuthorizationExhausted') return [];
  const id = lowId(d);
  const one: Uncovered = { date: str(d, 'date'), appointmentId: str(d, 'appointmentId') };
  return [
    put(id, (cur) => {
      const before = isOpenLow(cur) ? cur.uncovered : [];
      const uncovered = [...before.filter((u) => u.appointmentId !== one.appointmentId), one].sort((a, b) =>
        a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
      );
      const base: LowObligation = {
        id,
        module: 'patients',
        kind: 'authorization-low',
        label: '',
        streamId: `Authorization-${str(d, 'authorizationId')}`,
        arisesAt: isOpenLow(cur) ? cur.arisesAt : str(d, 'bookedAt'),
        dueAt: one.date,
        legalSource: 'payer contract',
        impact: 'financial',
        uncovered: [],
      };
      return withUncovered(base, uncovered, str(d, 'bookedAt'));
    }),
  ];
};
/** An uncovered appointment cancelled, moved or missed no longer needs a unit. */
const lowRelease = (d: Record<string, unknown>, on: string): readonly DocUpdate[] =>
  d.authorizationId === undefined
    ? []
    : [
        put(lowId(d), (cur) => {
          if (!isOpenLow(cur)) return cur;
          const left = cur.uncovered.filter((u) => u.appointmentId !== str(d, 'appointmentId'));
          return left.length === cur.uncovered.length ? cur : withUncovered(cur, left, on);
        }),
      ];

const handlers: Record<string, Handler> = {
  AppointmentBooked: authorizationLow,
  AppointmentNoShowRecorded: (_, d) => lowRelease(d, str(d, 'recordedAt')),
  AuthorizationApproved: (e, d) => {
    const id = `authorization-expiry:${str(d, 'authorizationId')}`;
    return [
      put(id, () => ({
        id,
        module: 'patients',
        kind: 'authorization-expiry',
        label: `Authorization ${str(d, 'number')} for patient ${str(d, 'patientId')} expires: extend or close it`,
        streamId: e.streamId,
        arisesAt: addDays(str(d, 'validTo'), -authorizationExpiryNoticeDays),
        dueAt: str(d, 'validTo'),
        legalSource: 'payer contract',
        impact: 'financial',
      })),
    ];
  },
  AuthorizationExtended: (_, d) => [
    patch(`authorization-expiry:${str(d, 'authorizationId')}`, {
      arisesAt: addDays(str(d, 'validTo'), -authorizationExpiryNoticeDays),
      dueAt: str(d, 'validTo'),
    }),
    // Added units cover the earliest uncovered appointments first.
    put(lowId(d), (cur) =>
      isOpenLow(cur) && typeof d.addedUnits === 'number'
        ? withUncovered(cur, cur.uncovered.slice(d.addedUnits), str(d, 'extendedOn'))
        : cur,
    ),
  ],
  AccessRequestReceived: (e, d) => {
    const id = `records-access:${str(d, 'requestId')}`;
    return [
      put(id, () => ({
        id,
        module: 'patients',
        kind: 'records-access',
        label: `Answer patient ${str(d, 'patientId')}'s request for access to their records`,
        streamId: e.streamId,
        arisesAt: str(d, 'receivedOn'),
        dueAt: str(d, 'dueOn'),
        legalSource: '45 CFR 164.524(b)(2)',
        impact: 'legal',
      })),
    ];
  },
  AccessRequestExtended: (_, d) => [
    patch(`records-access:${str(d, 'requestId')}`, { dueAt: str(d, 'dueOn') }),
  ],
  AccessRequestFulfilled: (_, d) => [
    patch(`records-access:${str(d, 'requestId')}`, { completedAt: str(d, 'fulfilledOn') }),
  ],
  AccessRequestDenied: (_, d) => [
    patch(`records-access:${str(d, 'requestId')}`, { completedAt: str(d, 'deniedOn') }),
  ],
  EstimateDutyOpened: (e, d) => {
    const id = `gfe:${str(d, 'gfeId')}`;
    return [
      put(id, () => ({
        id,
        module: 'patients',
        kind: 'good-faith-estimate',
        label: `Give patient ${str(d, 'patientId')} a good-faith estimate`,
        streamId: e.streamId,
        arisesAt: str(d, d.trigger === 'requested' ? 'requestedOn' : 'scheduledOn'),
        dueAt: str(d, 'dueOn'),
        legalSource: '45 CFR 149.610(b)(1)',
        impact: 'legal',
      })),
    ];
  },
  GoodFaithEstimateIssued: (_, d) => [patch(`gfe:${str(d, 'gfeId')}`, { completedAt: str(d, 'issuedOn') })],
  EstimateDutyVoided: (_, d) => [patch(`gfe:${str(d, 'gfeId')}`, { completedAt: str(d, 'voidedOn') })],
  ScheduleConflictFlagged: (e, d) => {
    const id = `schedule-conflict:${str(d, 'appointmentId')}`;
    return [
      put(id, () => ({
        id,
        module: 'patients',
        kind: 'schedule-conflict',
        label: `Move or cancel appointment ${str(d, 'appointmentId')}: ${str(d, 'providerId')} is away (time off ${str(d, 'timeOffId')})`,
        streamId: e.streamId,
        arisesAt: str(d, 'flaggedAt'),
        dueAt: str(d, 'startAt'),
        impact: 'patient-safety',
      })),
    ];
  },
  AppointmentCancelled: (_, d) => [
    patch(`schedule-conflict:${str(d, 'appointmentId')}`, { completedAt: str(d, 'cancelledAt') }),
    ...lowRelease(d, str(d, 'cancelledAt')),
  ],
  ReferralSent: (e, d) => {
    const id = `referral-schedule:${str(d, 'referralId')}`;
    const days = d.urgency === 'urgent' ? referralSla.scheduleUrgentDays : referralSla.scheduleRoutineDays;
    return [
      put(id, () => ({
        id,
        module: 'patients',
        kind: 'referral-schedule',
        label: `Get patient ${str(d, 'patientId')}'s ${String(d.urgency)} referral scheduled`,
        streamId: e.streamId,
        arisesAt: str(d, 'sentOn'),
        dueAt: addDays(str(d, 'sentOn'), days),
        legalSource: 'practice SLA',
        impact: 'patient-safety',
      })),
    ];
  },
  ReferralScheduled: (_, d) => [referralDone('referral-schedule', d, str(d, 'recordedOn'))],
  ReferralSeen: (e, d) => {
    const incoming = d.direction === 'incoming';
    const kind = incoming ? 'consult-report' : 'referral-report';
    const id = `${kind}:${str(d, 'referralId')}`;
    return [
      referralDone('referral-schedule', d, str(d, 'seenOn')),
      put(id, () => ({
        id,
        module: 'patients',
        kind,
        label: incoming
          ? `Send the referrer the consult report for patient ${str(d, 'patientId')}`
          : `Obtain the consult report for patient ${str(d, 'patientId')}'s referral`,
        streamId: e.streamId,
        arisesAt: str(d, 'seenOn'),
        dueAt: addDays(str(d, 'seenOn'), incoming ? referralSla.consultReportDays : referralSla.reportDays),
        legalSource: incoming ? 'practice SLA' : 'CMS50v14 (closing the referral loop)',
        impact: 'patient-safety',
      })),
    ];
  },
  ConsultReportReceived: (_, d) => [referralDone('referral-report', d, str(d, 'receivedOn'))],
  ConsultReportSent: (_, d) => [referralDone('consult-report', d, str(d, 'sentOn'))],
  ReferralClosed: (_, d) =>
    ['referral-schedule', 'referral-report', 'consult-report'].map((k) =>
      put(`${k}:${str(d, 'referralId')}`, (cur) =>
        cur === undefined || cur.completedAt !== undefined
          ? cur
          : { ...cur, completedAt: str(d, 'closedOn') },
      ),
    ),
  ComplaintReceived: (e, d) => {
    const ack = `complaint-ack:${str(d, 'complaintId')}`;
    const response = `complaint-response:${str(d, 'complaintId')}`;
    const base = {
      module: 'patients',
      streamId: e.streamId,
      arisesAt: str(d, 'receivedOn'),
      legalSource: 'practice policy (complaint SLA, business days)',
      impact:
        d.category === 'privacy' || d.category === 'discrimination'
          ? ('legal' as const)
          : ('operational' as const),
    };
    return [
      put(ack, () => ({
        ...base,
        id: ack,
        kind: 'complaint-ack',
        label: `Acknowledge complaint ${str(d, 'complaintId')} (${str(d, 'category')})`,
        dueAt: str(d, 'acknowledgeDueOn'),
      })),
      put(response, () => ({
        ...base,
        id: response,
        kind: 'complaint-response',
        label: `Respond to complaint ${str(d, 'complaintId')} (${str(d, 'category')})`,
        dueAt: str(d, 'responseDueOn'),
      })),
    ];
  },
  ComplaintAcknowledged: (_, d) => [
    patch(`complaint-ack:${str(d, 'complaintId')}`, { completedAt: str(d, 'acknowledgedOn') }),
  ],
  ComplaintResolved: (_, d) => [
    patch(`complaint-response:${str(d, 'complaintId')}`, { completedAt: str(d, 'resolvedOn') }),
  ],
  SurveyAnswered: (e, d) => {
    if (d.lowScore !== true || d.contactRequested === true) return [];
    const id = `service-recovery:${str(d, 'responseId')}`;
    const on = str(d, 'submittedAt').slice(0, 10);
    return [
      put(id, () => ({
        id,
        module: 'patients',
        kind: 'service-recovery',
        label: `Follow up a low survey score from patient ${str(d, 'patientId')} (provider ${str(d, 'providerId')})`,
        streamId: e.streamId,
        arisesAt: on,
        dueAt: addDays(on, serviceRecoveryDays),
        legalSource: 'practice policy',
        impact: 'operational',
      })),
    ];
  },
  ServiceRecoveryRecorded: (_, d) => [
    patch(`service-recovery:${str(d, 'responseId')}`, { completedAt: str(d, 'recordedAt') }),
  ],
  AuthorizationClosed: (_, d) => [
    patch(`authorization-expiry:${str(d, 'authorizationId')}`, { completedAt: str(d, 'closedOn') }),
  ],
};

/**
 * The `patients-obligations` read model: every dated duty of patient coordination as an
 * `Obligation` (MODULES.md §3.1 table), so `practice.calendar()` shows it.
 */
export const patientsObligations: Projection = {
  name: patientsObligationsName,
  version: 3,
  eventTypes: Object.keys(handlers),
  handle: (e) => handlers[e.type]?.(e, e.data as unknown as Record<string, unknown>) ?? [],
};
