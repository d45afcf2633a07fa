import type { Actor } from '@praxis/core';
import { Survey } from '@praxis/patients';
import { actorOf, people, providers } from './cast.js';
import type { Step } from './plan.js';
import type { Rng } from './random.js';
import type { DemoTime } from './time.js';

const first = [
  'Philippa',
  'Augustin',
  'Marisol',
  'Thaddeus',
  'Ingrid',
  'Cormac',
  'Yevgenia',
  'Ottoline',
  'Bartholomew',
  'Zuzana',
  'Leopold',
  'Henrietta',
];
const last = [
  'Okonkwo-Hartley',
  'Vasquez-Lindqvist',
  'Abernathy',
  'Featherstonehaugh',
  'Quilliam',
  'Drummond-Oyelaran',
  'Castellanos',
  'Pemberton-Szabo',
  'Whitcombe',
  'Nakashima-Reid',
  'Grzelak',
  'Oyelowo',
  'Thistlewood',
];

/**
 * The demo patients' names (never in the database in clear: the vault seals them). The
 * n-th patient (1-based) is `patientNames[(n - 1) % patientNames.length]`.
 */
export const patientNames: readonly string[] = first.flatMap((f) => last.map((l) => `${f} ${l}`));

/** Free text the demo records about patients (sealed): a complaint summary, a survey comment. */
export const patientSecrets = [
  'waited an hour past my appointment with my toddler',
  'my test results were read out in the waiting room',
  'Dr Kim explained everything twice and never rushed me',
] as const;

const slots = [
  '08:00',
  '08:30',
  '09:00',
  '09:30',
  '10:00',
  '10:30',
  '11:00',
  '11:30',
  '13:00',
  '13:30',
  '14:00',
  '14:30',
  '15:00',
  '15:30',
  '16:00',
  '16:30',
];
const categories = [
  'access',
  'billing',
  'communication',
  'clinical-care',
  'staff-conduct',
  'facility',
  'other',
] as const;

/**
 * Patient coordination for the demo year: the three physicians' hours (08:00–12:00, 13:00–17:00
 * on weekdays), about one appointment per 4 encounters booked 1–21 days ahead, each day's book
 * opened a month before, text reminders with confirmations by reply, the flow on the day
 * (arrival, rooming, the provider, check-out), no-shows, late and early cancellations, waitlist
 * offers that refill early-cancelled slots, a CG-CAHPS survey to every fourth visit (low scores
 * become service recovery or complaints), outgoing referrals to loop closure, a complaint a month
 * and a few records requests. Every name and free text goes through the vault.
 */
