import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPractice } from '@praxis/practice';
import { praxis, tempDir } from '../test-support.js';

const tmp = tempDir();
afterAll(() => tmp.remove());
const db = join(tmp.dir, 'schedule.db');
const zone = 'America/New_York';

beforeAll(async () => {
  const practice = await createPractice({
    store: `sqlite:${db}`,
    timeZone: zone,
    currency: 'USD',
    name: 'Riverside',
  });
  try {
    const p = practice.as({ id: 'S-1', role: 'practice_manager' }).patients;
    const at = { at: '2026-03-01T09:00:00-05:00' };
    await p.setProviderHours(
      {
        providerId: 'dr-a',
        effectiveFrom: '2026-01-01',
        weekly: [{ weekday: 2, start: '09:00', end: '12:00', locationId: 'main' }],
      },
      at,
    );
    for (const [patientId, name] of [
      ['P-1', 'Grace Hopper'],
      ['P-2', 'Alan Turing'],
    ] as const)
      await p.registerPatient({ patientId, name, registeredOn: '2026-03-01' }, at);
    await p.openDay({ date: '2026-03-10', timeZone: zone, providerIds: ['dr-a'] }, at);
    for (const [id, patientId, start] of [
      ['A-1', 'P-1', '09:00'],
      ['A-2', 'P-2', '10:00'],
    ] as const)
      await p.bookAppointment(
        {
          date: '2026-03-10',
          appointmentId: id,
          patientId,
          providerId: 'dr-a',
          locationId: 'main',
          appointmentType: 'follow-up',
          start,
          durationMin: 30,
        },
        at,
      );
    await p.cancelAppointment(
      { date: '2026-03-10', appointmentId: 'A-2', by: 'patient', reason: 'flu' },
      { at: '2026-03-10T07:00:00-04:00' },
    );
  } finally {
    await practice.close();
  }
});

describe('praxis schedule', () => {
  it("prints a day's book with patients' names, statuses and a late cancel", async () => {
    const r = await praxis(['schedule', '--date', '2026-03-10', '--db', db]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Hours: dr-a 09:00–12:00');
    expect(r.out).toMatch(/09:00\s+30\s+dr-a\s+Grace Hopper \(P-1\)\s+follow-up\s+booked/);
    expect(r.out).toMatch(/10:00\s+30\s+dr-a\s+Alan Turing \(P-2\)\s+follow-up\s+cancelled\s+late cancel/);
    expect(r.out).toContain('2 appointments: 1 to come, 0 seen or in the building, 0 no-shows, 1 cancelled');
    const json = await praxis(['schedule', '--date', '2026-03-10', '--format', 'json', '--db', db]);
    expect(JSON.parse(json.out)).toHaveLength(2);
    expect((await praxis(['schedule', '--date', '2026-03-11', '--db', db])).out).toContain('not open');
    expect((await praxis(['schedule', '--db', db])).code).not.toBe(0);
  });
});

describe('praxis schedule --date that is not a day', () => {
  it('exits non-zero naming the date, for any day past the end of its month (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2000, max: 2099 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 3 }),
        async (year, month, past) => {
          const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
          const day = last + 1 + past;
          if (day > 99) return;
          const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const r = await praxis(['schedule', '--date', date, '--db', db]);
          expect(r.code).toBe(2);
          expect(r.err).toContain(`praxis: --date ${date} is not a day`);
        },
      ),
      { numRuns: 10 },
    );
  }, 120_000);
});

describe('praxis explain of an unknown KPI', () => {
  it('says so with the praxis: prefix every other error has, and exits non-zero', async () => {
    const r = await praxis(['explain', 'nosuch', '2026-Q1', '2026-Q2', '--db', db]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/^praxis: .*nosuch/);
  });
});
