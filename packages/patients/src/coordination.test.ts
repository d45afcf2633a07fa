import { describe, expect, it } from 'vitest';
import { createPractice } from '@praxis/practice';
import {
  Survey,
  dayAvailability,
  flowBoard,
  getAppointment,
  listComplaints,
  listExperience,
  listWaitlist,
  nextAvailableSlots,
} from './index.js';

const zone = 'America/New_York';
const pm = { id: 'S-1', role: 'practice_manager' };
const desk = { id: 'S-5', role: 'front_desk' };
const nurse = { id: 'S-6', role: 'clinical' };
const co = { id: 'S-7', role: 'compliance_officer' };

/** dr-a works 09:00–12:00 on weekdays; books of 10, 11 and 24 March are open; P-1…P-3 registered. */
const setUp = async () => {
  const practice = await createPractice({ store: 'memory:', timeZone: zone, currency: 'USD', name: 'Coord' });
  const p = practice.as(pm).patients;
  const early = { at: '2026-03-01T08:00:00-05:00' };
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
  for (const date of ['2026-03-10', '2026-03-11', '2026-03-24'])
    expect((await p.openDay({ date, timeZone: zone, providerIds: ['dr-a'] }, early)).ok).toBe(true);
  for (const patientId of ['P-1', 'P-2', 'P-3'])
    await p.registerPatient({ patientId, name: `Name of ${patientId}`, registeredOn: '2026-02-01' }, early);
  return { practice, p, d: practice.as(desk).patients };
};
const book = (date: string, appointmentId: string, patientId: string, start: string, durationMin = 30) => ({
  date,
  appointmentId,
  patientId,
  providerId: 'dr-a',
  locationId: 'main',
  appointmentType: 'follow-up',
  start,
  durationMin,
});

