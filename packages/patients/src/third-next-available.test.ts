import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodOf } from '@praxis/core';
import {
  thirdNextAvailableOf,
  thirdNextAvailableSamples,
  type AppointmentView,
  type DayView,
} from './index.js';

/*
 * Third next available is sampled per weekday at 08:00 (IHI). A day's samples depend on that day
 * and the opened days up to 90 days after it, never on the period asked for: a report of many
 * periods computes each day once (`thirdNextAvailableSamples`) and must give what a period
 * computed alone from its own window of data gives.
 */
const zone = 'America/Chicago';
const DAY = 86_400_000;
const dateOf = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * DAY).toISOString().slice(0, 10);
const providers = ['dr-a', 'dr-b'];

const world = fc
  .record({
    opened: fc.uniqueArray(fc.integer({ min: 0, max: 150 }), { minLength: 1, maxLength: 60 }),
    bookings: fc.array(
      fc.record({
        day: fc.integer({ min: 0, max: 150 }),
        provider: fc.constantFrom(...providers),
        slot: fc.integer({ min: 0, max: 11 }), // 09:00 … 11:45 on a 15-minute grid
        bookedBefore: fc.integer({ min: -20, max: 5 }), // days before the visit (negative: after it)
        cancelled: fc.option(fc.integer({ min: -20, max: 5 })),
      }),
      { maxLength: 80 },
    ),
  })
  .map(({ opened, bookings }) => {
    const days: DayView[] = opened.map((n) => ({
      date: dateOf(n),
      timeZone: zone,
      providers: providers.map((providerId) => ({
        providerId,
        intervals: [{ start: '09:00', end: '12:00', locationId: 'main' }],
        capacity: 1,
        openMinutes: 180,
      })),
    }));
    const appointments: AppointmentView[] = bookings.map((b, i) => {
      const date = dateOf(b.day);
      const m = 9 * 60 + b.slot * 15;
      const hhmm = (x: number) =>
        `${String(Math.floor(x / 60)).padStart(2, '0')}:${String(x % 60).padStart(2, '0')}`;
      const startAt = `${date}T${hhmm(m)}:00-06:00`;
      const endAt = `${date}T${hhmm(m + 30)}:00-06:00`;
      const at = (daysBefore: number) =>
        new Date(Date.parse(`${date}T07:00:00-06:00`) - daysBefore * DAY).toISOString();
      return {
        appointmentId: `a-${i}`,
        date,
        patientId: `p-${i}`,
        providerId: b.provider,
        locationId: 'main',
        appointmentType: 'follow-up',
        start: hhmm(m),
        startAt,
        endAt,
        durationMin: 30,
        status: b.cancelled === null ? 'booked' : 'cancelled',
        bookedVia: 'phone',
        bookedAt: at(b.bookedBefore),
        selfPay: false,
        policyVersion: 1,
        ...(b.cancelled === null ? {} : { cancelledAt: at(b.cancelled) }),
      } as AppointmentView;
    });
    return { days, appointments };
  });

describe('third next available', () => {
  it('a period from shared per-day samples equals the period computed alone from its own window of data', () => {
    fc.assert(
      fc.property(
        world,
        fc.constantFrom('2026-01', '2026-02', '2026-03', '2026-Q1', '2026-04'),
        (w, label) => {
          const p = periodOf(label, zone);
          const horizon = new Date(Date.parse(p.lastDay) + 90 * DAY).toISOString().slice(0, 10);
          const inWindow = (d: string) => d >= p.firstDay && d <= horizon;
          const alone = thirdNextAvailableOf(
            w.appointments.filter((a) => inWindow(a.date)),
            w.days.filter((d) => inWindow(d.date)),
            p,
          );
          // one index for the whole data, other periods' days computed first
          const shared = thirdNextAvailableSamples(w.appointments, w.days);
          for (const other of ['2026-05', '2026-02', '2026-01']) {
            const o = periodOf(other, zone);
            for (let t = Date.parse(o.firstDay); t <= Date.parse(o.lastDay); t += DAY)
              shared.samplesOn(new Date(t).toISOString().slice(0, 10));
          }
          const pooled: number[] = [];
          for (let t = Date.parse(p.firstDay); t <= Date.parse(p.lastDay); t += DAY)
            pooled.push(...shared.samplesOn(new Date(t).toISOString().slice(0, 10)));
          const mean =
            pooled.length === 0
              ? undefined
              : Math.round((pooled.reduce((a, b) => a + b, 0) / pooled.length) * 10) / 10;
          expect(mean).toBe(alone);
          expect(thirdNextAvailableOf(w.appointments, w.days, p)).toBe(alone);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('leaves out a sample whose third slot is more than 90 days after the sampled day', () => {
    const full = (date: string): DayView => ({
      date,
      timeZone: zone,
      providers: [
        {
          providerId: 'dr-a',
          intervals: [{ start: '09:00', end: '09:30', locationId: 'main' }],
          capacity: 1,
          openMinutes: 30,
        },
      ],
    });
    // one 30-minute slot a day on 2026-01-05 (a Monday) and 2026-01-06, the third on day +91
    const days = [full('2026-01-05'), full('2026-01-06'), full('2026-04-06')];
    const jan = periodOf('2026-01', zone);
    expect(thirdNextAvailableSamples([], days).samplesOn('2026-01-05')).toEqual([]);
    expect(thirdNextAvailableOf([], days, jan)).toBeUndefined();
    // within 90 days it is counted: the third slot 90 days after the Monday
    const near = [full('2026-01-05'), full('2026-01-06'), full('2026-04-05')];
    expect(thirdNextAvailableSamples([], near).samplesOn('2026-01-05')).toEqual([90]);
  });
});
