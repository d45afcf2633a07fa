import type { DocUpdate, Json, Projection, ReadModelReader, RecordedEvent } from '@praxis/core';
import { events as dayBookEvents, type DayBookEvent } from '../day-book/events.js';
import type { AppointmentStatus } from '../day-book/state.js';
import { instantOf } from '../shared/time.js';

/** Name of the appointments read model. */
export const appointmentsName = 'patients-appointments';

/**
 * One appointment as the front desk and the KPIs see it: status, the policy stamped on it, flow
 * times (instants), and its series. Keyed `appointment:<date>:<appointmentId>`. No free text
 * about the patient (notes and reasons stay in the log, sealed).
 */
export interface AppointmentView {
  readonly appointmentId: string;
  readonly date: string;
  readonly patientId: string;
  readonly providerId: string;
  readonly locationId: string;
  readonly appointmentType: string;
  readonly start: string;
  readonly startAt: string;
  readonly endAt: string;
  readonly durationMin: number;
  readonly status: AppointmentStatus;
  readonly bookedVia: string;
  readonly bookedAt: string;
  readonly selfPay: boolean;
  readonly policyVersion: number;
  readonly authorizationId?: string;
  readonly seriesId?: string;
  readonly occurrence?: number;
  readonly rescheduledFrom?: string;
  readonly rescheduledTo?: string;
  readonly confirmedAt?: string;
  readonly arrivedAt?: string;
  readonly checkedInAt?: string;
  readonly roomedAt?: string;
  readonly encounterStartedAt?: string;
  readonly checkedOutAt?: string;
  readonly cancelledAt?: string;
  readonly cancelledBy?: 'patient' | 'practice';
  readonly lateCancel?: boolean;
  readonly lateCancelWindowHours?: number;
  readonly noticeHours?: number;
  readonly noShowAt?: string;
  /** The time off it clashes with, until moved or cancelled. */
  readonly scheduleConflict?: string;
  /** The waitlist entry the booking filled. */
  readonly waitlistEntryId?: string;
  /** Reminders and confirmation requests sent about it (Outreach `MessageSent` naming it). */
  readonly remindersSent?: number;
  /** When the first post-visit summary about it was sent. */
  readonly postVisitSummaryAt?: string;
  /** When pre-registration was completed, and what it covered. */
  readonly preRegisteredAt?: string;
  readonly preRegistrationItems?: readonly string[];
  /** The missed-appointment fee charged (integer cents; 0 when a first offence was waived). */
  readonly missedFeeCents?: number;
  readonly missedFeeWaived?: boolean;
}

/** Missed-appointment fee decisions per patient (charged or waived). Keyed `fees:<patientId>`. */
export interface PatientFeesView {
  readonly patientId: string;
  readonly decisions: number;
}

/** A recurring series: each occurrence's current appointment. Keyed `series:<seriesId>`. */
export interface SeriesView {
  readonly seriesId: string;
  readonly occurrences: readonly {
    readonly occurrence: number;
    readonly appointmentId: string;
    readonly date: string;
    readonly status: AppointmentStatus;
  }[];
}

/** One opened day: each provider's intervals, capacity and open minutes (real minutes, DST-aware). Keyed `day:<date>`. */
export interface DayView {
  readonly date: string;
  readonly timeZone: string;
  readonly providers: readonly {
    readonly providerId: string;
    readonly intervals: readonly { start: string; end: string; locationId: string }[];
    readonly capacity: number;
    readonly openMinutes: number;
  }[];
}
const dayKey = (date: string) => `day:${date}`;

export const appointmentKey = (date: string, appointmentId: string): string =>
  `appointment:${date}:${appointmentId}`;
const seriesKey = (id: string) => `series:${id}`;

const patch = (date: string, id: string, change: Partial<AppointmentView>): DocUpdate => ({
  key: appointmentKey(date, id),
  update: (cur) => (cur === undefined ? undefined : ({ ...(cur as object), ...change } as Json)),
});

const seriesStatus = (
  seriesId: string | undefined,
  appointmentId: string,
  status: AppointmentStatus,
): DocUpdate[] =>
  seriesId === undefined
    ? []
    : [
        {
          key: seriesKey(seriesId),
          update: (cur) => {
            if (cur === undefined) return undefined;
            const s = cur as unknown as SeriesView;
            return {
              ...s,
              occurrences: s.occurrences.map((o) =>
                o.appointmentId === appointmentId ? { ...o, status } : o,
              ),
            } as unknown as Json;
          },
        },
      ];

