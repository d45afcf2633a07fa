import { describe, expect, it } from 'vitest';
import { createPractice } from '@praxis/practice';

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
      expect(practice.kpiRegistry.filter((k) => k.area === 'patients').map((k) => k.id)).toEqual([
        'noShowRate',
        'lateCancelRate',
        'providerUtilisation',
        'thirdNextAvailable',
        'referralLoopClosure',
        'referralLeakage',
      ]);
      // An empty period has no denominator: undefined, not 0.
      const empty = await practice.kpis('2026-01');
      expect(empty.lines.find((l) => l.id === 'noShowRate')?.value).toBeUndefined();
    } finally {
      await practice.close();
    }
  });
});
