import { describe, expect, it } from 'vitest';
import { createPractice } from '@praxis/practice';

/**
 * Issue 15 "Bad input", each case through the facade: a typed refusal naming the field, recorded
 * in the audit trail as a code, and nothing stored changed.
 */
const zone = 'America/New_York';
const pm = { id: 'S-1', role: 'practice_manager' };
const desk = { id: 'S-5', role: 'front_desk' };

const setUp = async () => {
  const practice = await createPractice({
    store: 'memory:',
    timeZone: zone,
    currency: 'USD',
    name: 'Bad input',
  });
  const p = practice.as(pm).patients;
  const early = { at: '2026-03-01T08:00:00-05:00' };
  await p.setProviderHours(
    {
      providerId: 'dr-a',
      effectiveFrom: '2026-01-01',
      weekly: [
        ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '12:00', locationId: 'main' })),
        // Sundays from midnight, so 8 March 2026 (clocks spring forward at 02:00) is open around the gap.
        { weekday: 7, start: '00:00', end: '06:00', locationId: 'main' },
      ],
    },
    { at: '2026-01-01T08:00:00-05:00' },
  );
  for (const date of ['2026-03-08', '2026-03-10'])
    expect((await p.openDay({ date, timeZone: zone, providerIds: ['dr-a'] }, early)).ok).toBe(true);
  await p.registerPatient({ patientId: 'P-1', name: 'Ada Byron', registeredOn: '2026-02-01' }, early);
  return { practice, d: practice.as(desk).patients, p };
};
const booking = (extra: Record<string, unknown> = {}) => ({
  date: '2026-03-10',
  appointmentId: 'A-1',
  patientId: 'P-1',
  providerId: 'dr-a',
  locationId: 'main',
  appointmentType: 'follow-up',
  start: '10:00',
  durationMin: 30,
  ...extra,
});

