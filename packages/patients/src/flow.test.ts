import { describe, expect, it } from 'vitest';
import { createPractice } from '@praxis/practice';
import { getAppointment, getAuthorization } from './index.js';

const zone = 'America/New_York';
const pm = { id: 'S-1', role: 'practice_manager' };
const desk = { id: 'S-5', role: 'front_desk' };
const nurse = { id: 'S-6', role: 'clinical' };

const setUp = async () => {
  const practice = await createPractice({ store: 'memory:', timeZone: zone, currency: 'USD', name: 'Flow' });
  const p = practice.as(pm);
  await p.patients.setProviderHours(
    {
      providerId: 'dr-a',
      effectiveFrom: '2026-01-01',
      weekly: [1, 2, 3, 4, 5].map((weekday) => ({
        weekday,
        start: '09:00',
        end: '17:00',
        locationId: 'main',
      })),
    },
    { at: '2026-01-01T08:00:00-05:00' },
  );
  for (const date of ['2026-03-10', '2026-04-14'])
    expect(
      (
        await p.patients.openDay(
          { date, timeZone: zone, providerIds: ['dr-a'] },
          { at: '2026-03-01T08:00:00-05:00' },
        )
      ).ok,
    ).toBe(true);
  await p.patients.registerPatient(
    { patientId: 'P-1', name: 'Ada Byron', registeredOn: '2026-02-01' },
    { at: '2026-02-01T09:00:00-05:00' },
  );
  return { practice, p };
};
const booking = (appointmentId: string, extra: Record<string, unknown> = {}) => ({
  date: '2026-03-10',
  appointmentId,
  patientId: 'P-1',
  providerId: 'dr-a',
  locationId: 'main',
  appointmentType: 'therapy',
  start: '10:00',
  durationMin: 45,
  ...extra,
});

