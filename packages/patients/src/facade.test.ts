import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPractice } from '@praxis/practice';

const zone = 'America/New_York';
const pm = { id: 'S-1', role: 'practice_manager' };
const dir = mkdtempSync(join(tmpdir(), 'praxis-patients-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const openPractice = (file?: string) =>
  createPractice({
    store: file === undefined ? 'memory:' : `sqlite:${file}`,
    timeZone: zone,
    currency: 'USD',
    name: 'Patients test',
  });

/** A practice with one provider (capacity 1, 09:00–12:00 on weekdays) and a day's book open. */
const setUp = async (practice: Awaited<ReturnType<typeof openPractice>>, date = '2026-03-10') => {
  const p = practice.as(pm);
  await p.patients.setProviderHours(
    {
      providerId: 'dr-a',
      effectiveFrom: '2026-01-01',
      weekly: [1, 2, 3, 4, 5].map((weekday) => ({
        weekday,
        start: '09:00',
        end: '12:00',
        locationId: 'main',
      })),
    },
    { at: '2026-01-01T08:00:00-05:00' },
  );
  const r = await p.patients.openDay(
    { date, timeZone: zone, providerIds: ['dr-a'] },
    { at: '2026-03-01T08:00:00-05:00' },
  );
  expect(r.ok).toBe(true);
  for (const patientId of ['P-1', 'P-2'])
    await p.patients.registerPatient(
      { patientId, name: `Patient ${patientId}`, registeredOn: '2026-02-01' },
      { at: '2026-02-01T09:00:00-05:00' },
    );
  return p;
};

describe('patients through the facade', () => {
  it('keeps a patient’s name, phone, e-mail and free text out of the SQLite file', async () => {
    const file = join(dir, 'vault.db');
    const practice = await openPractice(file);
    try {
      const p = await setUp(practice);
      const reg = await p.patients.registerPatient(
        {
          patientId: 'P-7f3a',
          name: 'Philomena Quackenbush',
          dateOfBirth: '1961-07-14',
          phone: '+1 555 013 9876',
          email: 'philomena.q@example.org',
          registeredOn: '2026-03-01',
        },
        { at: '2026-03-01T09:00:00-05:00' },
      );
      expect(reg.ok).toBe(true);
      const booked = await p.patients.bookAppointment(
        {
          date: '2026-03-10',
          appointmentId: 'A-1',
          patientId: 'P-7f3a',
          providerId: 'dr-a',
          locationId: 'main',
          appointmentType: 'follow-up',
          start: '09:00',
          durationMin: 30,
          note: 'Philomena prefers the ramp entrance',
        },
        { at: '2026-03-01T10:00:00-05:00' },
      );
      expect(booked.ok).toBe(true);
      const cancelled = await p.patients.cancelAppointment(
        { date: '2026-03-10', appointmentId: 'A-1', by: 'patient', reason: 'Quackenbush family emergency' },
        { at: '2026-03-09T12:00:00-04:00' },
      );
      expect(cancelled.ok && cancelled.events[0]?.data).toMatchObject({
        lateCancel: true,
        reason: 'Quackenbush family emergency',
      });
      const loaded = await practice.load<{ name: string }>('Patient', 'P-7f3a');
      expect(loaded.found && loaded.state.name).toBe('Philomena Quackenbush');
    } finally {
      await practice.close();
    }
    const bytes = readdirSync(dir)
      .filter((f) => f.startsWith('vault.db'))
      .map((f) => readFileSync(join(dir, f)).toString('latin1'))
      .join('\n');
    expect(bytes).toContain('P-7f3a');
    for (const secret of [
      'Quackenbush',
      'Philomena',
      '555 013 9876',
      'philomena.q@example.org',
      '1961-07-14',
      'ramp entrance',
    ])
      expect(bytes, secret).not.toContain(secret);
  });

  it('of two concurrent bookings of the last slot exactly one wins; the other is offered the next open slots', async () => {
    const practice = await openPractice(join(dir, 'race.db'));
    try {
      const p = await setUp(practice);
      const book = (appointmentId: string, patientId: string) =>
        p.patients.bookAppointment(
          {
            date: '2026-03-10',
            appointmentId,
            patientId,
            providerId: 'dr-a',
            locationId: 'main',
            appointmentType: 'follow-up',
            start: '10:00',
            durationMin: 30,
          },
          { at: '2026-03-02T10:00:00-05:00' },
        );
      const outcomes = await Promise.all([book('A-1', 'P-1'), book('A-2', 'P-2')]);
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
      const loser = outcomes.find((o) => !o.ok);
      expect(loser).toMatchObject({
        ok: false,
        code: 'ProviderDoubleBooked',
        category: 'conflict',
        field: 'start',
      });
      expect(loser && !loser.ok && loser.message).toContain('next open: 10:30, 10:45, 11:00');
      const day = await practice.load<{ appointments: Record<string, unknown> }>('DayBook', '2026-03-10');
      expect(day.found && Object.keys(day.state.appointments)).toHaveLength(1);
    } finally {
      await practice.close();
    }
  });

  it('refuses an appointment across the DST gap and records the refusal as a code', async () => {
    const practice = await openPractice();
    try {
      const p = await setUp(practice);
      await p.patients.setProviderHours(
        {
          providerId: 'dr-a',
          effectiveFrom: '2026-03-01',
          weekly: [{ weekday: 7, start: '00:00', end: '12:00', locationId: 'main' }],
        },
        { at: '2026-03-01T08:00:00-05:00' },
      );
      await p.patients.openDay(
        { date: '2026-03-08', timeZone: zone, providerIds: ['dr-a'] },
        { at: '2026-03-01T08:00:00-05:00' },
      );
      const r = await p.patients.bookAppointment(
        {
          date: '2026-03-08',
          appointmentId: 'A-9',
          patientId: 'P-1',
          providerId: 'dr-a',
          locationId: 'main',
          appointmentType: 'urgent',
          start: '02:30',
          durationMin: 15,
        },
        { at: '2026-03-01T10:00:00-05:00' },
      );
      expect(r).toMatchObject({
        ok: false,
        code: 'NonexistentLocalTime',
        field: 'start',
        category: 'invalid',
      });
    } finally {
      await practice.close();
    }
  });
});
