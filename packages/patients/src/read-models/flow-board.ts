import type { ReadModelReader } from '@praxis/core';
import { nextOpenSlots } from '../day-book/slots.js';
import type { BookedAppointment, DayBook } from '../day-book/state.js';
import { addDays, dateIn } from '../shared/time.js';
import { appointmentsName, listAppointments, type AppointmentView, type DayView } from './appointments.js';

/** Where a patient is in the flow at an instant. */
export type FlowStage = 'expected' | 'arrived' | 'checked-in' | 'roomed' | 'with-provider' | 'checked-out';

/** One row of the flow board: the stage at the instant asked about, since when, and for how long. */
export interface FlowBoardRow {
  readonly appointmentId: string;
  readonly patientId: string;
  readonly providerId: string;
  readonly locationId: string;
  readonly appointmentType: string;
  readonly start: string;
  readonly stage: FlowStage;
  /** When the stage began (for `expected`: the appointment's start). */
  readonly since: string;
  /** Whole minutes in the stage at `asOf` (negative for an `expected` patient not yet due). */
  readonly minutesInStage: number;
}

const stages: readonly [FlowStage, keyof AppointmentView][] = [
  ['checked-out', 'checkedOutAt'],
  ['with-provider', 'encounterStartedAt'],
  ['roomed', 'roomedAt'],
  ['checked-in', 'checkedInAt'],
  ['arrived', 'arrivedAt'],
];
const order: readonly FlowStage[] = [
  'with-provider',
  'roomed',
  'checked-in',
  'arrived',
  'expected',
  'checked-out',
];

/**
 * The `patients-flow-board` view of one day as of any instant (MODULES.md §3.1): who is waiting
 * where and for how many minutes, from the flow times on `patients-appointments` — so a past
 * morning reads as it stood then. Appointments cancelled or marked no-show by `asOf` are left
 * out. Rows: those in the practice first (with the provider, roomed, checked in, arrived —
 * longest wait first), then those expected, then those gone.
 *
 * @example
 * await flowBoard(practice.readModels, '2026-03-10', '2026-03-10T09:40:00-04:00');
 * // [{ appointmentId: 'A-1', stage: 'roomed', since: '…T09:31…', minutesInStage: 9, … }, …]
 */
export const flowBoard = async (
  reader: ReadModelReader,
  date: string,
  asOf: string,
): Promise<FlowBoardRow[]> => {
  const at = Date.parse(asOf);
  const rows: FlowBoardRow[] = [];
  for (const a of await listAppointments(reader, `${date}:`)) {
    if (a.cancelledAt !== undefined && Date.parse(a.cancelledAt) <= at) continue;
    if (a.noShowAt !== undefined && Date.parse(a.noShowAt) <= at) continue;
    if (Date.parse(a.bookedAt) > at) continue;
    let stage: FlowStage = 'expected';
    let since = a.startAt;
    for (const [s, field] of stages) {
      const t = a[field] as string | undefined;
      if (t !== undefined && Date.parse(t) <= at) {
        stage = s;
        since = t;
        break;
      }
    }
    rows.push({
      appointmentId: a.appointmentId,
      patientId: a.patientId,
      providerId: a.providerId,
      locationId: a.locationId,
      appointmentType: a.appointmentType,
      start: a.start,
      stage,
      since,
      minutesInStage: Math.floor((at - Date.parse(since)) / 60_000),
    });
  }
  return rows.sort(
    (x, y) =>
      order.indexOf(x.stage) - order.indexOf(y.stage) ||
      (x.stage === 'expected' ? x.start.localeCompare(y.start) : y.minutesInStage - x.minutesInStage),
  );
};

/** The book of one day as the read model holds it: open intervals and the bookings standing at `asOfMs`. */
const bookOf = (day: DayView, appointments: readonly AppointmentView[], asOfMs: number): DayBook => {
  const standing: Record<string, BookedAppointment> = {};
  for (const a of appointments) {
    if (a.status === 'cancelled' || a.status === 'no-show') continue;
    if (Date.parse(a.bookedAt) > asOfMs) continue;
    standing[a.appointmentId] = {
      appointmentId: a.appointmentId,
      patientId: a.patientId,
      providerId: a.providerId,
      locationId: a.locationId,
      appointmentType: a.appointmentType,
      start: a.start,
      startMs: Date.parse(a.startAt),
      endMs: Date.parse(a.endAt),
      status: 'booked',
      lastFlowMs: 0,
    };
  }
  return {
    open: true,
    blocks: {},
    date: day.date,
    timeZone: day.timeZone,
    providers: Object.fromEntries(
      day.providers.map((p) => [p.providerId, { intervals: p.intervals, capacity: p.capacity }]),
    ),
    appointments: standing,
  };
};

/** An open slot: a day and a start time there. */
export interface OpenSlot {
  readonly date: string;
  readonly start: string;
  readonly providerId: string;
}

/**
 * The `patients-availability` search (MODULES.md §3.1): the next `count` open starts for a
 * provider from the instant `fromAt`, for `durationMin` minutes on a `gridMinutes` grid, inside
 * their hours with room under their capacity, over the opened days up to `horizonDays` ahead.
 * Reads one day at a time (`day:<date>` and that day's appointments), so the cost depends on
 * how far ahead the slots are, never on how long the practice has run.
 */
export const nextAvailableSlots = async (
  reader: ReadModelReader,
  options: {
    readonly providerId: string;
    readonly fromAt: string;
    readonly timeZone: string;
    readonly durationMin: number;
    readonly count?: number;
    readonly gridMinutes?: number;
    readonly horizonDays?: number;
  },
): Promise<OpenSlot[]> => {
  const count = options.count ?? 3;
  const out: OpenSlot[] = [];
  const fromMs = Date.parse(options.fromAt);
  const first = dateIn(options.fromAt, options.timeZone);
  for (let i = 0; i <= (options.horizonDays ?? 90) && out.length < count; i++) {
    const date = addDays(first, i);
    const day = (await reader.get(appointmentsName, `day:${date}`)) as DayView | undefined;
    if (day === undefined || !day.providers.some((p) => p.providerId === options.providerId)) continue;
    const book = bookOf(day, await listAppointments(reader, `${date}:`), fromMs);
    for (const start of nextOpenSlots(
      book,
      options.providerId,
      options.durationMin,
      fromMs,
      options.gridMinutes ?? 15,
      count - out.length,
    ))
      out.push({ date, start, providerId: options.providerId });
  }
  return out;
};

/**
 * One day's availability: for each provider working that day, every open start for
 * `durationMin` minutes on the grid (what a booking screen shows).
 */
export const dayAvailability = async (
  reader: ReadModelReader,
  date: string,
  options: { readonly durationMin: number; readonly gridMinutes?: number; readonly asOf?: string },
): Promise<{ readonly providerId: string; readonly starts: readonly string[] }[]> => {
  const day = (await reader.get(appointmentsName, `day:${date}`)) as DayView | undefined;
  if (day === undefined) return [];
  const asOfMs = options.asOf === undefined ? 0 : Date.parse(options.asOf);
  const book = bookOf(day, await listAppointments(reader, `${date}:`), Number.MAX_SAFE_INTEGER);
  return day.providers.map((p) => ({
    providerId: p.providerId,
    starts: nextOpenSlots(book, p.providerId, options.durationMin, asOfMs, options.gridMinutes ?? 15, 10_000),
  }));
};
