import { describe, expect, it } from 'vitest';
import { createPractice } from '@praxis/practice';

const pm = { id: 'S-1', role: 'practice_manager' };
const desk = { id: 'S-5', role: 'front_desk' };
const policy = {
  policyId: 'practice' as const,
  windows: {
    sms: { from: '10:00', to: '18:00' },
    email: { from: '08:00', to: '20:00' },
    voice: { from: '10:00', to: '19:00' },
  },
  careCapPerDay: 1,
  careCapPerWeek: 2,
};

describe('OutreachPolicySet: message windows and caps as a practice setting', () => {
  it('given a narrower SMS window and a 2-a-week cap, when messages are sent, then they are judged by it and stamp its version', async () => {
    const practice = await createPractice({
      store: 'memory:',
      timeZone: 'America/New_York',
      currency: 'USD',
      name: 'OP',
    });
    try {
      const p = practice.as(pm).patients;
      const d = practice.as(desk).patients;
      const setup = { at: '2026-03-01T09:00:00-05:00' };
      await p.registerPatient({ patientId: 'P-1', name: 'Lou R.', registeredOn: '2026-03-01' }, setup);
      await p.recordContactConsent(
        {
          patientId: 'P-1',
          channel: 'sms',
          purpose: 'care',
          givenOn: '2026-03-01',
          source: 'intake',
          written: false,
        },
        setup,
      );
      const send = (messageId: string, at: string) =>
        d.sendMessage(
          { patientId: 'P-1', messageId, channel: 'sms', purpose: 'care', kind: 'reminder' },
          { at },
        );
      // The front desk may not set the policy; the defaults (09:00–21:00) apply until it is set.
      expect(await d.setOutreachPolicy(policy, setup)).toMatchObject({ ok: false, category: 'forbidden' });
      const before = await send('M-0', '2026-03-02T09:30:00-05:00');
      expect(before.ok && before.events[0]?.data).toMatchObject({ windowFrom: '09:00', policyVersion: 0 });
      expect((await p.setOutreachPolicy(policy, setup)).ok).toBe(true);
      expect(await send('M-1', '2026-03-03T09:30:00-05:00')).toMatchObject({
        ok: false,
        code: 'OutsideMessageWindow',
        field: 'sendAt',
      });
      const sent = await send('M-2', '2026-03-03T10:30:00-05:00');
      expect(sent.ok && sent.events[0]?.data).toMatchObject({
        windowFrom: '10:00',
        windowTo: '18:00',
        policyVersion: 1,
        careCapPerWeek: 2,
      });
      // M-0 and M-2 are two in 7 days: a third is over the practice's cap of 2 (the default allows 3).
      expect(await send('M-3', '2026-03-05T10:30:00-05:00')).toMatchObject({
        ok: false,
        code: 'ContactFrequencyCapReached',
      });
    } finally {
      await practice.close();
    }
  });

  it('refuses a window that ends before it starts and caps looser than the TCPA exemption, naming the field', async () => {
    const practice = await createPractice({
      store: 'memory:',
      timeZone: 'America/New_York',
      currency: 'USD',
      name: 'OP',
    });
    try {
      const p = practice.as(pm).patients;
      const at = { at: '2026-03-01T09:00:00-05:00' };
      expect(
        await p.setOutreachPolicy(
          { ...policy, windows: { ...policy.windows, voice: { from: '19:00', to: '10:00' } } },
          at,
        ),
      ).toMatchObject({ ok: false, code: 'InvalidWindow', field: 'windows.voice.to' });
      expect(await p.setOutreachPolicy({ ...policy, careCapPerDay: 2 }, at)).toMatchObject({
        ok: false,
        code: 'InvalidCap',
        field: 'careCapPerDay',
      });
      expect(await p.setOutreachPolicy({ ...policy, careCapPerWeek: 5 }, at)).toMatchObject({
        code: 'InvalidCap',
        field: 'careCapPerWeek',
      });
      expect(await p.setOutreachPolicy({ ...policy, careCapPerDay: 1, careCapPerWeek: 1 }, at)).toMatchObject(
        { ok: true },
      );
    } finally {
      await practice.close();
    }
  });
});