describe('bad input to patients commands, through the facade', () => {
  it('refuses a patient id that is not opaque (a name, an e-mail, an SSN or MRN), so no identifier outlives a forget', async () => {
    const { practice, d } = await setUp();
    try {
      for (const patientId of ['John Smith', 'zeb@quack.example', '123-45-6789', '00420042']) {
        const r = await d.registerPatient(
          { patientId, name: 'Nm Q', registeredOn: '2026-02-01' },
          { at: '2026-03-01T09:00:00-05:00' },
        );
        expect(r).toMatchObject({ ok: false, code: 'NotOpaque', field: 'patientId', category: 'invalid' });
        expect((await practice.load('Patient', patientId)).found).toBe(false);
      }
      const ok = await d.registerPatient(
        { patientId: 'pat_8f3c', name: 'Nm Q', registeredOn: '2026-02-01' },
        { at: '2026-03-01T09:00:00-05:00' },
      );
      expect(ok.ok).toBe(true);
    } finally {
      await practice.close();
    }
  });

  it('refuses each bad booking with a typed code naming the field, records it, and leaves the book unchanged', async () => {
    const { practice, d } = await setUp();
    try {
      const before = { at: '2026-03-02T09:00:00-05:00' };
      const cases: [string, Record<string, unknown>, { at: string }, string, string, string][] = [
        ['outside hours', { start: '13:00' }, before, 'OutsideProviderHours', 'start', 'rule'],
        [
          'running past the end of hours',
          { start: '11:45' },
          before,
          'OutsideProviderHours',
          'start',
          'rule',
        ],
        ['in the past', {}, { at: '2026-03-10T10:05:00-04:00' }, 'StartInPast', 'start', 'rule'],
        [
          'across the DST gap (02:30 on the spring-forward day)',
          { date: '2026-03-08', start: '02:30' },
          before,
          'NonexistentLocalTime',
          'start',
          'invalid',
        ],
        ['an unknown patient', { patientId: 'P-404' }, before, 'UnknownPatient', 'patientId', 'not-found'],
        ['an unknown provider', { providerId: 'dr-z' }, before, 'UnknownProvider', 'providerId', 'not-found'],
        ['zero length', { durationMin: 0 }, before, 'InvalidDuration', 'durationMin', 'invalid'],
        ['negative length', { durationMin: -30 }, before, 'InvalidDuration', 'durationMin', 'invalid'],
        ['a fractional length', { durationMin: 12.5 }, before, 'InvalidDuration', 'durationMin', 'invalid'],
      ];
      for (const [what, change, at, code, field, category] of cases) {
        const r = await d.bookAppointment(booking(change) as never, at);
        expect(r, what).toMatchObject({ ok: false, code, field, category });
      }
      // A day that was never opened, and a start that is not a time of day.
      expect(await d.bookAppointment(booking({ date: '2026-03-11' }) as never, before)).toMatchObject({
        ok: false,
        code: 'DayNotOpen',
        field: 'date',
      });
      expect(await d.bookAppointment(booking({ start: '25:00' }) as never, before)).toMatchObject({
        ok: false,
        field: 'start',
      });
      // Nothing stored: both books are empty; every refusal is in the audit trail as a code.
      for (const date of ['2026-03-08', '2026-03-10']) {
        const day = await practice.load<{ appointments: Record<string, unknown> }>('DayBook', date);
        expect(day.found && Object.keys(day.state.appointments)).toEqual([]);
      }
      const refused: string[] = [];
      for (const entity of ['DayBook-2026-03-08', 'DayBook-2026-03-10'])
        for (const e of (await practice.audit.query({ entity })).entries)
          if (e.refusal !== undefined) refused.push(e.refusal.code);
      expect(refused).toEqual(expect.arrayContaining(cases.map((c) => c[3])));
    } finally {
      await practice.close();
    }
  });

  it('refuses a reminder to a patient without consent, and one after STOP', async () => {
    const { practice, d } = await setUp();
    try {
      const send = (messageId: string) =>
        d.sendMessage(
          { patientId: 'P-1', messageId, channel: 'sms', purpose: 'care', kind: 'reminder' },
          { at: '2026-03-09T12:00:00-04:00' },
        );
      expect(await send('M-1')).toMatchObject({
        ok: false,
        code: 'NoConsent',
        field: 'channel',
        category: 'rule',
      });
      await d.recordContactConsent(
        {
          patientId: 'P-1',
          channel: 'sms',
          purpose: 'care',
          givenOn: '2026-03-01',
          source: 'intake',
          written: false,
        },
        { at: '2026-03-01T09:00:00-05:00' },
      );
      await d.recordOptOut(
        { patientId: 'P-1', channel: 'sms', keyword: 'STOP' },
        { at: '2026-03-05T09:00:00-05:00' },
      );
      expect(await send('M-2')).toMatchObject({ ok: false, code: 'ChannelOptedOut', field: 'channel' });
      const outreach = await practice.load<{ messages: Record<string, unknown> }>('Outreach', 'P-1');
      expect(outreach.found && Object.keys(outreach.state.messages)).toEqual([]);
    } finally {
      await practice.close();
    }
  });

  it('refuses units beyond the authorization', async () => {
    const { practice, d } = await setUp();
    try {
      await d.requestAuthorization(
        {
          authorizationId: 'AU-1',
          patientId: 'P-1',
          payerId: 'aetna',
          services: { cptCodes: ['97110'] },
          unitKind: 'units',
          requestedUnits: 4,
          requestedOn: '2026-02-20',
        },
        { at: '2026-02-20T09:00:00-05:00' },
      );
      await d.recordAuthorizationDecision(
        {
          authorizationId: 'AU-1',
          decision: 'approved',
          number: 'AX-9',
          approvedUnits: 2,
          validFrom: '2026-03-01',
          validTo: '2026-03-31',
          decidedOn: '2026-02-25',
        },
        { at: '2026-02-25T09:00:00-05:00' },
      );
      const at = { at: '2026-03-02T09:00:00-05:00' };
      expect(
        await d.reserveUnits(
          { authorizationId: 'AU-1', appointmentId: 'A-1', units: 3, serviceOn: '2026-03-10' },
          at,
        ),
      ).toMatchObject({ ok: false, code: 'AuthorizationExhausted', field: 'units' });
      expect(
        (
          await d.reserveUnits(
            { authorizationId: 'AU-1', appointmentId: 'A-1', units: 2, serviceOn: '2026-03-10' },
            at,
          )
        ).ok,
      ).toBe(true);
      expect(
        await d.consumeUnits(
          { authorizationId: 'AU-1', claimId: 'CL-1', units: 1, serviceOn: '2026-03-10', cptCode: '97110' },
          at,
        ),
      ).toMatchObject({ ok: false, code: 'AuthorizationExhausted', field: 'units' });
      expect(
        await d.reserveUnits(
          { authorizationId: 'AU-1', appointmentId: 'A-2', units: 1, serviceOn: '2026-04-02' },
          at,
        ),
      ).toMatchObject({ ok: false, code: 'AuthorizationExpired', field: 'serviceOn' });
    } finally {
      await practice.close();
    }
  });
});