const handleOne = (ev: DayBookEvent): readonly DocUpdate[] => {
  switch (ev.type) {
    case 'DayOpened': {
      const d = ev.data;
      const view: DayView = {
        date: d.date,
        timeZone: d.timeZone,
        providers: d.providers.map((p) => ({
          providerId: p.providerId,
          intervals: p.intervals,
          capacity: p.capacity,
          openMinutes: p.intervals.reduce((sum, i) => {
            const from = instantOf(d.date, i.start, d.timeZone);
            const to = instantOf(d.date, i.end, d.timeZone);
            return from === undefined || to === undefined ? sum : sum + Math.round((to - from) / 60_000);
          }, 0),
        })),
      };
      return [{ key: dayKey(d.date), update: () => view as unknown as Json }];
    }
    case 'AppointmentBooked': {
      const d = ev.data;
      const view: AppointmentView = {
        appointmentId: d.appointmentId,
        date: d.date,
        patientId: d.patientId,
        providerId: d.providerId,
        locationId: d.locationId,
        appointmentType: d.appointmentType,
        start: d.start,
        startAt: d.startAt,
        endAt: d.endAt,
        durationMin: d.durationMin,
        status: d.status,
        bookedVia: d.bookedVia,
        bookedAt: d.bookedAt,
        selfPay: d.selfPay,
        policyVersion: d.policyVersion,
        ...(d.authorizationId === undefined ? {} : { authorizationId: d.authorizationId }),
        ...(d.seriesId === undefined ? {} : { seriesId: d.seriesId }),
        ...(d.occurrence === undefined ? {} : { occurrence: d.occurrence }),
        ...(d.rescheduledFrom === undefined ? {} : { rescheduledFrom: d.rescheduledFrom }),
        ...(d.waitlistEntryId === undefined ? {} : { waitlistEntryId: d.waitlistEntryId }),
      };
      const updates: DocUpdate[] = [
        { key: appointmentKey(d.date, d.appointmentId), update: () => view as unknown as Json },
      ];
      if (d.seriesId !== undefined) {
        const occurrence = d.occurrence ?? 0;
        const entry = { occurrence, appointmentId: d.appointmentId, date: d.date, status: d.status };
        updates.push({
          key: seriesKey(d.seriesId),
          update: (cur) => {
            const s = (cur as unknown as SeriesView | undefined) ?? {
              seriesId: d.seriesId!,
              occurrences: [],
            };
            // A rebooked occurrence replaces the one it was moved from; every other occurrence stays as it was.
            const rest = s.occurrences.filter(
              (o) =>
                o.appointmentId !== d.rescheduledFrom &&
                !(d.occurrence !== undefined && o.occurrence === occurrence),
            );
            return {
              seriesId: s.seriesId,
              occurrences: [...rest, entry].sort(
                (a, b) => a.occurrence - b.occurrence || a.date.localeCompare(b.date),
              ),
            } as unknown as Json;
          },
        });
      }
      return updates;
    }
    case 'AppointmentRequestApproved':
      return [patch(ev.data.date, ev.data.appointmentId, { status: 'booked' })];
    case 'AppointmentConfirmed':
      return [
        patch(ev.data.date, ev.data.appointmentId, { status: 'confirmed', confirmedAt: ev.data.confirmedAt }),
      ];
    case 'PatientArrived':
      return [
        patch(ev.data.date, ev.data.appointmentId, { status: 'arrived', arrivedAt: ev.data.arrivedAt }),
      ];
    case 'CheckInCompleted':
      return [
        patch(ev.data.date, ev.data.appointmentId, {
          status: 'checked-in',
          checkedInAt: ev.data.checkedInAt,
        }),
      ];
    case 'PatientRoomed':
      return [patch(ev.data.date, ev.data.appointmentId, { status: 'roomed', roomedAt: ev.data.roomedAt })];
    case 'ProviderEncounterStarted':
      return [
        patch(ev.data.date, ev.data.appointmentId, {
          status: 'in-encounter',
          encounterStartedAt: ev.data.startedAt,
        }),
      ];
    case 'PatientCheckedOut':
      return [
        patch(ev.data.date, ev.data.appointmentId, {
          status: 'checked-out',
          checkedOutAt: ev.data.checkedOutAt,
        }),
      ];
    case 'AppointmentCancelled': {
      const d = ev.data;
      return [
        patch(d.date, d.appointmentId, {
          status: 'cancelled',
          cancelledAt: d.cancelledAt,
          cancelledBy: d.by,
          lateCancel: d.lateCancel,
          lateCancelWindowHours: d.windowHours,
          noticeHours: d.noticeHours,
          ...(d.rescheduledTo === undefined ? {} : { rescheduledTo: d.rescheduledTo }),
        }),
        // A move keeps the occurrence in its series until the new booking replaces it.
        ...(d.rescheduledTo === undefined ? seriesStatus(d.seriesId, d.appointmentId, 'cancelled') : []),
      ];
    }
    case 'AppointmentNoShowRecorded':
      return [
        patch(ev.data.date, ev.data.appointmentId, { status: 'no-show', noShowAt: ev.data.recordedAt }),
      ];
    case 'ScheduleConflictFlagged':
      return [patch(ev.data.date, ev.data.appointmentId, { scheduleConflict: ev.data.timeOffId })];
    case 'PreRegistrationCompleted':
      return [
        patch(ev.data.date, ev.data.appointmentId, {
          preRegisteredAt: ev.data.preRegisteredAt,
          preRegistrationItems: ev.data.items,
        }),
      ];
    case 'MissedAppointmentFeeCharged': {
      const d = ev.data;
      return [
        patch(d.date, d.appointmentId, { missedFeeCents: d.amountCents, missedFeeWaived: d.waived }),
        {
          key: patientFeesKey(d.patientId),
          update: (cur) => {
            const before = cur as unknown as PatientFeesView | undefined;
            const view: PatientFeesView = { patientId: d.patientId, decisions: (before?.decisions ?? 0) + 1 };
            return view as unknown as Json;
          },
        },
      ];
    }
    case 'TimeBlockReserved':
    case 'TimeBlockRemoved':
      return [];
  }
};

