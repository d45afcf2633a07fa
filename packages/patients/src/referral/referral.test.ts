import { describe, expect, it } from 'vitest';
import { createPractice } from '@praxis/practice';

const pm = { id: 'S-1', role: 'practice_manager' };
const on = (date: string) => ({ at: `${date}T10:00:00-05:00` });

describe('Referral loop closure (CMS50)', () => {
  it('closes the loop only with the consult report, tracks it on the calendar, counts closure and leakage', async () => {
    const practice = await createPractice({
      store: 'memory:',
      timeZone: 'America/New_York',
      currency: 'USD',
      name: 'Referrals',
    });
    try {
      const p = practice.as(pm).patients;
      const create = (
        referralId: string,
        patientId: string,
        inNetwork: boolean,
        authorizationRequired = false,
      ) =>
        p.createReferral(
          {
            referralId,
            patientId,
            referringProviderId: 'dr-a',
            to: { name: 'Lakeside Cardiology', specialty: 'cardiology', inNetwork },
            reason: 'exertional chest pain',
            urgency: 'routine',
            authorizationRequired,
            createdOn: '2026-03-02',
          },
          on('2026-03-02'),
        );
      const send = (referralId: string, extra: Record<string, unknown> = {}) =>
        p.sendReferral(
          { referralId, sentOn: '2026-03-03', channel: 'direct', documents: ['ccd'], ...extra } as never,
          on('2026-03-03'),
        );
      expect((await create('R-1', 'P-1', true)).ok).toBe(true);
      expect((await create('R-2', 'P-2', false)).ok).toBe(true);
      expect((await create('R-3', 'P-3', true, true)).ok).toBe(true);
      // A report before the referral was sent is refused.
      expect(
        await p.recordConsultReport(
          { referralId: 'R-1', receivedOn: '2026-03-02', reportRef: 'doc-1' },
          on('2026-03-02'),
        ),
      ).toMatchObject({
        ok: false,
        code: 'ReportBeforeReferral',
      });
      expect((await send('R-1')).ok).toBe(true);
      expect((await send('R-2')).ok).toBe(true);
      expect(await send('R-3')).toMatchObject({
        ok: false,
        code: 'AuthorizationPending',
        field: 'authorizationId',
      });
      expect(
        (await practice.calendar('2026-03-04')).find((o) => o.id === 'referral-schedule:R-1'),
      ).toMatchObject({ dueAt: '2026-03-17' });
      for (const id of ['R-1', 'R-2']) {
        await p.recordReferralScheduled(
          { referralId: id, appointmentOn: '2026-03-10', recordedOn: '2026-03-05' },
          on('2026-03-05'),
        );
        await p.recordReferralSeen({ referralId: id, seenOn: '2026-03-10' }, on('2026-03-10'));
      }
      const cal = await practice.calendar('2026-03-11');
      expect(cal.find((o) => o.id === 'referral-report:R-1')).toMatchObject({ dueAt: '2026-04-09' });
      // Completed needs the report.
      expect(
        await p.closeReferral(
          { referralId: 'R-1', outcome: 'completed', closedOn: '2026-03-12' },
          on('2026-03-12'),
        ),
      ).toMatchObject({
        ok: false,
        code: 'LoopNotClosed',
        field: 'outcome',
      });
      for (const id of ['R-1', 'R-2']) {
        expect(
          (
            await p.recordConsultReport(
              { referralId: id, receivedOn: '2026-03-14', reportRef: `doc-${id}` },
              on('2026-03-14'),
            )
          ).ok,
        ).toBe(true);
        expect(
          (
            await p.closeReferral(
              { referralId: id, outcome: 'completed', closedOn: '2026-03-15' },
              on('2026-03-15'),
            )
          ).ok,
        ).toBe(true);
      }
      const report = await practice.kpis('2026-03');
      const value = (id: string) => report.lines.find((l) => l.id === id)?.value;
      expect(value('referralLoopClosure')).toBe(66.7); // of three patients referred
      expect(value('referralLeakage')).toBe(50); // R-2 went out of network
      expect(
        (await practice.calendar('2026-03-16')).find((o) => o.id === 'referral-report:R-1'),
      ).toMatchObject({
        completedAt: '2026-03-14',
      });
    } finally {
      await practice.close();
    }
  });
});