describe('waitlist (P3)', () => {
  it('offers a freed slot to several entries; the first acceptance books it and moves the current appointment; the second lapses', async () => {
    const { practice, d } = await setUp();
    try {
      const at = { at: '2026-03-02T09:00:00-05:00' };
      // P-1 holds 10:00 on the 10th; P-2 holds the 24th and wants earlier; P-3 wants any morning slot.
      for (const [day, id, pt, start] of [
        ['2026-03-10', 'A-1', 'P-1', '10:00'],
        ['2026-03-24', 'A-2', 'P-2', '09:00'],
      ] as const)
        expect((await d.bookAppointment(book(day, id, pt, start), at)).ok).toBe(true);
      const join = (entryId: string, patientId: string, extra: Record<string, unknown> = {}) =>
        d.joinWaitlist(
          {
            entryId,
            patientId,
            appointmentType: 'follow-up',
            providerIds: ['dr-a'],
            locationIds: [],
            windows: [{ weekday: 2, from: '09:00', to: '12:00' }],
            earliestOn: '2026-03-03',
            latestOn: '2026-03-20',
            priority: 'routine',
            ...extra,
          } as never,
          at,
        );
      expect(
        (await join('W-2', 'P-2', { currentAppointmentId: 'A-2', currentAppointmentDate: '2026-03-24' })).ok,
      ).toBe(true);
      expect((await join('W-3', 'P-3', { priority: 'urgent' })).ok).toBe(true);
      expect(await join('W-9', 'P-9')).toMatchObject({
        ok: false,
        code: 'UnknownPatient',
        field: 'patientId',
      });
      expect(await join('W-8', 'P-3', { latestOn: '2026-03-01' })).toMatchObject({
        ok: false,
        code: 'InvalidWindow',
        field: 'latestOn',
      });
      expect((await listWaitlist(practice.readModels)).map((w) => w.entryId)).toEqual(['W-3', 'W-2']);

      // P-1 cancels 10:00 on the 10th: the slot goes to both entries, with an expiry.
      await d.cancelAppointment(
        { date: '2026-03-10', appointmentId: 'A-1', by: 'patient', reason: 'feels better' },
        { at: '2026-03-05T09:00:00-05:00' },
      );
      const slot = {
        date: '2026-03-10',
        providerId: 'dr-a',
        locationId: 'main',
        start: '10:00',
        durationMin: 30,
        expiresAt: '2026-03-06T09:00:00-05:00',
      };
      const offerAt = { at: '2026-03-05T09:05:00-05:00' };
      expect((await d.offerSlot({ entryId: 'W-2', offerId: 'O-2', ...slot }, offerAt)).ok).toBe(true);
      expect((await d.offerSlot({ entryId: 'W-3', offerId: 'O-3', ...slot }, offerAt)).ok).toBe(true);
      expect(await d.offerSlot({ entryId: 'W-2', offerId: 'O-4', ...slot }, offerAt)).toMatchObject({
        ok: false,
        code: 'OfferAlreadyOpen',
      });
      expect(
        await d.offerSlot(
          { entryId: 'W-3', offerId: 'O-5', ...slot, date: '2026-03-11', start: '09:00' },
          offerAt,
        ),
      ).toMatchObject({ ok: false, code: 'OfferDoesNotMatch', field: 'start' });

      const first = await d.acceptOffer(
        { entryId: 'W-2', offerId: 'O-2' },
        { at: '2026-03-05T10:00:00-05:00' },
      );
      expect(first.ok && first.events.map((e) => e.type)).toEqual(['OfferAccepted']);
      const booked = await getAppointment(practice.readModels, '2026-03-10', 'WL-O-2');
      expect(booked).toMatchObject({
        patientId: 'P-2',
        bookedVia: 'waitlist',
        status: 'booked',
        start: '10:00',
      });
      // The appointment it replaces is cancelled by the practice: moved earlier, never a late cancel.
      expect(await getAppointment(practice.readModels, '2026-03-24', 'A-2')).toMatchObject({
        status: 'cancelled',
        cancelledBy: 'practice',
        lateCancel: false,
        rescheduledTo: 'WL-O-2',
      });
      const second = await d.acceptOffer(
        { entryId: 'W-3', offerId: 'O-3' },
        { at: '2026-03-05T10:01:00-05:00' },
      );
      expect(second.ok && second.events.map((e) => [e.type, (e.data as { reason: string }).reason])).toEqual([
        ['OfferLapsed', 'SlotTaken'],
      ]);
      expect(
        await d.acceptOffer({ entryId: 'W-3', offerId: 'O-3' }, { at: '2026-03-05T10:02:00-05:00' }),
      ).toMatchObject({ ok: false, code: 'OfferNotOpen' });
      const all = await listWaitlist(practice.readModels, { includeClosed: true });
      expect(all.map((w) => [w.entryId, w.status, w.bookedAppointmentId, w.lapsed])).toEqual([
        ['W-3', 'open', undefined, 1],
        ['W-2', 'booked', 'WL-O-2', 0],
      ]);
      // An offer accepted after it expired is refused.
      await d.offerSlot({ entryId: 'W-3', offerId: 'O-6', ...slot, start: '11:00' }, offerAt);
      expect(
        await d.acceptOffer({ entryId: 'W-3', offerId: 'O-6' }, { at: '2026-03-06T09:30:00-05:00' }),
      ).toMatchObject({ ok: false, code: 'OfferExpired', field: 'acceptedAt' });
    } finally {
      await practice.close();
    }
  });
});

/** Books, checks in and out one visit of `patientId` at `start` on the 10th; returns nothing. */
const visit = async (
  practice: Awaited<ReturnType<typeof setUp>>['practice'],
  appointmentId: string,
  patientId: string,
  start: string,
  minutes: { arrive: number; room: number; provider: number; out: number },
) => {
  const d = practice.as(desk).patients;
  const n = practice.as(nurse).patients;
  const t0 = Date.parse(`2026-03-10T${start}:00-04:00`);
  const at = (m: number) => ({ at: new Date(t0 + m * 60_000).toISOString() });
  const ref = { date: '2026-03-10', appointmentId };
  expect(
    (
      await d.bookAppointment(book('2026-03-10', appointmentId, patientId, start), {
        at: '2026-03-02T09:00:00-05:00',
      })
    ).ok,
  ).toBe(true);
  expect((await d.recordArrival({ ...ref, via: 'desk' }, at(minutes.arrive))).ok).toBe(true);
  expect((await n.roomPatient({ ...ref, room: 'R1' }, at(minutes.room))).ok).toBe(true);
  expect((await n.startProviderEncounter(ref, at(minutes.provider))).ok).toBe(true);
  expect((await n.checkOut(ref, at(minutes.out))).ok).toBe(true);
};

