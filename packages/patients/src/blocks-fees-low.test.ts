import { describe, expect, it } from 'vitest';
import { createPractice } from '@praxis/practice';
import { getAppointment } from './index.js';

const zone = 'America/New_York';
const pm = { id: 'S-1', role: 'practice_manager' };
const desk = { id: 'S-5', role: 'front_desk' };
const early = { at: '2026-03-01T08:00:00-05:00' };
const on = (date: string, hm: string) => ({ at: `${date}T${hm}:00-04:00` });

/** dr-a works 09:00–12:00 on weekdays; books of 10 and 11 March open; P-1 registered. */
const setUp = async () => {
  const practice = await createPractice({ store: 'memory:', timeZone: zone, currency: 'USD', name: 'P3' });
  const p = practice.as(pm).patients;
  await p.setProviderHours(
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
  for (const date of ['2026-03-10', '2026-03-11'])
    expect((await p.openDay({ date, timeZone: zone, providerIds: ['dr-a'] }, early)).ok).toBe(true);
  await p.registerPatient({ patientId: 'P-1', name: 'Ada P.', registeredOn: '2026-02-01' }, early);
  return { practice, p, d: practice.as(desk).patients };
};
const book = (date: string, appointmentId: string, start: string, extra: Record<string, unknown> = {}) => ({
  date,
  appointmentId,
  patientId: 'P-1',
  providerId: 'dr-a',
  locationId: 'main',
  appointmentType: 'follow-up',
  start,
  durationMin: 30,
  ...extra,
});

describe('reserved time blocks through the facade', () => {
  it('lapses a waitlist offer into a block held for other types (SlotTaken), instead of accepting it and never booking', async () => {
    const { practice, p, d } = await setUp();
    try {
      expect(
        (
          await p.reserveTimeBlock(
            {
              date: '2026-03-10',
              blockId: 'NP-AM',
              providerId: 'dr-a',
              start: '09:00',
              end: '12:00',
              appointmentTypes: ['new-patient'],
            },
            early,
          )
        ).ok,
      ).toBe(true);
      const at = { at: '2026-03-02T09:00:00-05:00' };
      const joined = await d.joinWaitlist(
        {
          entryId: 'W-10',
          patientId: 'P-1',
          appointmentType: 'follow-up',
          providerIds: ['dr-a'],
          locationIds: [],
          windows: [{ weekday: 2, from: '09:00', to: '12:00' }],
          earliestOn: '2026-03-03',
          latestOn: '2026-03-20',
          priority: 'routine',
        } as never,
        at,
      );
      expect(joined.ok).toBe(true);
      const offered = await d.offerSlot(
        {
          entryId: 'W-10',
          offerId: 'O-10',
          date: '2026-03-10',
          providerId: 'dr-a',
          locationId: 'main',
          start: '10:00',
          durationMin: 30,
          expiresAt: '2026-03-06T09:00:00-05:00',
        },
        { at: '2026-03-02T09:05:00-05:00' },
      );
      expect(offered.ok).toBe(true);
      const accepted = await d.acceptOffer(
        { entryId: 'W-10', offerId: 'O-10' },
        { at: '2026-03-02T10:00:00-05:00' },
      );
      expect(
        accepted.ok && accepted.events.map((e) => [e.type, (e.data as { reason?: string }).reason]),
      ).toEqual([['OfferLapsed', 'SlotTaken']]);
      expect(await getAppointment(practice.readModels, '2026-03-10', 'WL-O-10')).toBeUndefined();
    } finally {
      await practice.close();
    }
  });

  it('given a new-patient block reserved by the practice manager, when the front desk books a follow-up in it, then TimeBlockReserved; the front desk may not reserve', async () => {
    const { practice, p, d } = await setUp();
    try {
      const block = {
        date: '2026-03-10',
        blockId: 'NP-AM',
        providerId: 'dr-a',
        start: '10:00',
        end: '11:00',
        appointmentTypes: ['new-patient'],
        releaseHoursBefore: 24,
      };
      expect(await d.reserveTimeBlock({ ...block, blockId: 'X' }, early)).toMatchObject({
        ok: false,
        category: 'forbidden',
      });
      // A release window beyond a year is not one (fresh-user finding: 1e12 hours was accepted).
      expect(
        await p.reserveTimeBlock({ ...block, blockId: 'Y', releaseHoursBefore: 1e12 }, early),
      ).toMatchObject({ ok: false, code: 'InvalidReleaseWindow', field: 'releaseHoursBefore' });
      expect((await p.reserveTimeBlock(block, early)).ok).toBe(true);
      // An overlapping block for other types is refused (fresh-user finding).
      expect(
        await p.reserveTimeBlock(
          { ...block, blockId: 'SURG', start: '10:30', end: '11:30', appointmentTypes: ['surgery'] },
          early,
        ),
      ).toMatchObject({ ok: false, code: 'BlockOverlapsBlock', field: 'start' });
      expect(
        await d.bookAppointment(book('2026-03-10', 'A-1', '10:00'), on('2026-03-02', '09:00')),
      ).toMatchObject({
        ok: false,
        code: 'TimeBlockReserved',
        field: 'start',
      });
      expect(
        (
          await d.bookAppointment(
            book('2026-03-10', 'A-1', '10:00', { appointmentType: 'new-patient' }),
            on('2026-03-02', '09:00'),
          )
        ).ok,
      ).toBe(true);
      expect((await p.removeTimeBlock({ date: '2026-03-10', blockId: 'NP-AM' }, early)).ok).toBe(true);
      expect(
        (await d.bookAppointment(book('2026-03-10', 'A-2', '09:00'), on('2026-03-02', '09:00'))).ok,
      ).toBe(true);
    } finally {
      await practice.close();
    }
  });
});

describe('pre-registration and missed-appointment fees through the facade', () => {
  it('given fees with the first offence waived, when two no-shows are charged, then the first is waived and the second charged; both show on the appointments', async () => {
    const { practice, p, d } = await setUp();
    try {
      await p.setSchedulingPolicy(
        {
          policyId: 'practice',
          lateCancelWindowHours: 24,
          noShowGraceMinutes: 15,
          gridMinutes: 15,
          portal: { minNoticeHours: 24, bookableTypes: [], approvalRequired: true },
          fees: { lateCancelCents: 2_500, noShowCents: 4_000, firstOffenceWaived: true },
        },
        early,
      );
      for (const date of ['2026-03-10', '2026-03-11']) {
        expect(
          (await d.bookAppointment(book(date, `A-${date}`, '09:00'), on('2026-03-02', '09:00'))).ok,
        ).toBe(true);
        expect(
          (
            await d.recordPreRegistration(
              { date, appointmentId: `A-${date}`, items: ['insurance-verified'] },
              on('2026-03-09', '12:00'),
            )
          ).ok,
        ).toBe(true);
        expect((await d.recordNoShow({ date, appointmentId: `A-${date}` }, on(date, '09:30'))).ok).toBe(true);
        expect(
          (await d.chargeMissedAppointmentFee({ date, appointmentId: `A-${date}` }, on(date, '12:00'))).ok,
        ).toBe(true);
      }
      expect(await getAppointment(practice.readModels, '2026-03-10', 'A-2026-03-10')).toMatchObject({
        preRegistrationItems: ['insurance-verified'],
        missedFeeCents: 0,
        missedFeeWaived: true,
      });
      expect(await getAppointment(practice.readModels, '2026-03-11', 'A-2026-03-11')).toMatchObject({
        missedFeeCents: 4_000,
        missedFeeWaived: false,
      });
      // a caller may not send the facts the handler freezes
      expect(
        await d.chargeMissedAppointmentFee(
          { date: '2026-03-11', appointmentId: 'A-2026-03-11', priorFees: 5 } as never,
          early,
        ),
      ).toMatchObject({ ok: false, code: 'UnknownField' });
    } finally {
      await practice.close();
    }
  });
});

describe('authorization-low obligation', () => {
  it('given one unit approved and two visits booked against it, then authorization-low is due on the uncovered visit; an extension adding a unit completes it', async () => {
    const { practice, d } = await setUp();
    try {
      await d.requestAuthorization(
        {
          authorizationId: 'AU-1',
          patientId: 'P-1',
          payerId: 'aetna',
          services: { category: 'physical-therapy' },
          unitKind: 'visits',
          requestedUnits: 2,
          requestedOn: '2026-02-20',
        },
        { at: '2026-02-20T09:00:00-05:00' },
      );
      await d.recordAuthorizationDecision(
        {
          authorizationId: 'AU-1',
          decision: 'approved',
          number: 'AX-1',
          approvedUnits: 1,
          validFrom: '2026-03-01',
          validTo: '2026-03-31',
          decidedOn: '2026-02-25',
        },
        { at: '2026-02-25T09:00:00-05:00' },
      );
      const low = async (asOf: string) =>
        (await practice.calendar(asOf)).find((o) => o.id === 'authorization-low:AU-1');
      await d.bookAppointment(
        book('2026-03-10', 'A-1', '09:00', { authorizationId: 'AU-1' }),
        on('2026-03-02', '09:00'),
      );
      expect(await low('2026-03-03')).toBeUndefined();
      const second = await d.bookAppointment(
        book('2026-03-11', 'A-2', '09:00', { authorizationId: 'AU-1' }),
        on('2026-03-02', '10:00'),
      );
      expect(second.ok && second.events[0]?.data).toMatchObject({
        authorizationWarning: 'AuthorizationExhausted',
      });
      expect(await low('2026-03-03')).toMatchObject({ kind: 'authorization-low', dueAt: '2026-03-11' });
      expect((await low('2026-03-03'))?.completedAt).toBeUndefined();
      await d.extendAuthorization(
        { authorizationId: 'AU-1', payerRef: 'AX-1-ext', extendedOn: '2026-03-04', addedUnits: 1 },
        { at: '2026-03-04T09:00:00-05:00' },
      );
      expect(await low('2026-03-05')).toMatchObject({ completedAt: '2026-03-04' });
    } finally {
      await practice.close();
    }
  });

  it('given an uncovered visit, when it is cancelled, then authorization-low is done', async () => {
    const { practice, d } = await setUp();
    try {
      await d.requestAuthorization(
        {
          authorizationId: 'AU-2',
          patientId: 'P-1',
          payerId: 'aetna',
          services: { category: 'physical-therapy' },
          unitKind: 'visits',
          requestedUnits: 1,
          requestedOn: '2026-02-20',
        },
        { at: '2026-02-20T09:00:00-05:00' },
      );
      await d.recordAuthorizationDecision(
        {
          authorizationId: 'AU-2',
          decision: 'approved',
          number: 'AX-2',
          approvedUnits: 1,
          validFrom: '2026-03-01',
          validTo: '2026-03-31',
          decidedOn: '2026-02-25',
        },
        { at: '2026-02-25T09:00:00-05:00' },
      );
      await d.bookAppointment(
        book('2026-03-10', 'A-1', '09:00', { authorizationId: 'AU-2' }),
        on('2026-03-02', '09:00'),
      );
      await d.bookAppointment(
        book('2026-03-11', 'A-2', '09:00', { authorizationId: 'AU-2' }),
        on('2026-03-02', '10:00'),
      );
      await d.cancelAppointment(
        { date: '2026-03-11', appointmentId: 'A-2', by: 'practice', reason: 'not covered' },
        on('2026-03-03', '09:00'),
      );
      const o = (await practice.calendar('2026-03-04')).find((x) => x.id === 'authorization-low:AU-2');
      expect(o).toMatchObject({ completedAt: '2026-03-03T09:00:00-04:00' });
    } finally {
      await practice.close();
    }
  });
});
