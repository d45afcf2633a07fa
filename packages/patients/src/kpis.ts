import { defineKpis, type KpiContext, type Period } from '@praxis/core';
import { nextOpenSlots } from './day-book/slots.js';
import type { BookedAppointment, DayBook } from './day-book/state.js';
import {
  listAppointments,
  listDays,
  type AppointmentView,
  type DayView,
} from './read-models/appointments.js';
import { addDays, daysBetween, instantOf, weekdayOf } from './shared/time.js';
import { listReferrals, type ReferralView } from './read-models/referrals.js';

const kept = new Set(['arrived', 'checked-in', 'roomed', 'in-encounter', 'checked-out']);

/** The appointments and opened days of a period (and, for third-next-available, 90 days after), once per report. */
const periodData = (c: KpiContext) =>
  c.memo('patients:appointments', async () => {
    const inRange = (date: string, last: string) => date >= c.period.firstDay && date <= last;
    const horizon = addDays(c.period.lastDay, 90);
    const appointments = (await listAppointments(c.reader)).filter((a) => inRange(a.date, horizon));
    const days = (await listDays(c.reader)).filter((d) => inRange(d.date, horizon));
    return { appointments, days };
  });

const inPeriod = (p: Period, date: string) => date >= p.firstDay && date <= p.lastDay;
const pct = (n: number, d: number) => (d === 0 ? undefined : Math.round((n / d) * 1000) / 10);

/**
 * No-show and late-cancel counts over the DOMAIN.md denominator: appointments scheduled to start
 * in the period that were not cancelled before the late-cancel window — kept, no-shows and late
 * cancels (each judged by the window stamped on it).
 */
export const attendanceOf = (appointments: readonly AppointmentView[], p: Period) => {
  let keptN = 0;
  let noShows = 0;
  let lateCancels = 0;
  for (const a of appointments) {
    if (!inPeriod(p, a.date)) continue;
    if (kept.has(a.status)) keptN++;
    else if (a.status === 'no-show') noShows++;
    else if (a.status === 'cancelled' && a.lateCancel === true) lateCancels++;
  }
  return { kept: keptN, noShows, lateCancels, denominator: keptN + noShows + lateCancels };
};

/** Minutes of kept appointments ÷ open provider minutes of the days opened in the period × 100. */
export const utilisationOf = (
  appointments: readonly AppointmentView[],
  days: readonly DayView[],
  p: Period,
) => {
  const open = days
    .filter((d) => inPeriod(p, d.date))
    .reduce((s, d) => s + d.providers.reduce((t, x) => t + x.openMinutes * x.capacity, 0), 0);
  const used = appointments
    .filter((a) => inPeriod(p, a.date) && kept.has(a.status))
    .reduce((s, a) => s + a.durationMin, 0);
  return pct(used, open);
};

/**
 * IHI third next available: on each weekday of the period at 08:00 in the practice zone, for each
 * provider working that day, the calendar days until their third open slot of `durationMin`
 * (on a `gridMinutes` grid), counting the bookings standing at that moment; the mean over those
 * samples. Only opened days are searched (90 days ahead); a sample without three slots there is left out.
 */
