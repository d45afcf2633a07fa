import { defineKpis, type KpiContext, type KpiDefinition, type Period } from '@praxis/core';
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
import {
  listComplaints,
  listExperience,
  type ComplaintView,
  type ExperienceMonth,
} from './read-models/experience.js';
import type { Composite } from './survey/index.js';
import { businessCalendar, defaultBusinessCalendar, obligationKey, type Obligation } from '@praxis/core';

const kept = new Set(['arrived', 'checked-in', 'roomed', 'in-encounter', 'checked-out']);

/** Every appointment and opened day, read once per report (`KpiContext.shared`). */
const allData = (c: KpiContext) =>
  c.shared('patients:appointments', async (reader) => ({
    appointments: await listAppointments(reader),
    days: await listDays(reader),
  }));

/** The appointments and opened days of a period and the 90 days after it. */
const periodData = (c: KpiContext) =>
  c.memo('patients:period', async () => {
    const inRange = (date: string, last: string) => date >= c.period.firstDay && date <= last;
    const horizon = addDays(c.period.lastDay, 90);
    const all = await allData(c);
    const appointments = all.appointments.filter((a) => inRange(a.date, horizon));
    const days = all.days.filter((d) => inRange(d.date, horizon));
    return { appointments, days };
  });

/** Each appointment's waits (minutes), its instants parsed once per report. */
const allWaits = (c: KpiContext) =>
  c.shared('patients:waits', async () =>
    (await allData(c)).appointments.map((a) => ({ date: a.date, ...waitsOf(a) })),
  );

/** The period's wait times (four KPIs read them): what `waitTimesOf` gives for its appointments. */
const waitTimes = (c: KpiContext) =>
  c.memo('patients:wait-times', async () => {
    const arrivalToRoomed: number[] = [];
    const roomedToProvider: number[] = [];
    const arrivalToProvider: number[] = [];
    for (const { date, r, v, w } of await allWaits(c)) {
      if (!inPeriod(c.period, date)) continue;
      if (r !== undefined) arrivalToRoomed.push(r);
      if (v !== undefined) roomedToProvider.push(v);
      if (w !== undefined) arrivalToProvider.push(w);
    }
    return { arrivalToRoomed, roomedToProvider, arrivalToProvider };
  });

