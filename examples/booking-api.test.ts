import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPractice, type Practice } from '@praxis/practice';
import { startBookingApi } from './booking-api.js';

const zone = 'America/New_York';
let practice: Practice;
let server: Server;
let base = '';
beforeAll(async () => {
  practice = await createPractice({ store: 'memory:', timeZone: zone, currency: 'USD' });
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
  for (const patientId of ['P-1', 'P-2'])
    await p.registerPatient({ patientId, name: `Patient ${patientId}`, registeredOn: '2026-03-01' }, at);
  await p.openDay({ date: '2026-03-10', timeZone: zone, providerIds: ['dr-a'] }, at);
  server = await startBookingApi(practice, 0, () => new Date('2026-03-02T14:00:00Z'));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await practice.close();
});

const book = (body: unknown) =>
  fetch(`${base}/days/2026-03-10/appointments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-actor-id': 'S-5', 'x-actor-role': 'front_desk' },
    body: JSON.stringify(body),
  });
const appointment = (appointmentId: string, patientId: string, start = '10:00') => ({
  appointmentId,
  patientId,
  providerId: 'dr-a',
  locationId: 'main',
  appointmentType: 'follow-up',
  start,
  durationMin: 30,
});

describe('example: a booking API over HTTP', () => {
  it('books with 201 and maps a double booking to 409 with the next open slots', async () => {
    const first = await book(appointment('A-1', 'P-1'));
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ appointmentId: 'A-1', startAt: '2026-03-10T10:00:00-04:00' });
    const clash = await book(appointment('A-2', 'P-2'));
    expect(clash.status).toBe(409);
    expect(await clash.json()).toMatchObject({
      code: 'ProviderDoubleBooked',
      field: 'start',
      nextOpenSlots: ['09:00', '09:15', '09:30'],
    });
    const samePatient = await book({ ...appointment('A-3', 'P-1', '10:15'), providerId: 'dr-a' });
    expect(samePatient.status).toBe(409);
    const bad = await book({ ...appointment('A-4', 'P-2'), durationMin: 0 });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'InvalidDuration', field: 'durationMin' });
    const slots = await fetch(`${base}/days/2026-03-10/open-slots?providerId=dr-a&durationMin=60`);
    expect(await slots.json()).toEqual({ nextOpenSlots: ['09:00', '10:30', '10:45'] });
  });
});