describe('patient experience surveys (P7)', () => {
  it('invites only checked-out visits, once; checks answers against the scale; keeps only aggregates; a low score asks for service recovery or opens a complaint', async () => {
    const { practice, p, d } = await setUp();
    try {
      const defineAt = { at: '2026-03-01T09:00:00-05:00' };
      const campaign = {
        campaignId: 'cahps',
        instrument: {
          ...Survey.cgCahpsAdult31,
          questions: [
            ...Survey.cgCahpsAdult31.questions,
            { id: 'recommend', scale: { min: 0, max: 10 }, composite: 'nps' },
          ],
        },
        trigger: 'checked-out',
        delayHours: 2,
        sampling: { everyNth: 1, maxPerProviderPerMonth: 2 },
        lowScoreThreshold: 6,
        responseWindowDays: 14,
      } as const;
      expect(
        await p.defineSurveyCampaign(
          { ...campaign, instrument: { ...campaign.instrument, questions: [] } },
          defineAt,
        ),
      ).toMatchObject({
        ok: false,
        code: 'NoQuestions',
      });
      expect((await p.defineSurveyCampaign(campaign as never, defineAt)).ok).toBe(true);
      await visit(practice, 'A-1', 'P-1', '09:00', { arrive: -5, room: 10, provider: 20, out: 40 });
      await visit(practice, 'A-2', 'P-2', '10:00', { arrive: -2, room: 4, provider: 30, out: 50 });
      expect(
        (
          await d.bookAppointment(book('2026-03-10', 'A-3', 'P-3', '11:00'), {
            at: '2026-03-02T09:00:00-05:00',
          })
        ).ok,
      ).toBe(true);

      const invite = (responseId: string, appointmentId: string) =>
        d.inviteToSurvey(
          { responseId, campaignId: 'cahps', appointmentId, appointmentDate: '2026-03-10' },
          { at: '2026-03-10T15:00:00-04:00' },
        );
      expect(await invite('R-3', 'A-3')).toMatchObject({
        ok: false,
        code: 'NotCheckedOut',
        field: 'appointmentId',
      });
      expect((await invite('R-1', 'A-1')).ok).toBe(true);
      expect(await invite('R-1b', 'A-1')).toMatchObject({ ok: false, code: 'AlreadyInvited' });
      expect((await invite('R-2', 'A-2')).ok).toBe(true);

      const all = (value: number, rating: number) => [
        ...Survey.cgCahpsAdult31.questions
          .filter((q) => q.composite !== 'provider-rating')
          .map((q) => ({ questionId: q.id, value })),
        { questionId: 'provider-rating', value: rating },
        { questionId: 'recommend', value: rating },
      ];
      const answer = (responseId: string, answers: unknown, extra: Record<string, unknown> = {}) =>
        d.recordSurveyAnswers({ responseId, answers, publicReviewConsent: false, ...extra } as never, {
          at: '2026-03-11T12:00:00-04:00',
        });
      expect(await answer('R-1', [{ questionId: 'provider-rating', value: 11 }])).toMatchObject({
        ok: false,
        code: 'AnswerOutOfRange',
        field: 'answers.0.value',
      });
      expect(await answer('R-1', [{ questionId: 'colour', value: 1 }])).toMatchObject({
        ok: false,
        code: 'UnknownQuestion',
        field: 'answers.0.questionId',
      });
      expect((await answer('R-1', all(4, 10), { comment: 'Dr A was wonderful to my mother' })).ok).toBe(true);
      expect(await answer('R-1', all(4, 10))).toMatchObject({ ok: false, code: 'AlreadyAnswered' });
      const low = await answer('R-2', all(2, 3), { contactRequested: true });
      expect(low.ok && low.events[0]?.data).toMatchObject({ lowScore: true });

      // Aggregates only: per provider and month, no response or patient in them.
      const [month] = await listExperience(practice.readModels);
      expect(month).toMatchObject({
        month: '2026-03',
        providerId: 'dr-a',
        invited: 2,
        answered: 2,
        lowScores: 1,
        composites: { access: { answers: 6, topBox: 3 }, 'provider-rating': { answers: 2, topBox: 1 } },
        nps: { answers: 2, promoters: 1, detractors: 1 },
      });
      expect(JSON.stringify(month)).not.toMatch(/P-1|P-2|R-1|wonderful/);

      // The low score with a request to be contacted became a complaint.
      expect(
        (await listComplaints(practice.readModels)).map((c) => [c.complaintId, c.channel, c.patientId]),
      ).toEqual([['survey-R-2', 'survey', 'P-2']]);
      const report = await practice.kpis('2026-03');
      const v = (id: string) => report.lines.find((l) => l.id === id)?.value;
      expect([
        v('surveyResponseRate'),
        v('cgcahpsAccess'),
        v('providerRating9or10'),
        v('netPromoterScore'),
      ]).toEqual([100, 50, 50, 0]);
      expect([v('waitArrivalToRoomed'), v('waitRoomedToProvider'), v('waitArrivalToProvider')]).toEqual([
        6, 10, 25,
      ]);
      expect(v('waitArrivalToProviderP90')).toBe(32);
    } finally {
      await practice.close();
    }
  });

  it('a low score without a contact request is a service-recovery duty on the calendar until followed up', async () => {
    const { practice, p, d } = await setUp();
    try {
      await p.defineSurveyCampaign(
        {
          campaignId: 'quick',
          instrument: {
            id: 'nps',
            version: '1',
            questions: [{ id: 'recommend', scale: { min: 0, max: 10 }, composite: 'nps' }],
          },
          trigger: 'checked-out',
          delayHours: 0,
          sampling: { everyNth: 1, maxPerProviderPerMonth: 1 },
          lowScoreThreshold: 6,
          responseWindowDays: 7,
        },
        { at: '2026-03-01T09:00:00-05:00' },
      );
      await visit(practice, 'A-1', 'P-1', '09:00', { arrive: 0, room: 5, provider: 10, out: 20 });
      await visit(practice, 'A-2', 'P-2', '10:00', { arrive: 0, room: 5, provider: 10, out: 20 });
      const inv = { campaignId: 'quick', appointmentDate: '2026-03-10' };
      expect(
        (
          await d.inviteToSurvey(
            { responseId: 'R-1', appointmentId: 'A-1', ...inv },
            { at: '2026-03-10T13:00:00-04:00' },
          )
        ).ok,
      ).toBe(true);
      expect(
        await d.inviteToSurvey(
          { responseId: 'R-2', appointmentId: 'A-2', ...inv },
          { at: '2026-03-10T13:00:00-04:00' },
        ),
      ).toMatchObject({ ok: false, code: 'SampleQuotaReached' });
      expect(
        await d.recordSurveyAnswers(
          { responseId: 'R-1', answers: [{ questionId: 'recommend', value: 2 }], publicReviewConsent: false },
          { at: '2026-03-18T12:00:00-04:00' },
        ),
      ).toMatchObject({ ok: false, code: 'SurveyClosed', field: 'submittedAt' });
      // Not before the invitation was sent (fresh-user finding).
      expect(
        await d.recordSurveyAnswers(
          { responseId: 'R-1', answers: [{ questionId: 'recommend', value: 2 }], publicReviewConsent: false },
          { at: '2026-03-10T12:59:00-04:00' },
        ),
      ).toMatchObject({ ok: false, code: 'BeforeInvitation', field: 'submittedAt' });
      expect(
        (
          await d.recordSurveyAnswers(
            {
              responseId: 'R-1',
              answers: [{ questionId: 'recommend', value: 2 }],
              publicReviewConsent: false,
            },
            { at: '2026-03-12T12:00:00-04:00' },
          )
        ).ok,
      ).toBe(true);
      const duty = async () =>
        (await practice.calendar('2026-03-31')).find((o) => o.kind === 'service-recovery');
      expect(await duty()).toMatchObject({ id: 'service-recovery:R-1', dueAt: '2026-03-15' });
      expect((await duty())?.completedAt).toBeUndefined();
      expect(
        (
          await d.recordServiceRecovery(
            { responseId: 'R-1', action: 'called' },
            { at: '2026-03-13T10:00:00-04:00' },
          )
        ).ok,
      ).toBe(true);
      expect((await duty())?.completedAt).toBeDefined();
      expect(await listComplaints(practice.readModels)).toEqual([]);
    } finally {
      await practice.close();
    }
  });
});