export const planPatients = (rng: Rng, time: DemoTime, year: number, encounters: number): Step[] => {
  const steps: Step[] = [];
  const pm = actorOf(people.manager);
  const desk: Actor = { id: people.desk1.id, role: 'front_desk' };
  const ma: Actor = { id: people.ma1.id, role: 'clinical' };
  const co = actorOf(people.compliance);
  const add = (at: string, label: string, run: Step['run'], expectRefusal?: string) =>
    steps.push({ at, label: `patients ${label}`, run, ...(expectRefusal ? { expectRefusal } : {}) });
  const when = (day: string, offset: number, h: number, m = 0) => time.at(time.addDays(day, offset), h, m);
  const setup = `${year - 1}-11-01`;
  const days = time.workingDays(year);
  const appointments = Math.max(12, Math.round(encounters * 0.25));
  const patients = Math.max(12, Math.min(patientNames.length, Math.round(appointments / 6)));
  const pid = (n: number) => `pt-${String(n).padStart(4, '0')}`;

  for (const p of providers)
    add(time.at(setup, 9), `${p.id}: hours`, (x) =>
      x.patients.setProviderHours(
        {
          providerId: p.id,
          effectiveFrom: setup,
          weekly: [1, 2, 3, 4, 5].flatMap((weekday) => [
            { weekday, start: '08:00', end: '12:00', locationId: 'main' },
            { weekday, start: '13:00', end: '17:00', locationId: 'main' },
          ]),
        },
        { actor: pm },
      ),
    );
  add(time.at(setup, 9, 30), 'survey campaign', (x) =>
    x.patients.defineSurveyCampaign(
      {
        campaignId: 'cg-cahps',
        instrument: {
          ...Survey.cgCahpsAdult31,
          questions: [
            ...Survey.cgCahpsAdult31.questions,
            { id: 'recommend', scale: { min: 0, max: 10 }, composite: 'nps' },
          ],
        },
        trigger: 'checked-out',
        delayHours: 2,
        sampling: { everyNth: 4, maxPerProviderPerMonth: 500 },
        lowScoreThreshold: 6,
        responseWindowDays: 14,
      },
      { actor: pm },
    ),
  );
  for (let n = 1; n <= patients; n++) {
    const patientId = pid(n);
    const at = time.at(setup, 10, n % 60);
    add(at, `${patientId}: registered`, (x) =>
      x.patients.registerPatient(
        {
          patientId,
          name: patientNames[(n - 1) % patientNames.length]!,
          phone: `+1 312 555 ${String(1000 + n).slice(-4)}`,
          registeredOn: setup,
        },
        { actor: desk },
      ),
    );
    for (const channel of ['sms', 'email'] as const)
      add(at, `${patientId}: ${channel} consent`, (x) =>
        x.patients.recordContactConsent(
          { patientId, channel, purpose: 'care', givenOn: setup, source: 'intake', written: true },
          { actor: desk },
        ),
      );
  }

  const lastReminder = new Map<string, number>();
  let appt = 0;
  let offers = 0;
  let responses = 0;
  let referrals = 0;
  for (const [d, day] of days.entries()) {
    const target =
      Math.round(((d + 1) * appointments) / days.length) - Math.round((d * appointments) / days.length);
    if (target === 0) continue;
    add(when(day, -35, 7), `book ${day}: opened`, (x) =>
      x.patients.openDay(
        { date: day, timeZone: time.zone, providerIds: providers.map((p) => p.id) },
        { actor: desk },
      ),
    );
    const used = new Set<string>();
    const seenToday = new Set<number>();
    for (let k = 0; k < target; k++) {
      const provider = providers[rng.int(0, providers.length - 1)]!;
      let start = rng.pick(slots);
      for (let tries = 0; used.has(`${provider.id}|${start}`) && tries < 40; tries++) start = rng.pick(slots);
      if (used.has(`${provider.id}|${start}`)) continue;
      used.add(`${provider.id}|${start}`);
      let n = rng.int(1, patients);
      for (let tries = 0; seenToday.has(n) && tries < 40; tries++) n = rng.int(1, patients);
      if (seenToday.has(n)) continue;
      seenToday.add(n);
      const patientId = pid(n);
      const appointmentId = `a${year}-${String(++appt).padStart(5, '0')}`;
      const ref = { date: day, appointmentId };
      const [h, m] = start.split(':').map(Number) as [number, number];
      const lead = rng.int(1, 21);
      add(when(day, -lead, 10, rng.int(0, 59)), `${appointmentId}: booked`, (x) =>
        x.patients.bookAppointment(
          {
            ...ref,
            patientId,
            providerId: provider.id,
            locationId: 'main',
            appointmentType: rng.chance(0.2) ? 'new-patient' : 'follow-up',
            start,
            durationMin: 30,
            bookedVia: rng.chance(0.15) ? 'phone' : 'staff',
          },
          { actor: desk },
        ),
      );
      // A text reminder the evening before (at most one a week per patient, inside the TCPA cap).
      const remindAt = when(day, -1, 18, rng.int(0, 30));
      const dayMs = Date.parse(remindAt);
      const reminded = lead >= 2 && dayMs - (lastReminder.get(patientId) ?? 0) > 7 * 86_400_000;
      const messageId = `m-${appointmentId}`;
      if (reminded) {
        lastReminder.set(patientId, dayMs);
        add(remindAt, `${appointmentId}: reminder`, (x) =>
          x.patients.sendMessage(
            {
              patientId,
              messageId,
              channel: 'sms',
              purpose: 'care',
              kind: 'reminder',
              appointmentId,
              appointmentDate: day,
            },
            { actor: desk },
          ),
        );
      }
      const fate = rng.weighted([
        ['kept', 83],
        ['no-show', 6],
        ['late-cancel', 5],
        ['early-cancel', 6],
      ] as const);
      if (reminded && fate !== 'late-cancel' && rng.chance(0.7))
        add(when(day, -1, 19, rng.int(0, 59)), `${appointmentId}: confirmed by reply`, (x) =>
          x.patients.recordReply({ patientId, messageId, intent: 'confirm' }, { actor: desk }),
        );
      if (fate === 'no-show') {
        add(time.at(day, h, m + 40), `${appointmentId}: no-show`, (x) =>
          x.patients.recordNoShow(ref, { actor: desk }),
        );
        continue;
      }
      if (fate === 'late-cancel') {
        add(time.at(day, 7, rng.int(0, 30)), `${appointmentId}: late cancel`, (x) =>
          x.patients.cancelAppointment(
            { ...ref, by: 'patient', reason: 'unwell, cannot come in' },
            { actor: desk },
          ),
        );
        continue;
      }
      if (fate === 'early-cancel' && lead >= 5) {
        const cancelAt = when(day, -3, 9, 0);
        add(cancelAt, `${appointmentId}: cancelled`, (x) =>
          x.patients.cancelAppointment(
            { ...ref, by: 'patient', reason: 'schedule conflict' },
            { actor: desk },
          ),
        );
        // Half the freed slots go to a patient on the ASAP list, who takes it.
        if (!rng.chance(0.5)) continue;
        let w = rng.int(1, patients);
        for (let tries = 0; seenToday.has(w) && tries < 40; tries++) w = rng.int(1, patients);
        if (seenToday.has(w)) continue;
        seenToday.add(w);
        const entryId = `wl-${appointmentId}`;
        const offerId = `of-${++offers}`;
        add(when(day, -4, 11), `${entryId}: joined`, (x) =>
          x.patients.joinWaitlist(
            {
              entryId,
              patientId: pid(w),
              appointmentType: 'follow-up',
              providerIds: [provider.id],
              locationIds: [],
              windows: [],
              earliestOn: time.addDays(day, -4),
              latestOn: time.addDays(day, 14),
              priority: rng.chance(0.2) ? 'urgent' : 'routine',
            },
            { actor: desk },
          ),
        );
        add(when(day, -3, 9, 30), `${entryId}: offered`, (x) =>
          x.patients.offerSlot(
            {
              entryId,
              offerId,
              date: day,
              providerId: provider.id,
              locationId: 'main',
              start,
              durationMin: 30,
              expiresAt: when(day, -2, 9),
            },
            { actor: desk },
          ),
        );
        add(when(day, -3, 11), `${entryId}: accepted`, (x) =>
          x.patients.acceptOffer({ entryId, offerId }, { actor: desk }),
        );
        flow(`WL-${offerId}`, pid(w), false);
        continue;
      }
      flow(appointmentId, patientId, true);

      /** The visit on the day, and what follows it (survey, summary, referral). */
      function flow(id: string, patient: string, followUps: boolean) {
        const r = { date: day, appointmentId: id };
        const t = (offset: number) => time.at(day, h, m + offset);
        const arrive = -rng.int(0, 12);
        const room = rng.int(1, 18);
        const doctor = room + rng.int(2, 22);
        const out = doctor + rng.int(10, 25);
        add(t(arrive), `${id}: arrived`, (x) =>
          x.patients.recordArrival({ ...r, via: rng.chance(0.2) ? 'kiosk' : 'desk' }, { actor: desk }),
        );
        add(t(room), `${id}: roomed`, (x) =>
          x.patients.roomPatient({ ...r, room: `Exam ${rng.int(1, 4)}` }, { actor: ma }),
        );
        add(t(doctor), `${id}: with the provider`, (x) =>
          x.patients.startProviderEncounter(r, { actor: actorOf(provider) }),
        );
        add(t(out), `${id}: checked out`, (x) => x.patients.checkOut(r, { actor: desk }));
        if (rng.chance(0.6))
          add(time.at(day, 18, 30), `${id}: post-visit summary`, (x) =>
            x.patients.sendMessage(
              {
                patientId: patient,
                messageId: `pvs-${id}`,
                channel: 'email',
                purpose: 'care',
                kind: 'post-visit-summary',
                appointmentId: id,
                appointmentDate: day,
              },
              { actor: desk },
            ),
          );
        if (!followUps) return;
        if (appt % 4 === 0) survey(id);
        if (rng.chance(1 / 25)) referral(patient);
      }

      function survey(id: string) {
        const responseId = `sr-${++responses}`;
        add(time.at(day, 19), `${responseId}: invited`, (x) =>
          x.patients.inviteToSurvey(
            { responseId, campaignId: 'cg-cahps', appointmentId: id, appointmentDate: day },
            { actor: desk },
          ),
        );
        if (!rng.chance(0.45)) return;
        const low = rng.chance(0.06);
        const contact = low && rng.chance(0.5);
        const answers = Survey.cgCahpsAdult31.questions.map((q) => ({
          questionId: q.id,
          value:
            q.scale.max === 10
              ? low
                ? rng.int(2, 5)
                : rng.weighted([
                    [10, 40],
                    [9, 30],
                    [8, 18],
                    [7, 12],
                  ] as const)
              : low
                ? rng.int(1, 3)
                : rng.weighted([
                    [4, 60],
                    [3, 30],
                    [2, 10],
                  ] as const),
        }));
        const recommend = low
          ? rng.int(0, 5)
          : rng.weighted([
              [10, 40],
              [9, 25],
              [8, 20],
              [7, 10],
              [5, 5],
            ] as const);
        add(when(day, 2, 12, rng.int(0, 59)), `${responseId}: answered`, (x) =>
          x.patients.recordSurveyAnswers(
            {
              responseId,
              answers: [...answers, { questionId: 'recommend', value: recommend }],
              publicReviewConsent: !low && rng.chance(0.3),
              contactRequested: contact,
              ...(responses % 37 === 0 ? { comment: patientSecrets[2] } : {}),
            },
            { actor: desk },
          ),
        );
        if (low && !contact)
          add(when(day, 3, 10), `${responseId}: service recovery`, (x) =>
            x.patients.recordServiceRecovery({ responseId, action: 'called' }, { actor: desk }),
          );
        if (low && contact) complaintSteps(`survey-${responseId}`, time.addDays(day, 2), 12, true);
      }

      function referral(patient: string) {
        const referralId = `rf-${++referrals}`;
        const inNetwork = rng.chance(0.85);
        const on = (offset: number) => time.addDays(day, offset);
        add(when(day, 0, 17, 45), `${referralId}: created`, (x) =>
          x.patients.createReferral(
            {
              referralId,
              patientId: patient,
              referringProviderId: provider.id,
              to: {
                name: rng.pick(['Lakeshore Cardiology', 'North Side Dermatology', 'Midway Orthopedics']),
                specialty: 'specialist',
                inNetwork,
              },
              reason: 'specialist opinion requested',
              urgency: rng.chance(0.15) ? 'urgent' : 'routine',
              authorizationRequired: false,
              createdOn: day,
            },
            { actor: desk },
          ),
        );
        add(when(day, 1, 10), `${referralId}: sent`, (x) =>
          x.patients.sendReferral(
            { referralId, sentOn: on(1), channel: 'direct', documents: ['summary-of-care'] },
            { actor: desk },
          ),
        );
        add(when(day, 6, 10), `${referralId}: scheduled`, (x) =>
          x.patients.recordReferralScheduled(
            { referralId, appointmentOn: on(15), recordedOn: on(6) },
            { actor: desk },
          ),
        );
        add(when(day, 15, 16), `${referralId}: seen`, (x) =>
          x.patients.recordReferralSeen({ referralId, seenOn: on(15) }, { actor: desk }),
        );
        if (rng.chance(0.8)) {
          add(when(day, 22, 10), `${referralId}: report`, (x) =>
            x.patients.recordConsultReport(
              { referralId, receivedOn: on(22), reportRef: `doc-${referralId}` },
              { actor: desk },
            ),
          );
          add(when(day, 23, 10), `${referralId}: closed`, (x) =>
            x.patients.closeReferral({ referralId, outcome: 'completed', closedOn: on(23) }, { actor: desk }),
          );
        }
      }
    }
  }

  /** A complaint's life: received, acknowledged, investigated, resolved and closed (or still open). */
  function complaintSteps(
    complaintId: string,
    on: string,
    hour: number,
    viaSurvey: boolean,
    category?: string,
  ) {
    if (!viaSurvey)
      add(time.at(on, hour), `${complaintId}: received`, (x) =>
        x.patients.receiveComplaint(
          {
            complaintId,
            channel: rng.pick(['phone', 'letter', 'email', 'portal'] as const),
            category: (category ?? rng.pick(categories)) as (typeof categories)[number],
            complainant: patientNames[rng.int(0, patients - 1)]!,
            summary: category === 'privacy' ? patientSecrets[1] : patientSecrets[0],
            patientId: pid(rng.int(1, patients)),
          },
          { actor: desk },
        ),
      );
    const ackDays = rng.weighted([
      [1, 60],
      [2, 30],
      [4, 10],
    ] as const);
    add(when(on, ackDays, 10), `${complaintId}: acknowledged`, (x) =>
      x.patients.acknowledgeComplaint({ complaintId, method: 'phone' }, { actor: desk }),
    );
    add(when(on, ackDays + 1, 11), `${complaintId}: investigated`, (x) =>
      x.patients.recordInvestigationStep(
        { complaintId, stepId: 's1', note: 'spoke with the staff involved' },
        { actor: co },
      ),
    );
    const resolveDays = ackDays + rng.int(3, 25);
    add(when(on, resolveDays, 15), `${complaintId}: resolved`, (x) =>
      x.patients.resolveComplaint(
        {
          complaintId,
          resolution: 'explained and apologised; process changed',
          actions: ['staff huddle'],
          respondedOn: time.addDays(on, resolveDays),
          responseMethod: 'written',
        },
        { actor: co },
      ),
    );
    add(when(on, resolveDays + 1, 9), `${complaintId}: closed`, (x) =>
      x.patients.closeComplaint({ complaintId }, { actor: co }),
    );
  }
  for (let month = 1; month <= 12; month++) {
    const on =
      days.find((d) => d >= `${year}-${String(month).padStart(2, '0')}-10`) ?? days[days.length - 1]!;
    complaintSteps(
      `cp-${year}-${String(month).padStart(2, '0')}`,
      on,
      11,
      false,
      month === 5 ? 'privacy' : undefined,
    );
  }
  // Records requests: answered within 30 days, one extended, one late.
  for (const [i, month] of [2, 6, 9, 11].entries()) {
    const requestId = `rr-${year}-${i + 1}`;
    const on = days.find((d) => d >= `${year}-${String(month).padStart(2, '0')}-03`)!;
    add(time.at(on, 10), `${requestId}: received`, (x) =>
      x.patients.receiveAccessRequest(
        {
          requestId,
          patientId: pid(i + 1),
          receivedOn: on,
          requester: 'individual',
          scope: 'all visit notes of the last two years',
          form: 'electronic',
        },
        { actor: desk },
      ),
    );
    const answered = time.addDays(on, i === 3 ? 34 : rng.int(5, 25));
    add(time.at(answered, 15), `${requestId}: fulfilled`, (x) =>
      x.patients.fulfilAccessRequest({ requestId, fulfilledOn: answered, feeCents: 0 }, { actor: desk }),
    );
  }
  return steps;
};
