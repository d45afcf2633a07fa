import { describe, expect, it } from 'vitest';
import { createPractice } from '@praxis/practice';
import { DayBook, getAppointment, getSeries, listAppointments } from './index.js';

const zone = 'America/New_York';
const pm = { id: 'S-1', role: 'practice_manager' };

describe('recurring series through the facade', () => {
  it('moving or cancelling one occurrence never orphans or rewrites the rest', async () => {
    const practice = await createPractice({
      store: 'memory:',
      timeZone: zone,
      currency: 'USD',
      name: 'Series',
    });
    try {
      const p = practice.as(pm);
      await p.patients.setProviderHours(
        {
          providerId: 'dr-a',
          effectiveFrom: '2026-01-01',
          weekly: [2, 4].map((weekday) => ({ weekday, start: '08:00', end: '17:00', locationId: 'main' })),
        },
        { at: '2026-01-01T08:00:00-05:00' },
      );
      await p.patients.registerPatient(
        { patientId: 'P-3', name: 'Series patient', registeredOn: '2026-03-01' },
        { at: '2026-03-01T09:00:00-05:00' },
      );
      const dates = DayBook.seriesDates('2026-04-07', 7, 4);
      for (const date of [...dates, '2026-04-16']) {
        const r = await p.patients.openDay(
          { date, timeZone: zone, providerIds: ['dr-a'] },
          { at: '2026-04-01T08:00:00-04:00' },
        );
        expect(r.ok).toBe(true);
      }
      for (const [i, date] of dates.entries()) {
        const r = await p.patients.bookAppointment(
          {
            date,
            appointmentId: `PT-${i + 1}`,
            patientId: 'P-3',
            providerId: 'dr-a',
            locationId: 'main',
            appointmentType: 'physical-therapy',
            start: '10:00',
            durationMin: 45,
            seriesId: 'SER-1',
            occurrence: i + 1,
          },
          { at: '2026-04-01T09:00:00-04:00' },
        );
        expect(r.ok).toBe(true);
      }
      const before = await listAppointments(practice.readModels);
      // Move occurrence 2 from Tuesday 14 April to Thursday 16 April at 15:00.
      const cancel = await p.patients.cancelAppointment(
        {
          date: '2026-04-14',
          appointmentId: 'PT-2',
          by: 'patient',
          reason: 'school run',
          rescheduledTo: 'PT-2b',
        },
        { at: '2026-04-08T09:00:00-04:00' },
      );
      expect(cancel.ok).toBe(true);
      const moved = await p.patients.bookAppointment(
        {
          date: '2026-04-16',
          appointmentId: 'PT-2b',
          patientId: 'P-3',
          providerId: 'dr-a',
          locationId: 'main',
          appointmentType: 'physical-therapy',
          start: '15:00',
          durationMin: 45,
          seriesId: 'SER-1',
          occurrence: 2,
          rescheduledFrom: 'PT-2',
        },
        { at: '2026-04-08T09:01:00-04:00' },
      );
      expect(moved.ok).toBe(true);
      // Cancel occurrence 4 outright.
      await p.patients.cancelAppointment(
        { date: '2026-04-28', appointmentId: 'PT-4', by: 'practice', reason: 'clinic closed' },
        { at: '2026-04-09T09:00:00-04:00' },
      );
      const series = await getSeries(practice.readModels, 'SER-1');
      expect(series?.occurrences).toEqual([
        { occurrence: 1, appointmentId: 'PT-1', date: '2026-04-07', status: 'booked' },
        { occurrence: 2, appointmentId: 'PT-2b', date: '2026-04-16', status: 'booked' },
        { occurrence: 3, appointmentId: 'PT-3', date: '2026-04-21', status: 'booked' },
        { occurrence: 4, appointmentId: 'PT-4', date: '2026-04-28', status: 'cancelled' },
      ]);
      // Occurrences 1 and 3 are exactly as they were.
      for (const [date, id] of [
        ['2026-04-07', 'PT-1'],
        ['2026-04-21', 'PT-3'],
      ] as const)
        expect(await getAppointment(practice.readModels, date, id)).toEqual(
          before.find((a) => a.appointmentId === id),
        );
      expect(await getAppointment(practice.readModels, '2026-04-14', 'PT-2')).toMatchObject({
        status: 'cancelled',
        rescheduledTo: 'PT-2b',
        lateCancel: false,
      });
      expect(await getAppointment(practice.readModels, '2026-04-16', 'PT-2b')).toMatchObject({
        rescheduledFrom: 'PT-2',
        start: '15:00',
      });
    } finally {
      await practice.close();
    }
  });
});