describe('complaints (P8)', () => {
  it('seals what is said, routes privacy to the privacy officer, counts SLAs in business days, resolves only after investigation and a response', async () => {
    const { practice, d } = await setUp();
    try {
      const received = await d.receiveComplaint(
        {
          complaintId: 'C-1',
          channel: 'phone',
          category: 'privacy',
          complainant: 'Name of P-1, by telephone',
          summary: 'My results were discussed loudly at the front desk',
          patientId: 'P-1',
        },
        { at: '2026-03-13T16:00:00-04:00' }, // a Friday
      );
      expect(received.ok && received.events[0]?.data).toMatchObject({
        routedTo: 'privacy-officer',
        receivedOn: '2026-03-13',
        acknowledgeDueOn: '2026-03-17',
        responseDueOn: '2026-04-03',
        retainUntilOn: '2032-03-13',
        summary: 'My results were discussed loudly at the front desk',
      });
      // In the log, the text is a vault token.
      const stored = [];
      for await (const e of practice.store.readStream('Complaint-C-1')) stored.push(e);
      expect(JSON.stringify(stored[0]?.data)).not.toContain('loudly');
      expect(JSON.stringify(stored[0]?.data)).toContain('[pii:v1:');

      const c = practice.as(co).patients;
      expect(
        await c.resolveComplaint(
          {
            complaintId: 'C-1',
            resolution: 'apologised',
            actions: [],
            respondedOn: '2026-03-20',
            responseMethod: 'written',
          },
          { at: '2026-03-20T10:00:00-04:00' },
        ),
      ).toMatchObject({ ok: false, code: 'NotInvestigated' });
      expect(
        (
          await d.acknowledgeComplaint(
            { complaintId: 'C-1', method: 'phone' },
            { at: '2026-03-16T10:00:00-04:00' },
          )
        ).ok,
      ).toBe(true);
      expect(
        await d.acknowledgeComplaint(
          { complaintId: 'C-1', method: 'phone' },
          { at: '2026-03-16T11:00:00-04:00' },
        ),
      ).toMatchObject({
        ok: false,
        code: 'AlreadyAcknowledged',
      });
      await c.recordInvestigationStep(
        { complaintId: 'C-1', stepId: 'S1', note: 'Interviewed the desk staff' },
        { at: '2026-03-17T10:00:00-04:00' },
      );
      expect(
        await c.resolveComplaint(
          { complaintId: 'C-1', resolution: 'apologised', actions: ['privacy screen'] },
          { at: '2026-03-20T10:00:00-04:00' },
        ),
      ).toMatchObject({ ok: false, code: 'NoResponse', field: 'respondedOn' });
      expect(
        await d.resolveComplaint(
          {
            complaintId: 'C-1',
            resolution: 'x',
            actions: [],
            respondedOn: '2026-03-20',
            responseMethod: 'written',
          },
          { at: '2026-03-20T10:00:00-04:00' },
        ),
      ).toMatchObject({ ok: false, code: 'Unauthorized' });
      expect(
        await c.closeComplaint({ complaintId: 'C-1' }, { at: '2026-03-20T10:00:00-04:00' }),
      ).toMatchObject({
        ok: false,
        code: 'NotResolved',
      });
      const resolved = await c.resolveComplaint(
        {
          complaintId: 'C-1',
          resolution: 'Apologised; desk moved',
          actions: ['privacy screen'],
          respondedOn: '2026-03-20',
          responseMethod: 'written',
        },
        { at: '2026-03-20T10:00:00-04:00' },
      );
      expect(resolved.ok && resolved.events[0]?.data).toMatchObject({ resolutionDays: 7, withinSla: true });
      expect(
        (await c.linkBreach({ complaintId: 'C-1', breachId: 'B-1' }, { at: '2026-03-20T11:00:00-04:00' })).ok,
      ).toBe(true);

      await d.receiveComplaint(
        {
          complaintId: 'C-2',
          channel: 'letter',
          category: 'billing',
          complainant: 'Anonymous',
          summary: 'Billed twice',
        },
        { at: '2026-03-16T09:00:00-04:00' },
      );
      expect(
        await c.linkBreach({ complaintId: 'C-2', breachId: 'B-1' }, { at: '2026-03-20T11:00:00-04:00' }),
      ).toMatchObject({
        ok: false,
        code: 'NotPrivacyComplaint',
      });
      const cal = await practice.calendar('2026-03-31');
      const kinds = cal
        .filter((o) => o.kind.startsWith('complaint'))
        .map((o) => [o.id, o.completedAt !== undefined]);
      expect(kinds).toEqual(
        expect.arrayContaining([
          ['complaint-ack:C-1', true],
          ['complaint-response:C-1', true],
          ['complaint-ack:C-2', false],
          ['complaint-response:C-2', false],
        ]),
      );
      const views = await listComplaints(practice.readModels);
      expect(JSON.stringify(views)).not.toMatch(/loudly|Billed twice|Anonymous/);
      const report = await practice.kpis('2026-03');
      const v = (id: string) => report.lines.find((l) => l.id === id)?.value;
      expect([v('complaintResolutionDays'), v('complaintAcknowledgedWithinSla')]).toEqual([7, 50]);
    } finally {
      await practice.close();
    }
  });
});