/** A message about an appointment: reminders count toward the confirmation rate, the post-visit summary its timeliness. */
const messageSent = (e: RecordedEvent): readonly DocUpdate[] => {
  const d = e.data as unknown as {
    kind: string;
    sendAt: string;
    appointmentId?: string;
    appointmentDate?: string;
  };
  if (d.appointmentId === undefined || d.appointmentDate === undefined) return [];
  const key = appointmentKey(d.appointmentDate, d.appointmentId);
  const change = (cur: AppointmentView): AppointmentView =>
    d.kind === 'reminder' || d.kind === 'confirmation-request'
      ? { ...cur, remindersSent: (cur.remindersSent ?? 0) + 1 }
      : d.kind === 'post-visit-summary' && cur.postVisitSummaryAt === undefined
        ? { ...cur, postVisitSummaryAt: d.sendAt }
        : cur;
  return [
    {
      key,
      update: (cur) =>
        cur === undefined ? undefined : (change(cur as unknown as AppointmentView) as unknown as Json),
    },
  ];
};

/** Key of a patient's missed-appointment fee count. */
export const patientFeesKey = (patientId: string): string => `fees:${patientId}`;

/** How many missed-appointment fees (charged or waived) the patient has had. */
export const missedFeeDecisions = async (reader: ReadModelReader, patientId: string): Promise<number> =>
  ((await reader.get(appointmentsName, patientFeesKey(patientId))) as PatientFeesView | undefined)
    ?.decisions ?? 0;

/** The `patients-appointments` read model (MODULES.md §3.1). */
export const appointmentsProjection: Projection = {
  name: appointmentsName,
  version: 3,
  eventTypes: [...dayBookEvents.types, 'MessageSent'],
  handle: (e: RecordedEvent) =>
    e.type === 'MessageSent' ? messageSent(e) : handleOne(e as unknown as DayBookEvent),
};

/** One appointment, when its date is known. */
export const getAppointment = async (
  reader: ReadModelReader,
  date: string,
  appointmentId: string,
): Promise<AppointmentView | undefined> =>
  (await reader.get(appointmentsName, appointmentKey(date, appointmentId))) as AppointmentView | undefined;

/** Every appointment whose date starts with `datePrefix` (`2026-03-10`, `2026-03`, `2026`, `''`), by date. */
export const listAppointments = async (
  reader: ReadModelReader,
  datePrefix = '',
): Promise<AppointmentView[]> => {
  const out: AppointmentView[] = [];
  for await (const [, doc] of reader.list(appointmentsName, `appointment:${datePrefix}`))
    out.push(doc as unknown as AppointmentView);
  return out;
};

/** A series' occurrences and their current appointments. */
export const getSeries = async (reader: ReadModelReader, seriesId: string): Promise<SeriesView | undefined> =>
  (await reader.get(appointmentsName, seriesKey(seriesId))) as SeriesView | undefined;

/** Every opened day whose date starts with `datePrefix`, by date. */
export const listDays = async (reader: ReadModelReader, datePrefix = ''): Promise<DayView[]> => {
  const out: DayView[] = [];
  for await (const [, doc] of reader.list(appointmentsName, `day:${datePrefix}`))
    out.push(doc as unknown as DayView);
  return out;
};