/** Third-next-available samples by day, kept for every period of a report. */
const thirdNextAvailableData = (c: KpiContext) =>
  c.shared('patients:third-next-available', async () => {
    const all = await allData(c);
    return thirdNextAvailableSamples(all.appointments, all.days);
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

/** How many open slots the measure counts to (the third). */
const THIRD = 3;
/** How far ahead of a sampled day opened days are searched (calendar days). */
const HORIZON_DAYS = 90;

/**
 * Third-next-available samples of any weekday (see `thirdNextAvailableOf`), each day's computed
 * once on first use: a day's samples depend on that day alone, so the months of a report reuse
 * the year's.
 */
export const thirdNextAvailableSamples = (
  appointments: readonly AppointmentView[],
  days: readonly DayView[],
  durationMin = 30,
  gridMinutes = 15,
): { readonly samplesOn: (day: string) => readonly number[] } => {
  const byDate = new Map(days.map((d) => [d.date, d]));
  // Each appointment's instants parsed once, by date and provider (a sample looks at a few days).
  const standingOf = new Map<string, { a: AppointmentView; booked: number; cancelled: number }[]>();
  for (const a of appointments) {
    const key = `${a.date}|${a.providerId}`;
    const entry = {
      a,
      booked: Date.parse(a.bookedAt),
      cancelled: a.cancelledAt === undefined ? Number.POSITIVE_INFINITY : Date.parse(a.cancelledAt),
    };
    const list = standingOf.get(key);
    if (list === undefined) standingOf.set(key, [entry]);
    else list.push(entry);
  }
  const sorted = [...byDate.keys()].sort();
  const firstOnOrAfter = (day: string): number => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const compute = (day: string): readonly number[] => {
    const samples: number[] = [];
    if (weekdayOf(day) > 5) return samples;
    const today = byDate.get(day);
    if (today === undefined) return samples;
    const asOf = instantOf(day, '08:00', today.timeZone) ?? 0;
    const horizon = addDays(day, HORIZON_DAYS);
    const from = firstOnOrAfter(day);
    for (const provider of today.providers) {
      let found = 0;
      for (let i = from; i < sorted.length && sorted[i]! <= horizon && found < THIRD; i++) {
        const date = sorted[i]!;
        const d = byDate.get(date)!;
        const prov = d.providers.find((x) => x.providerId === provider.providerId);
        if (prov === undefined) continue;
        const standing: Record<string, BookedAppointment> = {};
        for (const { a, booked, cancelled } of standingOf.get(`${date}|${provider.providerId}`) ?? []) {
          if (booked > asOf || cancelled <= asOf) continue;
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
          blocks: {},
          date,
          timeZone: d.timeZone,
          providers: { [prov.providerId]: { intervals: prov.intervals, capacity: prov.capacity } },
          appointments: standing,
        };
        const slots = nextOpenSlots(book, prov.providerId, durationMin, asOf, gridMinutes, THIRD - found);
        found += slots.length;
        if (found >= THIRD) samples.push(daysBetween(day, date));
      }
    }
    return samples;
  };
  const known = new Map<string, readonly number[]>();
  return {
    samplesOn: (day) => {
      let s = known.get(day);
      if (s === undefined) known.set(day, (s = compute(day)));
      return s;
    },
  };
};

/** The mean of the samples of a period's days, to one decimal; undefined without a sample. */
const meanOfSamples = (t: ReturnType<typeof thirdNextAvailableSamples>, p: Period): number | undefined => {
  let sum = 0;
  let n = 0;
  for (let day = p.firstDay; day <= p.lastDay; day = addDays(day, 1))
    for (const x of t.samplesOn(day)) {
      sum += x;
      n++;
    }
  return n === 0 ? undefined : Math.round((sum / n) * 10) / 10;
};

/**
 * IHI third next available: on each weekday of the period at 08:00 in the practice zone, for each
 * provider working that day, the calendar days until their third open slot of `durationMin`
 * (on a `gridMinutes` grid), counting the bookings standing at that moment; the mean over those
 * samples. Only opened days up to 90 days after the sampled day are searched; a sample without
 * three slots there is left out.
 */
export const thirdNextAvailableOf = (
  appointments: readonly AppointmentView[],
  days: readonly DayView[],
  p: Period,
  durationMin = 30,
  gridMinutes = 15,
): number | undefined =>
  meanOfSamples(thirdNextAvailableSamples(appointments, days, durationMin, gridMinutes), p);

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

/** The value at quantile q (0–1) by nearest rank; undefined for no values. */
export const quantile = (values: readonly number[], q: number): number | undefined => {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
};
const minutesBetween = (from?: string, to?: string) =>
  from === undefined || to === undefined ? undefined : (Date.parse(to) - Date.parse(from)) / 60_000;

/**
 * Patient wait times in minutes of the visits in the period (MGMA, DOMAIN.md): arrival → roomed,
 * roomed → provider, arrival → provider; each list only the visits that reached both steps.
 */
export const waitTimesOf = (appointments: readonly AppointmentView[], p: Period) => {
  const arrivalToRoomed: number[] = [];
  const roomedToProvider: number[] = [];
  const arrivalToProvider: number[] = [];
  for (const a of appointments) {
    if (!inPeriod(p, a.date)) continue;
    const { r, v, w } = waitsOf(a);
    if (r !== undefined) arrivalToRoomed.push(r);
    if (v !== undefined) roomedToProvider.push(v);
    if (w !== undefined) arrivalToProvider.push(w);
  }
  return { arrivalToRoomed, roomedToProvider, arrivalToProvider };
};

/** One appointment's waits in minutes: arrival → roomed, roomed → provider, arrival → provider. */
const waitsOf = (a: AppointmentView) => ({
  r: minutesBetween(a.arrivedAt, a.roomedAt),
  v: minutesBetween(a.roomedAt, a.encounterStartedAt),
  w: minutesBetween(a.arrivedAt, a.encounterStartedAt),
});

/** Appointments in the period with ≥ 1 reminder sent, and of them those confirmed before their start. */
export const confirmationOf = (appointments: readonly AppointmentView[], p: Period) => {
  const reminded = appointments.filter((a) => inPeriod(p, a.date) && (a.remindersSent ?? 0) > 0);
  const confirmed = reminded.filter(
    (a) => a.confirmedAt !== undefined && Date.parse(a.confirmedAt) < Date.parse(a.startAt),
  );
  return pct(confirmed.length, reminded.length);
};

/**
 * Cancelled-slot refill rate: of the minutes freed by cancellations made before the appointment's
 * start (appointments in the period), the minutes the same provider re-booked after the
 * cancellation and before the start, with bookings that were not themselves cancelled × 100.
 */
export const refillRateOf = (appointments: readonly AppointmentView[], p: Period) => {
  const byDay = new Map<string, AppointmentView[]>();
  for (const a of appointments) {
    if (!inPeriod(p, a.date)) continue;
    const k = `${a.date}|${a.providerId}`;
    byDay.set(k, [...(byDay.get(k) ?? []), a]);
  }
  let freed = 0;
  let refilled = 0;
  for (const list of byDay.values())
    for (const c of list) {
      if (c.status !== 'cancelled' || c.cancelledAt === undefined) continue;
      const cancelled = Date.parse(c.cancelledAt);
      const [s, e] = [Date.parse(c.startAt), Date.parse(c.endAt)];
      if (cancelled >= s) continue;
      freed += (e - s) / 60_000;
      let covered = 0;
      for (const b of list) {
        if (b === c || b.status === 'cancelled') continue;
        const booked = Date.parse(b.bookedAt);
        if (booked < cancelled || booked >= s) continue;
        covered +=
          Math.max(0, Math.min(e, Date.parse(b.endAt)) - Math.max(s, Date.parse(b.startAt))) / 60_000;
      }
      refilled += Math.min(covered, (e - s) / 60_000);
    }
  return pct(refilled, freed);
};

/** Bookings made via the portal ÷ all bookings of appointments in the period × 100. */
export const selfSchedulingShareOf = (appointments: readonly AppointmentView[], p: Period) => {
  const all = appointments.filter((a) => inPeriod(p, a.date));
  return pct(all.filter((a) => a.bookedVia === 'portal').length, all.length);
};

const mon2fri = businessCalendar('UTC', defaultBusinessCalendar);
/**
 * Checked-out visits in the period with a post-visit summary sent by the end of the next business
 * day (Monday–Friday) ÷ checked-out visits × 100 (Meaningful Use stage 2 core measure 8).
 */
export const postVisitSummaryTimelinessOf = (appointments: readonly AppointmentView[], p: Period) => {
  const seen = appointments.filter((a) => inPeriod(p, a.date) && a.status === 'checked-out');
  const onTime = seen.filter(
    (a) =>
      a.postVisitSummaryAt !== undefined &&
      a.postVisitSummaryAt.slice(0, 10) <= mon2fri.addBusinessDays(a.date, 1),
  );
  return pct(onTime.length, seen.length);
};

/** Records-access obligations due in the period, and of them those fulfilled or denied by the due date × 100. */
export const accessTimelinessOf = (obligations: readonly Obligation[], p: Period) => {
  const due = obligations.filter((o) => o.kind === 'records-access' && inPeriod(p, o.dueAt.slice(0, 10)));
  return pct(
    due.filter((o) => o.completedAt !== undefined && o.completedAt.slice(0, 10) <= o.dueAt.slice(0, 10))
      .length,
    due.length,
  );
};

/** Complaint figures of the period: resolution days (resolved in the period), acknowledgement within SLA (received in it). */
export const complaintFiguresOf = (complaints: readonly ComplaintView[], p: Period) => {
  const resolved = complaints.filter((c) => c.resolvedOn !== undefined && inPeriod(p, c.resolvedOn));
  const received = complaints.filter((c) => inPeriod(p, c.receivedOn));
  return {
    resolutionDays: resolved.map((c) => c.resolutionDays ?? 0),
    received: received.length,
    acknowledgedWithinSla: received.filter((c) => c.acknowledgedWithinSla === true).length,
  };
};

/** Top-box % of one CG-CAHPS composite over the survey aggregates of the period's visit months. */
export const compositeTopBoxOf = (months: readonly ExperienceMonth[], composite: Composite) => {
  let answers = 0;
  let top = 0;
  for (const m of months) {
    const c = m.composites[composite];
    if (c !== undefined) {
      answers += c.answers;
      top += c.topBox;
    }
  }
  return pct(top, answers);
};

const periodMonths = (p: Period) => [p.firstDay.slice(0, 7), p.lastDay.slice(0, 7)] as const;
const experienceData = (c: KpiContext) =>
  c.memo('patients:experience', () => listExperience(c.reader, ...periodMonths(c.period)));
const complaintData = (c: KpiContext) => c.shared('patients:complaints', (reader) => listComplaints(reader));
const obligationData = (c: KpiContext) =>
  c.shared('patients:obligations', async (reader) => {
    const out: Obligation[] = [];
    for await (const [, doc] of reader.list('patients-obligations', obligationKey('records-access:')))
      out.push(doc as unknown as Obligation);
    return out;
  });
const round1 = (n: number | undefined) => (n === undefined ? undefined : Math.round(n * 10) / 10);

const composite = (id: string, label: string, which: Composite): KpiDefinition => ({
  id,
  label,
  area: 'patients',
  unit: 'percent',
  direction: 'higher-is-better',
  formula: `top-box answers ÷ answers to the ${which} items of surveys about visits in the period × 100`,
  source: 'AHRQ CG-CAHPS 3.1 (top-box scoring)',
  compute: async (c) => compositeTopBoxOf(await experienceData(c), which),
});

const referralData = (c: KpiContext) => c.shared('patients:referrals', (reader) => listReferrals(reader));

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
    compute: async (c) => meanOfSamples(await thirdNextAvailableData(c), c.period),
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
  {
    id: 'confirmationRate',
    label: 'Confirmation rate %',
    area: 'patients',
    unit: 'percent',
    direction: 'higher-is-better',
    formula: 'appointments confirmed before their start ÷ appointments with ≥ 1 reminder sent × 100',
    source: 'MODULES.md §3.1',
    compute: async (c) => confirmationOf((await periodData(c)).appointments, c.period),
  },
  {
    id: 'cancelledSlotRefillRate',
    label: 'Cancelled-slot refill rate %',
    area: 'patients',
    unit: 'percent',
    direction: 'higher-is-better',
    formula: 'cancelled minutes re-booked before their start ÷ cancelled minutes × 100',
    source: 'MODULES.md §3.1',
    compute: async (c) => refillRateOf((await periodData(c)).appointments, c.period),
  },
  {
    id: 'selfSchedulingShare',
    label: 'Self-scheduling share %',
    area: 'patients',
    unit: 'percent',
    direction: 'higher-is-better',
    formula: 'bookings via the portal ÷ all bookings × 100',
    source: 'MODULES.md §3.1',
    compute: async (c) => selfSchedulingShareOf((await periodData(c)).appointments, c.period),
  },
  {
    id: 'waitArrivalToRoomed',
    label: 'Wait, arrival to roomed (median min)',
    area: 'patients',
    unit: 'minutes',
    direction: 'lower-is-better',
    formula: 'median minutes from arrival to rooming of the visits in the period',
    source: 'DOMAIN.md (MGMA patient wait time)',
    compute: async (c) => round1(quantile((await waitTimes(c)).arrivalToRoomed, 0.5)),
  },
  {
    id: 'waitRoomedToProvider',
    label: 'Wait, roomed to provider (median min)',
    area: 'patients',
    unit: 'minutes',
    direction: 'lower-is-better',
    formula: 'median minutes from rooming to the provider of the visits in the period',
    source: 'DOMAIN.md (MGMA patient wait time)',
    compute: async (c) => round1(quantile((await waitTimes(c)).roomedToProvider, 0.5)),
  },
  {
    id: 'waitArrivalToProvider',
    label: 'Wait, arrival to provider (median min)',
    area: 'patients',
    unit: 'minutes',
    direction: 'lower-is-better',
    formula: 'median minutes from arrival to the provider of the visits in the period',
    source: 'DOMAIN.md (MGMA patient wait time)',
    compute: async (c) => round1(quantile((await waitTimes(c)).arrivalToProvider, 0.5)),
  },
  {
    id: 'waitArrivalToProviderP90',
    label: 'Wait, arrival to provider (90th percentile min)',
    area: 'patients',
    unit: 'minutes',
    direction: 'lower-is-better',
    formula: '90th percentile (nearest rank) of minutes from arrival to the provider',
    source: 'DOMAIN.md (MGMA patient wait time)',
    compute: async (c) => round1(quantile((await waitTimes(c)).arrivalToProvider, 0.9)),
  },
  {
    id: 'postVisitSummaryTimeliness',
    label: 'Post-visit summary within 1 business day %',
    area: 'patients',
    unit: 'percent',
    direction: 'higher-is-better',
    formula:
      'checked-out visits with a post-visit summary sent by the next business day ÷ checked-out visits × 100',
    source: 'Meaningful Use stage 2 core measure 8 (> 50 % within 1 business day)',
    compute: async (c) => postVisitSummaryTimelinessOf((await periodData(c)).appointments, c.period),
  },
  {
    id: 'accessRequestTimeliness',
    label: 'Access requests answered on time %',
    area: 'patients',
    unit: 'percent',
    direction: 'higher-is-better',
    formula: 'records requests due in the period fulfilled or denied by their due date ÷ requests due × 100',
    source: '45 CFR 164.524(b)(2)',
    compute: async (c) => accessTimelinessOf(await obligationData(c), c.period),
  },
  {
    id: 'complaintResolutionDays',
    label: 'Complaint resolution (median days)',
    area: 'patients',
    unit: 'days',
    direction: 'lower-is-better',
    formula: 'median calendar days from receipt to resolution of complaints resolved in the period',
    source: 'DOMAIN.md',
    compute: async (c) => quantile(complaintFiguresOf(await complaintData(c), c.period).resolutionDays, 0.5),
  },
  {
    id: 'complaintResolutionDaysP90',
    label: 'Complaint resolution (90th percentile days)',
    area: 'patients',
    unit: 'days',
    direction: 'lower-is-better',
    formula:
      '90th percentile (nearest rank) of days from receipt to resolution, complaints resolved in the period',
    source: 'DOMAIN.md',
    compute: async (c) => quantile(complaintFiguresOf(await complaintData(c), c.period).resolutionDays, 0.9),
  },
  {
    id: 'complaintAcknowledgedWithinSla',
    label: 'Complaints acknowledged within SLA %',
    area: 'patients',
    unit: 'percent',
    direction: 'higher-is-better',
    formula: 'complaints received in the period acknowledged by their SLA date ÷ complaints received × 100',
    source: 'practice policy (MODULES.md §3.1 P8)',
    compute: async (c) => {
      const f = complaintFiguresOf(await complaintData(c), c.period);
      return pct(f.acknowledgedWithinSla, f.received);
    },
  },
  {
    id: 'complaintsPer1000Visits',
    label: 'Complaints per 1,000 kept visits',
    area: 'patients',
    unit: 'ratio',
    direction: 'lower-is-better',
    formula: 'complaints received in the period ÷ kept visits in the period × 1,000',
    source: 'DOMAIN.md',
    compute: async (c) => {
      const f = complaintFiguresOf(await complaintData(c), c.period);
      const kept = attendanceOf((await periodData(c)).appointments, c.period).kept;
      return kept === 0 ? undefined : Math.round((f.received / kept) * 10_000) / 10;
    },
  },
  {
    id: 'surveyResponseRate',
    label: 'Survey response rate %',
    area: 'patients',
    unit: 'percent',
    direction: 'higher-is-better',
    formula: 'surveys answered ÷ surveys sent, for visits in the period × 100',
    source: 'AHRQ CG-CAHPS 3.1',
    compute: async (c) => {
      const months = await experienceData(c);
      return pct(
        months.reduce((s, m) => s + m.answered, 0),
        months.reduce((s, m) => s + m.invited, 0),
      );
    },
  },
  composite('cgcahpsAccess', 'CG-CAHPS access (top box %)', 'access'),
  composite(
    'cgcahpsProviderCommunication',
    'CG-CAHPS provider communication (top box %)',
    'provider-communication',
  ),
  composite('cgcahpsOfficeStaff', 'CG-CAHPS office staff (top box %)', 'office-staff'),
  composite('cgcahpsCareCoordination', 'CG-CAHPS care coordination (top box %)', 'care-coordination'),
  composite('providerRating9or10', 'Provider rated 9–10 %', 'provider-rating'),
  {
    id: 'netPromoterScore',
    label: 'Net promoter score',
    area: 'patients',
    unit: 'ratio',
    direction: 'higher-is-better',
    formula: '% of NPS answers 9–10 − % 0–6, surveys about visits in the period',
    source: 'NPS (Reichheld)',
    compute: async (c) => {
      let n = 0;
      let promoters = 0;
      let detractors = 0;
      for (const m of await experienceData(c)) {
        n += m.nps.answers;
        promoters += m.nps.promoters;
        detractors += m.nps.detractors;
      }
      return n === 0 ? undefined : Math.round(((promoters - detractors) / n) * 1000) / 10;
    },
  },
]);
