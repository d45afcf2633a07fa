/**
 * B1–B2: patient scheduling (issue 15) as ratios in one run, on SQLite files with the run's
 * synchronous setting.
 *
 * - B1: bookings through the facade (`practice.patients.bookAppointment`: decode, facts —
 *   policy, patient, authorization —, the day's book from its snapshot, the double-booking rules,
 *   one append, read models and process managers caught up) against the store's raw single-event
 *   appends with an expected revision on the same disk. Target: ≥ 0.5× (MODULES.md §3.1 bench).
 * - B2: availability search (load a day's book, find the next three open 30-minute slots) on a
 *   day in the last month of a booked year against a day in the first month. A booking checks one
 *   day's book, so this stays flat however long the practice has run (target ≥ 0.8).
 *   `--patients-days=N` booked days seeded per month end (default 5), not timed.
 */
import { join } from 'node:path';
import { sqliteEventStore, type SqliteEventStore } from '@praxis/store-sqlite';
import { DayBook } from '@praxis/patients';
import { createPractice, type Practice } from '@praxis/practice';
import { paymentEvents } from './lib/fixtures.js';
import type { BenchContext, BenchSuite, Runner, Side } from './lib/harness.js';
import { storeAppends } from './lib/workloads.js';

const zone = 'America/New_York';
const providers = Array.from({ length: 10 }, (_, i) => `dr-${i + 1}`);
/** Bookings per day: 10 providers × 24 half-hour slots (08:00–20:00 would be 24; 08:00–18:00 is 20). */
const slotsPerProvider = 20;
const pm = { id: 'S-1', role: 'practice_manager' };

const seedPractice = async (ctx: BenchContext, file: string): Promise<Practice> => {
  const practice = await createPractice({
    store: `sqlite:${join(ctx.dir, file)}?synchronous=${ctx.synchronous.toLowerCase()}`,
    timeZone: zone,
    currency: 'USD',
    name: 'Bench',
  });
  const p = practice.as(pm).patients;
  const at = { at: '2026-01-01T07:00:00-05:00' };
  for (const providerId of providers)
    await p.setProviderHours(
      {
        providerId,
        effectiveFrom: '2026-01-01',
        weekly: [1, 2, 3, 4, 5].map((weekday) => ({
          weekday,
          start: '08:00',
          end: '18:00',
          locationId: 'main',
        })),
      },
      at,
    );
  for (let i = 0; i < providers.length * slotsPerProvider; i++)
    await p.registerPatient(
      { patientId: `P-${i}`, name: `Bench patient ${i}`, registeredOn: '2026-01-01' },
      at,
    );
  return practice;
};

/** The weekdays of 2026 from `from`, `n` of them. */
const weekdays = (from: string, n: number): string[] => {
  const out: string[] = [];
  for (let d = new Date(`${from}T12:00:00Z`); out.length < n; d = new Date(d.getTime() + 86_400_000)) {
    const w = d.getUTCDay();
    if (w !== 0 && w !== 6) out.push(d.toISOString().slice(0, 10));
  }
  return out;
};

/** Opens `date` and books every slot of every provider; returns how many bookings were accepted. */
const bookDay = async (practice: Practice, date: string): Promise<number> => {
  const p = practice.as(pm).patients;
  const at = { at: '2026-01-01T07:00:00-05:00' };
  const opened = await p.openDay({ date, timeZone: zone, providerIds: providers }, at);
  if (!opened.ok) throw new Error(`openDay ${date}: ${opened.code}`);
  let n = 0;
  for (let s = 0; s < slotsPerProvider; s++)
    for (const [i, providerId] of providers.entries()) {
      const m = 8 * 60 + s * 30;
      const start = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      const r = await p.bookAppointment(
        {
          date,
          appointmentId: `A-${date}-${providerId}-${s}`,
          patientId: `P-${s * providers.length + i}`,
          providerId,
          locationId: 'main',
          appointmentType: 'follow-up',
          start,
          durationMin: 30,
        },
        at,
      );
      if (!r.ok) throw new Error(`booking ${date} ${start} ${providerId}: ${r.code}`);
      n++;
    }
  return n;
};

const B1_DAYS_PER_SLICE = 1;

const facadeBookings: Side = {
  label: 'practice.patients.bookAppointment',
  open: async (ctx) => {
    const practice = await seedPractice(ctx, `book-${ctx.round}.db`);
    const days = weekdays('2026-02-02', 3 * B1_DAYS_PER_SLICE);
    return {
      run: async (slice) => {
        let n = 0;
        for (const date of days.slice(slice * B1_DAYS_PER_SLICE, (slice + 1) * B1_DAYS_PER_SLICE))
          n += await bookDay(practice, date);
        return n;
      },
      close: () => practice.close(),
    } satisfies Runner;
  },
};

const rawAppendsSide: Side = {
  label: 'store append (1 event, expected revision)',
  open: async (ctx) => {
    const store: SqliteEventStore = sqliteEventStore({
      path: join(ctx.dir, `raw-${ctx.round}.db`),
      synchronous: ctx.synchronous,
      registry: paymentEvents,
    });
    const append = storeAppends(store, providers.length * slotsPerProvider * B1_DAYS_PER_SLICE, 1, 1_000);
    return { run: append, close: () => store.close() } satisfies Runner;
  },
};

const seedDays = (): number => {
  const flag = process.argv.find((a) => a.startsWith('--patients-days='));
  return Math.max(1, Number(flag?.slice('--patients-days='.length) ?? 5));
};

/** One practice with booked days in January and December, shared by both sides of B2. */
let yearPractice: Promise<Practice> | undefined;
const year = (ctx: BenchContext) =>
  (yearPractice ??= (async () => {
    const practice = await seedPractice(ctx, 'year.db');
    ctx.log(
      `booking ${2 * seedDays()} days of ${providers.length * slotsPerProvider} appointments (not timed)…`,
    );
    for (const date of [...weekdays('2026-01-05', seedDays()), ...weekdays('2026-12-07', seedDays())])
      await bookDay(practice, date);
    await practice.catchUp();
    return practice;
  })());

const search = (label: string, from: string): Side => ({
  label,
  open: async (ctx) => {
    const practice = await year(ctx);
    const days = weekdays(from, seedDays());
    return {
      run: async () => {
        let n = 0;
        for (const date of days)
          for (const providerId of providers) {
            const book = await practice.load<DayBook.State>('DayBook', date);
            if (book.found) DayBook.nextOpenSlots(book.state, providerId, 30, 0, 15);
            n++;
          }
        return n;
      },
      close: async () => undefined,
    } satisfies Runner;
  },
});

export const suite: BenchSuite = {
  name: 'patients',
  description:
    'patient scheduling: bookings through the facade vs raw appends; availability search over a year',
  scenarios: [
    {
      id: 'B1',
      title: '200 bookings a day (10 providers, capacity 1) through the facade vs raw single-event appends',
      unit: 'commands',
      slices: 3,
      target: 0.5,
      subject: facadeBookings,
      baseline: rawAppendsSide,
    },
    {
      id: 'B2',
      title: 'next three open slots on a December day vs a January day of a booked year',
      unit: 'searches',
      slices: 3,
      target: 0.8,
      subject: search('search in December', '2026-12-07'),
      baseline: search('search in January', '2026-01-05'),
    },
  ],
};
