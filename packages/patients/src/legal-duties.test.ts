import { describe, expect, it } from 'vitest';
import { defaultBusinessCalendar } from '@praxis/core';
import { createPractice } from '@praxis/practice';
import { GoodFaithEstimate, RecordsRequest } from './index.js';

const zone = 'America/New_York';
const pm = { id: 'S-1', role: 'practice_manager' };

const decide = <C, S>(
  d: { decide: (c: C, s: S) => unknown; evolve: (s: S, e: never) => S; initialState: S },
  ...cs: C[]
) => {
  let s = d.initialState;
  let last: {
    _tag: string;
    left?: { code: string; field?: string };
    right?: { type: string; data: Record<string, unknown> }[];
  } = {
    _tag: 'Right',
  };
  for (const c of cs) {
    last = d.decide(c, s) as typeof last;
    if (last._tag === 'Right') s = (last.right ?? []).reduce((x, e) => d.evolve(x, e as never), s);
  }
  return last;
};

describe('RecordsRequest: HIPAA right of access (45 CFR 164.524(b)(2))', () => {
  const receive: RecordsRequest.RecordsRequestCommand = {
    type: 'ReceiveAccessRequest',
    requestId: 'RR-1',
    patientId: 'P-1',
    receivedOn: '2026-03-02',
    requester: 'individual',
    scope: 'all visit notes since 2024',
    form: 'electronic',
    receivedBy: 'S-2',
  };
  const extend = (noticeSentOn: string, newDueOn: string): RecordsRequest.RecordsRequestCommand => ({
    type: 'ExtendAccessRequest',
    noticeSentOn,
    reason: 'records in off-site storage',
    newDueOn,
  });
  it('is due in 30 days, extendable once by up to 30 days with notice inside the first 30', () => {
    expect(decide(RecordsRequest.decider, receive)).toMatchObject({
      right: [{ data: { dueOn: '2026-04-01' } }],
    });
    expect(decide(RecordsRequest.decider, receive, extend('2026-03-25', '2026-05-01'))).toMatchObject({
      right: [{ data: { dueOn: '2026-05-01', previousDueOn: '2026-04-01' } }],
    });
    expect(decide(RecordsRequest.decider, receive, extend('2026-03-25', '2026-05-02')).left).toMatchObject({
      code: 'ExtensionTooLong',
      field: 'newDueOn',
    });
    expect(decide(RecordsRequest.decider, receive, extend('2026-04-02', '2026-04-20')).left).toMatchObject({
      code: 'ExtensionTooLate',
      field: 'noticeSentOn',
    });
    expect(
      decide(
        RecordsRequest.decider,
        receive,
        extend('2026-03-25', '2026-04-15'),
        extend('2026-03-26', '2026-04-30'),
      ).left,
    ).toMatchObject({ code: 'AlreadyExtended' });
    const fulfil = (on: string): RecordsRequest.RecordsRequestCommand => ({
      type: 'FulfilAccessRequest',
      fulfilledOn: on,
      feeCents: 650,
      fulfilledBy: 'S-2',
    });
    expect(decide(RecordsRequest.decider, receive, fulfil('2026-04-01'))).toMatchObject({
      right: [{ data: { onTime: true } }],
    });
    expect(decide(RecordsRequest.decider, receive, fulfil('2026-04-02'))).toMatchObject({
      right: [{ data: { onTime: false } }],
    });
  });
});