describe('flow board and availability', () => {
  it('shows who waits where as of any instant, and the next open slots across days', async () => {
    const { practice, d } = await setUp();
    try {
      await visit(practice, 'A-1', 'P-1', '09:00', { arrive: -5, room: 10, provider: 20, out: 40 });
      expect(
        (
          await d.bookAppointment(book('2026-03-10', 'A-2', 'P-2', '09:30'), {
            at: '2026-03-02T09:00:00-05:00',
          })
        ).ok,
      ).toBe(true);
      const board = await flowBoard(practice.readModels, '2026-03-10', '2026-03-10T09:15:00-04:00');
      expect(board.map((r) => [r.appointmentId, r.stage, r.minutesInStage])).toEqual([
        ['A-1', 'roomed', 5],
        ['A-2', 'expected', -15],
      ]);
      const later = await flowBoard(practice.readModels, '2026-03-10', '2026-03-10T10:00:00-04:00');
      expect(later.map((r) => [r.appointmentId, r.stage])).toEqual([
        ['A-2', 'expected'],
        ['A-1', 'checked-out'],
      ]);
      // The 10th is booked 09:00–10:00; the next three 30-minute starts from 09:00 that day.
      const slots = await nextAvailableSlots(practice.readModels, {
        providerId: 'dr-a',
        fromAt: '2026-03-10T09:00:00-04:00',
        timeZone: zone,
        durationMin: 30,
        count: 3,
        gridMinutes: 30,
      });
      expect(slots.map((s) => `${s.date} ${s.start}`)).toEqual([
        '2026-03-10 10:00',
        '2026-03-10 10:30',
        '2026-03-10 11:00',
      ]);
      const five = await nextAvailableSlots(practice.readModels, {
        providerId: 'dr-a',
        fromAt: '2026-03-10T10:45:00-04:00',
        timeZone: zone,
        durationMin: 60,
        count: 2,
        gridMinutes: 60,
      });
      expect(five.map((s) => `${s.date} ${s.start}`)).toEqual(['2026-03-10 11:00', '2026-03-11 09:00']);
      const day = await dayAvailability(practice.readModels, '2026-03-10', {
        durationMin: 30,
        gridMinutes: 30,
      });
      expect(day).toEqual([{ providerId: 'dr-a', starts: ['10:00', '10:30', '11:00', '11:30'] }]);
    } finally {
      await practice.close();
    }
  });
});
