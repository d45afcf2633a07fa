import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decider, type DayBookCommand, type DayBookEvent, type State } from './index.js';

const zone = 'America/New_York';
const date = '2026-03-10';
const at = (hm: string, day = date) => `${day}T${hm}:00-04:00`;
const open: DayBookCommand = {
  type: 'OpenDay',
  date,
  timeZone: zone,
  openedBy: 'S-1',
  providerIds: ['dr-a'],
  providers: [
    {
      providerId: 'dr-a',
      scheduled: true,
      intervals: [{ start: '09:00', end: '17:00', locationId: 'main' }],
      capacity: 1,
    },
  ],
};
const policy = {
  policyVersion: 0,
  gridMinutes: 15,
  portal: { minNoticeHours: 24, bookableTypes: [], approvalRequired: false },
};
type Cmd<K extends DayBookCommand['type']> = Extract<DayBookCommand, { type: K }>;
const booking = (over: Partial<Cmd<'BookAppointment'>> = {}): DayBookCommand => ({
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
  policy,
  patientKnown: true,
  authorization: null,
  ...over,
});
const block = (over: Partial<Cmd<'ReserveTimeBlock'>> = {}): DayBookCommand => ({
  type: 'ReserveTimeBlock',
  blockId: 'B-1',
  providerId: 'dr-a',
  start: '10:00',
  end: '12:00',
  appointmentTypes: ['new-patient'],
  releaseHoursBefore: 24,
  reservedAt: '2026-03-01T09:00:00-05:00',
  reservedBy: 'S-1',
  ...over,
});
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
const accepted = (r: ReturnType<typeof run>) => r.last._tag === 'Right';

describe('DayBook: reserved time blocks', () => {
  it('given a block held for new patients, when another type is booked into it, then TimeBlockReserved on start', () => {
    const r = run(open, block(), booking({ start: '10:30' }));
    expect(refusal(r)).toMatchObject({ code: 'TimeBlockReserved', field: 'start' });
    expect(r.events[1]).toMatchObject({
      type: 'TimeBlockReserved',
      data: { blockId: 'B-1', startAt: '2026-03-10T10:00:00-04:00', appointmentTypes: ['new-patient'] },
    });
  });

  it('given a block, when one of its types is booked, or another type outside it, then accepted', () => {
    expect(accepted(run(open, block(), booking({ start: '10:30', appointmentType: 'new-patient' })))).toBe(
      true,
    );
    expect(accepted(run(open, block(), booking({ start: '09:30' })))).toBe(true);
    // an appointment that only runs into the block is refused too
    expect(refusal(run(open, block(), booking({ start: '09:45' })))?.code).toBe('TimeBlockReserved');
  });

  it('given a block released 24 hours before, when booked inside the release window, then accepted', () => {
    const late = booking({ start: '10:30', bookedAt: '2026-03-09T11:00:00-04:00' });
    expect(accepted(run(open, block(), late))).toBe(true);
    const early = booking({ start: '10:30', bookedAt: '2026-03-09T09:00:00-04:00' });
    expect(refusal(run(open, block(), early))?.code).toBe('TimeBlockReserved');
  });

  it('given a block, when the front desk overrides it, then OverrideNotAllowed; a practice manager may', () => {
    const override = { rule: 'TimeBlockReserved' as const, reason: 'urgent' };
    expect(refusal(run(open, block(), booking({ start: '10:30', override })))).toMatchObject({
      code: 'OverrideNotAllowed',
      field: 'override',
    });
    expect(
      accepted(run(open, block(), booking({ start: '10:30', override, bookerRole: 'practice_manager' }))),
    ).toBe(true);
  });

  it('given a removed block, when another type is booked there, then accepted', () => {
    const remove: DayBookCommand = {
      type: 'RemoveTimeBlock',
      blockId: 'B-1',
      removedAt: '2026-03-02T09:00:00-05:00',
      removedBy: 'S-1',
    };
    const r = run(open, block(), remove, booking({ start: '10:30' }));
    expect(accepted(r)).toBe(true);
    expect(r.events[2]).toMatchObject({
      type: 'TimeBlockRemoved',
      data: { blockId: 'B-1', providerId: 'dr-a' },
    });
    expect(refusal(run(open, remove))).toMatchObject({ code: 'UnknownBlock', field: 'blockId' });
  });

  it('refuses blocks that cannot be held, naming the field', () => {
    expect(refusal(run(block()))).toMatchObject({ code: 'DayNotOpen', field: 'date' });
    expect(refusal(run(open, block(), block()))).toMatchObject({ code: 'BlockExists', field: 'blockId' });
    expect(refusal(run(open, block({ providerId: 'dr-z' })))).toMatchObject({
      code: 'UnknownProvider',
      field: 'providerId',
    });
    expect(refusal(run(open, block({ appointmentTypes: [] })))).toMatchObject({
      code: 'NoAppointmentTypes',
      field: 'appointmentTypes',
    });
    expect(refusal(run(open, block({ start: '12:00', end: '10:00' })))).toMatchObject({
      code: 'InvalidHours',
      field: 'end',
    });
    expect(refusal(run(open, block({ start: '16:00', end: '18:00' })))).toMatchObject({
      code: 'OutsideProviderHours',
      field: 'start',
    });
  });

  it('given a follow-up booked at 10:30, when a new-patient block over it is reserved, then BlockOverlapsAppointments names it', () => {
    const r = run(open, booking({ start: '10:30' }), block());
    expect(refusal(r)).toMatchObject({ code: 'BlockOverlapsAppointments', field: 'start' });
    expect(refusal(r)?.message).toContain('a-1 at 10:30');
    // an appointment of one of the block’s types may stay under it
    const np = run(open, booking({ start: '10:30', appointmentType: 'new-patient' }), block());
    expect(accepted(np)).toBe(true);
  });
});

