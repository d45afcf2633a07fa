import { describe, expect, it } from 'vitest';
import { createPractice } from '@praxis/practice';
import { periodOf } from '@praxis/core';
import {
  accessTimelinessOf,
  confirmationOf,
  quantile,
  refillRateOf,
  selfSchedulingShareOf,
  type AppointmentView,
} from './index.js';

const zone = 'America/New_York';
const pm = { id: 'S-1', role: 'practice_manager' };

describe('patients KPIs in the registry', () => {
  it('computes no-show and late-cancel rates (DOMAIN.md denominator), utilisation and third next available', async () => {
    const practice = await createPractice({
      store: 'memory:',
      timeZone: zone,
      currency: 'USD',
      name: 'KPIs',
    });
    try {
      const p = practice.as(pm).patients;
      const before = { at: '2026-03-02T09:00:00-05:00' };
      await p.setProviderHours(
        {
          providerId: 'dr-a',
          effectiveFrom: '2026-01-01',
          weekly: [2, 3].map((weekday) => ({ weekday, start: '09:00', end: '12:00', locationId: 'main' })),
        },
        { at: '2026-01-01T08:00:00-05:00' },
      );
      for (const date of ['2026-03-10', '2026-03-11'])
        expect((await p.openDay({ date, timeZone: zone, providerIds: ['dr-a'] }, before)).ok).toBe(true);
      const book = async (date: string, n: number, start: string) => {
        await p.registerPatient(
          { patientId: `P-${n}`, name: `Patient ${n}`, registeredOn: '2026-03-01' },
          before,
        );
        const r = await p.bookAppointment(
          {
            date,
            appointmentId: `A-${n}`,
            patientId: `P-${n}`,
            providerId: 'dr-a',
            locationId: 'main',
            appointmentType: 'follow-up',
            start,
            durationMin: 30,
          },
          before,
        );
        expect(r.ok).toBe(true);
      };
      const starts = ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30'];
      for (const [i, start] of starts.entries()) await book('2026-03-10', i + 1, start);
      await book('2026-03-11', 7, '09:00');
      for (const n of [1, 2, 3, 4])
        expect(
          (
            await p.recordArrival(
              { date: '2026-03-10', appointmentId: `A-${n}`, via: 'desk' },
              { at: '2026-03-10T08:55:00-04:00' },
            )
          ).ok,
        ).toBe(true);
      expect(
        (
          await p.recordNoShow(
            { date: '2026-03-10', appointmentId: 'A-5' },
            { at: '2026-03-10T11:30:00-04:00' },
          )
        ).ok,
      ).toBe(true);
      const late = await p.cancelAppointment(
        { date: '2026-03-10', appointmentId: 'A-6', by: 'patient', reason: 'sick' },
        { at: '2026-03-09T20:00:00-04:00' },
      );
      expect(late.ok && late.events[0]?.data).toMatchObject({ lateCancel: true });
      const early = await p.cancelAppointment(
        { date: '2026-03-11', appointmentId: 'A-7', by: 'patient', reason: 'travel' },
        { at: '2026-03-05T09:00:00-05:00' },
      );
      expect(early.ok && early.events[0]?.data).toMatchObject({ lateCancel: false });

      const report = await practice.kpis('2026-03');
      const value = (id: string) => report.lines.find((l) => l.id === id)?.value;
      // Denominator: 4 kept + 1 no-show + 1 late cancel; the early cancel is out.
      expect(value('noShowRate')).toBe(16.7);
      expect(value('lateCancelRate')).toBe(16.7);
      // 4 × 30 kept minutes of 2 × 180 open minutes.
      expect(value('providerUtilisation')).toBe(33.3);
      // 10 March 08:00: one slot (A-6's, cancelled the evening before) that day, the third on 11 March → 1 day;
      // 11 March 08:00: the day is open → 0 days. Mean 0.5.
      expect(value('thirdNextAvailable')).toBe(0.5);
      // Every KPI issue 15 lists is in the registry.
      expect(practice.kpiRegistry.filter((k) => k.area === 'patients').map((k) => k.id)).toEqual(
        expect.arrayContaining([
          'noShowRate',
          'lateCancelRate',
          'providerUtilisation',
          'thirdNextAvailable',
          'waitArrivalToRoomed',
          'waitRoomedToProvider',
          'waitArrivalToProvider',
          'waitArrivalToProviderP90',
          'confirmationRate',
          'cancelledSlotRefillRate',
          'referralLoopClosure',
          'referralLeakage',
          'complaintResolutionDays',
          'complaintResolutionDaysP90',
          'cgcahpsAccess',
          'cgcahpsProviderCommunication',
          'cgcahpsOfficeStaff',
          'cgcahpsCareCoordination',
          'providerRating9or10',
          'accessRequestTimeliness',
        ]),
      );
      // An empty period has no denominator: undefined, not 0.
      const empty = await practice.kpis('2026-01');
      expect(empty.lines.find((l) => l.id === 'noShowRate')?.value).toBeUndefined();
    } finally {
      await practice.close();
    }
  });
});

