import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decider,
  nextOpenSlots,
  seriesDates,
  type DayBookCommand,
  type DayBookEvent,
  type State,
} from './index.js';

const zone = 'America/New_York';
const date = '2026-03-10'; // a Tuesday, after the spring-forward of 8 March
const open: DayBookCommand = {
  type: 'OpenDay',
  date,
  timeZone: zone,
  openedBy: 'S-1',
  providerIds: ['dr-a', 'dr-b'],
  providers: [
    {
      providerId: 'dr-a',
      scheduled: true,
      intervals: [{ start: '09:00', end: '12:00', locationId: 'main' }],
      capacity: 1,
    },
    {
      providerId: 'dr-b',
      scheduled: true,
      intervals: [{ start: '09:00', end: '17:00', locationId: 'main' }],
      capacity: 2,
    },
  ],
};
const defaultPolicy = {
  policyVersion: 0,
  gridMinutes: 15,
  portal: { minNoticeHours: 24, bookableTypes: [], approvalRequired: true },
};
const booking = (
  over: Partial<Extract<DayBookCommand, { type: 'BookAppointment' }>> = {},
): DayBookCommand => ({
  type: 'BookAppointment',
  appointmentId: 'a-1',
  patientId: 'P-1',
  providerId: 'dr-a',
  locationId: 'main',
  appointmentType: 'follow-up',
  start: '09:00',
  durationMin: 30,
  bookedAt: '2026-03-01T10:00:00-05:00',
  bookedBy: 'S-2',
  bookerRole: 'front_desk',
  policy: defaultPolicy,
  patientKnown: true,
  authorization: null,
  ...over,
});

/** Runs commands in order from an empty book; returns the state and the last decision. */
const run = (...commands: DayBookCommand[]) => {
  let state: State = decider.initialState;
  const events: DayBookEvent[] = [];
  let last: ReturnType<typeof decider.decide> | undefined;
  for (const c of commands) {
    last = decider.decide(c, state);
    if (last._tag === 'Right') {
      events.push(...last.right);
      state = last.right.reduce(decider.evolve, state);
    }
  }
  return { state, events, last: last! };
};
const refusal = (r: ReturnType<typeof run>) => (r.last._tag === 'Left' ? r.last.left : undefined);

