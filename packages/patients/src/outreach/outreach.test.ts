import { describe, expect, it } from 'vitest';
import { createPractice } from '@praxis/practice';
import { getOutreach } from '../index.js';

const pm = { id: 'S-1', role: 'practice_manager' };

describe('Outreach: consent, quiet hours, caps and STOP', () => {
  it('sends only with consent, inside the window in the patient’s zone, within the TCPA cap; STOP applies at once; refusals are recorded', async () => {
    const practice = await createPractice({
      store: 'memory:',
      timeZone: 'America/New_York',
      currency: 'USD',
      name: 'Outreach',
    });
    try {
      const p = practice.as(pm).patients;
      await p.registerPatient(
        {
          patientId: 'P-1',
          name: 'Lou Reed',
          phone: '+1 555 0100',
          timeZone: 'America/Los_Angeles',
          registeredOn: '2026-03-01',
        },
        { at: '2026-03-01T09:00:00-05:00' },
      );
      const send = (messageId: string, at: string, extra: Record<string, unknown> = {}) =>
        p.sendMessage(
          {
            patientId: 'P-1',
            messageId,
            channel: 'sms',
            purpose: 'care',
            kind: 'reminder',
            ...extra,
          } as never,
          { at },
        );
      // No consent yet.
      expect(await send('M-1', '2026-03-09T12:00:00-07:00')).toMatchObject({
        ok: false,
        code: 'NoConsent',
        field: 'channel',
      });
      await p.recordContactConsent(
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
      await p.recordContactConsent(
        {
          patientId: 'P-1',
          channel: 'sms',
          purpose: 'marketing',
          givenOn: '2026-03-01',
          source: 'verbal',
          written: false,
        },
        { at: '2026-03-01T09:00:00-05:00' },
      );
      // 10:30 in New York is 07:30 in Los Angeles, where the patient lives: too early.
      expect(await send('M-1', '2026-03-09T10:30:00-04:00')).toMatchObject({
        ok: false,
        code: 'OutsideMessageWindow',
        field: 'sendAt',
      });
      const ok = await send('M-1', '2026-03-09T13:00:00-04:00');
      expect(ok.ok && ok.events[0]?.data).toMatchObject({
        localTime: '10:00',
        windowFrom: '09:00',
        windowTo: '21:00',
      });
      // Same id again: nothing new.
      expect(await send('M-1', '2026-03-09T13:00:00-04:00')).toMatchObject({ ok: true, decided: [] });
      // A second automated care text the same day, and a fourth in a week, are refused.
      expect(await send('M-2', '2026-03-09T15:00:00-04:00')).toMatchObject({
        ok: false,
        code: 'ContactFrequencyCapReached',
      });
      expect((await send('M-2', '2026-03-10T15:00:00-04:00')).ok).toBe(true);
      expect((await send('M-3', '2026-03-11T15:00:00-04:00')).ok).toBe(true);
      expect(await send('M-4', '2026-03-12T15:00:00-04:00')).toMatchObject({
        ok: false,
        code: 'ContactFrequencyCapReached',
      });
      // Marketing needs written consent.
      expect(
        await send('M-5', '2026-03-12T15:00:00-04:00', { purpose: 'marketing', kind: 'education' }),
      ).toMatchObject({
        ok: false,
        code: 'WrittenConsentRequired',
      });
      // STOP to M-3 opts out of SMS at once.
      const stop = await p.recordReply(
        { patientId: 'P-1', messageId: 'M-3', intent: 'stop' },
        { at: '2026-03-11T15:05:00-04:00' },
      );
      expect(stop.ok && stop.decided).toEqual(['ReplyReceived', 'ContactOptedOut']);
      expect(await send('M-6', '2026-03-20T15:00:00-04:00')).toMatchObject({
        ok: false,
        code: 'ChannelOptedOut',
      });
      const refused = (await practice.audit.query({ entity: 'Outreach-P-1' })).entries
        .filter((e) => e.refusal !== undefined)
        .map((e) => e.refusal!.code);
      expect(refused).toEqual(
        expect.arrayContaining([
          'NoConsent',
          'OutsideMessageWindow',
          'ContactFrequencyCapReached',
          'WrittenConsentRequired',
          'ChannelOptedOut',
        ]),
      );
      // The patients-outreach read model: consent, the opt-out and what was sent, no text or contact data.
      const standing = await getOutreach(practice.readModels, 'P-1');
      expect(standing).toMatchObject({ optedOut: ['sms'], consents: { 'sms:care': false } });
      expect(standing?.sent.reminder).toBeGreaterThanOrEqual(1);
      expect(JSON.stringify(standing)).not.toContain('555');
    } finally {
      await practice.close();
    }
  });

  it('a reply confirms or cancels the appointment the reminder was about', async () => {
    const zone = 'America/New_York';
    const practice = await createPractice({
      store: 'memory:',
      timeZone: zone,
      currency: 'USD',
      name: 'Replies',
    });
    try {
      const p = practice.as(pm).patients;
      const at = { at: '2026-03-01T09:00:00-05:00' };
      await p.setProviderHours(
        {
          providerId: 'dr-a',
          effectiveFrom: '2026-01-01',
          weekly: [{ weekday: 2, start: '09:00', end: '12:00', locationId: 'main' }],
        },
        at,
      );
      await p.registerPatient({ patientId: 'P-1', name: 'Nina Simone', registeredOn: '2026-03-01' }, at);
      await p.openDay({ date: '2026-03-10', timeZone: zone, providerIds: ['dr-a'] }, at);
      for (const [id, start] of [
        ['A-1', '09:00'],
        ['A-2', '11:00'],
      ] as const)
        await p.bookAppointment(
          {
            date: '2026-03-10',
            appointmentId: id,
            patientId: 'P-1',
            providerId: 'dr-a',
            locationId: 'main',
            appointmentType: 'visit',
            start,
            durationMin: 30,
          },
          at,
        );
      await p.recordContactConsent(
        {
          patientId: 'P-1',
          channel: 'email',
          purpose: 'care',
          givenOn: '2026-03-01',
          source: 'intake',
          written: true,
        },
        at,
      );
      for (const [messageId, appointmentId] of [
        ['M-1', 'A-1'],
        ['M-2', 'A-2'],
      ] as const)
        expect(
          (
            await p.sendMessage(
              {
                patientId: 'P-1',
                messageId,
                channel: 'email',
                purpose: 'care',
                kind: 'confirmation-request',
                appointmentId,
                appointmentDate: '2026-03-10',
              },
              { at: '2026-03-08T10:00:00-04:00' },
            )
          ).ok,
        ).toBe(true);
      await p.recordReply(
        { patientId: 'P-1', messageId: 'M-1', intent: 'confirm' },
        { at: '2026-03-08T11:00:00-04:00' },
      );
      await p.recordReply(
        { patientId: 'P-1', messageId: 'M-2', intent: 'cancel' },
        { at: '2026-03-08T11:05:00-04:00' },
      );
      const book = await practice.load<{ appointments: Record<string, { status: string }> }>(
        'DayBook',
        '2026-03-10',
      );
      expect(book.found && book.state.appointments['A-1']?.status).toBe('confirmed');
      expect(book.found && book.state.appointments['A-2']?.status).toBe('cancelled');
    } finally {
      await practice.close();
    }
  });
});