describe('patients facade: policy, facts, roles, process managers', () => {
  it('judges a late cancel by the window in force then; a later policy change does not reclassify it', async () => {
    const { practice, p } = await setUp();
    try {
      const policy = {
        policyId: 'practice' as const,
        lateCancelWindowHours: 48,
        noShowGraceMinutes: 10,
        gridMinutes: 15,
        portal: { minNoticeHours: 24, bookableTypes: [], approvalRequired: true },
        fees: { lateCancelCents: 5000, noShowCents: 5000, firstOffenceWaived: true },
      };
      expect((await p.patients.setSchedulingPolicy(policy, { at: '2026-03-01T08:00:00-05:00' })).ok).toBe(
        true,
      );
      await p.patients.bookAppointment(booking('A-1'), { at: '2026-03-02T09:00:00-05:00' });
      const c = await practice
        .as(desk)
        .patients.cancelAppointment(
          { date: '2026-03-10', appointmentId: 'A-1', by: 'patient', reason: 'work' },
          { at: '2026-03-08T12:00:00-04:00' },
        );
      expect(c.ok && c.events[0]?.data).toMatchObject({
        lateCancel: true,
        windowHours: 48,
        policyVersion: 1,
        noticeHours: 46,
      });
      await p.patients.setSchedulingPolicy(
        { ...policy, lateCancelWindowHours: 24 },
        { at: '2026-03-09T08:00:00-04:00' },
      );
      expect(await getAppointment(practice.readModels, '2026-03-10', 'A-1')).toMatchObject({
        lateCancel: true,
        lateCancelWindowHours: 48,
      });
    } finally {
      await practice.close();
    }
  });

  it('refuses an unknown patient, and a caller may not send a fact', async () => {
    const { practice, p } = await setUp();
    try {
      expect(
        await p.patients.bookAppointment(booking('A-1', { patientId: 'P-404' }), {
          at: '2026-03-02T09:00:00-05:00',
        }),
      ).toMatchObject({
        ok: false,
        code: 'UnknownPatient',
        field: 'patientId',
      });
      expect(
        await p.execute(
          'DayBook',
          { type: 'BookAppointment', ...booking('A-1'), patientKnown: true } as never,
          {
            at: '2026-03-02T09:00:00-05:00',
          },
        ),
      ).toMatchObject({ ok: false, code: 'UnknownField', field: 'patientKnown' });
      expect(
        await p.patients.openDay(
          { date: '2026-03-11', timeZone: zone, providerIds: ['dr-nobody'] },
          { at: '2026-03-01T08:00:00-05:00' },
        ),
      ).toMatchObject({ ok: false, code: 'UnknownProvider', field: 'providerIds.0' });
    } finally {
      await practice.close();
    }
  });

  it('front desk books and checks in; clinical rooms and sees; each may not do the other’s part', async () => {
    const { practice } = await setUp();
    try {
      const fd = practice.as(desk).patients;
      const cl = practice.as(nurse).patients;
      const at = (hm: string) => ({ at: `2026-03-10T${hm}:00-04:00` });
      expect((await fd.bookAppointment(booking('A-1'), { at: '2026-03-02T09:00:00-05:00' })).ok).toBe(true);
      expect(
        (await fd.recordArrival({ date: '2026-03-10', appointmentId: 'A-1', via: 'desk' }, at('09:50'))).ok,
      ).toBe(true);
      expect(
        await fd.roomPatient({ date: '2026-03-10', appointmentId: 'A-1', room: 'Exam 1' }, at('09:55')),
      ).toMatchObject({
        ok: false,
        code: 'Unauthorized',
      });
      expect(
        (await cl.roomPatient({ date: '2026-03-10', appointmentId: 'A-1', room: 'Exam 1' }, at('09:55'))).ok,
      ).toBe(true);
      expect(
        (await cl.startProviderEncounter({ date: '2026-03-10', appointmentId: 'A-1' }, at('10:00'))).ok,
      ).toBe(true);
      expect(
        await cl.bookAppointment(booking('A-2', { start: '11:00' }), { at: '2026-03-02T09:00:00-05:00' }),
      ).toMatchObject({
        ok: false,
        code: 'Unauthorized',
      });
      expect((await fd.checkOut({ date: '2026-03-10', appointmentId: 'A-1' }, at('10:40'))).ok).toBe(true);
      expect(
        await fd.setSchedulingPolicy(
          {
            policyId: 'practice',
            lateCancelWindowHours: 1,
            noShowGraceMinutes: 0,
            gridMinutes: 5,
            portal: { minNoticeHours: 0, bookableTypes: [], approvalRequired: false },
            fees: { lateCancelCents: 0, noShowCents: 0, firstOffenceWaived: false },
          },
          at('10:41'),
        ),
      ).toMatchObject({
        ok: false,
        code: 'Unauthorized',
      });
    } finally {
      await practice.close();
    }
  });

  it('booking reserves an authorization unit, checkout consumes it, a cancel releases it; an expired one blocks booking', async () => {
    const { practice, p } = await setUp();
    try {
      await p.patients.requestAuthorization(
        {
          authorizationId: 'AU-1',
          patientId: 'P-1',
          payerId: 'aetna',
          services: { category: 'physical-therapy' },
          unitKind: 'visits',
          requestedUnits: 6,
          requestedOn: '2026-02-20',
        },
        { at: '2026-02-20T09:00:00-05:00' },
      );
      await p.patients.recordAuthorizationDecision(
        {
          authorizationId: 'AU-1',
          decision: 'approved',
          number: 'AX-1',
          approvedUnits: 2,
          validFrom: '2026-03-01',
          validTo: '2026-03-31',
          decidedOn: '2026-02-25',
        },
        { at: '2026-02-25T09:00:00-05:00' },
      );
      const at = (hm: string) => ({ at: `2026-03-10T${hm}:00-04:00` });
      await p.patients.bookAppointment(booking('A-1', { authorizationId: 'AU-1' }), {
        at: '2026-03-02T09:00:00-05:00',
      });
      await p.patients.bookAppointment(booking('A-2', { authorizationId: 'AU-1', start: '14:00' }), {
        at: '2026-03-02T09:00:00-05:00',
      });
      expect(await getAuthorization(practice.readModels, 'AU-1', '2026-03-02')).toMatchObject({
        reservedUnits: 2,
        consumedUnits: 0,
        remainingUnits: 0,
        daysToExpiry: 29,
      });
      for (const [cmd, hm] of [
        ['recordArrival', '09:50'],
        ['roomPatient', '09:55'],
        ['startProviderEncounter', '10:00'],
        ['checkOut', '10:45'],
      ] as const) {
        const input = { date: '2026-03-10', appointmentId: 'A-1', via: 'desk', room: 'Exam 1' };
        const fields =
          cmd === 'recordArrival'
            ? { date: input.date, appointmentId: 'A-1', via: 'desk' as const }
            : cmd === 'roomPatient'
              ? { date: input.date, appointmentId: 'A-1', room: 'Exam 1' }
              : { date: input.date, appointmentId: 'A-1' };
        expect((await p.patients[cmd](fields as never, at(hm))).ok).toBe(true);
      }
      await p.patients.cancelAppointment(
        { date: '2026-03-10', appointmentId: 'A-2', by: 'practice', reason: 'provider ill' },
        at('11:00'),
      );
      expect(await getAuthorization(practice.readModels, 'AU-1', '2026-03-10')).toMatchObject({
        reservedUnits: 0,
        consumedUnits: 1,
        remainingUnits: 1,
      });
      // April is after validTo: the booking is refused.
      expect(
        await p.patients.bookAppointment(booking('A-3', { date: '2026-04-14', authorizationId: 'AU-1' }), {
          at: '2026-03-12T09:00:00-04:00',
        }),
      ).toMatchObject({ ok: false, code: 'AuthorizationExpired', field: 'authorizationId' });
      // The process managers act as themselves, caused by the triggering event.
      const trail = await practice.audit.query({ entity: 'Authorization-AU-1' });
      expect(trail.entries.map((e) => e.type)).toEqual(
        expect.arrayContaining([
          'AuthorizationUnitsReserved',
          'AuthorizationUnitsConsumed',
          'AuthorizationUnitsReleased',
        ]),
      );
    } finally {
      await practice.close();
    }
  });

  it('time off over booked appointments puts each on the calendar as a schedule conflict until it is cancelled', async () => {
    const { practice, p: whole } = await setUp();
    const p = whole.patients;
    try {
      await p.bookAppointment(booking('A-1', { start: '09:00' }), { at: '2026-03-02T09:00:00-05:00' });
      await p.bookAppointment(booking('A-2', { start: '14:00' }), { at: '2026-03-02T09:00:00-05:00' });
      const off = await p.recordTimeOff(
        {
          providerId: 'dr-a',
          timeOffId: 'TO-1',
          fromAt: '2026-03-10T13:00:00-04:00',
          toAt: '2026-03-10T17:00:00-04:00',
          reason: 'dentist',
        },
        { at: '2026-03-03T09:00:00-05:00' },
      );
      expect(off.ok).toBe(true);
      const calendar = await practice.calendar('2026-03-04');
      expect(calendar.filter((o) => o.kind === 'schedule-conflict').map((o) => o.id)).toEqual([
        'schedule-conflict:A-2',
      ]);
      expect(calendar.find((o) => o.id === 'schedule-conflict:A-2')).toMatchObject({
        dueAt: '2026-03-10T14:00:00-04:00',
      });
      await p.cancelAppointment(
        { date: '2026-03-10', appointmentId: 'A-2', by: 'practice', reason: 'provider away' },
        {
          at: '2026-03-04T09:00:00-05:00',
        },
      );
      expect(
        (await practice.calendar('2026-03-05', { openOnly: true })).some(
          (o) => o.id === 'schedule-conflict:A-2',
        ),
      ).toBe(false);
    } finally {
      await practice.close();
    }
  });
});