describe('DayBook: reserved time blocks (property)', () => {
  it('for any interleaving of blocks, removals and bookings, no unreleased block ends up holding an appointment of another type', () => {
    const hm = (slot: number) => {
      const m = 9 * 60 + slot * 15;
      return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    };
    const types = ['new-patient', 'follow-up', 'procedure'] as const;
    const step = fc.oneof(
      fc.record({
        kind: fc.constant('block' as const),
        id: fc.constantFrom('B-1', 'B-2', 'B-3'),
        from: fc.integer({ min: 0, max: 30 }),
        len: fc.integer({ min: 1, max: 8 }),
        types: fc.subarray([...types], { minLength: 1 }),
        release: fc.constantFrom(0, 24, 240),
      }),
      fc.record({ kind: fc.constant('remove' as const), id: fc.constantFrom('B-1', 'B-2', 'B-3') }),
      fc.record({
        kind: fc.constant('book' as const),
        slot: fc.integer({ min: 0, max: 30 }),
        type: fc.constantFrom(...types),
        duration: fc.constantFrom(15, 30, 60),
        daysAhead: fc.constantFrom(1, 5),
      }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        const commands = steps.map((x, i): DayBookCommand => {
          if (x.kind === 'block')
            return block({
              blockId: x.id,
              start: hm(x.from),
              end: hm(Math.min(x.from + x.len, 32)),
              appointmentTypes: x.types,
              releaseHoursBefore: x.release,
            });
          if (x.kind === 'remove')
            return {
              type: 'RemoveTimeBlock',
              blockId: x.id,
              removedAt: at('08:00', '2026-03-01'),
              removedBy: 'S-1',
            };
          return booking({
            appointmentId: `x${i}`,
            patientId: `P-${i}`,
            start: hm(x.slot),
            durationMin: x.duration,
            appointmentType: x.type,
            bookedAt: x.daysAhead === 5 ? '2026-03-05T10:00:00-05:00' : '2026-03-09T10:00:00-04:00',
          });
        });
        let state: State = decider.initialState;
        for (const c of [open, ...commands]) {
          const d = decider.decide(c, state);
          if (d._tag === 'Left') continue;
          state = d.right.reduce(decider.evolve, state);
          const added = d.right.find((e) => e.type === 'AppointmentBooked');
          if (added === undefined) continue;
          const a = state.appointments[added.data.appointmentId]!;
          const bookedMs = Date.parse(added.data.bookedAt);
          for (const b of Object.values(state.blocks))
            if (
              b.startMs < a.endMs &&
              a.startMs < b.endMs &&
              !b.appointmentTypes.includes(a.appointmentType) &&
              bookedMs < b.startMs - b.releaseHoursBefore * 3_600_000
            )
              return false;
        }
        // and no block was laid over an appointment of another type that still holds its slot
        for (const b of Object.values(state.blocks))
          for (const a of Object.values(state.appointments))
            if (
              a.startMs < b.endMs &&
              b.startMs < a.endMs &&
              !b.appointmentTypes.includes(a.appointmentType)
            ) {
              const booked = Date.parse(
                (
                  commands.find(
                    (c) => c.type === 'BookAppointment' && c.appointmentId === a.appointmentId,
                  ) as Cmd<'BookAppointment'>
                ).bookedAt,
              );
              if (booked < b.startMs - b.releaseHoursBefore * 3_600_000) return false;
            }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});

describe('DayBook: pre-registration', () => {
  const pre = (hm: string): DayBookCommand => ({
    type: 'RecordPreRegistration',
    appointmentId: 'a-1',
    items: ['insurance-verified', 'forms', 'forms'],
    preRegisteredAt: at(hm, '2026-03-09'),
    preRegisteredBy: 'S-2',
  });
  it('given a booked appointment, when pre-registration is recorded, then the items are recorded once each', () => {
    const r = run(open, booking(), pre('15:00'));
    expect(r.events[2]).toMatchObject({
      type: 'PreRegistrationCompleted',
      data: {
        appointmentId: 'a-1',
        patientId: 'P-1',
        items: ['insurance-verified', 'forms'],
        preRegisteredBy: 'S-2',
      },
    });
  });
  it('given an arrived patient, when pre-registration is recorded, then AlreadyArrived', () => {
    const arrived: DayBookCommand = {
      type: 'RecordArrival',
      appointmentId: 'a-1',
      via: 'desk',
      arrivedAt: at('08:50'),
    };
    expect(refusal(run(open, booking(), arrived, pre('15:00')))).toMatchObject({
      code: 'AlreadyArrived',
      field: 'appointmentId',
    });
    expect(refusal(run(open, pre('15:00')))?.code).toBe('UnknownAppointment');
  });
});

describe('DayBook: missed-appointment fees', () => {
  const fees = { lateCancelCents: 2_500, noShowCents: 5_000, firstOffenceWaived: false };
  const charge = (over: Partial<Cmd<'ChargeMissedAppointmentFee'>> = {}): DayBookCommand => ({
    type: 'ChargeMissedAppointmentFee',
    appointmentId: 'a-1',
    chargedAt: at('12:00'),
    chargedBy: 'S-2',
    policy: { policyVersion: 3, fees },
    priorFees: 0,
    ...over,
  });
  const cancel = (by: 'patient' | 'practice', cancelledAt: string): DayBookCommand => ({
    type: 'CancelAppointment',
    appointmentId: 'a-1',
    by,
    reason: 'car trouble',
    cancelledAt,
    cancelledBy: 'S-2',
    policy: { policyVersion: 3, lateCancelWindowHours: 24 },
  });
  const noShow: DayBookCommand = {
    type: 'RecordNoShow',
    appointmentId: 'a-1',
    recordedAt: at('09:30'),
    recordedBy: 'S-2',
    policy: { policyVersion: 3, noShowGraceMinutes: 15 },
  };

  it('given a no-show, when the fee is charged, then the policy’s no-show fee as D9986', () => {
    const r = run(open, booking(), noShow, charge());
    expect(r.events[3]).toMatchObject({
      type: 'MissedAppointmentFeeCharged',
      data: {
        reason: 'no-show',
        procedureCode: 'D9986',
        amountCents: 5_000,
        waived: false,
        policyVersion: 3,
      },
    });
    expect(refusal(run(open, booking(), noShow, charge(), charge()))).toMatchObject({
      code: 'FeeAlreadyCharged',
      field: 'appointmentId',
    });
  });

  it('given a late cancel by the patient, when charged, then the late-cancel fee as D9987', () => {
    const r = run(open, booking(), cancel('patient', at('20:00', '2026-03-09')), charge());
    expect(r.events[3]).toMatchObject({
      data: { reason: 'late-cancel', procedureCode: 'D9987', amountCents: 2_500 },
    });
  });

  it('given a cancel in time, a practice cancel, or a kept visit, when charged, then NotMissed', () => {
    const cases = [
      run(open, booking(), cancel('patient', '2026-03-05T10:00:00-05:00'), charge()),
      run(open, booking(), cancel('practice', at('08:00')), charge()),
      run(open, booking(), charge()),
    ];
    for (const r of cases) expect(refusal(r)).toMatchObject({ code: 'NotMissed', field: 'appointmentId' });
    expect(refusal(run(open, charge()))?.code).toBe('UnknownAppointment');
  });

  it('given no fee in the policy, when charged, then NoFeeSet', () => {
    const none = {
      policyVersion: 0,
      fees: { lateCancelCents: 0, noShowCents: 0, firstOffenceWaived: false },
    };
    expect(refusal(run(open, booking(), noShow, charge({ policy: none })))?.code).toBe('NoFeeSet');
  });

  it('given first offences waived, then the first fee is recorded waived at 0 and a later one is charged', () => {
    const waiving = { policyVersion: 3, fees: { ...fees, firstOffenceWaived: true } };
    expect(run(open, booking(), noShow, charge({ policy: waiving })).events[3]).toMatchObject({
      data: { amountCents: 0, waived: true },
    });
    expect(run(open, booking(), noShow, charge({ policy: waiving, priorFees: 1 })).events[3]).toMatchObject({
      data: { amountCents: 5_000, waived: false },
    });
  });
});
