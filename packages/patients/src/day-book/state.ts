import type { DayBookEvent } from './events.js';

/** Where an appointment stands. `requested`: a portal booking awaiting approval. */
export type AppointmentStatus =
  | 'requested'
  | 'booked'
  | 'confirmed'
  | 'arrived'
  | 'checked-in'
  | 'roomed'
  | 'in-encounter'
  | 'checked-out'
  | 'cancelled'
  | 'no-show';

/** One appointment on the book (instants as epoch ms for the overlap checks). */
export interface BookedAppointment {
  readonly appointmentId: string;
  readonly patientId: string;
  readonly providerId: string;
  readonly locationId: string;
  readonly appointmentType: string;
  readonly start: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly status: AppointmentStatus;
  /** The latest flow instant (epoch ms), so flow steps stay in time order. */
  readonly lastFlowMs: number;
  readonly authorizationId?: string;
  readonly seriesId?: string;
  /** Set when it was cancelled late by the patient (stamped window). */
  readonly lateCancel?: boolean;
  readonly feeCharged?: boolean;
  /** Time-off ids it was flagged as clashing with. */
  readonly conflicts?: readonly string[];
}

/** Time held on a provider's day for some appointment types. */
export interface TimeBlock {
  readonly blockId: string;
  readonly providerId: string;
  readonly start: string;
  readonly end: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly appointmentTypes: readonly string[];
  readonly releaseHoursBefore: number;
}

/** One practice day's book. */
export interface DayBook {
  readonly open: boolean;
  readonly date: string;
  readonly timeZone: string;
  readonly providers: Readonly<
    Record<
      string,
      {
        readonly intervals: readonly { start: string; end: string; locationId: string }[];
        readonly capacity: number;
      }
    >
  >;
  readonly appointments: Readonly<Record<string, BookedAppointment>>;
  /** Reserved blocks still in force, by id. */
  readonly blocks: Readonly<Record<string, TimeBlock>>;
}

export const initialState: DayBook = {
  open: false,
  date: '',
  timeZone: 'UTC',
  providers: {},
  appointments: {},
  blocks: {},
};

/** An appointment that holds its slot (neither cancelled nor a no-show). */
export const holdsSlot = (a: BookedAppointment): boolean =>
  a.status !== 'cancelled' && a.status !== 'no-show';

const ms = (iso: string) => Date.parse(iso);

const step = (s: DayBook, id: string, status: AppointmentStatus | undefined, at: string): DayBook => {
  const a = s.appointments[id];
  if (a === undefined) return s;
  return {
    ...s,
    appointments: {
      ...s.appointments,
      [id]: { ...a, ...(status === undefined ? {} : { status }), lastFlowMs: Math.max(a.lastFlowMs, ms(at)) },
    },
  };
};

/** Applies one event (pure). */
export const evolve = (s: DayBook, e: DayBookEvent): DayBook => {
  switch (e.type) {
    case 'DayOpened':
      return {
        open: true,
        date: e.data.date,
        timeZone: e.data.timeZone,
        providers: Object.fromEntries(
          e.data.providers.map((p) => [p.providerId, { intervals: p.intervals, capacity: p.capacity }]),
        ),
        appointments: s.appointments,
        blocks: s.blocks,
      };
    case 'AppointmentBooked': {
      const d = e.data;
      return {
        ...s,
        appointments: {
          ...s.appointments,
          [d.appointmentId]: {
            appointmentId: d.appointmentId,
            patientId: d.patientId,
            providerId: d.providerId,
            locationId: d.locationId,
            appointmentType: d.appointmentType,
            start: d.start,
            startMs: ms(d.startAt),
            endMs: ms(d.endAt),
            status: d.status,
            lastFlowMs: 0,
            ...(d.authorizationId === undefined ? {} : { authorizationId: d.authorizationId }),
            ...(d.seriesId === undefined ? {} : { seriesId: d.seriesId }),
          },
        },
      };
    }
    case 'AppointmentRequestApproved':
      return step(s, e.data.appointmentId, 'booked', e.data.approvedAt);
    case 'AppointmentConfirmed':
      return step(s, e.data.appointmentId, 'confirmed', e.data.confirmedAt);
    case 'PatientArrived':
      return step(s, e.data.appointmentId, 'arrived', e.data.arrivedAt);
    case 'CheckInCompleted':
      return step(s, e.data.appointmentId, 'checked-in', e.data.checkedInAt);
    case 'PatientRoomed':
      return step(s, e.data.appointmentId, 'roomed', e.data.roomedAt);
    case 'ProviderEncounterStarted':
      return step(s, e.data.appointmentId, 'in-encounter', e.data.startedAt);
    case 'PatientCheckedOut':
      return step(s, e.data.appointmentId, 'checked-out', e.data.checkedOutAt);
    case 'AppointmentCancelled': {
      const next = step(s, e.data.appointmentId, 'cancelled', e.data.cancelledAt);
      const a = next.appointments[e.data.appointmentId];
      if (a === undefined || !e.data.lateCancel) return next;
      return {
        ...next,
        appointments: { ...next.appointments, [a.appointmentId]: { ...a, lateCancel: true } },
      };
    }
    case 'PreRegistrationCompleted':
      return s;
    case 'MissedAppointmentFeeCharged': {
      const a = s.appointments[e.data.appointmentId];
      if (a === undefined) return s;
      return { ...s, appointments: { ...s.appointments, [a.appointmentId]: { ...a, feeCharged: true } } };
    }
    case 'TimeBlockReserved': {
      const d = e.data;
      const block: TimeBlock = {
        blockId: d.blockId,
        providerId: d.providerId,
        start: d.start,
        end: d.end,
        startMs: ms(d.startAt),
        endMs: ms(d.endAt),
        appointmentTypes: d.appointmentTypes,
        releaseHoursBefore: d.releaseHoursBefore,
      };
      return { ...s, blocks: { ...s.blocks, [d.blockId]: block } };
    }
    case 'TimeBlockRemoved': {
      const { [e.data.blockId]: _removed, ...blocks } = s.blocks;
      return { ...s, blocks };
    }
    case 'AppointmentNoShowRecorded':
      return step(s, e.data.appointmentId, 'no-show', e.data.recordedAt);
    case 'ScheduleConflictFlagged': {
      const a = s.appointments[e.data.appointmentId];
      if (a === undefined) return s;
      const conflicts = [...(a.conflicts ?? []), e.data.timeOffId];
      return { ...s, appointments: { ...s.appointments, [a.appointmentId]: { ...a, conflicts } } };
    }
  }
};