describe('GoodFaithEstimate: No Surprises Act (45 CFR 149.610(b)(1))', () => {
  const cal = defaultBusinessCalendar;
  it('is due 3 business days after scheduling ≥ 10 business days ahead, 1 after ≥ 3, none below; 3 after a request', () => {
    // Monday 2 March → Monday 16 March is 10 business days ahead.
    expect(
      GoodFaithEstimate.estimateDueOn(cal, {
        trigger: 'scheduled',
        scheduledOn: '2026-03-02',
        serviceOn: '2026-03-16',
      }),
    ).toEqual({
      dueOn: '2026-03-05',
      ahead: 10,
    });
    expect(
      GoodFaithEstimate.estimateDueOn(cal, {
        trigger: 'scheduled',
        scheduledOn: '2026-03-06',
        serviceOn: '2026-03-11',
      }),
    ).toEqual({
      dueOn: '2026-03-09',
      ahead: 3,
    });
    expect(
      GoodFaithEstimate.estimateDueOn(cal, {
        trigger: 'scheduled',
        scheduledOn: '2026-03-06',
        serviceOn: '2026-03-10',
      }),
    ).toBe('none');
    expect(GoodFaithEstimate.estimateDueOn(cal, { trigger: 'requested', requestedOn: '2026-03-06' })).toEqual(
      {
        dueOn: '2026-03-11',
        ahead: null,
      },
    );
  });

  it('a self-pay booking opens the duty on the calendar, refuses one too close to need it, and a cancel voids it', async () => {
    const practice = await createPractice({ store: 'memory:', timeZone: zone, currency: 'USD', name: 'GFE' });
    try {
      const p = practice.as(pm).patients;
      await p.setProviderHours(
        {
          providerId: 'dr-a',
          effectiveFrom: '2026-01-01',
          weekly: [1, 2, 3, 4, 5].map((weekday) => ({
            weekday,
            start: '09:00',
            end: '17:00',
            locationId: 'main',
          })),
        },
        { at: '2026-01-01T08:00:00-05:00' },
      );
      await p.registerPatient(
        { patientId: 'P-1', name: 'Self Pay', registeredOn: '2026-03-01' },
        { at: '2026-03-01T09:00:00-05:00' },
      );
      for (const date of ['2026-03-16', '2026-03-04'])
        await p.openDay({ date, timeZone: zone, providerIds: ['dr-a'] }, { at: '2026-03-01T09:00:00-05:00' });
      const book = (date: string, appointmentId: string) =>
        p.bookAppointment(
          {
            date,
            appointmentId,
            patientId: 'P-1',
            providerId: 'dr-a',
            locationId: 'main',
            appointmentType: 'procedure',
            start: '10:00',
            durationMin: 60,
            selfPay: true,
          },
          { at: '2026-03-02T10:00:00-05:00' },
        );
      expect((await book('2026-03-16', 'A-1')).ok).toBe(true);
      expect((await book('2026-03-04', 'A-2')).ok).toBe(true);
      const calendar = await practice.calendar('2026-03-03');
      expect(calendar.find((o) => o.id === 'gfe:appt-A-1')).toMatchObject({
        dueAt: '2026-03-05',
        legalSource: '45 CFR 149.610(b)(1)',
      });
      expect(calendar.find((o) => o.id === 'gfe:appt-A-2')).toBeUndefined();
      const trail = await practice.audit.query({ entity: 'GoodFaithEstimate-appt-A-2' });
      expect(trail.entries.map((e) => e.refusal?.code)).toContain('NoEstimateDue');
      await p.cancelAppointment(
        { date: '2026-03-16', appointmentId: 'A-1', by: 'patient', reason: 'changed mind' },
        { at: '2026-03-03T10:00:00-05:00' },
      );
      expect((await practice.load<{ status: string }>('GoodFaithEstimate', 'appt-A-1')).found).toBe(true);
      const loaded = await practice.load<{ status: string }>('GoodFaithEstimate', 'appt-A-1');
      expect(loaded.found && loaded.state.status).toBe('voided');
      // A records request appears on the calendar with its legal deadline.
      await p.receiveAccessRequest(
        {
          requestId: 'RR-1',
          patientId: 'P-1',
          receivedOn: '2026-03-02',
          requester: 'individual',
          scope: 'my imaging',
          form: 'electronic',
        },
        { at: '2026-03-02T11:00:00-05:00' },
      );
      expect(
        (await practice.calendar('2026-03-03')).find((o) => o.id === 'records-access:RR-1'),
      ).toMatchObject({
        dueAt: '2026-04-01',
        legalSource: '45 CFR 164.524(b)(2)',
      });
    } finally {
      await practice.close();
    }
  });
});