describe('DayBook: booking without double-booking', () => {
  it('books inside the provider’s hours and stamps the instants in the practice zone', () => {
    const r = run(open, booking());
    expect(r.last._tag).toBe('Right');
    expect(r.events[1]).toMatchObject({
      type: 'AppointmentBooked',
      data: { startAt: '2026-03-10T09:00:00-04:00', endAt: '2026-03-10T09:30:00-04:00', status: 'booked' },
    });
  });

  it('refuses the same patient with two providers at once, whatever the capacity (no override)', () => {
    const r = run(
      open,
      booking(),
      booking({
        appointmentId: 'a-2',
        providerId: 'dr-b',
        start: '09:15',
        override: { rule: 'OutsideProviderHours', reason: 'x' },
        bookerRole: 'practice_manager',
      }),
    );
    expect(refusal(r)).toMatchObject({ code: 'PatientDoubleBooked', field: 'patientId' });
    // Back to back is fine.
    expect(
      run(open, booking(), booking({ appointmentId: 'a-2', providerId: 'dr-b', start: '09:30' })).last._tag,
    ).toBe('Right');
  });

  it('never exceeds a provider’s capacity and offers the next open slots', () => {
    const full = run(open, booking(), booking({ appointmentId: 'a-2', patientId: 'P-2' }));
    const e = refusal(full);
    expect(e).toMatchObject({ code: 'ProviderDoubleBooked', field: 'start' });
    expect(e?.message).toContain('next open: 09:30, 09:45, 10:00');
    // dr-b sees two at once, not three.
    const b = (id: string, p: string) =>
      booking({ appointmentId: id, patientId: p, providerId: 'dr-b', start: '10:00', durationMin: 60 });
    expect(run(open, b('b1', 'P-1'), b('b2', 'P-2')).last._tag).toBe('Right');
    expect(refusal(run(open, b('b1', 'P-1'), b('b2', 'P-2'), b('b3', 'P-3')))?.code).toBe(
      'ProviderDoubleBooked',
    );
    // A cancelled appointment frees its slot.
    const freed = run(
      open,
      booking(),
      {
        type: 'CancelAppointment',
        appointmentId: 'a-1',
        by: 'practice',
        reason: 'provider ill',
        cancelledAt: '2026-03-02T09:00:00-05:00',
        cancelledBy: 'S-2',
        policy: { policyVersion: 0, lateCancelWindowHours: 24 },
      },
      booking({ appointmentId: 'a-2', patientId: 'P-2' }),
    );
    expect(freed.last._tag).toBe('Right');
  });

  it('property: for any sequence of bookings, no provider is ever above capacity and no patient overlaps', () => {
    const arb = fc.array(
      fc.record({
        patient: fc.constantFrom('P-1', 'P-2', 'P-3', 'P-4', 'P-5'),
        provider: fc.constantFrom('dr-a', 'dr-b'),
        slot: fc.integer({ min: 0, max: 40 }),
        duration: fc.constantFrom(15, 30, 45, 60),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, (bookings) => {
        const r = run(
          open,
          ...bookings.map((b, i) => {
            const m = 9 * 60 + b.slot * 15;
            const start = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
            return booking({
              appointmentId: `x${i}`,
              patientId: b.patient,
              providerId: b.provider,
              start,
              durationMin: b.duration,
            });
          }),
        );
        const appts = Object.values(r.state.appointments);
        for (const a of appts)
          for (const b of appts) {
            if (a === b || a.startMs >= b.endMs || b.startMs >= a.endMs) continue;
            if (a.patientId === b.patientId) return false;
          }
        for (const a of appts) {
          const cap = r.state.providers[a.providerId]!.capacity;
          const at = appts.filter(
            (b) => b.providerId === a.providerId && b.startMs <= a.startMs && a.startMs < b.endMs,
          );
          if (at.length > cap) return false;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('refuses outside hours, in the past, across the DST gap, off the grid, zero or negative length — naming the field', () => {
    expect(refusal(run(open, booking({ start: '11:45' })))).toMatchObject({
      code: 'OutsideProviderHours',
      field: 'start',
    });
    expect(refusal(run(open, booking({ start: '08:00' })))).toMatchObject({
      code: 'OutsideProviderHours',
      field: 'start',
    });
    expect(refusal(run(open, booking({ bookedAt: '2026-03-10T09:10:00-04:00' })))).toMatchObject({
      code: 'StartInPast',
      field: 'start',
    });
    expect(refusal(run(open, booking({ start: '09:05' })))).toMatchObject({
      code: 'OffGrid',
      field: 'start',
    });
    expect(refusal(run(open, booking({ durationMin: 0 })))).toMatchObject({
      code: 'InvalidDuration',
      field: 'durationMin',
    });
    expect(refusal(run(open, booking({ durationMin: -30 })))).toMatchObject({
      code: 'InvalidDuration',
      field: 'durationMin',
    });
    expect(refusal(run(open, booking({ durationMin: 12.5 })))).toMatchObject({
      code: 'InvalidDuration',
      field: 'durationMin',
    });
    expect(refusal(run(open, booking({ providerId: 'dr-z' })))).toMatchObject({
      code: 'UnknownProvider',
      field: 'providerId',
    });
    expect(refusal(run(open, booking({ patientKnown: false })))).toMatchObject({
      code: 'UnknownPatient',
      field: 'patientId',
    });
    expect(refusal(run(booking()))).toMatchObject({ code: 'DayNotOpen' });
    // 02:30 on the spring-forward day does not exist in New York.
    const dst: DayBookCommand = {
      ...open,
      date: '2026-03-08',
      providerIds: ['dr-a'],
      providers: [
        {
          scheduled: true,
          providerId: 'dr-a',
          intervals: [{ start: '00:00', end: '12:00', locationId: 'main' }],
          capacity: 1,
        },
      ],
    } as DayBookCommand;
    expect(refusal(run(dst, booking({ start: '02:30' })))).toMatchObject({
      code: 'NonexistentLocalTime',
      field: 'start',
    });
    // 01:30 for an hour ends at 03:30 wall clock: one real hour.
    const across = run(dst, booking({ start: '01:30', durationMin: 60 }));
    expect(across.events[1]).toMatchObject({
      data: { startAt: '2026-03-08T01:30:00-05:00', endAt: '2026-03-08T03:30:00-04:00' },
    });
    // Only a practice manager may override the hours.
    const override = { rule: 'OutsideProviderHours' as const, reason: 'urgent add-on' };
    expect(refusal(run(open, booking({ start: '12:00', override })))).toMatchObject({
      code: 'OverrideNotAllowed',
      field: 'override',
    });
    expect(run(open, booking({ start: '12:00', override, bookerRole: 'practice_manager' })).last._tag).toBe(
      'Right',
    );
  });

  it('applies the portal rules: notice, bookable types, approval', () => {
    const policy = {
      policyVersion: 3,
      gridMinutes: 15,
      portal: { minNoticeHours: 48, bookableTypes: ['follow-up'], approvalRequired: true },
    };
    const portal = { bookedVia: 'portal' as const, policy };
    expect(refusal(run(open, booking({ ...portal, bookedAt: '2026-03-09T10:00:00-04:00' })))).toMatchObject({
      code: 'TooShortNotice',
    });
    expect(refusal(run(open, booking({ ...portal, appointmentType: 'new-patient' })))).toMatchObject({
      code: 'NotBookableOnline',
      field: 'appointmentType',
    });
    const r = run(open, booking(portal));
    expect(r.events[1]).toMatchObject({ data: { status: 'requested', policyVersion: 3 } });
    const approved = run(open, booking(portal), {
      type: 'ApproveRequest',
      appointmentId: 'a-1',
      approvedAt: '2026-03-02T09:00:00-05:00',
      approvedBy: 'S-2',
    });
    expect(approved.state.appointments['a-1']?.status).toBe('booked');
  });
});

describe('DayBook: cancellations and no-shows', () => {
  const cancel = (cancelledAt: string, by: 'patient' | 'practice', windowHours = 24): DayBookCommand => ({
    type: 'CancelAppointment',
    appointmentId: 'a-1',
    by,
    reason: 'car broke down',
    cancelledAt,
    cancelledBy: 'S-2',
    policy: { policyVersion: 2, lateCancelWindowHours: windowHours },
  });

  it('judges a late cancel by the window in force and stamps it on the event', () => {
    const late = run(open, booking(), cancel('2026-03-09T10:00:00-04:00', 'patient'));
    expect(late.events[2]).toMatchObject({
      type: 'AppointmentCancelled',
      data: { lateCancel: true, windowHours: 24, noticeHours: 23, policyVersion: 2 },
    });
    const early = run(open, booking(), cancel('2026-03-09T08:00:00-04:00', 'patient'));
    expect(early.events[2]).toMatchObject({ data: { lateCancel: false, noticeHours: 25 } });
    // The same notice under a 48-hour window is late; the event keeps the window it was judged by.
    expect(run(open, booking(), cancel('2026-03-09T08:00:00-04:00', 'patient', 48)).events[2]).toMatchObject({
      data: { lateCancel: true, windowHours: 48 },
    });
    // A practice cancellation is never late.
    expect(run(open, booking(), cancel('2026-03-10T08:00:00-04:00', 'practice')).events[2]).toMatchObject({
      data: { lateCancel: false },
    });
    expect(
      refusal(
        run(
          open,
          booking(),
          cancel('2026-03-09T08:00:00-04:00', 'patient'),
          cancel('2026-03-09T09:00:00-04:00', 'patient'),
        ),
      )?.code,
    ).toBe('AppointmentClosed');
  });

  it('records a no-show only after the grace period and before any arrival', () => {
    const ns = (at: string): DayBookCommand => ({
      type: 'RecordNoShow',
      appointmentId: 'a-1',
      recordedAt: at,
      recordedBy: 'S-2',
      policy: { policyVersion: 0, noShowGraceMinutes: 15 },
    });
    expect(refusal(run(open, booking(), ns('2026-03-10T09:10:00-04:00')))).toMatchObject({
      code: 'NoShowTooEarly',
      field: 'recordedAt',
    });
    expect(run(open, booking(), ns('2026-03-10T09:15:00-04:00')).events[2]).toMatchObject({
      type: 'AppointmentNoShowRecorded',
      data: { graceMinutes: 15, policyVersion: 0 },
    });
    const arrived: DayBookCommand = {
      type: 'RecordArrival',
      appointmentId: 'a-1',
      via: 'kiosk',
      arrivedAt: '2026-03-10T08:50:00-04:00',
    };
    expect(refusal(run(open, booking(), arrived, ns('2026-03-10T09:20:00-04:00')))?.code).toBe(
      'AlreadyArrived',
    );
  });
});

describe('DayBook: the patient flow', () => {
  const at = (hm: string) => `2026-03-10T${hm}:00-04:00`;
  const flow: DayBookCommand[] = [
    { type: 'RecordArrival', appointmentId: 'a-1', via: 'kiosk', arrivedAt: at('08:50') },
    {
      type: 'CompleteCheckIn',
      appointmentId: 'a-1',
      items: ['insurance-verified', 'copay-collected'],
      checkedInAt: at('08:55'),
    },
    { type: 'RoomPatient', appointmentId: 'a-1', room: 'Exam 2', roomedAt: at('09:02') },
    { type: 'StartProviderEncounter', appointmentId: 'a-1', startedAt: at('09:05') },
    { type: 'CheckOut', appointmentId: 'a-1', checkedOutAt: at('09:31') },
  ];

  it('runs arrival → check-in → rooming → encounter → check-out, in order and in time order', () => {
    const r = run(open, booking(), ...flow);
    expect(r.events.map((e) => e.type)).toEqual([
      'DayOpened',
      'AppointmentBooked',
      'PatientArrived',
      'CheckInCompleted',
      'PatientRoomed',
      'ProviderEncounterStarted',
      'PatientCheckedOut',
    ]);
    expect(r.state.appointments['a-1']?.status).toBe('checked-out');
  });

  it('refuses steps out of order, earlier than the previous step, a second arrival, or an arrival on another day', () => {
    expect(refusal(run(open, booking(), flow[0]!, flow[3]!))?.code).toBe('FlowOutOfOrder');
    expect(
      refusal(
        run(open, booking(), flow[0]!, {
          type: 'RoomPatient',
          appointmentId: 'a-1',
          room: 'Exam 2',
          roomedAt: at('08:40'),
        }),
      ),
    ).toMatchObject({
      code: 'FlowOutOfOrder',
      field: 'roomedAt',
    });
    expect(
      refusal(run(open, booking(), flow[0]!, { ...flow[0]!, via: 'portal' } as DayBookCommand))?.code,
    ).toBe('AlreadyArrived');
    expect(
      refusal(
        run(open, booking(), {
          type: 'RecordArrival',
          appointmentId: 'a-1',
          via: 'desk',
          arrivedAt: '2026-03-11T08:50:00-04:00',
        }),
      ),
    ).toMatchObject({
      code: 'NotOnThatDay',
    });
    expect(refusal(run(open, booking(), flow[1]!))?.code).toBe('NotArrivedYet');
  });
});

describe('recurring series', () => {
  it('gives the dates of a weekly series', () => {
    expect(seriesDates('2026-03-03', 7, 4)).toEqual(['2026-03-03', '2026-03-10', '2026-03-17', '2026-03-24']);
    expect(seriesDates('2026-03-03', 7, 0)).toEqual([]);
  });
});

describe('next open slots', () => {
  it('lists grid starts inside hours with room, after a given instant', () => {
    const r = run(open, booking({ start: '09:30' }));
    expect(nextOpenSlots(r.state, 'dr-a', 30, Date.parse('2026-03-10T09:00:00-04:00'), 15)).toEqual([
      '09:00',
      '10:00',
      '10:15',
    ]);
    expect(nextOpenSlots(r.state, 'dr-a', 30, Date.parse('2026-03-10T11:40:00-04:00'), 15)).toEqual([]);
  });
});
