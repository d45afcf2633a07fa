import { describe, expect, it } from 'vitest';
import { periodOf } from '@praxis/core';
import { createPractice } from '@praxis/practice';
import { stepTiming } from './index.js';

const zone = 'America/New_York';
const pm = { id: 'S-1', role: 'practice_manager' };
const date = '2026-03-10';
const at = (hm: string) => ({ at: `${date}T${hm}:00-04:00` });

describe('patient flow (O1), front desk (O3) and productivity (O4) from the day book', () => {
  it('measures each stage per appointment, self check-in and visits per provider-day', async () => {
    const practice = await createPractice({ store: 'memory:', timeZone: zone, currency: 'USD' });
    const p = practice.as(pm).patients;
    await p.setProviderHours(
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
    expect((await p.openDay({ date, timeZone: zone, providerIds: ['dr-a'] }, at('07:00'))).ok).toBe(true);
    await p.registerPatient(
      { patientId: 'P-1', name: 'Ada Byron', registeredOn: '2026-02-01' },
      { at: '2026-02-01T09:00:00-05:00' },
    );
    // Two visits: arrival → check-in → roomed → provider → checkout, minutes apart as listed.
    const visits = [
      ['A-1', '10:00', 'kiosk', ['09:50', '09:54', '10:00', '10:10', '10:40']],
      ['A-2', '11:00', 'desk', ['10:52', '11:00', '11:10', '11:30', '11:50']],
    ] as const;
    for (const [appointmentId, start, via, [arrive, checkedIn, roomed, seen, out]] of visits) {
      const ref = { date, appointmentId };
      for (const r of [
        await p.bookAppointment(
          {
            ...ref,
            patientId: 'P-1',
            providerId: 'dr-a',
            locationId: 'main',
            appointmentType: 'therapy',
            start,
            durationMin: 45,
          },
          { at: '2026-03-02T09:00:00-05:00' },
        ),
        await p.recordArrival({ ...ref, via }, at(arrive)),
        await p.completeCheckIn({ ...ref, items: ['forms'] }, at(checkedIn)),
        await p.roomPatient({ ...ref, room: 'Exam 1' }, at(roomed)),
        await p.startProviderEncounter(ref, at(seen)),
        await p.checkOut(ref, at(out)),
      ])
        expect(r).toMatchObject({ ok: true });
    }
    const kpi = async (id: string) => (await practice.kpis('2026-03')).lines.find((l) => l.id === id)?.value;
    expect(await kpi('checkInMinutes')).toBe(6); // median of 4 and 8
    expect(await kpi('roomedWaitMinutes')).toBe(15); // median of 10 and 20
    expect(await kpi('visitCycleMinutes')).toBe(54); // median of 50 and 58
    expect(await kpi('selfCheckInRate')).toBe(50);
    expect(await kpi('visitsPerProviderDay')).toBe(2);
    // The map's bottleneck: the stage with the largest share of the end-to-end median.
    const flow = await stepTiming(practice.readModels, periodOf('2026-03', zone), 'patient-flow');
    expect(flow?.steps.map((s) => [s.stepId, s.medianMinutes])).toEqual([
      ['check-in', 6],
      ['wait-for-room', 8],
      ['roomed-to-provider', 15],
      ['with-provider', 25],
    ]);
    expect(flow?.bottleneck?.stepId).toBe('with-provider');
    // No visit in April: n/a, not zero.
    expect(
      (await practice.kpis('2026-04')).lines.find((l) => l.id === 'visitCycleMinutes')?.value,
    ).toBeUndefined();
    await practice.close();
  });
});