describe('patients KPI formulas', () => {
  const march = periodOf('2026-03', 'America/New_York');
  const appt = (id: string, extra: Partial<AppointmentView>): AppointmentView => ({
    appointmentId: id,
    date: '2026-03-10',
    patientId: `P-${id}`,
    providerId: 'dr-a',
    locationId: 'main',
    appointmentType: 'follow-up',
    start: '10:00',
    startAt: '2026-03-10T10:00:00-04:00',
    endAt: '2026-03-10T10:30:00-04:00',
    durationMin: 30,
    status: 'booked',
    bookedVia: 'staff',
    bookedAt: '2026-03-01T09:00:00-05:00',
    selfPay: false,
    policyVersion: 0,
    ...extra,
  });

  it('refill rate: cancelled minutes re-booked after the cancel and before the start, by the same provider', () => {
    const cancelled = appt('1', { status: 'cancelled', cancelledAt: '2026-03-08T09:00:00-04:00' });
    // Half the slot re-booked after the cancel; a booking made before the cancel does not count.
    const refill = appt('2', {
      start: '10:15',
      startAt: '2026-03-10T10:15:00-04:00',
      endAt: '2026-03-10T10:45:00-04:00',
      bookedAt: '2026-03-09T09:00:00-04:00',
    });
    const older = appt('3', { providerId: 'dr-b', bookedAt: '2026-03-09T09:00:00-04:00' });
    expect(refillRateOf([cancelled, refill, older], march)).toBe(50);
    expect(refillRateOf([cancelled], march)).toBe(0);
    expect(refillRateOf([refill], march)).toBeUndefined();
  });

  it('confirmation rate counts only reminded appointments confirmed before their start', () => {
    expect(
      confirmationOf(
        [
          appt('1', { remindersSent: 1, confirmedAt: '2026-03-09T19:00:00-04:00' }),
          appt('2', { remindersSent: 2, confirmedAt: '2026-03-10T10:05:00-04:00' }),
          appt('3', { confirmedAt: '2026-03-09T19:00:00-04:00' }),
        ],
        march,
      ),
    ).toBe(50);
    expect(selfSchedulingShareOf([appt('1', { bookedVia: 'portal' }), appt('2', {})], march)).toBe(50);
  });

  it('access-request timeliness: answered by the due date among requests due in the period; quantiles by nearest rank', () => {
    const o = (id: string, dueAt: string, completedAt?: string) => ({
      id,
      module: 'patients',
      kind: 'records-access',
      label: id,
      streamId: id,
      arisesAt: '2026-02-01',
      dueAt,
      ...(completedAt === undefined ? {} : { completedAt }),
    });
    expect(
      accessTimelinessOf(
        [
          o('a', '2026-03-03', '2026-03-03'),
          o('b', '2026-03-20', '2026-03-22'),
          o('c', '2026-03-30'),
          o('d', '2026-04-02', '2026-03-01'),
        ],
        march,
      ),
    ).toBe(33.3);
    expect([quantile([5, 1, 9, 3], 0.5), quantile([5, 1, 9, 3], 0.9), quantile([], 0.5)]).toEqual([
      3,
      9,
      undefined,
    ]);
  });
});