export const thirdNextAvailableOf = (
  appointments: readonly AppointmentView[],
  days: readonly DayView[],
  p: Period,
  durationMin = 30,
  gridMinutes = 15,
): number | undefined => {
  const byDate = new Map(days.map((d) => [d.date, d]));
  const apptsByDate = new Map<string, AppointmentView[]>();
  for (const a of appointments) apptsByDate.set(a.date, [...(apptsByDate.get(a.date) ?? []), a]);
  const sorted = [...byDate.keys()].sort();
  const samples: number[] = [];
  for (let day = p.firstDay; day <= p.lastDay; day = addDays(day, 1)) {
    if (weekdayOf(day) > 5) continue;
    const today = byDate.get(day);
    if (today === undefined) continue;
    const asOf = instantOf(day, '08:00', today.timeZone) ?? 0;
    for (const provider of today.providers) {
      let found = 0;
      for (const date of sorted) {
        if (date < day || found >= 3) continue;
        const d = byDate.get(date)!;
        const prov = d.providers.find((x) => x.providerId === provider.providerId);
        if (prov === undefined) continue;
        const standing: Record<string, BookedAppointment> = {};
        for (const a of apptsByDate.get(date) ?? []) {
          if (a.providerId !== provider.providerId || Date.parse(a.bookedAt) > asOf) continue;
          if (a.cancelledAt !== undefined && Date.parse(a.cancelledAt) <= asOf) continue;
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
        const book: DayBook = {
          open: true,
          date,
          timeZone: d.timeZone,
          providers: { [prov.providerId]: { intervals: prov.intervals, capacity: prov.capacity } },
          appointments: standing,
        };
        const slots = nextOpenSlots(book, prov.providerId, durationMin, asOf, gridMinutes, 3 - found);
        found += slots.length;
        if (found >= 3) samples.push(daysBetween(day, date));
      }
    }
  }
  return samples.length === 0
    ? undefined
    : Math.round((samples.reduce((a, b) => a + b, 0) / samples.length) * 10) / 10;
};

/**
 * CMS50 referral loop closure: patients whose first outgoing referral was created in the period,
 * and of them those whose consult report the referring practice received, × 100.
 */
export const referralLoopClosureOf = (referrals: readonly ReferralView[], p: Period) => {
  const first = new Map<string, ReferralView>();
  for (const r of referrals
    .filter((x) => x.direction === 'outgoing')
    .sort((a, b) => a.openedOn.localeCompare(b.openedOn)))
    if (!first.has(r.patientId)) first.set(r.patientId, r);
  const cohort = [...first.values()].filter((r) => inPeriod(p, r.openedOn));
  return pct(cohort.filter((r) => r.reportReceivedOn !== undefined).length, cohort.length);
};

/** Leakage: completed outgoing referrals closed in the period that went out of network ÷ completed outgoing × 100. */
export const referralLeakageOf = (referrals: readonly ReferralView[], p: Period) => {
  const done = referrals.filter(
    (r) =>
      r.direction === 'outgoing' &&
      r.outcome === 'completed' &&
      r.closedOn !== undefined &&
      inPeriod(p, r.closedOn),
  );
  return pct(done.filter((r) => !r.inNetwork).length, done.length);
};

const referralData = (c: KpiContext) => c.memo('patients:referrals', () => listReferrals(c.reader));

/** The patients module's KPIs (MODULES.md §3.1; DOMAIN.md for no-show and late-cancel rates). */
export const patientsKpis = defineKpis([
  {
    id: 'noShowRate',
    label: 'No-show rate %',
    area: 'patients',
    unit: 'percent',
    direction: 'lower-is-better',
    formula: 'no-shows ÷ (kept + no-shows + late cancels) of appointments scheduled in the period × 100',
    source: 'DOMAIN.md (late cancels reported apart, not as no-shows)',
    compute: async (c) => {
      const a = attendanceOf((await periodData(c)).appointments, c.period);
      return pct(a.noShows, a.denominator);
    },
  },
  {
    id: 'lateCancelRate',
    label: 'Late-cancel rate %',
    area: 'patients',
    unit: 'percent',
    direction: 'lower-is-better',
    formula: 'late cancels (by the window stamped on each) ÷ (kept + no-shows + late cancels) × 100',
    source: 'DOMAIN.md',
    compute: async (c) => {
      const a = attendanceOf((await periodData(c)).appointments, c.period);
      return pct(a.lateCancels, a.denominator);
    },
  },
  {
    id: 'providerUtilisation',
    label: 'Provider utilisation %',
    area: 'patients',
    unit: 'percent',
    direction: 'higher-is-better',
    formula: 'minutes of kept appointments ÷ open provider minutes (opened days’ intervals × capacity) × 100',
    source: 'MODULES.md §3.1',
    compute: async (c) => {
      const d = await periodData(c);
      return utilisationOf(d.appointments, d.days, c.period);
    },
  },
  {
    id: 'thirdNextAvailable',
    label: 'Third next available (days)',
    area: 'patients',
    unit: 'days',
    direction: 'lower-is-better',
    formula: 'mean over weekdays × providers of calendar days from 08:00 to the third open 30-minute slot',
    source: 'IHI third next available appointment',
    compute: async (c) => {
      const d = await periodData(c);
      return thirdNextAvailableOf(d.appointments, d.days, c.period);
    },
  },
  {
    id: 'referralLoopClosure',
    label: 'Referral loop closure %',
    area: 'patients',
    unit: 'percent',
    direction: 'higher-is-better',
    formula:
      'patients whose first outgoing referral (created in the period) has its consult report received ÷ patients referred × 100',
    source: 'CMS50v14 closing the referral loop',
    compute: async (c) => referralLoopClosureOf(await referralData(c), c.period),
  },
  {
    id: 'referralLeakage',
    label: 'Referral leakage %',
    area: 'patients',
    unit: 'percent',
    direction: 'lower-is-better',
    formula:
      'completed outgoing referrals out of network ÷ completed outgoing referrals (closed in the period) × 100',
    source: 'MODULES.md §3.1 (peer notes)',
    compute: async (c) => referralLeakageOf(await referralData(c), c.period),
  },
]);
